from django import template
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.timezone import is_aware, localtime
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from core.bilingual import english_of, welsh_of
from core.forms import error_summary

register = template.Library()


@register.filter
def summary_errors(form) -> list[tuple[str, str]]:
    """A form's errors as (anchor, message) pairs for includes/error_summary.html."""
    if hasattr(form, "summary_errors"):
        return form.summary_errors()
    return error_summary(form)


@register.filter
def govuk_time(value) -> str:
    """A time as GOV.UK writes it: "9:30am", "2:41pm", "midday"."""
    if not value:
        return ""
    value = localtime(value) if is_aware(value) else value
    if (value.hour, value.minute) == (12, 0):
        return _("midday")
    hour = value.hour % 12 or 12
    half = pgettext("time", "am") if value.hour < 12 else pgettext("time", "pm")
    return f"{hour}:{value.minute:02d}{half}"


@register.filter
def govuk_datetime(value) -> str:
    """ "2 December 2026 at 2:41pm", in Welsh "2 Rhagfyr 2026 am 2:41yp" """
    if not value:
        return ""
    value = localtime(value) if is_aware(value) else value
    return _("%(date)s at %(time)s") % {
        "date": date_format(value, "j F Y"),
        "time": govuk_time(value),
    }


@register.filter
def in_english(words, element="span"):
    """`words` inside `<span lang="en-GB">` (or `in_english:"div"` for paragraphs) on a page
    not in English, so a screen reader says them as English; as they are on an English
    page, or when there are none."""
    if not words or get_language() == "en":
        return words
    tag = "div" if element == "div" else "span"
    return format_html('<{} lang="en-GB">{}</{}>', tag, words, tag)


@register.filter
def marked(words, element="span"):
    """Words a presenter gave as English standing in for Welsh (core.bilingual.shown) inside
    `<span lang="en-GB">` (`marked:"div"` for paragraphs); any other words as they are."""
    lang = getattr(words, "lang", "")
    if not words or not lang:
        return words
    tag = "div" if element == "div" else "span"
    return format_html('<{} lang="{}">{}</{}>', tag, lang, words, tag)


@register.filter
def said(row, name: str):
    """`row.<name>` (a field with a Welsh version, docs/adr/0017) in the page's language: on a
    Welsh page its Welsh, or its English marked as English while it has none."""
    if get_language() == "en":
        return english_of(row, name)
    return welsh_of(row, name) or in_english(english_of(row, name))


@register.filter
def said_lower(row, name: str):
    """`said`, in lower case: a meeting's theme inside a sentence."""
    if get_language() == "en":
        return english_of(row, name).lower()
    return welsh_of(row, name).lower() or in_english(english_of(row, name).lower())
