"""A public text in English beside its Welsh, and the sections' texts, which findings
reports (reports/welsh.py) and the Commissioner's notes (reports/accountability/welsh.py)
both list (docs/adr/0017)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from core.bilingual import english_of, welsh_of


@dataclass(frozen=True)
class PublicText:
    location: str
    english: str
    welsh: str
    fix_url: str  # the page and the Welsh field where it is written

    @property
    def lacks_welsh(self) -> bool:
        return bool(self.english.strip()) and not self.welsh.strip()


def pair(location: str, obj, name: str, url: str) -> PublicText:
    """The English and Welsh of `obj.<name>`, fixed in the `<name>_cy` box at `url`."""
    fix = f"{url}#id_{name}_cy"
    return PublicText(location, english_of(obj, name), welsh_of(obj, name), fix)


def response_text(where: str, action) -> list[PublicText]:
    """The force's response a report or notes publish beside `action` (the newest approved,
    `approved_responses` prefetched), its Welsh written on its own page."""
    replies = getattr(action, "approved_responses", None) or []
    if not replies:
        return []
    url = reverse("panels:response_welsh", args=[replies[0].pk])
    where = _("%(where)s, the force's response") % {"where": where}
    return [pair(where, replies[0], "text", url)]


def section_texts(report):
    """The report's sections with English text: their heading and their text."""
    for section in report.sections.order_by("pk"):
        url = reverse("reports:section_edit", args=[report.pk, section.key])
        where = _("Section “%(heading)s”") % {"heading": english_of(section, "heading")}
        if english_of(section, "body").strip():
            yield pair(_("%(where)s, heading") % {"where": where}, section, "heading", url)
            yield pair(where, section, "body", url)
