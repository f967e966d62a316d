"""{% welsh_side_by_side report %}: the approver's English | Cymraeg table (reports/welsh.py);
{{ words|in_english }}: words people wrote in English only, marked as English on a page in
another language; {{ row|said:"field" }}: a field with a Welsh version, in the page's
language (`said_markup` for one written in the reports' Markdown subset)."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from core.bilingual import english_of, welsh_of

from .. import markup
from ..welsh import side_by_side

register = template.Library()


@register.inclusion_tag("reports/includes/welsh_side_by_side.html")
def welsh_side_by_side(report):
    return {"texts": side_by_side(report)}


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
def said(row, name: str):
    """`row.<name>` (a field with a Welsh version, docs/adr/0017) in the page's language: on a
    Welsh page its Welsh, or its English marked as English while it has none."""
    if get_language() == "en":
        return english_of(row, name)
    return welsh_of(row, name) or in_english(english_of(row, name))


@register.filter
def said_markup(row, name: str):
    """`row.<name>` in the reports' Markdown subset, as `said` gives it: its Welsh on a Welsh
    page, else its English (marked as English on a page in another language)."""
    english_words = markup.render(english_of(row, name))
    if get_language() == "en":
        return english_words
    welsh = welsh_of(row, name)
    return markup.render(welsh) if welsh.strip() else in_english(english_words, "div")
