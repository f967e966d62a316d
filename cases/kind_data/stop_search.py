"""A stop and search: the record an officer makes under PACE Code A, as community scrutiny
panels read it (the Home Office Community Scrutiny Framework). The power, outcome and the
person's ethnicity, age band and gender are filterable, so a panel can ask the
disproportionality question: are concerns spread evenly across ethnic groups?"""

from .spec import (
    AGE_BANDS,
    CHOICE,
    DATETIME,
    ETHNIC_GROUPS,
    GENDERS,
    LINK,
    LONG_TEXT,
    YES_NO,
    field,
)

STOP_SEARCH_CODE = "stop-search"

POWERS = [
    ("pace_s1", "Section 1 PACE (stolen or prohibited articles)"),
    ("mda_s23", "Section 23 Misuse of Drugs Act 1971"),
    ("cjpoa_s60", "Section 60 Criminal Justice and Public Order Act 1994"),
    ("ta_s47a", "Section 47A Terrorism Act 2000"),
    ("ta_s43", "Section 43 Terrorism Act 2000"),
    ("other", "Other power"),
]

OBJECTS = [
    ("controlled_drugs", "Controlled drugs"),
    ("offensive_weapons", "Offensive weapons"),
    ("stolen_property", "Stolen property"),
    ("going_equipped", "Articles for use in theft or burglary"),
    ("criminal_damage", "Articles for use in criminal damage"),
    ("firearms", "Firearms"),
    ("fireworks", "Fireworks"),
    ("terrorism", "Evidence of terrorism"),
    ("other", "Other"),
]

OUTCOMES = [
    ("no_further_action", "No further action"),
    ("arrest", "Arrest"),
    ("community_resolution", "Community resolution"),
    ("penalty_notice", "Penalty notice for disorder"),
    ("cannabis_warning", "Cannabis or khat warning"),
    ("summons", "Summons or postal requisition"),
    ("other", "Other"),
]

# Officers record the group they perceive; "Mixed" is not one they are asked to judge.
OFFICER_ETHNIC_GROUPS = [
    ("asian", "Asian or Asian British"),
    ("black", "Black, Black British, Caribbean or African"),
    ("white", "White"),
    ("other", "Other ethnic group"),
    ("not_recorded", "Not recorded"),
]

STOP_SEARCH = {
    "code": STOP_SEARCH_CODE,
    "name": "Stop and search",
    "description": "A stop and search record: the power used, the object and grounds, the "
    "outcome, who was searched, and how the search was recorded and reviewed.",
    "date_label": "Date of search",
    "facts_label": "Circumstances of the search",
    "sections": [
        (
            "Search",
            [
                field("searched_at", "Date and time of search", DATETIME),
                field(
                    "power",
                    "Power used",
                    CHOICE,
                    choices=POWERS,
                    required=True,
                    filterable=True,
                    aliases=["Legislation", "Power"],
                ),
                field(
                    "object_of_search",
                    "Object of search",
                    CHOICE,
                    choices=OBJECTS,
                    required=True,
                    filterable=True,
                    aliases=["Object", "Reason for search"],
                ),
                field(
                    "grounds",
                    "Grounds for the search",
                    LONG_TEXT,
                    required=True,
                    help="As the officer recorded them: PACE Code A requires objective "
                    "grounds, never a person's appearance or a generalisation.",
                    aliases=["Grounds"],
                ),
            ],
        ),
        (
            "Person searched",
            [
                field(
                    "self_defined_ethnicity",
                    "Self-defined ethnicity",
                    CHOICE,
                    choices=ETHNIC_GROUPS,
                    filterable=True,
                ),
                field(
                    "officer_defined_ethnicity",
                    "Officer-defined ethnicity",
                    CHOICE,
                    choices=OFFICER_ETHNIC_GROUPS,
                    filterable=True,
                ),
                field("age_band", "Age band", CHOICE, choices=AGE_BANDS, filterable=True),
                field("gender", "Gender", CHOICE, choices=GENDERS, filterable=True),
            ],
        ),
        (
            "Outcome",
            [
                field(
                    "outcome",
                    "Outcome",
                    CHOICE,
                    choices=OUTCOMES,
                    required=True,
                    filterable=True,
                ),
                field(
                    "outcome_linked",
                    "Outcome linked to the object of search",
                    YES_NO,
                    filterable=True,
                    help="What was found, or the outcome, relates to what the officer was "
                    "searching for.",
                ),
            ],
        ),
        (
            "Recording and review",
            [
                field(
                    "bwv_recorded",
                    "Body-worn video recorded",
                    YES_NO,
                    filterable=True,
                    aliases=["BWV", "BWV recorded"],
                ),
                field(
                    "bwv_footage",
                    "Body-worn video footage",
                    LINK,
                    help="A link to the footage in the force's evidence system.",
                ),
                field(
                    "strip_search",
                    "Strip search (exposure of intimate parts)",
                    YES_NO,
                    filterable=True,
                ),
                field("record_offered", "Search record offered", YES_NO),
                field("supervisor_reviewed", "Supervisor reviewed", YES_NO),
                field("supervisor_comments", "Supervisor's comments", LONG_TEXT),
            ],
        ),
    ],
}
