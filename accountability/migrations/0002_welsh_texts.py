from django.db import migrations, models
from django.db.models import F

# The English words stay where they are; the English translation column starts as a copy
# of them, which every English write keeps in step (docs/adr/0017).
TRANSLATED = {
    "evidencesummary": ("text",),
    "followup": ("text",),
    "otherarea": ("heading", "text"),
    "question": ("text",),
    "scrutinymeeting": ("theme",),
    "topic": ("title",),
    "topicdecision": ("rationale",),
}


def copy_english(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("accountability", model_name)
        model.objects.update(**{f"{name}_en": F(name) for name in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("accountability", "0001_initial"),
        ("cases", "0011_import_problem_codes"),
    ]

    operations = [
        migrations.AddField(
            model_name="evidencesummary",
            name="text_cy",
            field=models.TextField(null=True),
        ),
        migrations.AddField(
            model_name="evidencesummary",
            name="text_en",
            field=models.TextField(null=True),
        ),
        migrations.AddField(
            model_name="followup",
            name="text_cy",
            field=models.TextField(null=True),
        ),
        migrations.AddField(
            model_name="followup",
            name="text_en",
            field=models.TextField(null=True),
        ),
        migrations.AddField(
            model_name="otherarea",
            name="heading_cy",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="otherarea",
            name="heading_en",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="otherarea",
            name="text_cy",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="otherarea",
            name="text_en",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="question",
            name="text_cy",
            field=models.TextField(null=True),
        ),
        migrations.AddField(
            model_name="question",
            name="text_en",
            field=models.TextField(null=True),
        ),
        migrations.AddField(
            model_name="scrutinymeeting",
            name="theme_cy",
            field=models.CharField(
                blank=True,
                help_text='e.g. "Tackling offending and reoffending".',
                max_length=200,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="scrutinymeeting",
            name="theme_en",
            field=models.CharField(
                blank=True,
                help_text='e.g. "Tackling offending and reoffending".',
                max_length=200,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="topic",
            name="title_cy",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="topic",
            name="title_en",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="topicdecision",
            name="rationale_cy",
            field=models.TextField(null=True),
        ),
        migrations.AddField(
            model_name="topicdecision",
            name="rationale_en",
            field=models.TextField(null=True),
        ),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(
                fields=("force", "title_en"), name="topic_force_title_unique-en"
            ),
        ),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(
                fields=("force", "title_cy"), name="topic_force_title_unique-cy"
            ),
        ),
        migrations.RunPython(copy_english, migrations.RunPython.noop),
    ]
