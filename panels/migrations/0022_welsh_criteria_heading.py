from django.db import migrations

from panels import reference_data
from panels.reference_welsh import clear_copied_criteria_heading


def fix_welsh_criteria_heading(apps, schema_editor):
    """The Welsh criteria heading was given the English field's default ("Criteria") when
    its column was added, so the seeded Welsh never replaced it: clear that copy, then seed
    the Welsh again (only where the English is still as seeded)."""
    clear_copied_criteria_heading(apps.get_model("panels", "Framework").objects.all())
    reference_data.seed_welsh(apps)


class Migration(migrations.Migration):
    dependencies = [("panels", "0021_action_owner_welsh")]

    operations = [
        migrations.RunPython(fix_welsh_criteria_heading, migrations.RunPython.noop),
    ]

