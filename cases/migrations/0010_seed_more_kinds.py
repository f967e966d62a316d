from django.db import migrations


def seed_more_kinds(apps, schema_editor):
    """The Victims' Code case, stop and search and use of force kinds (cases/kind_data).
    Create-only: a kind or field an admin already made under the same code is left alone."""
    from cases.kind_data import STOP_SEARCH, USE_OF_FORCE, VCOP, seed_kinds

    seed_kinds(apps, [VCOP, STOP_SEARCH, USE_OF_FORCE])


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0009_case_documents"),
    ]

    operations = [
        migrations.RunPython(seed_more_kinds, migrations.RunPython.noop),
    ]
