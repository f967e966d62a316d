"""The frameworks of the community scrutiny panels: stop and search and use of force, each
rating a case "Good practice", "Adequate" or "Concern" against grouped criteria.

Data only, in reference_data's shapes, so migrations can use it: categories are
(code, label, short_label, requires_reasons, is_inconclusive); groups (code, label);
criteria (code, label, guidance, group code).
"""

THREE_WAY = [
    ("good-practice", "Good practice", "Good practice", False, False),
    ("adequate", "Adequate", "Adequate", True, False),
    ("concern", "Concern", "Concern", True, False),
]

STOP_SEARCH_THREE_WAY = {
    "slug": "stop-search-three-way",
    "name": "Stop and search (good practice, adequate, concern)",
    "kind": "other",
    "record_kind": "stop-search",
    "criteria_heading": "Scrutiny questions",
    "description": (
        "Was the search lawful, fair and carried out well? Each search is placed in one of "
        "three categories: good practice, adequate or concern."
    ),
    "categories": THREE_WAY,
    "groups": [
        ("grounds", "The grounds for the search"),
        ("encounter", "The encounter"),
        ("outcome", "The outcome and the record"),
    ],
}

STOP_SEARCH_CRITERIA = [
    (
        "grounds-reasonable",
        "Grounds reasonable and recorded",
        "Objective grounds, recorded at the time; never based on appearance or a "
        "generalisation (PACE Code A).",
        "grounds",
    ),
    (
        "power-appropriate",
        "Power suited to the grounds",
        "The power used fits what the officer suspected and was searching for.",
        "grounds",
    ),
    (
        "gowisely",
        "GOWISELY explained",
        "Grounds, Object, Warrant card, Identity, Station, Entitlement to a record, Legal "
        "power, and that the person is being detained for a search.",
        "encounter",
    ),
    (
        "bwv-used",
        "Body-worn video used",
        "Recording from before the first contact to the end of the encounter.",
        "encounter",
    ),
    ("respect", "The person treated with respect", "", "encounter"),
    (
        "search-extent",
        "Extent of the search justified",
        "Any removal of clothing, and above all a strip search, is justified and recorded.",
        "encounter",
    ),
    ("outcome-proportionate", "Outcome proportionate", "", "outcome"),
    (
        "record-complete",
        "Record complete and offered",
        "The search record is complete and the person was offered a copy.",
        "outcome",
    ),
    ("supervisor-review", "Supervisor reviewed the search", "", "outcome"),
]

USE_OF_FORCE_THREE_WAY = {
    "slug": "use-of-force-three-way",
    "name": "Use of force (good practice, adequate, concern)",
    "kind": "other",
    "record_kind": "use-of-force",
    "criteria_heading": "Scrutiny questions",
    "description": (
        "Was the force used necessary, proportionate and reasonable, and was it recorded "
        "and followed up well? Each use of force is placed in one of three categories: good "
        "practice, adequate or concern."
    ),
    "categories": THREE_WAY,
    "groups": [
        ("justification", "Was the force justified?"),
        ("conduct", "How was the force used?"),
        ("after", "Recording and aftercare"),
    ],
}

USE_OF_FORCE_CRITERIA = [
    (
        "force-necessary",
        "Force necessary",
        "There was no other way to achieve a lawful aim.",
        "justification",
    ),
    (
        "force-proportionate",
        "Force proportionate",
        "The force used matched the threat and the aim.",
        "justification",
    ),
    (
        "force-reasonable",
        "Force reasonable in the circumstances",
        "As the officer honestly believed them to be.",
        "justification",
    ),
    (
        "de-escalation",
        "De-escalation attempted",
        "Tactical communication and other options tried, or why they could not be.",
        "conduct",
    ),
    ("bwv-used", "Body-worn video used", "", "conduct"),
    ("respect", "The person treated with respect", "", "conduct"),
    (
        "recorded-properly",
        "Recorded properly",
        "A use of force record made before the end of the shift, with the reasons.",
        "after",
    ),
    (
        "aftercare",
        "Aftercare given and injuries dealt with",
        "Medical assistance offered where needed, and any injury recorded.",
        "after",
    ),
    ("supervisor-review", "Supervisor reviewed the use of force", "", "after"),
]

KIND_FRAMEWORKS = [
    (STOP_SEARCH_THREE_WAY, STOP_SEARCH_CRITERIA),
    (USE_OF_FORCE_THREE_WAY, USE_OF_FORCE_CRITERIA),
]
KIND_FRAMEWORK_SLUGS = [spec["slug"] for spec, _criteria in KIND_FRAMEWORKS]

# (slug, name)
KIND_THEMES = [
    ("grounds-not-reasonable", "Grounds not reasonable or not recorded"),
    ("gowisely-not-explained", "GOWISELY not fully explained"),
    ("bwv-not-used", "Body-worn video not used"),
    ("manner-fell-short", "Manner or communication fell short"),
    ("outcome-disproportionate", "Outcome disproportionate"),
    ("force-not-justified", "Force not justified"),
    ("no-de-escalation", "De-escalation not attempted"),
    ("aftercare-not-recorded", "Aftercare not recorded"),
]

_SEARCH, _FORCE = KIND_FRAMEWORK_SLUGS
KIND_THEME_FRAMEWORKS = {
    "grounds-not-reasonable": [_SEARCH],
    "gowisely-not-explained": [_SEARCH],
    "bwv-not-used": [_SEARCH, _FORCE],
    "manner-fell-short": [_SEARCH, _FORCE],
    "outcome-disproportionate": [_SEARCH],
    "force-not-justified": [_FORCE],
    "no-de-escalation": [_FORCE],
    "aftercare-not-recorded": [_FORCE],
    "good-practice": [_SEARCH, _FORCE],
}

KIND_ADVERSE = {_SEARCH: ["concern"], _FORCE: ["concern"]}
