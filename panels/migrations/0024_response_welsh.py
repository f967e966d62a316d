from django.db import migrations, models
from django.db.models import F


def copy_english(apps, schema_editor):
    # The English stays where it is; its translation column starts as a copy (docs/adr/0017).
    apps.get_model("panels", "ActionResponse").objects.update(text_en=F("text"))


class Migration(migrations.Migration):
    dependencies = [
        ("panels", "0023_meeting_theme_welsh"),
    ]

    operations = [
        migrations.AddField(
            model_name="actionresponse",
            name="text_cy",
            field=models.TextField(null=True),
        ),
        migrations.AddField(
            model_name="actionresponse",
            name="text_en",
            field=models.TextField(null=True),
        ),
        migrations.RunPython(copy_english, migrations.RunPython.noop),
    ]
