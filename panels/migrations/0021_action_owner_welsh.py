from django.db import migrations, models
from django.db.models import F


def copy_english(apps, schema_editor):
    # The English stays where it is; its translation column starts as a copy (docs/adr/0017).
    apps.get_model("panels", "Action").objects.update(owner_en=F("owner"))


class Migration(migrations.Migration):
    dependencies = [
        ("panels", "0020_seed_welsh_wording"),
    ]

    operations = [
        migrations.AddField(
            model_name="action",
            name="owner_cy",
            field=models.CharField(
                help_text="Agency or role responsible.", max_length=200, null=True
            ),
        ),
        migrations.AddField(
            model_name="action",
            name="owner_en",
            field=models.CharField(
                help_text="Agency or role responsible.", max_length=200, null=True
            ),
        ),
        migrations.RunPython(copy_english, migrations.RunPython.noop),
    ]
