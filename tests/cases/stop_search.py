"""A stop-and-search-like kind of record for the import tests, built from a spec the way a
data admin's dictionary builds one, and rows of its extracts."""

from tests import factories

CODE = "ss-test"
SPEC = {
    "code": CODE,
    "name": "Stop and search (test)",
    "date_label": "Date of search",
    "facts_label": "What happened",
    "sections": [
        (
            "Search",
            [
                {
                    "code": "power",
                    "label": "Power used",
                    "type": "choice",
                    "required": True,
                    "filterable": True,
                    "choices": [
                        ("pace-s1", "PACE s1"),
                        ("mda-s23", "Misuse of Drugs Act s23"),
                        ("cjpoa-s60", "CJPOA s60"),
                    ],
                },
                {"code": "searched_at", "label": "Date and time", "type": "datetime"},
                {"code": "grounds", "label": "Grounds", "type": "long_text", "required": True},
                {
                    "code": "object",
                    "label": "Object of search",
                    "type": "choice",
                    "choices": [("drugs", "Drugs"), ("weapons", "Offensive weapons")],
                },
                {
                    "code": "outcome",
                    "label": "Outcome",
                    "type": "choice",
                    "choices": [("nfa", "No further action"), ("arrest", "Arrest")],
                },
                {
                    "code": "found",
                    "label": "Items found",
                    "type": "multi_choice",
                    "choices": [("cash", "Cash"), ("drugs", "Drugs"), ("knife", "Knife")],
                },
                {
                    "code": "bwv",
                    "label": "Body-worn video recorded",
                    "type": "yes_no",
                    "aliases": ["BWV"],
                },
                {"code": "officers", "label": "Officers present", "type": "integer"},
                {"code": "distance", "label": "Distance from home (miles)", "type": "decimal"},
                {"code": "footage", "label": "Footage", "type": "link"},
            ],
        ),
        (
            "Person",
            [
                {
                    "code": "ethnicity",
                    "label": "Self-defined ethnicity",
                    "type": "choice",
                    "filterable": True,
                    "choices": [("white", "White"), ("black", "Black"), ("asian", "Asian")],
                },
                {
                    "code": "age_band",
                    "label": "Age band",
                    "type": "choice",
                    "choices": [("under_18", "Under 18"), ("18_plus", "18 and over")],
                },
            ],
        ),
        (
            "Review",
            [
                {"code": "reviewed", "label": "Supervisor reviewed", "type": "yes_no"},
                {"code": "review_note", "label": "Review note", "type": "text"},
            ],
        ),
    ],
}


def kind():
    return factories.record_kind(SPEC)


def row(reference: str = "SS-1", **overrides) -> dict:
    values = {
        "Reference": reference,
        "Date": "01/03/2025",
        "Power used": "misuse of drugs act s23",
        "Date and time": "01/03/2025 14:30",
        "Grounds": "Smell of cannabis from the car; the driver said he had smoked earlier.",
        "Object of search": "DRUGS",
        "Outcome": "nfa",
        "Items found": "Knife | cash",
        "BWV": "Y",
        "Officers present": "2",
        "Distance from home (miles)": "1.50",
        "Footage": "https://evidence.example.police.uk/clip/123",
        "Self-defined ethnicity": "Black",
        "Age band": "18 and over",
        "Facts": "Stopped on the high street in the afternoon.",
    }
    values.update(overrides)
    return values


def review_row(reference: str = "SS-1", **overrides) -> dict:
    values = {
        "Reference": reference,
        "Supervisor reviewed": "Yes",
        "Review note": "Grounds recorded well.",
    }
    values.update(overrides)
    return values
