"""{% welsh_side_by_side report %}: the approver's English | Cymraeg table (reports/welsh.py);
{{ words|in_english }}: words people wrote in English only, marked as English on a page in
another language; {{ row|said:"field" }}: a field with a Welsh version, in the page's
language (`said_lower` in lower case, `said_markup` for one written in the reports'
Markdown subset). The first three are core_tags', for panels' pages too."""

from django import template
from django.utils.translation import get_language

from core.bilingual import english_of, welsh_of
from core.templatetags.core_tags import in_english, said, said_lower

from .. import markup
from ..welsh import side_by_side

register = template.Library()


@register.inclusion_tag("reports/includes/welsh_side_by_side.html")
def welsh_side_by_side(report):
    return {"texts": side_by_side(report)}


# The filters live in core (panels' pages use them too); reports' templates load them here.
register.filter("in_english", in_english)
register.filter("said", said)
register.filter("said_lower", said_lower)


@register.filter
def said_markup(row, name: str):
    """`row.<name>` in the reports' Markdown subset, as `said` gives it: its Welsh on a Welsh
    page, else its English (marked as English on a page in another language)."""
    english_words = markup.render(english_of(row, name))
    if get_language() == "en":
        return english_words
    welsh = welsh_of(row, name)
    return markup.render(welsh) if welsh.strip() else in_english(english_words, "div")
