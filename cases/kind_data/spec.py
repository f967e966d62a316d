"""Helpers that write a seeded kind's fields in the shape `seed_kinds` reads, and the choice
lists several kinds share. No model imports: migrations use them."""

from cases.enums import OffenderAgeBand

TEXT = "text"
LONG_TEXT = "long_text"
DATE = "date"
DATETIME = "datetime"
YES_NO = "yes_no"
CHOICE = "choice"
MULTI_CHOICE = "multi_choice"
LINK = "link"

# The same codes as the out of court resolution's offender age band, so a youth panel
# draws "under_18" whatever the kind.
AGE_BANDS = list(OffenderAgeBand.choices)

# The five broad ethnic groups of the Census of England and Wales (2021), and "not stated".
ETHNIC_GROUPS = [
    ("asian", "Asian or Asian British"),
    ("black", "Black, Black British, Caribbean or African"),
    ("mixed", "Mixed or multiple ethnic groups"),
    ("white", "White"),
    ("other", "Other ethnic group"),
    ("not_stated", "Not stated"),
]

GENDERS = [
    ("male", "Male"),
    ("female", "Female"),
    ("other", "Other"),
    ("not_stated", "Not stated"),
]


def field(
    code: str,
    label: str,
    type_: str,
    *,
    choices=(),
    required: bool = False,
    filterable: bool = False,
    help: str = "",
    aliases=(),
) -> dict:
    """One field of a kind whose values are kept in `Case.values` (no column)."""
    return {
        "code": code,
        "label": label,
        "type": type_,
        "choices": list(choices),
        "required": required,
        "filterable": filterable,
        "help": help,
        "aliases": list(aliases),
    }


def field_codes(kind: dict) -> list[str]:
    """Every field code of a kind spec, in order."""
    return [f["code"] for _section, fields in kind["sections"] for f in fields]
