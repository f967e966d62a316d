"""Turning a report's HTML into a tagged PDF, and describing the file to the public.

WeasyPrint fetches what the HTML links to (stylesheets, fonts, images). Published reports
must never reach out to the network while rendering, nor read files outside the app's own
static files, so every fetch goes through `static_url_fetcher`.

WeasyPrint is imported inside the functions that need it: the import alone costs about
half a second, and most processes (the public site, tests of other apps) never render.
"""

import mimetypes
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.utils.translation import gettext, ngettext

PDF_VARIANT = "pdf/ua-1"
# Any host will do: the fetcher maps /static/ paths to local files and never connects.
DEFAULT_BASE_URL = "http://localhost/"


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    pages: int


# A last page with less text than this share of an average page reads as a mistake (a
# line or two and the page number). The report is laid out again with another line
# spacing (the stylesheet's is BASE_SPACING) until its last page carries a fair share or it
# fits a page fewer. Each layout costs as much as the first, so only spacings that could
# help are tried, nearest first, and at most MAX_RELAYOUTS of them.
NEAR_EMPTY = 0.4
BASE_SPACING = 1.4
LINE_SPACINGS = ("1.35", "1.5", "1.3", "1.55")
MAX_RELAYOUTS = 2


def render_pdf(html: str, *, base_url: str = DEFAULT_BASE_URL) -> RenderedPdf:
    """`html` as a PDF/UA-1 file: tagged, titled from <title>, language from <html lang>,
    with no near-empty last page where another line spacing avoids one."""
    import weasyprint

    source = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=static_fetcher())
    fonts = _font_config()
    # The variant is given to both steps: render() lays out with tags on, write_pdf()
    # writes the PDF/UA metadata.
    first = Layout.of(source.render(pdf_variant=PDF_VARIANT, font_config=fonts))
    # How much of the text follows a tighter and a looser spacing: all of it, until a
    # layout shows otherwise (page breaks before sections stop a tighter one pulling
    # a page back, while a looser one still pushes text onto the last page).
    best, stretch = first, {"tighter": 1.0, "looser": 1.0}
    for _ in range(MAX_RELAYOUTS):
        spacings = first.promising_spacings(stretch)
        if best.share >= NEAR_EMPTY or not spacings:
            break
        # Stylesheets given to render() come before the document's own in the cascade:
        # `!important` lets this one line spacing win; headings keep their own.
        spaced = weasyprint.CSS(
            string=f"html {{ line-height: {spacings[0]} !important }}", font_config=fonts
        )
        tried = Layout.of(
            source.render(pdf_variant=PDF_VARIANT, stylesheets=[spaced], font_config=fonts)
        )
        stretch[direction(spacings[0])] = first.stretch_seen(tried, float(spacings[0]))
        best = max(best, tried, key=lambda layout: layout.share)
    # An /ID hashed from the content rather than none. The bytes still differ from one
    # second to the next: WeasyPrint's WOFF decoding stamps the time into each font.
    content = best.document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=True)
    return RenderedPdf(content=content, pages=len(best.document.pages))


@dataclass(frozen=True)
class Layout:
    document: object
    share: float  # the last page's text against an average page's

    @classmethod
    def of(cls, document) -> "Layout":
        return cls(document, last_page_share(document))

    @property
    def length(self) -> float:
        """How many pages of text: the full pages and the last page's share."""
        return len(self.document.pages) - 1 + self.share

    def promising_spacings(self, stretch: dict[str, float]) -> list[str]:
        """The line spacings that could lift a near-empty last page, looser ones first,
        each nearest the stylesheet's first. A spacing helps when, the text growing or
        shrinking with it (`stretch`: how much of it does, by `direction`), the last page
        would then hold a fair share or the report fit a page fewer."""
        pages = len(self.document.pages)
        if self.share >= NEAR_EMPTY or pages < 2:
            return []

        def helps(spacing: str) -> bool:
            change = float(spacing) / BASE_SPACING - 1
            scaled = self.length * (1 + stretch[direction(spacing)] * change)
            whole = int(scaled)
            return whole < pages - 1 or scaled - whole >= NEAR_EMPTY

        # Looser first: sections that start on a new page keep a tighter spacing from
        # pulling a page back more often than they keep a looser one from filling it.
        ranked = sorted(
            LINE_SPACINGS,
            key=lambda s: (direction(s) == "tighter", abs(float(s) - BASE_SPACING)),
        )
        return [spacing for spacing in ranked if helps(spacing)]

    def stretch_seen(self, other: "Layout", spacing: float) -> float:
        """How much of the text grew or shrank with the spacing, as a second layout showed
        (0 when the spacing moved nothing, as in a report of tables and charts)."""
        return max(0.0, (other.length / self.length - 1) / (spacing / BASE_SPACING - 1))


def direction(spacing: str) -> str:
    return "tighter" if float(spacing) < BASE_SPACING else "looser"


_fonts = threading.local()


def _font_config():
    """One WeasyPrint font configuration per thread, so the report's fonts are unpacked
    once rather than at every layout (WeasyPrint keys each @font-face by its rule)."""
    from weasyprint.text.fonts import FontConfiguration

    if not hasattr(_fonts, "config"):
        _fonts.config = FontConfiguration()
    return _fonts.config


def last_page_share(document) -> float:
    """The last page's text as a share of the other pages' average (1.0 for one page)."""
    from weasyprint.formatting_structure.boxes import TextBox

    counts = [
        sum(len(box.text) for box in page._page_box.descendants() if isinstance(box, TextBox))
        for page in document.pages
    ]
    if len(counts) < 2:
        return 1.0
    average = sum(counts[:-1]) / (len(counts) - 1)
    return counts[-1] / average if average else 1.0


def static_fetcher():
    """A WeasyPrint URL fetcher object that only serves `static_url_fetcher`'s answers.

    WeasyPrint 65+ wants a `weasyprint.urls.URLFetcher` here, not a plain function: its
    error handling reads attributes of the fetcher object.
    """
    from weasyprint.urls import URLFetcher

    class _StaticFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            return static_url_fetcher(url)

    return _StaticFetcher()


def static_url_fetcher(url: str, timeout=10, ssl_context=None):
    """A `URLFetcherResponse` for a data: URL or one of the app's static files.

    Anything else raises ValueError, which WeasyPrint reports and skips. `timeout` and
    `ssl_context` are accepted for WeasyPrint's fetcher signature and unused: nothing
    here opens a connection.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    if url.startswith("data:"):
        # WeasyPrint's own fetcher decodes data: URLs; restricted to them it has no
        # other protocol to open.
        return URLFetcher(allowed_protocols={"data"}).fetch(url)
    name = _static_name(url)
    content = _static_file(name)
    if content is None:
        raise ValueError(f"Not one of the app's static files: {url}")
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if content_type.startswith("text/"):
        content_type += "; charset=utf-8"
    return URLFetcherResponse(url, content, {"Content-Type": content_type})


def _static_name(url: str) -> str:
    """The static file name that an http(s) URL under STATIC_URL points to, checked."""
    try:
        parts = urlsplit(url)
    except ValueError as error:
        raise ValueError(f"Malformed URL: {url}") from error
    if parts.scheme not in {"http", "https"}:
        raise ValueError(f"Only static files over http(s) are fetched: {url}")
    prefix = urlsplit(settings.STATIC_URL).path  # STATIC_URL may itself be absolute
    path = unquote(parts.path)
    if not path.startswith(prefix):
        raise ValueError(f"Not under {prefix}: {url}")
    name = path.removeprefix(prefix)
    segments = name.split("/")
    # Checked after unquoting, so %2e%2e and %5c cannot slip a parent directory through.
    if any(s in {"", ".", ".."} or "\\" in s or "\x00" in s for s in segments):
        raise ValueError(f"Refused static path: {url}")
    return name


def _static_file(name: str) -> bytes | None:
    """A static file's content: from the finders (source), else the collected storage.

    Development and tests serve static/ as it is (STATIC_FROM_SOURCE); production has the
    collected, hashed names that {% static %} writes, which only the storage knows.
    """
    try:
        found = finders.find(name)
        if found:
            return Path(found).read_bytes()
        if staticfiles_storage.exists(name):
            with staticfiles_storage.open(name) as stored:
                return stored.read()
    except SuspiciousFileOperation:
        return None
    return None


def pdf_size_label(n_bytes: int) -> str:
    """File size in GOV.UK attachment wording: "900 bytes", "142 KB", "1.2 MB" (1 KB = 1024)."""
    if n_bytes < 1024:
        return ngettext("%(count)d byte", "%(count)d bytes", n_bytes) % {"count": n_bytes}
    kilobytes = int(n_bytes / 1024 + 0.5)  # half up, not round()'s half to even
    if kilobytes < 1024:
        return gettext("%(count)d KB") % {"count": kilobytes}
    return gettext("%(size)s MB") % {"size": f"{n_bytes / 1024 / 1024:.1f}"}
