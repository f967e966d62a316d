from django.db import migrations

from panels import reference_data


def seed_kind_frameworks(apps, schema_editor):
    reference_data.seed_kind_frameworks(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("panels", "0010_framework_record_kind"),
        ("cases", "0010_seed_more_kinds"),
    ]

    operations = [
        migrations.RunPython(seed_kind_frameworks, migrations.RunPython.noop),
    ]
