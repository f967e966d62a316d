"""The words of the demo's Commissioner's scrutiny meetings: the questions of the notes of
24 September 2025 (docs/reference), with fictional evidence, decisions and actions for a
fictional force. No real force's figures are given."""

import datetime

TOPIC = "Use of out of court resolutions and Outcome 16"
THEME = "Tackling offending and reoffending"

# The meeting a year before, when the Commissioner was partly assured.
EARLIER_DATE = datetime.date(2024, 9, 18)
EARLIER_QUESTIONS = [
    (
        "How is the force increasing its use of out of court resolutions where they are "
        "appropriate?",
        "- The force has set up a small team to review cases that may suit an out of court "
        "resolution.\n- Use of out of court resolutions is below the average of similar forces.",
    ),
    (
        "How does the force record the victim's views before an out of court resolution is given?",
        "- Officers record the victim's views in the crime record.\n- A dip sample found the "
        "views recorded in most, but not all, cases.",
    ),
]
EARLIER_RATIONALE = (
    "The Commissioner was partly assured: plans are in place to increase the appropriate use "
    "of out of court resolutions, but it is too early to see their effect."
)

DATE = datetime.date(2025, 9, 24)
QUESTIONS = [
    (
        "What are the main barriers encountered by the force in issuing out of court "
        "resolutions? What measures does the force have in place to address these barriers and "
        "improve performance in respect of community resolution rates and unsupportive victim "
        "rates?",
        "- A large share of recorded crime is serious violence, which few out of court "
        "resolutions can be used for.\n- Use of out of court resolutions rose slightly over the "
        "year but remains below similar forces and the national average.\n- The force performs "
        "well on Outcome 22, which is not counted as a positive outcome.\n- The diversion scheme, "
        "funded by the Commissioner's office, reported a reoffending rate of 4.1% over the year; "
        "its team is working at half its capacity.",
    ),
    (
        "What progress has been made by the force to adopt the two-tier out of court "
        "resolution framework, and how will compliance with community cautions and diversionary "
        "cautions be monitored?",
        "- The force awaits national guidance and a timeline for the two-tier framework.\n- It has "
        "stopped simple cautions except in domestic abuse cases, and stopped cannabis warnings "
        "and penalty notices for disorder.\n- Monthly meetings led by a Detective Chief "
        "Inspector review the use of out of court resolutions.",
    ),
    (
        "What are the main offence categories that out of court resolutions are used for?",
        "- Among crimes with a victim, most are violence, then criminal damage, then theft.\n"
        "- Among crimes without a victim, most are drug offences.\n- A review of a sample of "
        "Outcome 22 decisions for sexual offences between children found each one appropriate.",
    ),
    (
        "How does the force maintain fairness, consistency and proportionality in the out of "
        "court resolution decisions of each officer?",
        "- A decision-making model weighs the offender, the victim's needs and wishes, and "
        "public confidence.\n- A central team reviews decisions and feeds back to officers.",
    ),
    (
        "To promote public confidence in the out of court resolution process, what action has "
        "been taken to implement the Community Remedy document?",
        "- The force will agree a communications plan for the Community Remedy with the "
        "Commissioner's office.\n- An Assistant Chief Constable will brief officers in person.",
    ),
    (
        "What action has the force taken to ensure victims are at the heart of out of court "
        "resolution decisions, are listened to and understood, and are told of the action "
        "taken? How does the force ensure there is always an auditable record of each victim's "
        "wishes?",
        "- The decision-making model puts the victim's views at its centre, balanced against "
        "the public interest and the evidence.\n- The central team records contact with the "
        "victim in an offence evaluation log.",
    ),
    (
        "Is there a force-wide policy requiring a health vulnerability screening and "
        "assessment during out of court resolution decisions?",
        "- Screening identifies health vulnerabilities, and needs assessments are carried out "
        "routinely.",
    ),
    (
        "Through data collection and evaluation, is the force able to evidence how out of court "
        "resolutions can help to address health vulnerabilities?",
        "- The force will ask the national lead what evidence is needed.\n- A case study showed "
        "the diversion scheme helping someone off drugs and into housing and work.",
    ),
]
RATIONALE = (
    "Since the previous update in September 2024, when the Police and Crime Commissioner was "
    "partly assured, the Commissioner has concluded that although improvement plans are in "
    "place, they have yet to show a meaningful impact on out of court resolution rates. "
    "Improving performance here matters, given the national emphasis on the use of out of "
    "court resolutions and the Police and Crime Plan's commitment that victims feel supported "
    "and heard. The Commissioner will continue to monitor developments closely, with a further "
    "performance update to be requested in six months."
)
OTHER_AREAS = [
    (
        "Fixed-term recall",
        "The effect of the Government's change to fixed-term recall for sentences of up to 48 "
        "months, and managing those offenders in the community.",
    ),
    (
        "A pilot to disrupt high-risk offenders",
        "A pilot using covert and overt tactics to identify and disrupt high-risk offenders.",
    ),
]
# (description, owner, due date)
ACTIONS = [
    (
        "That the force works with the OPCC on a communications plan to promote the Community "
        "Remedy document and ensure it is applied consistently across the force.",
        "The force and the OPCC",
        datetime.date(2025, 12, 31),
    ),
    (
        "That the force and the OPCC meet to explore how to increase the use of out of court "
        "resolutions and to discuss the diversion team's capacity.",
        "The force and the OPCC",
        datetime.date(2025, 11, 28),
    ),
    (
        "That a further performance update be presented to the Police and Crime Commissioner, "
        "by the force, in six months' time.",
        "The force",
        datetime.date(2026, 3, 24),
    ),
]
FOLLOW_UP = ("A further performance update to the Commissioner", datetime.date(2026, 3, 24))

# The force's answers to the three actions (fictional), approved by OPCC staff.
ACTION_RESPONSES = [
    "A communications plan has been drafted with the OPCC; the Community Remedy leaflet is "
    "being reprinted and briefings for response teams start in November.",
    "A meeting with the OPCC is booked for November to review the diversion team's caseload "
    "and where out of court resolutions could be used more.",
    "The performance update is scheduled for the Commissioner's meeting in March 2026.",
]
