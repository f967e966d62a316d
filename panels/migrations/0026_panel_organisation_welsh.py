from django.db import migrations, models
from django.db.models import F


def copy_english(apps, schema_editor):
    # The English stays where it is; its translation column starts as a copy (docs/adr/0017).
    apps.get_model("panels", "Panel").objects.update(organisation_en=F("organisation"))


class Migration(migrations.Migration):
    dependencies = [
        ("panels", "0025_panel_name_welsh"),
    ]

    operations = [
        migrations.AddField(
            model_name="panel",
            name="organisation_cy",
            field=models.CharField(
                help_text="Who runs the panel, e.g. the Local Criminal Justice Board.",
                max_length=200,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="panel",
            name="organisation_en",
            field=models.CharField(
                help_text="Who runs the panel, e.g. the Local Criminal Justice Board.",
                max_length=200,
                null=True,
            ),
        ),
        migrations.RunPython(copy_english, migrations.RunPython.noop),
    ]
