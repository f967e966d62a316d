"""Report text: a small Markdown subset in, sanitised GOV.UK-styled HTML out.

Staff write headings, paragraphs, bullet and numbered lists, bold and links. Raw HTML
is never passed through: Python-Markdown's HTML handling is switched off, so a typed
tag shows as text, and nh3 then removes anything outside the allowed set.
"""

import html as html_lib
import re
import xml.etree.ElementTree as ET  # nosec B405 # the Element type only; nothing is parsed

import markdown
import nh3
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

_CLASSES = {
    "h3": "govuk-heading-m",
    "h4": "govuk-heading-s",
    "p": "govuk-body",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "a": "govuk-link",
}
_TAGS = {"h3", "h4", "p", "ul", "ol", "li", "strong", "em", "a", "br"}
_ATTRIBUTES = {"a": {"href"}}
_URL_SCHEMES = {"http", "https", "mailto", "tel"}
_OPENING_TAG = re.compile("<(" + "|".join(_CLASSES) + ")([ >])")


class _GovukTree(markdown.treeprocessors.Treeprocessor):
    """Headings start at level 3 (the section heading is level 2) and carry GOV.UK classes."""

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                element.tag = "h3" if element.tag in {"h1", "h2", "h3"} else "h4"
            if element.tag == "code":  # not part of the subset: shown as plain text
                element.tag = "span"


class _Subset(markdown.extensions.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (library's name)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.deregister("entity")
        for unused in ("image_link", "image_reference", "short_image_ref", "backtick"):
            if unused in md.inlinePatterns:
                md.inlinePatterns.deregister(unused)
        md.parser.blockprocessors.deregister("code")
        md.parser.blockprocessors.deregister("quote")
        md.treeprocessors.register(_GovukTree(md), "govuk", 5)


def render(text: str) -> SafeString:
    """`text` as sanitised HTML: only the subset's tags, GOV.UK classes, safe link targets."""
    html = markdown.markdown(text or "", extensions=[_Subset()], output_format="html")
    cleaned = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(_style(cleaned))  # noqa: S308 # nosec B308 B703 # nh3-sanitised above


def render_marked(text: str) -> SafeString:
    """`render`, inside `<div lang="en-GB">` when `text` is English standing in for Welsh not
    written yet (core.bilingual.shown: a draft read in Welsh)."""
    rendered = render(text)
    lang = getattr(text, "lang", "")
    if not (lang and text):
        return rendered
    return format_html('<div lang="{}">{}</div>', lang, rendered)


def _style(html: str) -> str:
    """Add GOV.UK classes after sanitising, so the allow-list needs no class attribute."""
    return _OPENING_TAG.sub(lambda m: f'<{m[1]} class="{_CLASSES[m[1]]}"{m[2]}', html)


def plain(text: str) -> str:
    """The words of `text` without its markup, for the disclosure check and the feed."""
    html = markdown.markdown(text or "", extensions=[_Subset()])
    return html_lib.unescape(nh3.clean(html, tags=set()))
