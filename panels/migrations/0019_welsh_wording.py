from django.db import migrations, models
from django.db.models import F

# The English words stay where they are; the English translation column starts as a copy
# of them, which every English write keeps in step (docs/adr/0017).
TRANSLATED = {
    "action": ("description",),
    "criterion": ("label", "guidance"),
    "criteriongroup": ("label", "description"),
    "framework": ("name", "description", "criteria_heading"),
    "observation": ("text",),
    "outcomecategory": ("label", "short_label", "description", "chart_label"),
    "panel": ("public_description",),
    "theme": ("name",),
}


def copy_english(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("panels", model_name)
        model.objects.update(**{f"{name}_en": F(name) for name in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("panels", "0018_response_fixes"),
    ]

    operations = [
        migrations.AddField(
            model_name="action",
            name="description_cy",
            field=models.TextField(null=True),
        ),
        migrations.AddField(
            model_name="action",
            name="description_en",
            field=models.TextField(null=True),
        ),
        migrations.AddField(
            model_name="criterion",
            name="guidance_cy",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="criterion",
            name="guidance_en",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="criterion",
            name="label_cy",
            field=models.CharField(max_length=300, null=True),
        ),
        migrations.AddField(
            model_name="criterion",
            name="label_en",
            field=models.CharField(max_length=300, null=True),
        ),
        migrations.AddField(
            model_name="criteriongroup",
            name="description_cy",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="criteriongroup",
            name="description_en",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="criteriongroup",
            name="label_cy",
            field=models.CharField(max_length=300, null=True),
        ),
        migrations.AddField(
            model_name="criteriongroup",
            name="label_en",
            field=models.CharField(max_length=300, null=True),
        ),
        migrations.AddField(
            model_name="framework",
            name="criteria_heading_cy",
            field=models.CharField(
                default="Criteria",
                help_text="What the criteria are called, e.g. rights.",
                max_length=120,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="framework",
            name="criteria_heading_en",
            field=models.CharField(
                default="Criteria",
                help_text="What the criteria are called, e.g. rights.",
                max_length=120,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="framework",
            name="description_cy",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="framework",
            name="description_en",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="framework",
            name="name_cy",
            field=models.CharField(max_length=200, null=True, unique=True),
        ),
        migrations.AddField(
            model_name="framework",
            name="name_en",
            field=models.CharField(max_length=200, null=True, unique=True),
        ),
        migrations.AddField(
            model_name="observation",
            name="text_cy",
            field=models.TextField(null=True),
        ),
        migrations.AddField(
            model_name="observation",
            name="text_en",
            field=models.TextField(null=True),
        ),
        migrations.AddField(
            model_name="outcomecategory",
            name="chart_label_cy",
            field=models.CharField(
                blank=True,
                help_text="Reports' charts and tables name it so; blank to use the label itself.",
                max_length=80,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="outcomecategory",
            name="chart_label_en",
            field=models.CharField(
                blank=True,
                help_text="Reports' charts and tables name it so; blank to use the label itself.",
                max_length=80,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="outcomecategory",
            name="description_cy",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="outcomecategory",
            name="description_en",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="outcomecategory",
            name="label_cy",
            field=models.CharField(max_length=300, null=True),
        ),
        migrations.AddField(
            model_name="outcomecategory",
            name="label_en",
            field=models.CharField(max_length=300, null=True),
        ),
        migrations.AddField(
            model_name="outcomecategory",
            name="short_label_cy",
            field=models.CharField(max_length=80, null=True),
        ),
        migrations.AddField(
            model_name="outcomecategory",
            name="short_label_en",
            field=models.CharField(max_length=80, null=True),
        ),
        migrations.AddField(
            model_name="panel",
            name="public_description_cy",
            field=models.TextField(
                blank=True,
                help_text="Standing text about the panel for published reports.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="panel",
            name="public_description_en",
            field=models.TextField(
                blank=True,
                help_text="Standing text about the panel for published reports.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="theme",
            name="name_cy",
            field=models.CharField(max_length=200, null=True, unique=True),
        ),
        migrations.AddField(
            model_name="theme",
            name="name_en",
            field=models.CharField(max_length=200, null=True, unique=True),
        ),
        migrations.RunPython(copy_english, migrations.RunPython.noop),
    ]
