from django.db import migrations

from panels.reference_data import seed


class Migration(migrations.Migration):
    dependencies = [("panels", "0001_initial")]
    operations = [
        migrations.RunPython(lambda apps, schema_editor: seed(apps), migrations.RunPython.noop)
    ]
