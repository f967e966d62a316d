"""Record kinds built in tests (tests.factories.record_kind takes these specs): a Victims'
Code-like case read from several agencies, and a stop and search with filterable fields."""

import datetime

from cases.models import Case, RecordKind
from tests import factories

VICTIMS_CODE = {
    "code": "vcop-test",
    "name": "Victims' Code case (test)",
    "date_label": "Date the case closed",
    "facts_label": "Summary",
    "sections": [
        (
            "Police",
            [
                {
                    "code": "needs_assessed",
                    "label": "Needs assessment done",
                    "type": "yes_no",
                    "filterable": True,
                    "help": "Right 4: an assessment of the victim's needs.",
                },
                {
                    "code": "referred_to",
                    "label": "Referred to",
                    "type": "multi_choice",
                    "choices": [("vs", "Victim Support"), ("idva", "IDVA"), ("none", "None")],
                    "filterable": True,
                },
                {"code": "first_contact", "label": "First contact", "type": "date"},
                {"code": "police_notes", "label": "Officer's notes", "type": "long_text"},
            ],
        ),
        (
            "CPS",
            [
                {
                    "code": "plea",
                    "label": "Plea",
                    "type": "choice",
                    "choices": [("guilty", "Guilty"), ("not_guilty", "Not guilty")],
                    "filterable": True,
                },
                {"code": "vps_read", "label": "Victim Personal Statement read", "type": "yes_no"},
                {"code": "letter", "label": "CPS letter", "type": "link"},
            ],
        ),
        (
            "Courts and witness care",
            [
                {"code": "witness_care_updates", "label": "Updates given", "type": "integer"},
                {"code": "witness_care_log", "label": "Witness care log", "type": "link"},
            ],
        ),
    ],
}

STOP_SEARCH = {
    "code": "stop-search-test",
    "name": "Stop and search (test)",
    "date_label": "Date of search",
    "facts_label": "Grounds and circumstances",
    "sections": [
        (
            "Search",
            [
                {
                    "code": "power",
                    "label": "Power used",
                    "type": "choice",
                    "choices": [("pace1", "PACE s1"), ("mda23", "Misuse of Drugs Act s23")],
                    "filterable": True,
                },
                {
                    "code": "ethnicity",
                    "label": "Self-defined ethnicity",
                    "type": "choice",
                    "choices": [("w", "White"), ("b", "Black"), ("a", "Asian"), ("m", "Mixed")],
                    "filterable": True,
                },
                {"code": "bwv", "label": "Body-worn video", "type": "yes_no", "filterable": True},
                {"code": "age", "label": "Age", "type": "integer", "filterable": True},
                {
                    "code": "found",
                    "label": "Items found",
                    "type": "multi_choice",
                    "choices": [("drugs", "Drugs"), ("weapon", "Weapon")],
                    "filterable": True,
                },
                {"code": "grounds", "label": "Grounds", "type": "long_text"},
            ],
        ),
    ],
}


def kind(spec: dict) -> RecordKind:
    return factories.record_kind(spec)


def framework_for(kind: RecordKind, slug: str = "oocr-four-way"):
    """A seeded framework pointed at `kind` (rolled back with the test)."""
    framework = factories.framework(slug)
    framework.record_kind = kind
    framework.save(update_fields=["record_kind"])
    return framework


def kind_case(kind: RecordKind, values: dict, **fields) -> Case:
    """A case of `kind` holding `values`, with no out of court resolution columns."""
    defaults = {
        "kind": kind,
        "values": values,
        "offence": "",
        "crime_code": None,
        "offence_category": "",
        "outcome_type": None,
        "offence_date": None,
        "gravity_score": None,
        "outcome_date": datetime.date(2025, 3, 1),
    }
    return factories.CaseFactory(**{**defaults, **fields})


# A stop-and-search pool, worked by hand: reference, ethnicity, body-worn video, age,
# power used, items found (None: not recorded).
STOP_SEARCH_POOL = [
    ("SS-01", "w", True, 15, "pace1", ["drugs"]),
    ("SS-02", "b", False, 17, "pace1", None),
    ("SS-03", "b", True, 22, "mda23", ["drugs", "weapon"]),
    ("SS-04", "a", None, 30, "mda23", None),
    ("SS-05", "w", False, None, "pace1", ["weapon"]),
    ("SS-06", None, True, 12, "pace1", ["drugs"]),
    ("SS-07", "b", True, 41, "mda23", None),
    ("SS-08", "m", False, 16, "pace1", None),
]
