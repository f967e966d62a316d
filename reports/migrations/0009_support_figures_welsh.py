from django.db import migrations, models
from django.db.models import F

FIELDS = {
    "SupportService": ("name", "description", "link_text"),
    "ForceFigure": ("measure", "source"),
}


def copy_english(apps, schema_editor):
    # The English stays where it is; its translation column starts as a copy (docs/adr/0017).
    for model_name, fields in FIELDS.items():
        model = apps.get_model("reports", model_name)
        model.objects.update(**{f"{name}_en": F(name) for name in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0008_welsh_bullets_titles"),
    ]

    operations = [
        migrations.AddField(
            model_name="forcefigure",
            name="measure_cy",
            field=models.CharField(help_text="What was counted.", max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="forcefigure",
            name="measure_en",
            field=models.CharField(help_text="What was counted.", max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="forcefigure",
            name="source_cy",
            field=models.CharField(
                help_text="Where the figure comes from.", max_length=300, null=True
            ),
        ),
        migrations.AddField(
            model_name="forcefigure",
            name="source_en",
            field=models.CharField(
                help_text="Where the figure comes from.", max_length=300, null=True
            ),
        ),
        migrations.AddField(
            model_name="supportservice",
            name="description_cy",
            field=models.TextField(
                blank=True,
                help_text="What the service offers, in the reports' Markdown subset.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="supportservice",
            name="description_en",
            field=models.TextField(
                blank=True,
                help_text="What the service offers, in the reports' Markdown subset.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="supportservice",
            name="link_text_cy",
            field=models.CharField(
                blank=True,
                help_text="The website link's words, e.g. 'fill in a contact form'.",
                max_length=100,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="supportservice",
            name="link_text_en",
            field=models.CharField(
                blank=True,
                help_text="The website link's words, e.g. 'fill in a contact form'.",
                max_length=100,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="supportservice",
            name="name_cy",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="supportservice",
            name="name_en",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddConstraint(
            model_name="supportservice",
            constraint=models.UniqueConstraint(
                fields=("name_en",), name="supportservice_name_unique-en"
            ),
        ),
        migrations.AddConstraint(
            model_name="supportservice",
            constraint=models.UniqueConstraint(
                fields=("name_cy",), name="supportservice_name_unique-cy"
            ),
        ),
        migrations.RunPython(copy_english, migrations.RunPython.noop),
    ]
