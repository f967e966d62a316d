from django.db import migrations, models
from django.db.models import F


def copy_english(apps, schema_editor):
    # The English stays where it is; its translation column starts as a copy (docs/adr/0017).
    apps.get_model("panels", "Meeting").objects.update(theme_en=F("theme"))


class Migration(migrations.Migration):
    dependencies = [
        ("panels", "0022_welsh_criteria_heading"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="theme_cy",
            field=models.CharField(
                help_text='e.g. "Stalking or Harassment".', max_length=200, null=True
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="theme_en",
            field=models.CharField(
                help_text='e.g. "Stalking or Harassment".', max_length=200, null=True
            ),
        ),
        migrations.RunPython(copy_english, migrations.RunPython.noop),
    ]
