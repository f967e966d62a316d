"""A community scrutiny panel for stop and search, with one closed meeting on searches for
drugs. Every search is invented. The decisions are spread so that the disproportionality
question a panel asks (are concerns found evenly across ethnic groups?) has an answer
worth looking at: three of the four searches of Black people reviewed raised a concern,
against one of the four searches of White people.
"""

import datetime

from .specs import KindCaseSpec

D = datetime.date
KIND = "stop-search"

STOP_SEARCH_PANEL = {
    "slug": "stop-search",
    "name": "Stop and Search Community Scrutiny Panel",
    "name_cy": "Panel Craffu Cymunedol Stopio a Chwilio",
    "framework": "stop-search-three-way",
    "public_description": (
        "Members of the public from across Demoshire review stop and search records and "
        "body-worn video, and ask whether each search was lawful, fair and carried out "
        "well. The police attend to answer questions but do not rate searches."
    ),
}

# (username, role, agency, voting)
STOP_SEARCH_MEMBERS = [
    ("jo", "chair", "independent", True),
    ("ray", "member", "independent", True),
    ("kit", "member", "independent", True),
    ("pat", "member", "police", False),
]


def _search(when: str, **values) -> dict:
    """A search's values: recorded on video, a record offered and reviewed, unless said."""
    return {
        "searched_at": when,
        "bwv_recorded": True,
        "strip_search": False,
        "record_offered": True,
        "supervisor_reviewed": True,
        **values,
    }


STOP_SEARCH_CASES = [
    KindCaseSpec(
        "DS-25-S101",
        KIND,
        "Search for drugs",
        D(2025, 8, 2),
        "Two officers on foot patrol in a shopping precinct in the afternoon stopped a man "
        "walking past them. He was searched and nothing was found.",
        _search(
            "2025-08-02T15:20",
            power="mda_s23",
            object_of_search="controlled_drugs",
            grounds="Smell of cannabis as officers passed.",
            self_defined_ethnicity="black",
            officer_defined_ethnicity="black",
            age_band="18_24",
            gender="male",
            outcome="no_further_action",
            outcome_linked=False,
            supervisor_reviewed=False,
        ),
        decision="concern",
        reasons="The only grounds recorded were a smell of cannabis, which on its own is not "
        "normally reasonable grounds to search.",
        themes=["grounds-not-reasonable"],
        dissent={"kit": "adequate"},
        assessments={"supervisor-review": "not_met"},
    ),
    KindCaseSpec(
        "DS-25-S102",
        KIND,
        "Search for drugs",
        D(2025, 8, 5),
        "Plain-clothes officers watching a car park after residents' complaints saw what "
        "looked like a sale of drugs. The man was stopped as he walked away.",
        _search(
            "2025-08-05T21:40",
            power="mda_s23",
            object_of_search="controlled_drugs",
            grounds="Seen handing a small package to another man in exchange for cash, in a "
            "car park where residents had reported dealing; turned away on seeing officers.",
            self_defined_ethnicity="white",
            officer_defined_ethnicity="white",
            age_band="25_34",
            gender="male",
            outcome="arrest",
            outcome_linked=True,
        ),
        decision="good-practice",
        reasons="Clear and specific grounds; every part of GOWISELY was explained on camera "
        "and the man was treated with courtesy throughout.",
        themes=["good-practice"],
    ),
    KindCaseSpec(
        "DS-25-S103",
        KIND,
        "Search for drugs",
        D(2025, 8, 11),
        "Officers responding to a call about drug dealing near a school stopped a teenager "
        "walking home. Nothing was found.",
        _search(
            "2025-08-11T16:05",
            power="mda_s23",
            object_of_search="controlled_drugs",
            grounds="Matched the description given by the caller: a young black male in a "
            "grey tracksuit.",
            self_defined_ethnicity="black",
            officer_defined_ethnicity="black",
            age_band="under_18",
            gender="male",
            outcome="no_further_action",
            outcome_linked=False,
            bwv_recorded=False,
            supervisor_comments="Camera switched on only once the search had begun. "
            "Officer given words of advice.",
        ),
        decision="concern",
        reasons="The grounds rested on a general description that could fit many young "
        "people. The camera was switched on only after the search had begun, so the panel "
        "could not see whether the search was explained.",
        themes=["grounds-not-reasonable", "bwv-not-used", "gowisely-not-explained"],
        dissent={"ray": "adequate"},
    ),
    KindCaseSpec(
        "DS-25-S104",
        KIND,
        "Search for stolen property",
        D(2025, 8, 14),
        "A store's security officer called the police about a theft; officers stopped a woman "
        "who matched the description a short distance away.",
        _search(
            "2025-08-14T11:30",
            power="pace_s1",
            object_of_search="stolen_property",
            grounds="Security officer saw the woman put two bottles of spirits in her bag and "
            "leave without paying; she matched the description given.",
            self_defined_ethnicity="white",
            officer_defined_ethnicity="white",
            age_band="35_49",
            gender="female",
            outcome="community_resolution",
            outcome_linked=True,
            record_offered=False,
        ),
        decision="adequate",
        reasons="The grounds were sound and the outcome proportionate, but she was not told "
        "she could have a copy of the search record.",
        themes=["gowisely-not-explained"],
    ),
    KindCaseSpec(
        "DS-25-S105",
        KIND,
        "Search for drugs",
        D(2025, 8, 20),
        "A car was stopped for a defective brake light and the driver searched. A small "
        "amount of cannabis was found.",
        _search(
            "2025-08-20T22:15",
            power="mda_s23",
            object_of_search="controlled_drugs",
            grounds="Smell of cannabis from the car when the window was lowered; the driver "
            "appeared nervous and avoided eye contact.",
            self_defined_ethnicity="black",
            officer_defined_ethnicity="black",
            age_band="25_34",
            gender="male",
            outcome="cannabis_warning",
            outcome_linked=True,
        ),
        decision="adequate",
        reasons="Thin grounds: nervousness adds little to a smell of cannabis. The search was "
        "explained well and the outcome was proportionate.",
        themes=["grounds-not-reasonable"],
        dissent={"ray": "concern"},
    ),
    KindCaseSpec(
        "DS-25-S106",
        KIND,
        "Search for drugs",
        D(2025, 8, 26),
        "Officers attended a block of flats after reports of drug use in a stairwell and "
        "searched one of two men there. Nothing was found.",
        _search(
            "2025-08-26T20:50",
            power="mda_s23",
            object_of_search="controlled_drugs",
            grounds="Found in the stairwell residents had reported that evening; put something "
            "in his mouth as officers approached.",
            self_defined_ethnicity="asian",
            officer_defined_ethnicity="asian",
            age_band="18_24",
            gender="male",
            outcome="no_further_action",
            outcome_linked=False,
        ),
        decision="adequate",
        reasons="Reasonable grounds, but the officer began the search before saying why, and "
        "explained only when asked.",
        themes=["manner-fell-short"],
        dissent={"kit": "good-practice"},
    ),
    KindCaseSpec(
        "DS-25-S107",
        KIND,
        "Search for drugs",
        D(2025, 9, 3),
        "A man was stopped in the town centre on intelligence and taken to the police "
        "station, where a strip search was carried out. Nothing was found.",
        _search(
            "2025-09-03T13:10",
            power="mda_s23",
            object_of_search="controlled_drugs",
            grounds="Intelligence received that day that he was carrying drugs hidden in his "
            "clothing.",
            self_defined_ethnicity="black",
            officer_defined_ethnicity="black",
            age_band="18_24",
            gender="male",
            outcome="no_further_action",
            outcome_linked=False,
            strip_search=True,
            supervisor_reviewed=False,
        ),
        decision="concern",
        reasons="A strip search was carried out on intelligence not recorded in enough detail "
        "to show it was reasonable, and no supervisor's authority was recorded.",
        themes=["grounds-not-reasonable"],
        assessments={"search-extent": "not_met", "supervisor-review": "not_met"},
    ),
    KindCaseSpec(
        "DS-25-S108",
        KIND,
        "Search for weapons",
        D(2025, 9, 6),
        "A section 60 authority was in force after a stabbing at an event earlier that "
        "evening. A boy leaving the event was searched; nothing was found.",
        _search(
            "2025-09-06T23:30",
            power="cjpoa_s60",
            object_of_search="offensive_weapons",
            grounds="Section 60 authority in force for the area of the event.",
            self_defined_ethnicity="white",
            officer_defined_ethnicity="white",
            age_band="under_18",
            gender="male",
            outcome="no_further_action",
            outcome_linked=False,
        ),
        decision="concern",
        reasons="The search was lawful under the authority, but the footage shows the officer "
        "swearing at the boy and not explaining the authority or his right to a record.",
        themes=["manner-fell-short", "gowisely-not-explained"],
    ),
    KindCaseSpec(
        "DS-25-S109",
        KIND,
        "Search for drugs",
        D(2025, 9, 12),
        "Officers on patrol in a park saw a woman on a bench with what looked like a "
        "cannabis cigarette. A small amount of cannabis was found.",
        _search(
            "2025-09-12T17:45",
            power="mda_s23",
            object_of_search="controlled_drugs",
            grounds="Seen rolling what appeared to be a cannabis cigarette; strong smell of "
            "cannabis.",
            self_defined_ethnicity="mixed",
            officer_defined_ethnicity="not_recorded",
            age_band="18_24",
            gender="female",
            outcome="cannabis_warning",
            outcome_linked=True,
        ),
        decision="good-practice",
        reasons="Specific grounds, a courteous explanation on camera from the start, and a "
        "proportionate outcome.",
        themes=["good-practice"],
    ),
    KindCaseSpec(
        "DS-25-S110",
        KIND,
        "Search for articles for use in theft",
        D(2025, 9, 18),
        "Late at night officers saw a man going along a row of parked cars. He was stopped "
        "and searched and tools for breaking into cars were found.",
        _search(
            "2025-09-18T02:10",
            power="pace_s1",
            object_of_search="going_equipped",
            grounds="Seen trying the door handles of parked cars with a screwdriver in his hand.",
            self_defined_ethnicity="white",
            officer_defined_ethnicity="white",
            age_band="35_49",
            gender="male",
            outcome="arrest",
            outcome_linked=True,
        ),
        decision="good-practice",
        reasons="Strong grounds, a search limited to what was needed, and a record given at "
        "the scene.",
        themes=["good-practice"],
    ),
]

# How a theme shows in a member's assessment of the framework's criteria.
THEME_CRITERIA = {
    "grounds-not-reasonable": ["grounds-reasonable"],
    "gowisely-not-explained": ["gowisely", "record-complete"],
    "bwv-not-used": ["bwv-used"],
    "manner-fell-short": ["respect"],
    "outcome-disproportionate": ["outcome-proportionate"],
}

STOP_SEARCH_OBSERVATIONS = [
    (
        "learning",
        "Two searches relied mainly on a smell of cannabis. The panel reminded the force "
        "that a smell of cannabis alone will not normally give reasonable grounds to search.",
        ["grounds-not-reasonable"],
    ),
    (
        "learning",
        "Concerns were found in three of the four searches of Black people the panel "
        "reviewed, and in one of the four searches of White people. The sample is small; the "
        "panel asked the force for its disproportionality figures to see whether the pattern "
        "holds.",
        [],
    ),
    (
        "good_practice",
        "In the best searches body-worn video ran from the first words of the encounter, so "
        "the panel could see the search explained in full and the person treated with "
        "courtesy.",
        ["good-practice"],
    ),
]
STOP_SEARCH_ACTIONS = [
    (
        "Share the force's stop and search disproportionality figures for the last 12 months "
        "with the panel.",
        "Force stop and search lead",
        D(2025, 12, 31),
        "in_progress",
        "Figures are being prepared, broken down by power and outcome.",
    ),
    (
        "Brief officers that a smell of cannabis alone will not normally be reasonable "
        "grounds, and that cameras must be on before the first words of an encounter.",
        "Force stop and search lead",
        D(2026, 1, 31),
        "in_progress",
        "Briefing written; response teams are being briefed in turn.",
    ),
]

STOP_SEARCH_MEETING = {
    "panel": "stop-search",
    "date": D(2025, 11, 19),
    "theme": "Searches for drugs",
    "theme_cy": "Chwiliadau am gyffuriau",
    "deadline": D(2025, 11, 12),
    "cases": STOP_SEARCH_CASES,
    "close": True,
    "observations": STOP_SEARCH_OBSERVATIONS,
    "actions": STOP_SEARCH_ACTIONS,
}
