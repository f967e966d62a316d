"""A stop-and-search kind of record for the import benchmark, built from its own spec (the
seeded kinds' shape, cases/kind_data), and made-up extracts of it: the same rows for a size
on every run, with a phone number planted in one row in 500 for the privacy screen."""

import csv
import datetime
import random
from pathlib import Path

CODE = "bench-stop-search"


def _choice(code, label, choices, **more):
    return {"code": code, "label": label, "type": "choice", "choices": choices, **more}


def _yes_no(code, label):
    return {"code": code, "label": label, "type": "yes_no", "filterable": True}


ETHNICITIES = [("white", "White"), ("black", "Black"), ("asian", "Asian"), ("mixed", "Mixed")]
ETHNICITIES += [("other", "Other"), ("not_stated", "Not stated")]
SPEC = {
    "code": CODE,
    "name": "Stop and search (benchmark)",
    "date_label": "Date of search",
    "facts_label": "What happened",
    "sections": [
        (
            "Search",
            [
                {"code": "searched_at", "label": "Date and time", "type": "datetime"},
                _choice(
                    "power",
                    "Power used",
                    [
                        ("pace-s1", "PACE s1"),
                        ("mda-s23", "Misuse of Drugs Act s23"),
                        ("cjpoa-s60", "CJPOA s60"),
                        ("firearms-s47", "Firearms Act s47"),
                    ],
                    required=True,
                    filterable=True,
                ),
                _choice(
                    "object",
                    "Object of search",
                    [("drugs", "Drugs"), ("weapons", "Offensive weapons"), ("stolen", "Stolen")],
                    filterable=True,
                ),
                {"code": "grounds", "label": "Grounds", "type": "long_text", "required": True},
                _choice(
                    "outcome",
                    "Outcome",
                    [("nfa", "No further action"), ("arrest", "Arrest"), ("warning", "Warning")],
                    filterable=True,
                ),
                _yes_no("linked", "Outcome linked to object"),
            ],
        ),
        (
            "Person",
            [
                _choice("self_ethnicity", "Self-defined ethnicity", ETHNICITIES, filterable=True),
                _choice("officer_ethnicity", "Officer-defined ethnicity", ETHNICITIES),
                _choice(
                    "age_band",
                    "Age band",
                    [("under_18", "Under 18"), ("18_24", "18 to 24"), ("25_plus", "25 and over")],
                    filterable=True,
                ),
                _choice("gender", "Gender", [("female", "Female"), ("male", "Male")]),
            ],
        ),
        (
            "Conduct",
            [
                _yes_no("bwv", "Body-worn video recorded"),
                _yes_no("strip_search", "Strip search"),
                _yes_no("supervisor_reviewed", "Supervisor reviewed"),
            ],
        ),
    ],
}
HEADERS = [
    "Reference",
    "Date",
    "Date and time",
    "Power used",
    "Object of search",
    "Grounds",
    "Outcome",
    "Outcome linked to object",
    "Self-defined ethnicity",
    "Officer-defined ethnicity",
    "Age band",
    "Gender",
    "Body-worn video recorded",
    "Strip search",
    "Supervisor reviewed",
    "Facts",
    "Later information",
]
GROUNDS = [
    "Strong smell of cannabis coming from the vehicle when the window was lowered.",
    "Seen passing a small package to another man in exchange for cash.",
    "Matched the description given by the caller of a man carrying a knife.",
    "Section 60 authorisation in force after a stabbing the night before.",
    "Tried to hide something in his waistband when he saw the officers.",
    "Intelligence that the address was used to store stolen bicycles.",
]
FACTS = [
    "The search took place on the high street at about {t}.",
    "Officers explained the grounds and the object of the search.",
    "He was given a receipt and told how to complain.",
    "Nothing was found and he was allowed to go on his way.",
    "A small amount of herbal cannabis was found in a jacket pocket.",
    "The search lasted {n} minutes and was recorded on body-worn video.",
    "His friends filmed the search on their phones and were not stopped.",
]


def rows(size: int):
    rng = random.Random(size + 1)  # nosec B311 # made-up rows, the same for a size every run
    start = datetime.datetime(2024, 1, 1, 0, 0)
    labels = [label for _, label in ETHNICITIES]
    for number in range(size):
        when = start + datetime.timedelta(minutes=rng.randint(0, 600 * 24 * 60))
        facts = " ".join(rng.sample(FACTS, 4)).format(
            t=when.strftime("%H:%M"), n=rng.randint(3, 20)
        )
        if number % 500 == 250:
            facts += " His mother rang 07700 900123 afterwards."
        yield [
            f"SS-{number:07d}",
            when.date().isoformat(),
            when.strftime("%d/%m/%Y %H:%M"),
            rng.choice(["PACE s1", "Misuse of Drugs Act s23", "mda-s23", "CJPOA s60"]),
            rng.choice(["Drugs", "Offensive weapons", "Stolen"]),
            rng.choice(GROUNDS),
            rng.choice(["No further action", "nfa", "Arrest", "Warning"]),
            rng.choice(["Y", "N"]),
            rng.choice(labels),
            rng.choice(labels),
            rng.choice(["Under 18", "18 to 24", "25 and over"]),
            rng.choice(["Female", "Male", "male"]),
            rng.choice(["Yes", "No", "Y"]),
            rng.choice(["No", "No", "No", "Yes"]),
            rng.choice(["Yes", "No", ""]),
            facts,
            rng.choice(["", "", "", "A complaint was made and later withdrawn."]),
        ]


def write_csv(path: Path, size: int) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        writer.writerows(rows(size))
