# The chair's choice on carrying an inconclusive case over, so a later draw respects
# "Do not carry it over". (An early start's reason is kept on the meeting's status
# history row, which needs no new column.)

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("panels", "0008_panel_decision_only_and_framework_themes"),
    ]

    operations = [
        migrations.AddField(
            model_name="decision",
            name="carry_over",
            field=models.BooleanField(
                help_text=(
                    "For a case the panel could not conclude on: whether the chair chose to "
                    "carry it over. Blank when no later meeting was offered, so the next draw "
                    "brings it back."
                ),
                null=True,
            ),
        ),
    ]
