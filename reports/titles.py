"""A report's generated title, in English and in Welsh (docs/adr/0017).

The title is made from the panel's name and the meeting's date (or the period's), each
language saying it in its own words and its own way of writing a date; staff may then
change either.
"""

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.bilingual import WELSH

LANGUAGES = ("en", WELSH)


def _day(value) -> str:
    return date_format(value, "j F Y")


def _in_each_language(make) -> dict[str, str]:
    """{"title_en": …, "title_cy": …}: `make()` said under each language."""
    words = {}
    for code in LANGUAGES:
        with translation.override(code):
            words[f"title_{code}"] = make()[:300]
    return words


def meeting_titles(panel, date) -> dict[str, str]:
    return _in_each_language(
        lambda: (
            _("%(panel)s: findings of the meeting on %(date)s")
            % {"panel": panel.name, "date": _day(date)}
        )
    )


def period_titles(panel, start, end, name: str = "") -> dict[str, str]:
    """A period's title: by its name ("2025/26") when chosen by name, else by its dates."""
    if name:
        return _in_each_language(
            lambda: _("%(panel)s: findings for %(period)s") % {"panel": panel.name, "period": name}
        )
    return _in_each_language(
        lambda: (
            _("%(panel)s: findings from %(start)s to %(end)s")
            % {"panel": panel.name, "start": _day(start), "end": _day(end)}
        )
    )
