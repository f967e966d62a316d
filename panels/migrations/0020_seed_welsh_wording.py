from django.db import migrations

from panels import reference_data


def seed_welsh(apps, schema_editor):
    reference_data.seed_welsh(apps)


class Migration(migrations.Migration):
    dependencies = [("panels", "0019_welsh_wording")]

    operations = [
        migrations.RunPython(seed_welsh, migrations.RunPython.noop),
    ]
