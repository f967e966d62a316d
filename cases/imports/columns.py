"""Which column of an extract feeds which field of a case.

The canonical header of each field is declared here, in `HEADERS`, and nowhere else:
the upload pages match files against it and the admin export (cases/resources.py)
writes under it, so an exported file re-imports unchanged. Forces' own spellings
are listed here as aliases. Headers are matched ignoring case, spaces
and punctuation, so "Crime Ref", "crime_ref" and "CRIME REF" are the same.
"""

import re
from dataclasses import dataclass, field

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

# Field → the heading an export writes and an import expects first.
HEADERS: dict[str, str] = {
    "reference": "Reference",
    "offence": "Offence",
    "crime_code": "Crime code",
    "offence_category": "Offence category",
    "is_domestic_abuse": "Domestic abuse",
    "is_hate_crime": "Hate crime",
    "is_violence": "Violence",
    "is_sexual": "Sexual offence",
    "outcome_type": "Outcome type",
    "offence_date": "Offence date",
    "reported_date": "Reported date",
    "outcome_date": "Outcome date",
    "offender_age_band": "Offender age band",
    "gravity_score": "Gravity score",
    "admission": "Admission",
    "victim_views": "Victim's views",
    "authorising_rank": "Authorising rank",
    "previous_offending": "Previous offending",
    "conditions": "Conditions",
    "facts_at_decision": "Facts at decision",
    "later_information": "Later information",
}
FORCE_HEADER = "Force"
STATUS_HEADER = "Status"

ALIASES: dict[str, tuple[str, ...]] = {
    "reference": (
        "Crime Ref",
        "Crime Reference",
        "Crime Number",
        "Crime No",
        "URN",
        "Case Ref",
        "Case Reference",
        "Occurrence Number",
        "Ref",
    ),
    "offence": ("Offence Description", "Crime Description", "Offence Type"),
    "crime_code": (
        "HO Code",
        "Home Office Code",
        "HO Crime Code",
        "HO Classification",
        "Classification Code",
        "HOCR Code",
    ),
    "offence_category": ("Crime Category", "Category", "Offence Group"),
    "is_domestic_abuse": ("Domestic Abuse", "DA", "DA Flag", "Domestic"),
    "is_hate_crime": ("Hate Crime", "Hate", "Hate Flag"),
    "is_violence": ("Violence", "Violent", "Violence Flag"),
    "is_sexual": ("Sexual", "Sexual Offence", "Sexual Flag"),
    "outcome_type": ("Disposal", "Disposal Type", "Outcome", "Outcome Type", "Resolution"),
    "offence_date": ("Date of Offence", "Committed Date", "Offence Committed"),
    "reported_date": ("Date Reported", "Reported"),
    "outcome_date": ("Disposal Date", "Date of Outcome", "Date of Disposal", "Finalised Date"),
    "offender_age_band": ("Age Band", "Age Group", "Offender Age", "Age"),
    "gravity_score": ("Gravity", "Gravity Matrix Score", "GMS"),
    "admission": ("Admission Made", "Admitted", "Admission Recorded"),
    "victim_views": ("Victim's Views", "Victim Views Sought", "VPS"),
    "authorising_rank": (
        "Authorised By",
        "Authorising Officer Rank",
        "Authorising Officer",
        "Rank",
    ),
    "previous_offending": (
        "Previous Convictions",
        "Previous Offences",
        "Antecedents",
        "Offending History",
    ),
    "conditions": ("Conditions Attached", "Reparation", "Conditions or Reparation"),
    "facts_at_decision": (
        "Facts",
        "Summary",
        "Case Summary",
        "MG5 Summary",
        "Circumstances",
        "Facts at Decision",
    ),
    "later_information": ("Subsequent Information", "Post-decision Information", "Later Info"),
}

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


@dataclass
class HeaderMap:
    """How one file's header row lines up with case fields."""

    positions: dict[str, int] = field(default_factory=dict)  # field → column index
    labels: dict[str, str] = field(default_factory=dict)  # field → header as written
    unknown: list[tuple[int, str]] = field(default_factory=list)  # (index, header) kept aside
    problems: list[str] = field(default_factory=list)  # file-level, in plain words
    width: int = 0  # how many columns the heading row has

    @property
    def missing_optional(self) -> list[str]:
        headers = canonical_headers()
        return [headers[name] for name in FACT_FIELDS if name not in self.positions]


def map_headers(headers: list[str]) -> HeaderMap:
    lookup = header_lookup()
    result = HeaderMap(width=len(headers))
    canonical = canonical_headers()
    for index, raw in enumerate(headers):
        text = "" if raw is None else str(raw).strip()
        if not text:
            continue
        name = lookup.get(normalise_header(text))
        if name is None:
            result.unknown.append((index, text))
        elif name in result.positions:
            result.problems.append(
                f"Columns “{result.labels[name]}” and “{text}” both give the "
                f"{canonical[name].lower()}. Keep one of them."
            )
        else:
            result.positions[name] = index
            result.labels[name] = text
    for name in REQUIRED_FIELDS:
        if name not in result.positions:
            result.problems.append(
                f"The file has no {canonical[name].lower()} column. Add a column headed "
                f"“{canonical[name]}”."
            )
    return result
