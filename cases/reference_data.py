"""Reference data seeded by migration. Admins maintain it afterwards in the admin.

Kept free of model imports so migrations can use it with their historical models.
"""

# The outcome types (code, name, is_out_of_court, is_youth) are the out of court
# resolution kind's choices, kept with it.
from .kind_data.oocr import OUTCOME_TYPES

# A starter set of Home Office crime classifications for the offences panels see
# most; forces' extracts add to it through the admin. (code, description, category)
CRIME_CODES = [
    ("8L", "Harassment", "Stalking and harassment"),
    ("8M", "Racially or religiously aggravated harassment", "Stalking and harassment"),
    ("8N", "Malicious communications", "Stalking and harassment"),
    ("8Q", "Stalking", "Stalking and harassment"),
    ("8U", "Controlling or coercive behaviour", "Stalking and harassment"),
    ("105A", "Assault without injury", "Violence without injury"),
    (
        "105B",
        "Racially or religiously aggravated assault without injury",
        "Violence without injury",
    ),
    ("8B", "Assault with injury", "Violence with injury"),
    ("9A", "Public fear, alarm or distress", "Public order offences"),
    ("58A", "Criminal damage to a dwelling", "Criminal damage"),
    ("58C", "Criminal damage to a vehicle", "Criminal damage"),
    ("46", "Shoplifting", "Theft"),
    ("49", "Other theft", "Theft"),
    ("92E", "Possession of cannabis", "Drug offences"),
    ("92D", "Possession of other controlled drugs", "Drug offences"),
]


def seed(apps) -> None:
    """Create or refresh the reference rows; `apps` is a migration or the global registry."""
    from .kind_data import seed_kinds

    try:
        apps.get_model("cases", "RecordKind")
    except LookupError:
        pass  # an early migration, before record kinds: their own migration seeds them
    else:
        seed_kinds(apps)
    OutcomeType = apps.get_model("cases", "OutcomeType")
    CrimeCode = apps.get_model("cases", "CrimeCode")
    for position, (code, name, out_of_court, youth) in enumerate(OUTCOME_TYPES, start=1):
        OutcomeType.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "is_out_of_court": out_of_court,
                "is_youth": youth,
                "position": position,
            },
        )
    for code, description, category in CRIME_CODES:
        CrimeCode.objects.update_or_create(
            code=code, defaults={"description": description, "offence_category": category}
        )
