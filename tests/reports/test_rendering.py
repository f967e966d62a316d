"""Rendering a report to a tagged PDF, fetching only our own static files, and sizing it.

The PDF is checked as a reader's software sees it: pikepdf for the structure (tags,
language, title, bookmarks, fonts) and pypdf for the text a screen reader or search gets.
"""

import re
import socket
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

import pikepdf
import pypdf
import pytest
from django.conf import settings

from reports.rendering import Layout, pdf_size_label, render_pdf, static_url_fetcher

TITLE = "Out of court resolutions panel: findings, 15 October 2025"
PARAGRAPH = (
    "The panel reviewed the case file and found that the decision to give a community "
    "resolution was consistent with police policy: the victim's views were sought and the "
    "offender admitted the offence in interview."
)
STATIC_DIR = Path(settings.BASE_DIR) / "static"


def report_html(*, extra: str = "", paragraphs: int = 16) -> str:
    """A small findings report long enough to run on to a second page."""
    body = "\n".join(f'<p class="govuk-body">{n}. {PARAGRAPH}</p>' for n in range(paragraphs))
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{TITLE}</title>
<link rel="stylesheet" href="/static/css/report-pdf.css">
{extra}
</head>
<body>
<h1 class="govuk-heading-xl">Findings of the panel</h1>
<p class="govuk-body">Panel members come from the Crown Prosecution Service and the courts.</p>
<h2 class="govuk-heading-l">The panel meeting</h2>
<ul class="govuk-list govuk-list--bullet">
  <li>Victim's views not sought</li>
  <li>Gravity score missing</li>
</ul>
<table class="govuk-table">
  <caption class="govuk-table__caption">Cases in each category</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row">
    <th scope="col" class="govuk-table__header">Category</th>
    <th scope="col" class="govuk-table__header govuk-table__header--numeric">Cases</th>
  </tr></thead>
  <tbody class="govuk-table__body">
    <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Consistent</th>
      <td class="govuk-table__cell govuk-table__cell--numeric">7</td></tr>
    <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Inconsistent</th>
      <td class="govuk-table__cell govuk-table__cell--numeric">2</td></tr>
  </tbody>
</table>
<h3 class="govuk-heading-s">What the panel saw</h3>
{body}
<h2 class="govuk-heading-m">Further information</h2>
<p class="govuk-body">Contact the Office of the Police and Crime Commissioner.</p>
</body>
</html>"""


@pytest.fixture(scope="module")
def rendered():
    return render_pdf(report_html())


@pytest.fixture(scope="module")
def pdf(rendered):
    with pikepdf.open(BytesIO(rendered.content)) as document:
        yield document


@pytest.fixture(scope="module")
def text_by_page(rendered):
    return [page.extract_text() for page in pypdf.PdfReader(BytesIO(rendered.content)).pages]


@pytest.fixture
def connections(monkeypatch):
    """Every attempt to resolve or connect to a host, recorded and refused."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("tests make no network calls")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


def structure_tags(pdf) -> list[str]:
    """Every structure element's type, depth first from the document's root."""
    tags, pending = [], [pdf.Root.StructTreeRoot]
    while pending:
        node = pending.pop()
        if not isinstance(node, pikepdf.Dictionary):
            continue
        if "/S" in node:
            tags.append(str(node.S))
        kids = node.get("/K")
        pending.extend(kids if isinstance(kids, pikepdf.Array) else [kids])
    return tags


def structure_elements(pdf, tag: str) -> list:
    found, pending = [], [pdf.Root.StructTreeRoot]
    while pending:
        node = pending.pop()
        if not isinstance(node, pikepdf.Dictionary):
            continue
        if node.get("/S") == tag:
            found.append(node)
        kids = node.get("/K")
        pending.extend(kids if isinstance(kids, pikepdf.Array) else [kids])
    return found


def outline_titles(pdf) -> list[str]:
    with pdf.open_outline() as outline:
        titles, pending = [], list(reversed(outline.root))
        while pending:
            item = pending.pop()
            titles.append(item.title)
            pending.extend(reversed(item.children))
    return titles


def page_fonts(pdf) -> list[pikepdf.Dictionary]:
    """The fonts each page uses, including those inside its form XObjects (SVG, say)."""
    fonts, pending = [], [page.Resources for page in pdf.pages]
    while pending:
        resources = pending.pop()
        fonts.extend(resources.get("/Font", {}).values())
        for xobject in resources.get("/XObject", {}).values():
            if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
                pending.append(xobject.Resources)
    return fonts


def font_descriptor(font: pikepdf.Dictionary) -> pikepdf.Dictionary:
    if font.Subtype == "/Type0":
        return font.DescendantFonts[0].FontDescriptor
    return font.FontDescriptor


# The PDF: tags, language, title, bookmarks


def test_render_pdf_marks_the_document_as_tagged(pdf):
    assert ("/StructTreeRoot" in pdf.Root, bool(pdf.Root.MarkInfo.Marked)) == (True, True)


def test_render_pdf_takes_language_from_html_lang(pdf):
    assert str(pdf.Root.Lang) == "en-GB"


def test_render_pdf_takes_title_from_title_element(pdf):
    with pdf.open_metadata() as xmp:
        xmp_title = xmp.get("dc:title")

    assert (str(pdf.docinfo.Title), xmp_title) == (TITLE, TITLE)


def test_render_pdf_asks_viewers_to_show_the_title(pdf):
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True


def test_render_pdf_claims_pdf_ua_1(pdf):
    with pdf.open_metadata() as xmp:
        part = xmp.get("{http://www.aiim.org/pdfua/ns/id/}part")

    assert part == "1"


def test_render_pdf_headings_become_bookmarks_in_order(pdf):
    assert outline_titles(pdf) == [
        "Findings of the panel",
        "The panel meeting",
        "What the panel saw",
        "Further information",
    ]


def test_render_pdf_tags_headings_lists_and_table(pdf):
    tags = structure_tags(pdf)
    counts = {tag: tags.count(tag) for tag in ("/H1", "/H2", "/H3", "/L", "/LI", "/Table")}

    assert counts == {"/H1": 1, "/H2": 2, "/H3": 1, "/L": 1, "/LI": 2, "/Table": 1}


def test_render_pdf_tags_table_header_cells_as_th(pdf):
    assert len(structure_elements(pdf, "/TH")) == 4  # two column headers, two row headers


def test_render_pdf_links_each_data_cell_to_its_row_and_column_headers(pdf):
    headers = [len(cell.A.Headers) for cell in structure_elements(pdf, "/TD")]

    assert headers == [2, 2]


# The PDF: fonts, text, pages


def test_render_pdf_embeds_every_font(pdf):
    fonts = page_fonts(pdf)
    unembedded = [
        str(font.BaseFont)
        for font in fonts
        if font.Subtype != "/Type3"  # Type 3 glyphs are drawn inside the PDF itself
        and not {"/FontFile", "/FontFile2", "/FontFile3"} & set(font_descriptor(font).keys())
    ]

    assert (len(fonts) > 0, unembedded) == (True, [])


def test_render_pdf_sets_text_in_noto_sans(pdf):
    # Subset fonts are named "ABCDEF+Family-Style"; the prefix changes with the glyphs used.
    families = {str(font.BaseFont).split("+")[-1] for font in page_fonts(pdf)}

    assert {"Noto-Sans", "Noto-Sans-Bold"} <= families


@pytest.mark.parametrize("weight", ["400", "700"])
def test_the_pdf_font_draws_zero_without_a_slash(weight):
    # A plain zero is one closed ring: two contours (outside and counter). A slashed or
    # dotted zero, which reads as "Ø" in "0 cases", adds a third.
    from fontTools.ttLib import TTFont

    font = TTFont(STATIC_DIR / "fonts" / f"noto-sans-latin-{weight}-normal.woff")
    zero = font["glyf"][font.getBestCmap()[ord("0")]]

    assert zero.numberOfContours == 2


def test_render_pdf_text_can_be_extracted(text_by_page):
    text = " ".join(" ".join(text_by_page).split())  # lines are rewrapped by the layout

    assert f"0. {PARAGRAPH}" in text


def test_render_pdf_numbers_pages_at_the_foot(rendered, text_by_page):
    footers = [text.strip().splitlines()[-1] for text in text_by_page]

    assert footers == [f"Page {n} of {rendered.pages}" for n in range(1, rendered.pages + 1)]


def test_render_pdf_runs_on_to_a_second_page_and_counts_pages(rendered, text_by_page):
    assert (rendered.pages >= 2, len(text_by_page)) == (True, rendered.pages)


def test_render_pdf_pages_are_a4(pdf):
    sizes = {tuple(round(float(v)) for v in page.MediaBox) for page in pdf.pages}

    assert sizes == {(0, 0, 595, 842)}


def test_render_pdf_returns_a_pdf_file(rendered):
    assert rendered.content[:5] == b"%PDF-"


# Fetching: our own static files and data: URLs only, never the network


def test_render_pdf_skips_other_hosts_without_a_network_call(connections, caplog):
    extra = (
        '<link rel="stylesheet" href="https://fonts.example.com/tracker.css">\n'
        '<link rel="stylesheet" href="http://example.org/static.css">'
    )
    html = report_html(extra=extra, paragraphs=1).replace(
        "</h1>", '</h1><img src="http://example.org/tracker.png" alt="Tracker">'
    )

    result = render_pdf(html)

    failures = " ".join(r.getMessage() for r in caplog.records if "Failed to load" in r.msg)
    skipped = sorted(set(re.findall(r"https?://[\w.]+/[\w./]+", failures)))
    assert (result.pages, connections, skipped) == (
        1,
        [],
        [
            "http://example.org/static.css",
            "http://example.org/tracker.png",
            "https://fonts.example.com/tracker.css",
        ],
    )


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/tracker.png",
        "https://fonts.example.com/css/site.css",
        "http://localhost/media/reports/1/report.pdf",
        "file:///etc/passwd",
        "file:///work/main/static/css/report-pdf.css",
        "ftp://localhost/static/css/report-pdf.css",
        "http://localhost/static/../scrutiny/settings.py",
        "http://localhost/static/css/../../scrutiny/settings.py",
        "http://localhost/static/%2e%2e/scrutiny/settings.py",
        "http://localhost/static/css/..%5c..%5cscrutiny%5csettings.py",
        "http://localhost/static//etc/passwd",
        "http://localhost/static/css/no-such-file.css",
        "/static/css/report-pdf.css",  # WeasyPrint always passes absolute URLs
    ],
)
def test_static_url_fetcher_refuses_anything_but_our_static_files(url, connections):
    with pytest.raises(ValueError, match=re.escape(url)):
        static_url_fetcher(url)

    assert connections == []


def test_static_url_fetcher_serves_a_static_file_from_source(connections):
    response = static_url_fetcher("http://localhost/static/css/report-pdf.css")

    expected = (STATIC_DIR / "css" / "report-pdf.css").read_bytes()
    assert (response.read(), response.content_type, connections) == (expected, "text/css", [])


def test_static_url_fetcher_maps_any_host_to_local_static_files(connections):
    name = "fonts/noto-sans-latin-400-normal.woff"

    response = static_url_fetcher(f"https://scrutiny.example.gov/static/{name}")

    assert (response.read(), connections) == ((STATIC_DIR / name).read_bytes(), [])


def test_static_url_fetcher_serves_collected_hashed_files(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "report-pdf.0123abcd4567.css").write_bytes(b"body { color: #0b0c0c }")

    response = static_url_fetcher("http://localhost/static/css/report-pdf.0123abcd4567.css")

    assert response.read() == b"body { color: #0b0c0c }"


def test_static_url_fetcher_decodes_data_urls():
    response = static_url_fetcher("data:text/plain;base64,aGVsbG8=")

    assert response.read() == b"hello"


def test_report_stylesheet_only_links_files_the_fetcher_serves():
    css = (STATIC_DIR / "css" / "report-pdf.css").read_text()
    urls = re.findall(r'url\("?([^")]+)"?\)', css)

    sizes = [len(static_url_fetcher(f"http://localhost{url}").read()) > 0 for url in urls]

    assert (len(urls), sizes) == (8, [True] * 8)


# Sizes in GOV.UK attachment wording


@pytest.mark.parametrize(
    ("n_bytes", "label"),
    [
        (0, "0 bytes"),
        (1, "1 byte"),
        (900, "900 bytes"),
        (1023, "1023 bytes"),
        (1024, "1 KB"),
        (1535, "1 KB"),
        (1536, "2 KB"),
        (142 * 1024, "142 KB"),
        (1024 * 1024 - 1, "1.0 MB"),
        (1024 * 1024, "1.0 MB"),
        (1_258_291, "1.2 MB"),
        (15 * 1024 * 1024, "15.0 MB"),
    ],
)
def test_pdf_size_label_uses_govuk_wording(n_bytes, label):
    assert pdf_size_label(n_bytes) == label


# --- which line spacings are worth another layout ----------------------------------------

ALL_OF_IT = {"tighter": 1.0, "looser": 1.0}


def layout(pages: int, share: float) -> Layout:
    return Layout(SimpleNamespace(pages=[None] * pages), share)


def test_a_short_report_with_a_few_lines_over_is_laid_out_once():
    # 1.1 pages of text: no spacing between 1.3 and 1.55 fits it on one page or fills half
    # of the second, so WeasyPrint's layout (the costly step) runs once, not five times.
    assert layout(2, 0.1).promising_spacings(ALL_OF_IT) == []


def test_looser_spacings_come_first_then_tighter_ones_nearest_first():
    assert layout(5, 0.09).promising_spacings(ALL_OF_IT) == ["1.55", "1.35", "1.3"]


def test_a_spacing_that_moved_nothing_rules_out_its_direction():
    tried = layout(5, 0.09)

    stretch = {"tighter": layout(5, 0.09).stretch_seen(tried, 1.35), "looser": 1.0}

    assert stretch["tighter"] == 0.0
    assert layout(5, 0.09).promising_spacings(stretch) == ["1.55"]


def test_a_last_page_with_a_fair_share_is_left_alone():
    assert layout(3, 0.5).promising_spacings(ALL_OF_IT) == []
    assert layout(1, 1.0).promising_spacings(ALL_OF_IT) == []
