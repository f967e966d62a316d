"""The case columns an extract fills, and the out of court resolution's rules for them.

The canonical header of each column is declared once, in `HEADERS` (kept with the seeded
kind, cases/kind_data/oocr_headings.py): the upload pages match files against it (through
the kind's layout, layout.py) and the admin export (cases/resources.py) writes under it,
so an exported file re-imports unchanged. Headers are matched ignoring case, spaces and
punctuation, so "Crime Ref", "crime_ref" and "CRIME REF" are the same.
"""

import re

from cases.kind_data.oocr_headings import ALIASES, HEADERS

# Case fields an extract fills, in the order rows are cleaned and hashed.
FACT_FIELDS = (
    "reference",
    "offence",
    "crime_code",
    "offence_category",
    "is_domestic_abuse",
    "is_hate_crime",
    "is_violence",
    "is_sexual",
    "outcome_type",
    "offence_date",
    "reported_date",
    "outcome_date",
    "offender_age_band",
    "gravity_score",
    "admission",
    "victim_views",
    "authorising_rank",
    "previous_offending",
    "conditions",
    "facts_at_decision",
    "later_information",
)
REQUIRED_FIELDS = ("reference", "offence", "outcome_type", "outcome_date", "facts_at_decision")
# Free text: every one of these cells goes through the privacy screen.
TEXT_FIELDS = (
    "offence",
    "offence_category",
    "previous_offending",
    "conditions",
    "facts_at_decision",
    "later_information",
)

FORCE_HEADER = "Force"
STATUS_HEADER = "Status"

# Shorthand forces use for outcome types → the outcome type's code.
OUTCOME_ALIASES = {
    "CR": "community-resolution",
    "Comm Res": "community-resolution",
    "Caution": "simple-caution",
    "Adult Caution": "simple-caution",
    "Conditional": "conditional-caution",
    "Outcome 22": "outcome-22",
    "OC22": "outcome-22",
    "O22": "outcome-22",
    "PND": "penalty-notice-for-disorder",
    "YC": "youth-caution",
    "YCC": "youth-conditional-caution",
    "Cannabis Warning": "cannabis-khat-warning",
    "Khat Warning": "cannabis-khat-warning",
    "Charge": "charge-summons",
    "Summons": "charge-summons",
}


def normalise_header(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", str(text).lower())


def canonical_headers() -> dict[str, str]:
    """Field → its canonical header, in the order rows are cleaned."""
    return {name: HEADERS[name] for name in FACT_FIELDS}


def header_lookup() -> dict[str, str]:
    """Normalised header → field, for every canonical header and alias."""
    lookup = {}
    for name, header in canonical_headers().items():
        lookup[normalise_header(header)] = name
        lookup[normalise_header(name)] = name
        for alias in ALIASES.get(name, ()):
            lookup[normalise_header(alias)] = name
    return lookup
