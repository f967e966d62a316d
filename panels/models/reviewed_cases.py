from django.db import models

from cases.models import Case
from core.models import choice_constraint

from ..enums import (
    CaseSource,
)
from .meetings import Meeting
from .sampling import SampleDraw


class ReviewedCase(models.Model):
    """A case on a meeting's agenda."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="reviewed_cases")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="reviews")
    position = models.PositiveSmallIntegerField()
    source = models.CharField(max_length=20, choices=CaseSource.choices, default=CaseSource.SAMPLED)
    draw = models.ForeignKey(
        SampleDraw, on_delete=models.PROTECT, null=True, blank=True, related_name="reviewed_cases"
    )
    carried_over_from = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="carried_to",
        help_text="The earlier review that failed to reach a conclusion.",
    )

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "case"], name="reviewedcase_unique"),
            models.UniqueConstraint(
                fields=["meeting", "position"], name="reviewedcase_position_unique"
            ),
            choice_constraint("reviewedcase", "source", CaseSource),
            models.CheckConstraint(
                condition=~models.Q(source=CaseSource.CARRIED_OVER)
                | models.Q(carried_over_from__isnull=False),
                name="reviewedcase_carry_over_has_origin",
            ),
        ]

    def __str__(self) -> str:
        return f"Case {self.position} ({self.case.reference}) at {self.meeting}"
