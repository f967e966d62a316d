from django.db import migrations

from cases.reference_data import CRIME_CODES, OUTCOME_TYPES


def seed(apps, schema_editor):
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


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
