"""Templates show no user-facing text left out of the translation catalogue.

In the templates under CHECKED, every text node with a letter in it, and every alt,
title, placeholder, aria-label and aria-description attribute and submit button's value,
must come from `{% translate %}` or `{% blocktranslate %}` (or a variable). Plain-text
email templates (.txt) count too: all their words are read by people. What is ignored:
`{{ }}`, other `{% %}` tags, comments, and `<script>` and `<style>`. A line whose text is
the same in both languages (a proper name, "Cymraeg" in the switcher) opts out with
`{# notranslate #}` on that line. A template using the translation tags must load them.

Lists each problem as `path:line: text`; exit status 1 when it finds any.
Run with paths to check those instead of CHECKED.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The templates checked, relative to the repository: a folder means every .html and
# .txt file under it. Every template is marked for translation.
CHECKED = ["templates"]

OPT_OUT = "{# notranslate #}"
ATTRIBUTES = {"alt", "title", "placeholder", "aria-label", "aria-description"}
_DOTALL = re.S | re.I
# Blanked out (newlines kept, so line numbers stay true) before anything is looked at.
_IGNORED = [
    re.compile(r"{%\s*comment\b.*?%}.*?{%\s*endcomment\s*%}", _DOTALL),
    re.compile(r"{#.*?#}", re.S),
    re.compile(r"{%\s*blocktrans(?:late)?\b.*?%}.*?{%\s*endblocktrans(?:late)?\s*%}", _DOTALL),
    re.compile(r"<script\b.*?</script\s*>", _DOTALL),
    re.compile(r"<style\b.*?</style\s*>", _DOTALL),
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"{{.*?}}", re.S),
    re.compile(r"{%.*?%}", re.S),
    re.compile(r"&#?\w+;"),
]
_TAG = re.compile(r"<[!/]?[a-zA-Z][^>]*>")
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_LETTER = re.compile(r"[^\W\d_]")
_USES_I18N = re.compile(r"{%\s*(?:translate|trans|blocktranslate|blocktrans)\b")
_LOADS_I18N = re.compile(r"{%\s*load\s[^%]*\bi18n\b")


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _attribute_problems(tag: str) -> list[tuple[int, str]]:
    """(offset in tag, value) of each attribute whose words are not marked."""
    found = []
    is_submit = tag.lower().startswith("<input") and re.search(
        r"""type\s*=\s*["']?submit""", tag, re.I
    )
    for match in _ATTRIBUTE.finditer(tag):
        name, value = match.group(1).lower(), match.group(2) or match.group(3) or ""
        checked = name in ATTRIBUTES or (name == "value" and is_submit)
        if checked and _LETTER.search(value):
            found.append((match.start(), f'{name}="{value.strip()}"'))
    return found


def problems(source: str, *, plain_text: bool = False) -> list[tuple[int, str]]:
    """(line, text) of each piece of unmarked text in a template's `source`."""
    opted_out = {n for n, line in enumerate(source.splitlines(), 1) if OPT_OUT in line}
    text = source
    for pattern in _IGNORED:
        text = pattern.sub(_blank, text)
    found = []
    if plain_text:
        pieces = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text)]
    else:
        pieces, position = [], 0
        for tag in _TAG.finditer(text):
            pieces.append((position, text[position : tag.start()]))
            found += [(tag.start() + at, value) for at, value in _attribute_problems(tag[0])]
            position = tag.end()
        pieces.append((position, text[position:]))
    for start, piece in pieces:
        letter = _LETTER.search(piece)
        if letter:
            found.append((start + letter.start(), " ".join(piece.split())))
    located = sorted((_line_of(text, offset), words) for offset, words in found)
    if _USES_I18N.search(source) and not _LOADS_I18N.search(source):
        # Django would refuse to render it: each template loads the tags it uses.
        located.insert(0, (1, "{% translate %} used without {% load i18n %}"))
    return [(line, words) for line, words in located if line not in opted_out]


def templates(paths: list[str]) -> list[Path]:
    files = []
    for name in paths:
        path = ROOT / name
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix in {".html", ".txt"})
        else:
            files.append(path)
    return files


def main(argv: list[str]) -> int:
    count = 0
    for path in templates(argv or CHECKED):
        source = path.read_text(encoding="utf-8")
        for line, words in problems(source, plain_text=path.suffix == ".txt"):
            print(f"{path.relative_to(ROOT)}:{line}: {words}")
            count += 1
    if count:
        print(f"{count} piece(s) of text not marked for translation (docs/welsh.md).")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
