"""The public site: reads frozen published versions, never live rows or drafts.

Anything not published, or withdrawn, is a 404: a withdrawn report's address says it
was withdrawn and why, and nothing more.
"""

import hashlib

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from core.bilingual import WELSH, english_of, welsh_of

from . import figures, selectors
from .accountability.public import notes_csv
from .open_data import schema as open_data_schema
from .permissions import is_withdrawn
from .published_languages import ENGLISH, other_languages

LIST_CACHE_SECONDS = 300


def report_list(request):
    """The published reports, filtered. Its body is the same for every visitor, so it is
    kept in the cache under the list's stamp and the filters: a publication, withdrawal
    or panel change makes a new stamp, and so a new body, on every server at once."""
    chosen = {key: request.GET.get(key, "")[:200] for key in ("panel", "year", "theme")}
    key = (
        "public-report-list:"
        + hashlib.sha256(
            repr((selectors.public_list_stamp(), get_language(), sorted(chosen.items()))).encode()
        ).hexdigest()
    )
    body = cache.get(key)
    if body is None:
        # Without the request: nothing in the body depends on who is looking.
        body = render_to_string(
            "reports/public/report_list_body.html", _report_list_context(chosen)
        )
        cache.set(key, body, LIST_CACHE_SECONDS)
    body = mark_safe(body)  # noqa: S308 # nosec B308 B703 # our own template's output
    context = {"page_title": _("Published findings"), "body": body}
    return render(request, "reports/public/report_list.html", context)


def _report_list_context(chosen: dict) -> dict:
    versions = selectors.public_versions()
    if get_language() != ENGLISH:  # the titles published in the page's language
        versions = versions.prefetch_related("languages")
    versions = list(versions)
    return {
        "versions": [_in_words_here(v) for v in versions if _matches(v, chosen)],
        "in_english": _lang_of_english(),
        "filters": chosen,
        "panels": _panel_choices(versions),
        "years": sorted({v.year for v in versions}, reverse=True),
        "themes": _theme_choices(versions),
        "withdrawn": list(selectors.withdrawn_reports()),
    }


def _panel_choices(versions) -> list[tuple[str, str, str]]:
    """(slug, the panel's name in the page's language, its `lang` while it is English)."""
    welsh_page = get_language() == WELSH
    panels = {v.report.panel.slug: v.report.panel for v in versions}
    choices = []
    for slug, panel in panels.items():
        welsh = welsh_of(panel, "name") if welsh_page else ""
        choices.append(
            (slug, welsh or english_of(panel, "name"), "" if welsh else _lang_of_english())
        )
    return sorted(choices, key=lambda choice: choice[1].lower())


def _lang_of_english() -> str:
    """The `lang` English words take on a page in another language; "" on an English one."""
    return "" if get_language() == ENGLISH else "en-GB"


def _in_words_here(version):
    """The version with its title in the page's language (`shown_title`), and the `lang`
    of what is still English (`title_lang`): a title not published in this language."""
    language = get_language()
    rows = version.languages.all() if language != ENGLISH else []
    here = next((row for row in rows if row.language == language), None)
    version.shown_title = here.title if here else version.title
    version.title_lang = "" if here else _lang_of_english()
    welsh_theme = version.theme_cy if language == WELSH else ""
    version.shown_theme = welsh_theme or version.theme
    version.theme_lang = "" if welsh_theme else _lang_of_english()
    return version


def _theme_choices(versions) -> list[tuple[str, str, str]]:
    """(the English theme, the filter's words for it, their `lang` if still English): the
    value stays the English, so a filtered address is the same in both languages."""
    words = {}
    for version in versions:
        if version.theme:
            here = version.theme_cy if get_language() == WELSH else ""
            words[version.theme] = words.get(version.theme) or here
    english_lang = _lang_of_english()
    choices = [(en, cy or en, "" if cy else english_lang) for en, cy in words.items()]
    return sorted(choices, key=lambda choice: choice[1].lower())


def _matches(version, chosen) -> bool:
    return (
        (not chosen["panel"] or version.report.panel.slug == chosen["panel"])
        and (not chosen["year"] or str(version.year) == chosen["year"])
        and (not chosen["theme"] or version.theme == chosen["theme"])
    )


def _version(panel: str, slug: str, number: int | None):
    report = selectors.public_report(panel_slug=panel, slug=slug)
    if is_withdrawn(report):
        raise Withdrawn(report)
    return report, selectors.public_version(report=report, number=number)


class Withdrawn(Http404):
    def __init__(self, report):
        super().__init__("This report has been withdrawn.")
        self.report = report


def _withdrawn_page(request, report):
    context = {"page_title": _("This report has been withdrawn"), "report": report}
    return render(request, "reports/public/withdrawn.html", context, status=404)


def report(request, panel: str, slug: str, number: int | None = None):
    """A published version's frozen page in the language of the address: under /cy/ the
    Welsh one if the version was published in Welsh, else the English one with a notice
    saying so; under /en/ the English one. Each links to the version in the other."""
    try:
        found, version = _version(panel, slug, number)
    except Withdrawn as withdrawn:
        return _withdrawn_page(request, withdrawn.report)
    from .rendering import pdf_size_label

    frozen = _in_language(version, get_language())
    with default_storage.open(frozen.html_file.name, "rb") as stored:
        body = stored.read().decode()
    is_latest = version.pk == found.current_version_id
    where = (found.public_slug, found.slug, None if is_latest else version.number)
    english_only = frozen is version and get_language() != ENGLISH
    later = selectors.later_version(version=version)
    context = {
        "page_title": _page_title(found, frozen, english_only),
        "report": found,
        "version": version,
        "body": mark_safe(body),  # noqa: S308 # nosec B308 B703 # our frozen HTML
        "later": later,
        "note": _change_note(version),
        "later_note": _change_note(later) if later else "",
        "pdf_title": frozen.title,
        "pdf_size": pdf_size_label(frozen.pdf_bytes),
        "pdf_pages": frozen.pdf_pages,
        "pdf_sha256": frozen.pdf_sha256,
        "pdf_url": _address(*where, get_language(), "pdf"),
        "is_latest": is_latest,
        "english_only": english_only,
        "languages": _other_versions(where, version, frozen),
    }
    return render(request, "reports/public/report.html", context)


def _page_title(found, frozen, english_only: bool) -> str:
    """The page's title in its language: a version published in English only says so in
    the page's language around its English title."""
    if not english_only:
        return frozen.title
    if found.is_notes:
        return _("Notes in English: %(title)s") % {"title": frozen.title}
    return _("Findings report in English: %(title)s") % {"title": frozen.title}


def _change_note(version) -> str:
    """A correction's note in the page's language; a note given only in English (a version
    published before notes were asked for in each language) marked as English."""
    language = get_language()
    row = None
    if language != ENGLISH:
        row = next((r for r in version.languages.all() if r.language == language), None)
    if row is not None and row.change_note:
        return row.change_note
    if language == ENGLISH or not version.change_note:
        return version.change_note
    return format_html('<span lang="en-GB">{}</span>', version.change_note)


def _in_language(version, language: str):
    """The version's frozen page and PDF in `language` if it was published in it, else
    the version itself (English)."""
    if language == ENGLISH:
        return version
    return version.languages.filter(language=language).first() or version


LANGUAGE_LINKS = {
    ENGLISH: ("en-GB", "Read this report in English"),
    "cy": ("cy", "Darllen yr adroddiad hwn yn Gymraeg"),
}


def _address(panel: str, slug: str, number: int | None, language: str, what: str) -> str:
    """The address of a report's page or PDF under the language's prefix: its current
    version's if `number` is None, else that version's."""
    args = [panel, slug] + ([] if number is None else [number])
    name = ("report" if number is None else "report_version") + ("_pdf" if what == "pdf" else "")
    with translation.override(language):
        return reverse(f"public:{name}", args=args)


def _other_versions(where: tuple, version, frozen) -> list[tuple]:
    """(address, lang, words) for each other language the version was published in. A
    Welsh page showing the English version (not published in Welsh) links to nothing."""
    if frozen is not version:
        codes = [ENGLISH]  # a version in another language links to the English one
    elif get_language() != ENGLISH or not other_languages():
        return []  # English only: the version itself, or a deployment without Welsh
    else:
        codes = [row.language for row in version.languages.all()]
    return [
        (_address(*where, code, "page"), *LANGUAGE_LINKS[code])
        for code in codes
        if code in LANGUAGE_LINKS
    ]


def report_pdf(request, panel: str, slug: str, number: int | None = None):
    """The PDF stored at publication in the address's language (as the page chooses it),
    served as it is: never rendered again."""
    try:
        found, version = _version(panel, slug, number)
    except Withdrawn as withdrawn:
        return _withdrawn_page(request, withdrawn.report)
    frozen = _in_language(version, get_language())
    response = FileResponse(
        default_storage.open(frozen.pdf_file.name, "rb"), content_type="application/pdf"
    )
    language = "" if frozen is version else f"-{frozen.language}"
    response["Content-Disposition"] = (
        f'inline; filename="{found.slug}-v{version.number}{language}.pdf"'
    )
    return response


def report_in_language(
    request, panel: str, slug: str, language: str, number: int | None = None, pdf=False
):
    """An address of the first bilingual design, with the language at the end
    (…/<report>/cy/): moved for good to the same page under the language's prefix."""
    if language not in dict(settings.LANGUAGES):
        raise Http404
    where = _address(panel, slug, number, language, "pdf" if pdf else "page")
    return HttpResponsePermanentRedirect(where)


def report_data(request, panel: str, slug: str, fmt: str):
    _known_format(fmt)
    try:
        found, version = _version(panel, slug, None)
    except Withdrawn as withdrawn:
        return _withdrawn_page(request, withdrawn.report)
    if fmt == "json":
        return JsonResponse({"version": version.number, **version.figures})
    body = notes_csv(version.figures) if found.is_notes else figures.meeting_csv(version.figures)
    response = HttpResponse(body, content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{found.slug}.csv"'
    return response


def _known_format(fmt: str) -> None:
    if fmt not in {"csv", "json"}:
        raise Http404


def data_dictionary(request):
    context = {
        "page_title": _("Open data: what the files contain"),
        "report_columns": figures.DICTIONARY,
        "tables": [
            (table, [(c.name, c.description) for c in table.columns])
            for table in open_data_schema.TABLES.values()
        ],
        "version": open_data_schema.VERSION,
        "licence": open_data_schema.LICENCE,
    }
    return render(request, "reports/public/data_dictionary.html", context)


class PublicationsFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Published scrutiny panel findings")
    subtitle = gettext_lazy("New and corrected findings reports of the scrutiny panels.")

    def link(self):
        return reverse("public:report_list")

    def items(self):
        """The latest 50, with their titles and themes in the feed's language where they
        were published in it (at /cy/, the Welsh)."""
        found = selectors.public_versions()
        if get_language() != ENGLISH:
            found = found.prefetch_related("languages")
        return [_in_words_here(version) for version in found[:50]]

    def item_title(self, item):
        title = item.shown_title
        return title if item.number == 1 else _("%(title)s (corrected)") % {"title": title}

    def item_description(self, item):
        """Atom's summary is `type="html"`: readers decode the XML, then read the result
        as HTML, so the theme and category labels are HTML-escaped first (the XML writer
        escapes once more). A theme like `<img onerror=…>` then reads as text."""
        here = f"category_{get_language()}"
        counts = "; ".join(
            f"{c.get(here) or c['category']}: {c['cases']}"
            for c in item.figures["categories"]
            if c["cases"]
        )
        words = {"theme": item.shown_theme, "counts": counts}
        return escape(_("Theme: %(theme)s. %(counts)s.") % words)

    def item_link(self, item):
        return reverse("public:report", args=[item.report.panel.slug, item.report.slug])

    def item_pubdate(self, item):
        return item.published_at

    def item_guid(self, item):
        """Atom ids must be absolute IRIs; the service's own address (SITE_URL) keeps an
        entry's id the same whichever host name the feed was read through."""
        return f"{settings.SITE_URL}{self.item_link(item)}#v{item.number}"
