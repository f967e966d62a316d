"""A page's structure, for running axe once per structure rather than once per visit.

A journey comes back to the same page many times (a task list after each rating, a
meeting after each decision) and its markup differs only in words and numbers. axe's
rules read the elements, their attributes, the styles their classes give them, whether
they hold text and which ids they point at; two pages alike in all of those at the same
width get the same verdict. The signature below is all of those, with the words and
numbers left out: a second page with the same signature at the same width has been
checked already. Markup is still recorded for vnu on every visit (conftest).

Left in, so a difference in any of them means a fresh check:
- every element's tag, in document order and nesting, with its attributes' names;
- attribute values that change how a page is read or looks (role, type, class, style,
  lang, dir, scope, colspan, autocomplete, aria-* states, tabindex, hidden...), with
  runs of digits folded;
- for text-like attributes (alt, title, aria-label, placeholder), only whether they
  are empty;
- for each element, whether it holds text of its own;
- for each reference to an id (for, aria-labelledby, aria-describedby, aria-controls,
  href="#..."), whether that id is on the page, and whether any id is repeated.
"""

import hashlib

from playwright.sync_api import Page

_SIGNATURE_JS = """() => {
  const textual = new Set(['alt', 'title', 'aria-label', 'placeholder', 'aria-description',
                           'aria-valuetext', 'aria-roledescription']);
  const dropped = new Set(['href', 'src', 'srcset', 'action', 'value', 'nonce', 'datetime',
                           'content', 'name', 'integrity', 'formaction', 'download']);
  const refs = ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns',
                'aria-activedescendant', 'aria-errormessage', 'list', 'headers'];
  const ids = new Map();
  for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) || 0) + 1);
  const fold = s => s.replace(/[0-9]+/g, '0');
  const out = [[...ids.values()].some(n => n > 1) ? 'DUP' : '', document.title.trim() ? 'T' : ''];
  const walk = (el, depth) => {
    const parts = [depth, el.tagName];
    for (const attr of [...el.attributes].sort((a, b) => a.name < b.name ? -1 : 1)) {
      const name = attr.name;
      if (name.startsWith('data-') && name !== 'data-module') continue;
      if (textual.has(name)) parts.push(name + (attr.value.trim() ? '+' : '-'));
      else if (refs.includes(name)) {
        const found = attr.value.split(/\\s+/).filter(Boolean).every(id => ids.has(id));
        parts.push(name + (found ? '>' : '!'));
      } else if (name === 'href') {
        const v = attr.value;
        parts.push(v.startsWith('#') ? 'href#' + (v.length === 1 || ids.has(v.slice(1)) ? '>' : '!')
                                     : 'href' + (v ? '+' : '-'));
      } else if (dropped.has(name)) parts.push(name + (attr.value ? '+' : '-'));
      else if (name === 'id') parts.push('id');
      else parts.push(name + '=' + fold(attr.value));
    }
    if ([...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) parts.push('#t');
    out.push(parts.join(' '));
    for (const child of el.children) walk(child, depth + 1);
  };
  walk(document.documentElement, 0);
  return out.join('\\n');
}"""


def signature(page: Page) -> str:
    """A digest of the page's structure and the width it is shown at."""
    width = (page.viewport_size or {}).get("width", 0)
    text = page.evaluate(_SIGNATURE_JS)
    return hashlib.sha256(f"{width}\n{text}".encode()).hexdigest()
