from django.conf import settings
from django.db import models

from core.models import choice_constraint

from ..enums import (
    Assessment,
    RatingStatus,
)
from .frameworks import Criterion, OutcomeCategory, Theme
from .panels import Membership
from .reviewed_cases import ReviewedCase


class ConflictDeclaration(models.Model):
    reviewed_case = models.ForeignKey(
        ReviewedCase, on_delete=models.PROTECT, related_name="conflicts"
    )
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="conflicts")
    has_conflict = models.BooleanField()
    details = models.TextField(blank=True)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reviewed_case", "membership"], name="conflict_unique"),
            models.CheckConstraint(
                condition=models.Q(has_conflict=False) | ~models.Q(details=""),
                name="conflict_has_details",
            ),
        ]

    def __str__(self) -> str:
        return f"{'Conflict' if self.has_conflict else 'No conflict'}: {self.membership.user}"


class Rating(models.Model):
    """One member's own view of one case, made before the panel discusses it."""

    reviewed_case = models.ForeignKey(
        ReviewedCase, on_delete=models.PROTECT, related_name="ratings"
    )
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="ratings")
    category = models.ForeignKey(OutcomeCategory, on_delete=models.PROTECT, related_name="ratings")
    reasons = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=RatingStatus.choices, default=RatingStatus.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reviewed_case", "membership"], name="rating_unique"),
            choice_constraint("rating", "status", RatingStatus),
        ]

    def __str__(self) -> str:
        # No category here: this text appears in admin links and logs before the reveal.
        return f"{self.membership.user} on {self.reviewed_case}"


class CriterionAssessment(models.Model):
    rating = models.ForeignKey(Rating, on_delete=models.CASCADE, related_name="assessments")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="assessments")
    value = models.CharField(max_length=20, choices=Assessment.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["criterion__position"]
        constraints = [
            models.UniqueConstraint(fields=["rating", "criterion"], name="assessment_unique"),
            choice_constraint("criterionassessment", "value", Assessment),
        ]

    def __str__(self) -> str:
        return f"{self.criterion.label}: {self.get_value_display()}"


class Decision(models.Model):
    """The panel's agreed view of a case, recorded by the chair."""

    reviewed_case = models.OneToOneField(
        ReviewedCase, on_delete=models.PROTECT, related_name="decision"
    )
    category = models.ForeignKey(
        OutcomeCategory, on_delete=models.PROTECT, related_name="decisions"
    )
    reasons = models.TextField(blank=True)
    information_requested = models.TextField(
        blank=True, help_text="What the panel needs before it can conclude (inconclusive only)."
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="decisions")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.reviewed_case}: {self.category.short_label}"
