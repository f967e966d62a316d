"""Writes docs/seeded-kinds.md from the seeded kinds, so the page cannot drift from them:

    python -m cases.kind_data.describe > docs/seeded-kinds.md

tests/cases/test_seeded_kinds.py fails when the page and the data disagree.
"""

from . import KINDS
from .vcop import RIGHTS_FIELDS, VCOP

TYPE_WORDS = {
    "text": "Text",
    "long_text": "Long text",
    "date": "Date",
    "datetime": "Date and time",
    "integer": "Whole number",
    "decimal": "Decimal",
    "yes_no": "Yes or no",
    "choice": "One of a list",
    "multi_choice": "Several of a list",
    "link": "Link",
}

INTRODUCTION = """\
# Seeded record kinds

A record kind is the data dictionary of what a panel reviews (docs/adr/0015-record-kinds.md):
sections, usually one agency each, of typed fields. Every case of every kind also keeps the
same core: force, pseudonymous reference, the date its sampling window is drawn on (each kind
names it below), the facts as known at the decision (named below too) and later information.

Four kinds are seeded by migration (`cases/migrations/0008_record_kinds.py` and
`0010_seed_more_kinds.py`) from `cases/kind_data/`, each with a framework seeded in
`panels/migrations/0012_seed_kind_frameworks.py`:

| Kind | Code | Framework |
|---|---|---|
| Out of court resolution | `oocr` | `oocr-four-way`, `oocr-three-way` |
| Victims' Code case | `vcop` | `vcop-seven-way` (the 12 rights) |
| Stop and search | `stop-search` | `stop-search-three-way` (good practice, adequate, concern) |
| Use of force | `use-of-force` | `use-of-force-three-way` (good practice, adequate, concern) |

Seeding creates what is missing and never overwrites, so data admins' rewording stays. On a
database already in use, the Victims' Code framework (which, like every framework, reviewed out
of court resolution records until kinds were data) moves to the Victims' Code kind only if no
meeting of its panels has a record of another kind on its agenda. Otherwise it stays as it was,
so its panels keep drawing from and reading the records they were given, and a data admin
moves it (the framework's record kind, in the admin) when its panels start on Victims' Code
case records. A framework an admin has already pointed at another kind is never moved.

This page is written by `python -m cases.kind_data.describe > docs/seeded-kinds.md`; a test
checks it matches the data.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _choices(field: dict) -> str:
    return "; ".join(f"`{code}` {label}" for code, label in field.get("choices", ()))


def _notes(field: dict) -> str:
    notes = []
    if field.get("required"):
        notes.append("required")
    if field.get("filterable"):
        notes.append("filterable")
    if field.get("column"):
        notes.append(f"kept in column `{field['column']}`")
    return ", ".join(notes)


def kind_markdown(kind: dict) -> str:
    lines = [
        f"## {kind['name']} (`{kind['code']}`)",
        "",
        kind.get("description", ""),
        "",
        f"Its date is the **{kind['date_label']}**; its facts are the **{kind['facts_label']}**.",
    ]
    for section, fields in kind["sections"]:
        lines += ["", f"### {section}", "", "| Field | Code | Type | Choices | Notes |"]
        lines.append("|---|---|---|---|---|")
        for field in fields:
            row = [
                field["label"],
                f"`{field['code']}`",
                TYPE_WORDS[field["type"]],
                _choices(field),
                _notes(field),
            ]
            lines.append("| " + " | ".join(_cell(cell) for cell in row) + " |")
    return "\n".join(lines) + "\n"


def rights_markdown() -> str:
    labels = {f["code"]: f["label"] for _s, fields in VCOP["sections"] for f in fields}
    sections = {f["code"]: s for s, fields in VCOP["sections"] for f in fields}
    lines = [
        "## The 12 rights and the fields a panel judges them from",
        "",
        "Each right of the Victims' Code is a criterion of the `vcop-seven-way` framework "
        "(its code is the criterion's code); these are the Victims' Code case fields its case "
        "papers show for it (`RIGHTS_FIELDS` in `cases/kind_data/vcop.py`).",
        "",
        "| Right | Fields (section) |",
        "|---|---|",
    ]
    for number, (code, right, fields) in enumerate(RIGHTS_FIELDS, start=1):
        shown = "; ".join(f"{labels[f]} ({sections[f]})" for f in fields)
        lines.append(f"| {number}. {_cell(right)} (`{code}`) | {_cell(shown)} |")
    return "\n".join(lines) + "\n"


def document() -> str:
    parts = [INTRODUCTION, rights_markdown()]
    parts += [kind_markdown(kind) for kind in KINDS]
    return "\n".join(parts)


if __name__ == "__main__":
    print(document(), end="")
