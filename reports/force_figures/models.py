"""The force's own figures for a period (how many community resolutions it gave, say),
with where they come from, so a reader of a report can judge what a sample of ten means."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

HUNDRED = Decimal("100")


class ForceFigure(models.Model):
    """One measure of the force's over a period: "2,452 community resolutions, 2.65% of all
    outcomes, 1 January to 31 December 2023", and its source. Typed or imported by OPCC
    staff; reports that show it freeze it into their published version."""

    force = models.ForeignKey("cases.Force", on_delete=models.PROTECT, related_name="figures")
    period_start = models.DateField()
    period_end = models.DateField()
    measure = models.CharField(max_length=200, help_text="What was counted.")
    number = models.DecimalField(max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])
    percentage = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Optional: the share of a whole the number is, 0 to 100.",
    )
    source = models.CharField(max_length=300, help_text="Where the figure comes from.")
    link = models.URLField(max_length=500, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Goes up with every edit.")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["force", "-period_end", "measure"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="forcefigure_period_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=0), name="forcefigure_number_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(percentage__isnull=True)
                | models.Q(percentage__gte=0, percentage__lte=100),
                name="forcefigure_percentage_0_to_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.force}: {self.measure} ({self.period_start} to {self.period_end})"

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {"period_end": "Enter an end of the period on or after its start"}
            )
        if self.link and not self.link.lower().startswith("https://"):
            raise ValidationError({"link": _("Enter a link starting https://")})
