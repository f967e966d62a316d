from django.db import migrations, models
from django.db.models import F


def copy_english(apps, schema_editor):
    # The English stays where it is; its translation column starts as a copy (docs/adr/0017).
    apps.get_model("panels", "Panel").objects.update(name_en=F("name"))


class Migration(migrations.Migration):
    dependencies = [
        ("panels", "0024_response_welsh"),
    ]

    operations = [
        migrations.AddField(
            model_name="panel",
            name="name_cy",
            field=models.CharField(max_length=200, null=True, unique=True),
        ),
        migrations.AddField(
            model_name="panel",
            name="name_en",
            field=models.CharField(max_length=200, null=True, unique=True),
        ),
        migrations.RunPython(copy_english, migrations.RunPython.noop),
    ]
