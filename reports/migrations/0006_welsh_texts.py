from django.db import migrations, models
from django.db.models import F

# The English words stay where they are; the English translation column starts as a copy
# of them, which every English write keeps in step (docs/adr/0017).
TRANSLATED = {
    "reportsection": ("heading", "body"),
    "standingtext": ("heading", "body"),
}


def copy_english(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("reports", model_name)
        model.objects.update(**{f"{name}_en": F(name) for name in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0005_accountability_notes"),
    ]

    operations = [
        migrations.AddField(
            model_name="reportsection",
            name="body_cy",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="reportsection",
            name="body_en",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="reportsection",
            name="heading_cy",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="reportsection",
            name="heading_en",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="standingtext",
            name="body_cy",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="standingtext",
            name="body_en",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="standingtext",
            name="heading_cy",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="standingtext",
            name="heading_en",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.RunPython(copy_english, migrations.RunPython.noop),
    ]
