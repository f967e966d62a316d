"""A use of force: the record an officer makes after using force, in the shape of the Home
Office use of force data collection, as community scrutiny panels read it."""

from .spec import (
    AGE_BANDS,
    CHOICE,
    DATETIME,
    ETHNIC_GROUPS,
    GENDERS,
    LINK,
    LONG_TEXT,
    MULTI_CHOICE,
    YES_NO,
    field,
)

USE_OF_FORCE_CODE = "use-of-force"

LOCATIONS = [
    ("street", "Street or highway"),
    ("dwelling", "Dwelling"),
    ("retail", "Retail premises"),
    ("licensed", "Licensed premises"),
    ("public_transport", "Public transport"),
    ("police_vehicle", "Police vehicle"),
    ("custody", "Custody suite"),
    ("medical", "Hospital or other medical setting"),
    ("open_ground", "Open ground, such as a park"),
    ("other", "Other"),
]

TACTICS = [
    ("tactical_communication", "Tactical communication"),
    ("compliant_handcuffing", "Compliant handcuffing"),
    ("non_compliant_handcuffing", "Non-compliant handcuffing"),
    ("unarmed_skills", "Unarmed skills"),
    ("ground_restraint", "Ground restraint"),
    ("limb_restraints", "Limb or body restraints"),
    ("spit_guard", "Spit and bite guard"),
    ("baton_drawn", "Baton drawn"),
    ("baton_used", "Baton used"),
    ("irritant_drawn", "Irritant spray drawn"),
    ("irritant_used", "Irritant spray used"),
    ("taser_drawn", "Taser drawn"),
    ("taser_aimed", "Taser aimed"),
    ("taser_red_dot", "Taser red-dotted"),
    ("taser_fired", "Taser fired"),
    ("taser_drive_stun", "Taser drive stun"),
    ("dog_deployed", "Police dog deployed"),
    ("dog_bite", "Police dog bite"),
    ("firearm_aimed", "Firearm aimed"),
    ("firearm_fired", "Firearm fired"),
    ("other", "Other"),
]

REASONS = [
    ("protect_self", "Protect self"),
    ("protect_public", "Protect the public"),
    ("protect_officers", "Protect other officers"),
    ("protect_subject", "Protect the subject"),
    ("prevent_offence", "Prevent an offence"),
    ("effect_arrest", "Effect an arrest"),
    ("prevent_escape", "Prevent escape"),
    ("method_of_entry", "Method of entry"),
    ("other", "Other"),
]

IMPACT_FACTORS = [
    ("alcohol", "Alcohol"),
    ("drugs", "Drugs"),
    ("mental_health", "Mental health"),
    ("size_gender_build", "Size, gender or build"),
    ("acute_behavioural_disturbance", "Acute behavioural disturbance"),
    ("crowd", "Crowd"),
    ("weapon", "Possession of a weapon"),
    ("prior_knowledge", "Prior knowledge of the subject"),
    ("other", "Other"),
]

OUTCOMES = [
    ("arrested", "Arrested"),
    ("detained_mental_health", "Detained under the Mental Health Act"),
    ("released", "Released without arrest"),
    ("made_off", "Made off"),
    ("other", "Other"),
]

USE_OF_FORCE = {
    "code": USE_OF_FORCE_CODE,
    "name": "Use of force",
    "description": "A use of force record: where and why force was used, the tactics, the "
    "factors the officer weighed, injuries and aftercare, and how it was recorded and "
    "reviewed.",
    "date_label": "Date of incident",
    "facts_label": "Circumstances of the incident",
    "sections": [
        (
            "Incident",
            [
                field("occurred_at", "Date and time of incident", DATETIME),
                field(
                    "location_type",
                    "Location type",
                    CHOICE,
                    choices=LOCATIONS,
                    filterable=True,
                    aliases=["Location"],
                ),
                field("outcome", "Outcome", CHOICE, choices=OUTCOMES, filterable=True),
            ],
        ),
        (
            "Person subject to force",
            [
                field("age_band", "Age band", CHOICE, choices=AGE_BANDS, filterable=True),
                field(
                    "ethnicity",
                    "Perceived ethnicity",
                    CHOICE,
                    choices=ETHNIC_GROUPS,
                    filterable=True,
                    aliases=["Ethnicity"],
                ),
                field("gender", "Gender", CHOICE, choices=GENDERS, filterable=True),
            ],
        ),
        (
            "Force used",
            [
                field(
                    "tactics",
                    "Tactics used",
                    MULTI_CHOICE,
                    choices=TACTICS,
                    required=True,
                    filterable=True,
                    aliases=["Tactics"],
                ),
                field(
                    "reasons",
                    "Reasons for using force",
                    MULTI_CHOICE,
                    choices=REASONS,
                    filterable=True,
                    aliases=["Reasons"],
                ),
                field(
                    "impact_factors",
                    "Impact factors",
                    MULTI_CHOICE,
                    choices=IMPACT_FACTORS,
                    filterable=True,
                    help="What the officer weighed in deciding how to respond.",
                ),
            ],
        ),
        (
            "Injuries and aftercare",
            [
                field("subject_injured", "Subject injured", YES_NO, filterable=True),
                field("officer_injured", "Officer injured", YES_NO, filterable=True),
                field("injuries", "Injuries and treatment", LONG_TEXT),
                field(
                    "medical_assistance",
                    "Medical assistance",
                    CHOICE,
                    choices=[
                        ("accepted", "Offered and accepted"),
                        ("declined", "Offered and declined"),
                        ("not_offered", "Not offered"),
                        ("not_needed", "Not needed"),
                    ],
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
                field("recorded_in_time", "Recorded before the end of the shift", YES_NO),
                field("supervisor_reviewed", "Supervisor reviewed", YES_NO),
                field("supervisor_comments", "Supervisor's comments", LONG_TEXT),
            ],
        ),
    ],
}
