"""A Victims' Code case: what each agency recorded about the service a victim received.

The fields are derived from the 12 rights of the Code of Practice for Victims of Crime in
England and Wales (2021), so that a panel has something to judge every right from;
RIGHTS_FIELDS says which fields each right turns on (docs/seeded-kinds.md shows it).
The sections are the agencies whose anonymised data a Victims' Code panel reads.
"""

from .spec import CHOICE, DATE, LONG_TEXT, TEXT, YES_NO, field

VCOP_CODE = "vcop"

POLICE = "Police"
CPS = "CPS"
COURTS = "Courts and witness care"
PROBATION = "Probation"

_POLICE = [
    field("offence", "Offence", TEXT, required=True, aliases=["Offence description", "Crime"]),
    field("is_domestic_abuse", "Domestic abuse", YES_NO, filterable=True, aliases=["DA flag"]),
    field("is_hate_crime", "Hate crime", YES_NO, filterable=True),
    field(
        "enhanced_rights",
        "Entitled to enhanced rights",
        YES_NO,
        filterable=True,
        help="Victims of the most serious crime, persistently targeted victims and "
        "vulnerable or intimidated victims have enhanced rights, such as shorter time "
        "limits for updates.",
    ),
    field("victim_under_18", "Victim under 18", YES_NO, filterable=True),
    field(
        "communication_needs",
        "Communication needs",
        CHOICE,
        choices=[
            ("none", "None identified"),
            ("met", "Identified and met"),
            ("not_met", "Identified but not met"),
            ("not_assessed", "Not assessed"),
        ],
        help="For example an interpreter, an intermediary or information in easy read.",
    ),
    field("reported_date", "Date reported", DATE),
    field(
        "recorded_date",
        "Date crime recorded",
        DATE,
        help="Compare with the date reported: the details of the crime should be recorded "
        "without unjustified delay.",
    ),
    field(
        "leaflet_given",
        "Victim information leaflet given",
        YES_NO,
        aliases=["Victims of crime leaflet given", "Leaflet given"],
    ),
    field("needs_assessment", "Needs assessment completed", YES_NO),
    field(
        "referred_to_support",
        "Referred to victim support services",
        CHOICE,
        filterable=True,
        choices=[
            ("referred", "Referred"),
            ("declined", "Offered, victim declined"),
            ("not_offered", "Not offered"),
        ],
    ),
    field(
        "referral_date",
        "Date of referral to support services",
        DATE,
        help="Details should be passed to support services within 2 working days of reporting.",
    ),
    field("compensation_info", "Information about compensation given", YES_NO),
    field("updates_agreed", "Frequency of updates agreed with the victim", YES_NO),
    field(
        "updates_in_time",
        "Updates within the Code's time limits",
        CHOICE,
        filterable=True,
        choices=[
            ("all", "All updates in time"),
            ("some", "Some updates late or missing"),
            ("none", "No updates recorded"),
        ],
        help="After each key decision: within 1 working day for victims with enhanced "
        "rights, within 5 working days for others.",
    ),
    field("charge_decision_told", "Victim told of the charging decision", YES_NO),
    field(
        "vps_offered",
        "Victim Personal Statement offered",
        YES_NO,
        filterable=True,
        aliases=["VPS offered"],
    ),
    field("vps_made", "Victim Personal Statement made", YES_NO, aliases=["VPS made"]),
    field(
        "property_returned",
        "Property returned",
        CHOICE,
        choices=[
            ("returned", "Returned"),
            ("retained_told", "Retained as evidence, victim told why"),
            ("retained_not_told", "Retained, victim not told"),
            ("none_taken", "No property taken"),
        ],
    ),
    field("complaint_info", "Information on how to complain given", YES_NO),
    field("complaint_made", "Complaint made", YES_NO),
    field(
        "police_contact",
        "Police contact with the victim",
        LONG_TEXT,
        help="A summary of the contact log kept by the officer in the case.",
    ),
]

_CPS = [
    field(
        "charging_decision",
        "CPS charging decision",
        CHOICE,
        filterable=True,
        choices=[
            ("charged", "Charged"),
            ("not_charged", "Not charged"),
            ("out_of_court", "Out of court resolution advised"),
            ("police_decision", "Charged by the police"),
        ],
    ),
    field("charge_altered", "Charge altered or dropped after charge", YES_NO),
    field(
        "vcl_letter",
        "Victim Communication and Liaison letter",
        CHOICE,
        choices=[
            ("in_time", "Sent within the time limit"),
            ("late", "Sent late"),
            ("not_sent", "Not sent"),
            ("not_required", "Not required"),
        ],
        help="The CPS letter explaining a decision to drop or substantially alter a charge.",
    ),
    field("right_to_review", "Victims' Right to Review explained", YES_NO),
    field("prosecutor_spoke", "Prosecutor spoke to the victim at court", YES_NO),
    field("cps_contact", "CPS contact with the victim", LONG_TEXT),
]

_COURTS = [
    field(
        "plea",
        "Plea",
        CHOICE,
        filterable=True,
        choices=[
            ("guilty_first", "Guilty at the first hearing"),
            ("guilty_later", "Guilty at a later hearing"),
            ("not_guilty", "Not guilty"),
            ("no_plea", "No plea entered"),
        ],
    ),
    field(
        "witness_care_contact",
        "Witness care officer contact",
        YES_NO,
        help="A named witness care officer contacted the victim after charge.",
    ),
    field("witness_needs_assessment", "Witness needs assessment completed", YES_NO),
    field(
        "special_measures",
        "Special measures",
        CHOICE,
        choices=[
            ("granted", "Applied for and granted"),
            ("refused", "Applied for and refused"),
            ("not_needed", "Considered, not needed"),
            ("not_considered", "Not considered"),
        ],
    ),
    field("pre_trial_visit", "Pre-trial court visit offered", YES_NO),
    field("hearing_dates_told", "Hearing dates told within the Code's time limits", YES_NO),
    field("met_at_court", "Met at court by the Witness Service", YES_NO),
    field("expenses_info", "Information on witness expenses given", YES_NO),
    field(
        "outcome",
        "Outcome",
        CHOICE,
        filterable=True,
        choices=[
            ("convicted_trial", "Convicted after trial"),
            ("convicted_plea", "Convicted on a guilty plea"),
            ("acquitted", "Acquitted"),
            ("discontinued", "Discontinued"),
            ("not_charged", "Not charged"),
            ("other", "Other"),
        ],
    ),
    field("sentence", "Sentence", TEXT),
    field(
        "vps_at_sentencing",
        "Victim Personal Statement at sentencing",
        CHOICE,
        choices=[
            ("read_by_victim", "Read aloud by the victim"),
            ("read_by_prosecutor", "Read aloud by the prosecutor"),
            ("considered", "Considered by the court"),
            ("not_used", "Not used"),
        ],
    ),
    field(
        "outcome_told",
        "Victim told of the outcome",
        CHOICE,
        choices=[
            ("in_time", "Within the Code's time limits"),
            ("late", "Late"),
            ("not_told", "Not told"),
        ],
    ),
    field("appeal_lodged", "Appeal lodged", YES_NO),
    field("appeal_told", "Victim told of any appeal", YES_NO),
    field("witness_care_contact_log", "Witness care contact log", LONG_TEXT),
]

_PROBATION = [
    field(
        "vcs_eligible",
        "Eligible for the Victim Contact Scheme",
        YES_NO,
        filterable=True,
        help="The offender was sentenced to 12 months or more in custody for a violent or "
        "sexual offence.",
    ),
    field(
        "vcs_offered",
        "Victim Contact Scheme offered",
        YES_NO,
        filterable=True,
        aliases=["VCS offered"],
    ),
    field("vcs_in_time", "Referred to the Victim Contact Scheme within the time limit", YES_NO),
    field(
        "licence_representations",
        "Victim could make representations about licence conditions",
        YES_NO,
    ),
    field("victim_liaison_contact", "Victim liaison contact", LONG_TEXT),
]

VCOP = {
    "code": VCOP_CODE,
    "name": "Victims' Code case",
    "description": "A finalised case read for the service the victim received under the "
    "Victims' Code of Practice, with what the police, the CPS, the courts and witness care, "
    "and probation each recorded.",
    "date_label": "Date of outcome",
    "facts_label": "Summary of the case",
    "sections": [
        (POLICE, _POLICE),
        (CPS, _CPS),
        (COURTS, _COURTS),
        (PROBATION, _PROBATION),
    ],
}

# (right's code — the Victims' Code framework's criterion code, the right, fields it turns on)
RIGHTS_FIELDS = [
    (
        "understand-and-be-understood",
        "To be able to understand and to be understood",
        ["communication_needs"],
    ),
    (
        "crime-recorded",
        "To have the details of the crime recorded without unjustified delay",
        ["reported_date", "recorded_date"],
    ),
    (
        "information-when-reporting",
        "To be provided with information when reporting the crime",
        ["leaflet_given", "needs_assessment"],
    ),
    (
        "referral-to-support",
        "To be referred to services that support victims",
        ["needs_assessment", "referred_to_support", "referral_date"],
    ),
    (
        "compensation-information",
        "To be provided with information about compensation",
        ["compensation_info"],
    ),
    (
        "investigation-information",
        "To be provided with information about the investigation and prosecution",
        [
            "updates_agreed",
            "updates_in_time",
            "charge_decision_told",
            "police_contact",
            "vcl_letter",
            "right_to_review",
            "cps_contact",
        ],
    ),
    (
        "victim-personal-statement",
        "To make a Victim Personal Statement",
        ["vps_offered", "vps_made", "vps_at_sentencing"],
    ),
    (
        "trial-information",
        "To be given information about the trial, trial process and your role as a witness",
        [
            "witness_care_contact",
            "witness_needs_assessment",
            "special_measures",
            "pre_trial_visit",
            "hearing_dates_told",
            "met_at_court",
            "prosecutor_spoke",
            "witness_care_contact_log",
        ],
    ),
    (
        "outcome-information",
        "To be given information about the outcome of the case and any appeals",
        ["outcome", "outcome_told", "appeal_lodged", "appeal_told"],
    ),
    (
        "expenses-and-property",
        "To be paid expenses and have property returned",
        ["expenses_info", "property_returned"],
    ),
    (
        "offender-information",
        "To be given information about the offender following a conviction",
        [
            "vcs_eligible",
            "vcs_offered",
            "vcs_in_time",
            "licence_representations",
            "victim_liaison_contact",
        ],
    ),
    (
        "complaint",
        "To make a complaint about your rights not being met",
        ["complaint_info", "complaint_made"],
    ),
]
