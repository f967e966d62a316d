"""Demo content: fictional cases behind two real published panel meetings, and a
community scrutiny panel's stop and search meeting.

The panel decisions, their counts and the kinds of reasons mirror the published
findings of an adult OoCR panel (15 October 2025, stalking or harassment) and a
Victims' Code panel (17 September 2025), whose cases are Victims' Code case records
(vcop_cases.py). Every case fact is invented; the force and all people are fictional.
"""

import datetime
from dataclasses import dataclass, field

from . import stop_search
from .stop_search import STOP_SEARCH_MEETING, STOP_SEARCH_MEMBERS, STOP_SEARCH_PANEL
from .vcop_cases import VCOP_SEPTEMBER_CASES

D = datetime.date

DEMO_PASSWORD = "scrutiny-demo"  # noqa: S105 # nosec B105 # demo only, published
FORCE = ("DEMO", "Demoshire Police")
ORGANISATION = "Demoshire Local Criminal Justice Board"
ORGANISATION_CY = "Bwrdd Cyfiawnder Troseddol Lleol Demoshire"

# (username, first name, last name, staff role or None, what they do)
USERS = [
    ("alice", "Alice", "Adeyemi", "Data admin", "Data admin: imports extracts, manages panels"),
    ("olu", "Olu", "Okafor", "OPCC staff", "OPCC staff: plans meetings, publishes findings"),
    ("nia", "Nia", "Novak", "OPCC staff", "OPCC staff: approves findings reports"),
    ("chris", "Chris", "Carter", None, "Panel chair (magistrate) of the OoCR and VCoP panels"),
    ("mina", "Mina", "Malik", None, "Panel member (CPS lawyer), voting"),
    (
        "sam",
        "Sam",
        "Singh",
        None,
        "Panel member (probation; a magistrate on the OoCR panel), voting",
    ),
    ("yan", "Yan", "Young", None, "Panel member (youth justice, Victims' Code), voting"),
    ("pat", "Pat", "Price", None, "Police attendee, non-voting"),
    ("jo", "Jo", "Jackson", None, "Community panel chair (stop and search)"),
    ("ray", "Ray", "Reid", None, "Community panel member (stop and search), voting"),
    ("kit", "Kit", "Kaur", None, "Community panel member (stop and search), voting"),
    ("lee", "Lee", "Lewis", None, "Force liaison for Demoshire Police: answers its actions"),
]
# Lee answers for the force; he sits on no panel.
LIAISONS = ["lee"]
# The action of the October OoCR meeting Lee has answered, and his answer, approved by
# OPCC staff so the published report carries it as the force's response. The other
# October action is overdue with no response.
ANSWERED_ACTION = "Roll out gravity matrix guidance and tools to officers."
LIAISON_ANSWER = (
    "Guidance prepared and shared with custody and neighbourhood sergeants; to be agreed at "
    "the Investigative Quality Assurance Board in January."
)
# The force answers in Welsh too.
LIAISON_ANSWER_CY = (
    "Canllawiau wedi'u paratoi a'u rhannu â rhingylliaid y ddalfa a'r timau cymdogaeth; i'w "
    "cytuno yn y Bwrdd Sicrhau Ansawdd Ymchwiliadau ym mis Ionawr."
)
# When the force sent it and OPCC staff approved it: before the October findings report
# was drafted (reports/demo/loader.py PUBLISHED_ON), so the report can carry it.
LIAISON_ANSWERED_ON = D(2025, 10, 27)
LIAISON_APPROVED_ON = D(2025, 10, 29)

# (username, role, agency, voting)
# The agencies each published report names: the police, the CPS and the magistracy for
# the OoCR panel; the courts, youth justice, the police, probation and the CPS for the
# Victims' Code panel. The police attend without rating cases.
OOCR_MEMBERS = [
    ("chris", "chair", "magistracy", True),
    ("mina", "member", "cps", True),
    ("sam", "member", "magistracy", True),
    ("pat", "member", "police", False),
]
VCOP_MEMBERS = [
    ("chris", "chair", "courts", True),
    ("mina", "member", "cps", True),
    ("sam", "member", "probation", True),
    ("yan", "member", "youth_justice", True),
    ("pat", "member", "police", False),
]

OOCR_PANEL = {
    "slug": "adult-oocr",
    "name": "Adult Out of Court Resolutions Scrutiny Panel",
    "name_cy": "Panel Craffu Datrysiadau y Tu Allan i'r Llys i Oedolion",
    "framework": "oocr-four-way",
    "public_description": (
        "The panel dip-samples cases that the police resolved out of "
        "court, and asks whether the resolution given was the right decision. Members come "
        "from the Crown Prosecution Service and the magistracy; the police attend to answer "
        "questions but do not rate cases."
    ),
}
VCOP_PANEL = {
    "slug": "victims-code",
    "name": "Victims' Code of Practice Scrutiny Panel",
    "name_cy": "Panel Craffu'r Cod Dioddefwyr",
    "framework": "vcop-seven-way",
    "public_description": (
        "The panel dip-samples finalised cases and asks whether the "
        "victim received each of their 12 rights under the Victims' Code of Practice."
    ),
}


@dataclass
class CaseSpec:
    reference: str
    offence: str
    crime_code: str
    outcome: str
    offence_date: datetime.date
    outcome_date: datetime.date
    facts: str
    gravity: int | None = 2
    admission: str = "full"
    victim_views: str = "sought_recorded"
    rank: str = "sergeant"
    age_band: str = "25_34"
    previous: str = "None recorded."
    conditions: str = ""
    later: str = ""
    domestic_abuse: bool = False
    decision: str = ""
    reasons: str = ""
    themes: list[str] = field(default_factory=list)
    # Members whose own rating differed from the panel's decision: username → category.
    dissent: dict[str, str] = field(default_factory=dict)
    # Criterion code → assessment, where it is not simply met (or not met for a theme).
    assessments: dict[str, str] = field(default_factory=dict)


OOCR_OCTOBER_CASES = [
    CaseSpec(
        "DS-25-0411",
        "Harassment without violence",
        "8L",
        "simple-caution",
        D(2025, 2, 3),
        D(2025, 4, 14),
        "Over six weeks the suspect, a former partner, sent more than 40 unwanted messages, "
        "waited outside the victim's workplace on two occasions and followed her to a gym. "
        "Recorded as harassment. Interviewed; made a full admission.",
        gravity=2,
        rank="inspector",
        decision="inconsistent",
        reasons="The offence was recorded as harassment but the pattern of fixated behaviour "
        "was stalking, which would have increased the gravity score; advice from the CPS "
        "should have been sought.",
        themes=["crime-misclassified", "cps-advice-not-sought"],
    ),
    CaseSpec(
        "DS-25-0437",
        "Harassment – putting people in fear of violence",
        "8L",
        "conditional-caution",
        D(2025, 1, 20),
        D(2025, 4, 2),
        "A neighbour repeatedly watched the victim's home, left notes on her car and "
        "photographed visitors over two months. Recorded as harassment with fear. Full "
        "admission in interview. Conditions: no contact and a victim awareness course.",
        gravity=3,
        rank="inspector",
        conditions="No contact with the victim; victim awareness course.",
        decision="inconsistent",
        reasons="Recorded incorrectly: the behaviour should have been classified as stalking, "
        "raising the gravity score, and CPS advice should have been sought.",
        themes=["crime-misclassified", "cps-advice-not-sought"],
        dissent={"mina": "consistent-with-observations"},
    ),
    CaseSpec(
        "DS-25-0452",
        "Harassment without violence",
        "8L",
        "community-resolution",
        D(2025, 3, 5),
        D(2025, 4, 22),
        "A former colleague posted abusive messages about the victim online and sent an "
        "offensive message to the victim's sister. Only the harassment of the first victim "
        "was recorded. Admitted; apologised in writing.",
        gravity=2,
        conditions="Written apology to the victim.",
        decision="consistent-with-observations",
        reasons="Not all reported crimes were recorded: the malicious communication sent to a "
        "second victim should have been recorded as a crime.",
        themes=["not-all-crimes-recorded"],
        dissent={"sam": "consistent"},
    ),
    CaseSpec(
        "DS-25-0468",
        "Harassment – putting people in fear of violence",
        "8L",
        "community-resolution",
        D(2025, 2, 11),
        D(2025, 3, 18),
        "Two college students. The suspect repeatedly sent threatening messages to a "
        "classmate in a group chat, leaving her afraid to attend. Admitted. Reparation was a "
        "verbal apology.",
        gravity=2,
        age_band="18_24",
        conditions="Verbal apology to the victim.",
        decision="consistent-with-observations",
        reasons="A verbal apology was the only reparation; a more meaningful intervention "
        "should have been considered, and restorative justice was not considered as a way of "
        "repairing harm among everyone involved.",
        themes=["intervention-not-meaningful"],
    ),
    CaseSpec(
        "DS-25-0475",
        "Harassment without violence",
        "8L",
        "simple-caution",
        D(2025, 1, 8),
        D(2025, 3, 27),
        "After a relationship ended the suspect sent repeated messages and scratched the "
        "victim's car. Only harassment was recorded; the damage to the car was not crimed. "
        "Admitted both in interview.",
        gravity=None,
        decision="inconsistent",
        reasons="Not all reported crimes were recorded. Accurate recording matters because it "
        "can affect future Disclosure and Barring checks. No gravity score was recorded.",
        themes=["not-all-crimes-recorded", "gravity-score-missing"],
    ),
    CaseSpec(
        "DS-25-0490",
        "Harassment without violence",
        "8L",
        "simple-caution",
        D(2024, 11, 30),
        D(2025, 4, 9),
        "Unwanted contact, loitering and messages towards the victim over three years. "
        "More than 70 occurrences are linked on police systems. The victim gave up his job "
        "because of the behaviour. Recorded as harassment. Admitted.",
        gravity=2,
        previous="Warned twice for related behaviour.",
        rank="inspector",
        later="The victim later reported further contact after the caution.",
        decision="inconsistent",
        reasons="The offence should have been recorded as stalking rather than harassment. "
        "Given its gravity and the profound impact on the victim, the case should have gone "
        "to the CPS for advice; a caution was inconsistent with policy.",
        themes=["crime-misclassified", "cps-advice-not-sought"],
    ),
    CaseSpec(
        "DS-25-0503",
        "Harassment without violence",
        "8L",
        "community-resolution",
        D(2025, 3, 1),
        D(2025, 4, 3),
        "The suspect made repeated unwanted calls to a former landlord. The file records no "
        "contact with the victim about how the matter should be resolved. The suspect said he "
        "'may have called a few times'.",
        victim_views="not_sought",
        admission="partial",
        decision="inconsistent",
        reasons="The views of the victim were not sought before the resolution was chosen, and "
        "there was no clear admission.",
        themes=["victim-views-not-sought", "no-clear-admission"],
    ),
    CaseSpec(
        "DS-25-0519",
        "Harassment – putting people in fear of violence",
        "8L",
        "conditional-caution",
        D(2025, 2, 14),
        D(2025, 4, 16),
        "Repeated threatening messages to a former friend after a dispute over money. "
        "The record shows no Superintendent authority for the conditional caution and no "
        "gravity score. In interview the suspect accepted sending messages but denied "
        "intending to cause fear.",
        gravity=None,
        admission="partial",
        rank="not_recorded",
        conditions="Pay £50 compensation; no contact.",
        decision="inconsistent",
        reasons="No Superintendent authority was recorded, no gravity score was recorded, and "
        "there was no clear admission, which a caution requires.",
        themes=["authority-not-recorded", "gravity-score-missing", "no-clear-admission"],
    ),
    CaseSpec(
        "DS-25-0526",
        "Malicious communications",
        "8N",
        "community-resolution",
        D(2025, 3, 12),
        D(2025, 4, 1),
        "The suspect posted messages online threatening a local elected councillor, "
        "including a threat to kill. Recorded as malicious communications. The suspect "
        "admitted posting and showed no remorse.",
        gravity=2,
        rank="not_recorded",
        decision="inconsistent",
        reasons="A Community Resolution was issued for threats to a politician, which should "
        "have been recorded under the Online Safety Act 2023 s.181. With a threat to kill as "
        "an aggravating factor and high public interest, the case needed CPS sign-off.",
        themes=["crime-misclassified", "cps-advice-not-sought", "authority-not-recorded"],
        dissent={"sam": "consistent-with-observations"},
    ),
    CaseSpec(
        "DS-25-0534",
        "Harassment without violence",
        "8L",
        "simple-caution",
        D(2025, 2, 25),
        D(2025, 4, 11),
        "Unwanted messages and gifts sent to a colleague. In interview the suspect said "
        "'I suppose it could look that way' and gave no account of the messages.",
        admission="none",
        decision="inconsistent",
        reasons="There was no clear admission from the suspect, which a caution requires.",
        themes=["no-clear-admission"],
    ),
]

# The meeting open for rating: domestic abuse cases resolved with a Community Resolution.
OOCR_DECEMBER_CASES = [
    CaseSpec(
        "DS-26-0102",
        "Assault without injury",
        "105A",
        "community-resolution",
        D(2026, 6, 3),
        D(2026, 7, 1),
        "A push during an argument between partners; no injury. Admitted. The victim asked "
        "for an apology and for the suspect to attend a course.",
        domestic_abuse=True,
        conditions="Apology; attend a healthy relationships course.",
    ),
    CaseSpec(
        "DS-26-0117",
        "Criminal damage to a dwelling",
        "58A",
        "community-resolution",
        D(2026, 5, 19),
        D(2026, 6, 30),
        "The suspect kicked and damaged a former partner's front door. Admitted; paid for repair.",
        domestic_abuse=True,
        conditions="Pay £120 for the repair.",
    ),
    CaseSpec(
        "DS-26-0123",
        "Harassment without violence",
        "8L",
        "community-resolution",
        D(2026, 4, 28),
        D(2026, 6, 12),
        "Repeated messages to a former partner after being asked to stop. Admitted.",
        domestic_abuse=True,
        gravity=None,
        conditions="No contact for six months.",
    ),
    CaseSpec(
        "DS-26-0131",
        "Public fear, alarm or distress",
        "9A",
        "community-resolution",
        D(2026, 6, 9),
        D(2026, 7, 8),
        "Shouting and swearing at a partner in the street. Admitted. Victim's views recorded.",
        domestic_abuse=True,
    ),
    CaseSpec(
        "DS-26-0144",
        "Assault without injury",
        "105A",
        "community-resolution",
        D(2026, 5, 30),
        D(2026, 7, 15),
        "An adult son pushed his father during an argument. Admitted. The victim did not want "
        "police action beyond words of advice.",
        domestic_abuse=True,
        victim_views="sought_recorded",
        age_band="18_24",
    ),
    CaseSpec(
        "DS-26-0152",
        "Controlling or coercive behaviour",
        "8U",
        "community-resolution",
        D(2026, 3, 2),
        D(2026, 7, 20),
        "Monitoring a partner's phone and restricting access to money over several months. "
        "Partial admission.",
        domestic_abuse=True,
        admission="partial",
        gravity=3,
    ),
]

# How a theme shows in a member's assessment of the framework's criteria.
THEME_CRITERIA = {
    "crime-misclassified": ["crime-classified"],
    "not-all-crimes-recorded": ["crime-classified"],
    "no-clear-admission": ["offence-admitted"],
    "victim-views-not-sought": ["victim-views"],
    "authority-not-recorded": ["authority"],
    "gravity-score-missing": ["gravity-score"],
    "cps-advice-not-sought": ["cps-advice"],
    "intervention-not-meaningful": ["conditions", "restorative-justice"],
    "victim-not-updated": ["investigation-information", "outcome-information"],
    "victim-leaflet-not-recorded": ["information-when-reporting"],
    **stop_search.THEME_CRITERIA,
}

# In the published report's order, all under "Observations from the panel".
OOCR_OCTOBER_OBSERVATIONS = [
    (
        "learning",
        "The panel noted a high proportion of non-compliance due to OoCRs being used in cases "
        "of stalking, when the crime was incorrectly recorded as harassment with or without "
        "fear. The correct classification of the crime would have increased the gravity matrix "
        "score and therefore the outcome should have been to seek CPS advice.",
        ["crime-misclassified"],
    ),
    (
        "learning",
        "When dealing with cases whereby a caution, conditional caution or deferred caution is "
        "considered, there must be a full and frank admission, and in some cases, this was not "
        "provided on record.",
        ["no-clear-admission"],
    ),
    (
        "learning",
        "In one case the views of the victim were not considered before an outcome was given.",
        ["victim-views-not-sought"],
    ),
    (
        "general",
        "The panel discussed the use of Stalking Protection Orders in which prohibition "
        "requirements can be imposed on an offender. These Orders became available under the "
        "Stalking Protection Act 2019; the Home Office publishes statutory guidance on them.",
        [],
    ),
    (
        "learning",
        "The panel noted that the Gravity Score was not included in some cases. (A gravity "
        "matrix is a tool used to help inform the police's decision making). The panel were "
        "assured that tools and guidance relating to completing the gravity matrix have been "
        "prepared and roll out of these will be recommended at the next force Investigative "
        "Quality Assurance Board.",
        ["gravity-score-missing"],
    ),
    (
        "good_practice",
        "The panel were provided with information on the new stalking clinic introduced in the "
        "force in July 2025 and designed to help the police response to stalking cases by "
        "providing specialist investigative support to officers.",
        ["good-practice"],
    ),
    (
        "general",
        "A representative from His Majesty's Inspectorate of Constabulary and Fire & Rescue "
        "Services attended the meeting as an observer and felt the panel was a positive process "
        "in scrutiny and partnership working and was impressed with the independence of the "
        "panel.",
        [],
    ),
]
OOCR_OCTOBER_ACTIONS = [
    (
        "Roll out gravity matrix guidance and tools to officers.",
        "Force Criminal Justice department",
        D(2026, 1, 31),
        "open",
        # The force answers in the service (LIAISON_ANSWER).
        "",
    ),
    (
        "Brief supervisors on recording stalking rather than harassment where the behaviour is "
        "fixated and obsessive.",
        "Force crime registrar",
        D(2025, 12, 31),
        "open",
        "",
    ),
]
# The October OoCR meeting's actions are addressed to the force, whose liaison answers
# them in the service; the other meetings' responses were typed in by OPCC staff.
ADDRESSED_TO_FORCE = {action[0] for action in OOCR_OCTOBER_ACTIONS}
# Under "Good practice and learning from the panel", in the published report's order. The
# panel's request about victims under 18 is its own: the report says it under "Using the
# panel's findings" (reports/demo/text.py), so the note is not published again.
VCOP_SEPTEMBER_OBSERVATIONS = [
    (
        "good_practice",
        "The panel noted the police have stalking champions in force who provide guidance and "
        "best practice to officers and staff for identifying and responding to cases of "
        "stalking.",
        ["good-practice"],
    ),
    (
        "good_practice",
        "The panel were provided with information on the police stalking clinic introduced in "
        "the force in July 2025 and designed to help the police response to stalking cases by "
        "providing specialist investigative support to officers, review complex and high-risk "
        "cases and facilitate access to support services for victims.",
        ["good-practice"],
    ),
    (
        "learning",
        "The panel noted that the recording of whether a 'victims of crime' leaflet had been "
        "given to victims is not always updated on the police records system, and therefore "
        "could not be assured that all the victims' rights under the Code of Practice had been "
        "fully complied with.",
        ["victim-leaflet-not-recorded"],
    ),
    (
        "general",
        "The panel asked for a piece of work on which agency is best placed to engage "
        "victims under 18, to avoid duplication and re-traumatising victims.",
        [],
        False,
    ),
]
VCOP_SEPTEMBER_ACTIONS = [
    (
        "Remind officers to record when the victims' information leaflet is given.",
        "Force Victim Care Unit",
        D(2025, 11, 30),
        "completed",
        "Reminder issued in the October briefing; recording checks added to supervisor reviews.",
    ),
    (
        "Scope work on engaging victims under 18 across agencies.",
        "Local Criminal Justice Board",
        D(2026, 2, 28),
        "open",
        "",
    ),
]

MEETINGS = [
    {
        "panel": "adult-oocr",
        "date": D(2025, 10, 15),
        "theme": "Stalking or Harassment",
        "theme_cy": "Stelcio neu Aflonyddu",
        "deadline": D(2025, 10, 8),
        "cases": OOCR_OCTOBER_CASES,
        "close": True,
        "observations": OOCR_OCTOBER_OBSERVATIONS,
        "actions": OOCR_OCTOBER_ACTIONS,
    },
    {
        "panel": "victims-code",
        "date": D(2025, 9, 17),
        "theme": "Stalking or Harassment",
        "theme_cy": "Stelcio neu Aflonyddu",
        "deadline": D(2025, 9, 10),
        "cases": VCOP_SEPTEMBER_CASES,
        "close": True,
        "observations": VCOP_SEPTEMBER_OBSERVATIONS,
        "actions": VCOP_SEPTEMBER_ACTIONS,
    },
    STOP_SEARCH_MEETING,
    {
        "panel": "adult-oocr",
        # Open for rating, so always a week ahead of the day the demo is loaded.
        "date": None,
        "days_ahead": 7,
        "theme": "Domestic abuse: Community Resolutions",
        "theme_cy": "Cam-drin domestig: Datrysiadau Cymunedol",
        "deadline": None,
        "cases": OOCR_DECEMBER_CASES,
        "close": False,
        "observations": [],
        "actions": [],
    },
    {
        "panel": "adult-oocr",
        # Planned, so always fourteen weeks ahead of the day the demo is loaded, with
        # members rating until a week before it.
        "date": None,
        "days_ahead": 98,
        "rating_days_before": 7,
        "theme": "Hate crime",
        "theme_cy": "Troseddau casineb",
        "deadline": None,
        "cases": [],
        "close": False,
        "observations": [],
        "actions": [],
    },
]

# (panel, its members), in the order they are made.
PANELS = [
    (OOCR_PANEL, OOCR_MEMBERS),
    (VCOP_PANEL, VCOP_MEMBERS),
    (STOP_SEARCH_PANEL, STOP_SEARCH_MEMBERS),
]

# Size of the fictional pool of finalised cases waiting to be sampled.
POOL_SIZE = 150
