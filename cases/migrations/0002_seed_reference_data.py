from django.db import migrations

from cases.reference_data import seed


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [
        migrations.RunPython(lambda apps, schema_editor: seed(apps), migrations.RunPython.noop)
    ]
