from django.db import migrations, models

from panels import reference_data


def colour_kind_frameworks(apps, schema_editor):
    reference_data.colour_kind_frameworks(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("panels", "0013_decision_assessments"),
    ]

    operations = [
        migrations.AddField(
            model_name="outcomecategory",
            name="colour",
            field=models.CharField(
                blank=True,
                choices=[("", "No colour"), ("red", "Red"), ("amber", "Amber"), ("green", "Green")],
                default="",
                help_text="Red, amber or green in reports' charts and tables, or no colour.",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="outcomecategory",
            name="score",
            field=models.PositiveSmallIntegerField(
                blank=True, help_text='A number reports show with it: "Score of 4".', null=True
            ),
        ),
        migrations.AddField(
            model_name="outcomecategory",
            name="chart_label",
            field=models.CharField(
                blank=True,
                help_text="Reports' charts and tables name it so; blank to use the label itself.",
                max_length=80,
            ),
        ),
        migrations.AddConstraint(
            model_name="outcomecategory",
            constraint=models.CheckConstraint(
                condition=models.Q(("colour__in", ["", "red", "amber", "green"])),
                name="outcomecategory_colour_valid",
            ),
        ),
        migrations.RunPython(colour_kind_frameworks, migrations.RunPython.noop),
    ]
