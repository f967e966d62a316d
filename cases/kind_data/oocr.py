"""The out of court resolution: the record panels reviewed before kinds were data.

Its fields are kept in Case's own columns, so every extract, benchmark and import of
before keeps working; its headings and aliases are the import's (oocr_headings.py).
"""

from cases.enums import Admission, AuthorisingRank, OffenderAgeBand, VictimViews

from .oocr_headings import ALIASES, HEADERS

OOCR_CODE = "oocr"

# (code, name, is_out_of_court, is_youth)
OUTCOME_TYPES = [
    ("community-resolution", "Community Resolution", True, False),
    ("simple-caution", "Simple Caution", True, False),
    ("conditional-caution", "Conditional Caution", True, False),
    ("deferred-caution", "Deferred Caution", True, False),
    ("deferred-charge", "Deferred Charge", True, False),
    ("youth-caution", "Youth Caution", True, True),
    ("youth-conditional-caution", "Youth Conditional Caution", True, True),
    (
        "outcome-22",
        "Outcome 22 (diversionary, educational or intervention activity)",
        True,
        False,
    ),
    ("penalty-notice-for-disorder", "Penalty Notice for Disorder", True, False),
    ("cannabis-khat-warning", "Cannabis/Khat warning", True, False),
    ("diversionary-caution", "Diversionary Caution", True, False),
    ("community-caution", "Community Caution", True, False),
    ("charge-summons", "Charge/summons", False, False),
    ("other", "Other", False, False),
]


YES_NO = "yes_no"


def _field(code, type_, *, required=False, filterable=False, help="", choices=()):
    return {
        "code": code,
        "label": HEADERS[code],
        "type": type_,
        "choices": [(value, label) for value, label in choices],
        "required": required,
        "filterable": filterable,
        "help": help,
        "column": code,
        "aliases": list(ALIASES.get(code, ())),
    }


OOCR = {
    "code": OOCR_CODE,
    "name": "Out of court resolution",
    "description": "A crime settled out of court by the police: a community resolution, "
    "a caution, a deferred charge, an Outcome 22 …",
    "date_label": "Outcome date",
    "facts_label": "Facts at decision",
    "sections": [
        (
            "Offence",
            [
                _field("offence", "text", required=True),
                _field("crime_code", "text", help="Home Office crime classification."),
                _field("offence_category", "text", filterable=True),
                _field("is_domestic_abuse", YES_NO, filterable=True),
                _field("is_hate_crime", YES_NO, filterable=True),
                _field("is_violence", YES_NO, filterable=True),
                _field("is_sexual", YES_NO, filterable=True),
                _field("offence_date", "date"),
                _field("reported_date", "date"),
            ],
        ),
        (
            "Outcome",
            [
                _field(
                    "outcome_type",
                    "choice",
                    required=True,
                    filterable=True,
                    choices=[(code, name) for code, name, _court, _youth in OUTCOME_TYPES],
                ),
                _field(
                    "offender_age_band", "choice", filterable=True, choices=OffenderAgeBand.choices
                ),
                _field("gravity_score", "integer", help="Gravity matrix score, 1 to 4."),
                _field("admission", "choice", filterable=True, choices=Admission.choices),
                _field("victim_views", "choice", filterable=True, choices=VictimViews.choices),
                _field(
                    "authorising_rank", "choice", filterable=True, choices=AuthorisingRank.choices
                ),
                _field("previous_offending", "long_text"),
                _field("conditions", "long_text", help="Conditions or reparation attached."),
            ],
        ),
    ],
}
