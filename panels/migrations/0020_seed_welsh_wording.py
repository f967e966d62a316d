from django.db import migrations

from panels import reference_welsh


def seed_welsh(apps, schema_editor):
    reference_welsh.seed_welsh(apps)


class Migration(migrations.Migration):
    dependencies = [("panels", "0019_welsh_wording")]

    operations = [
        migrations.RunPython(seed_welsh, migrations.RunPython.noop),
    ]
