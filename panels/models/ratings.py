from django.conf import settings
from django.db import models

from core.models import ImmutableModel, choice_constraint

from ..enums import (
    Assessment,
    RatingStatus,
    ReminderKind,
)
from .frameworks import Criterion, OutcomeCategory, Theme
from .meetings import Meeting
from .panels import Membership
from .reviewed_cases import ReviewedCase


class ConflictDeclaration(models.Model):
    """A member's answer to "do you have a conflict of interest in this case?".

    Every answer is kept: a new one supersedes the last, which stays with its time.
    The current answer is the one not superseded.
    """

    reviewed_case = models.ForeignKey(
        ReviewedCase, on_delete=models.PROTECT, related_name="conflicts"
    )
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="conflicts")
    has_conflict = models.BooleanField()
    details = models.TextField(blank=True)
    declared_at = models.DateTimeField(auto_now_add=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The member, or the OPCC officer who withdrew a conflict.",
    )
    superseded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["declared_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["reviewed_case", "membership"],
                condition=models.Q(superseded_at__isnull=True),
                name="conflict_current_unique",
            ),
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
    category = models.ForeignKey(
        OutcomeCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ratings",
        help_text="Blank only while the rating is a draft.",
    )
    reasons = models.TextField(blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="ratings")
    status = models.CharField(
        max_length=10, choices=RatingStatus.choices, default=RatingStatus.DRAFT
    )
    version = models.PositiveIntegerField(
        default=1, help_text="Goes up by one at every save, so a stale save can be refused."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reviewed_case", "membership"], name="rating_unique"),
            choice_constraint("rating", "status", RatingStatus),
            models.CheckConstraint(
                condition=~models.Q(status=RatingStatus.SUBMITTED)
                | models.Q(category__isnull=False),
                name="rating_submitted_has_category",
            ),
        ]

    def __str__(self) -> str:
        # No category here: this text appears in admin links and logs before the reveal.
        return f"{self.membership.user} on {self.reviewed_case}"


class RatingVersion(ImmutableModel):
    """What a rating held after one save: kept for the rater, blind like the rating."""

    rating = models.ForeignKey(Rating, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    saved_at = models.DateTimeField(auto_now_add=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=10, choices=RatingStatus.choices)
    category = models.ForeignKey(
        OutcomeCategory, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reasons = models.TextField(blank=True)
    themes = models.JSONField(default=list, help_text="Theme names.")
    assessments = models.JSONField(default=dict, help_text="Criterion code to [answer, note].")
    changes = models.JSONField(default=list, help_text="What this save changed, in words.")

    class Meta:
        ordering = ["rating", "number"]
        constraints = [
            models.UniqueConstraint(fields=["rating", "number"], name="ratingversion_unique"),
            choice_constraint("ratingversion", "status", RatingStatus),
        ]

    def __str__(self) -> str:
        return f"Version {self.number} of {self.rating}"


class CaseComment(models.Model):
    """A non-voting attendee's note on a case for the discussion; shown after the reveal."""

    reviewed_case = models.ForeignKey(
        ReviewedCase, on_delete=models.PROTECT, related_name="comments"
    )
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="comments")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reviewed_case", "membership"], name="comment_unique"),
            models.CheckConstraint(condition=~models.Q(text=""), name="comment_not_blank"),
        ]

    def __str__(self) -> str:
        return f"Comment by {self.membership.user} on {self.reviewed_case}"


class RatingReminder(models.Model):
    """A reminder email sent, so the daily run never sends the same one twice."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="reminders")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    sent_on = models.DateField()
    case_count = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "membership", "kind"], name="ratingreminder_unique"
            ),
            choice_constraint("ratingreminder", "kind", ReminderKind),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} reminder to {self.membership.user} ({self.sent_on})"


class CriterionAssessment(models.Model):
    rating = models.ForeignKey(Rating, on_delete=models.CASCADE, related_name="assessments")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="assessments")
    # Blank only in a draft: a note written before the answer is chosen is kept.
    value = models.CharField(max_length=20, choices=Assessment.choices, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["criterion__position"]
        constraints = [
            models.UniqueConstraint(fields=["rating", "criterion"], name="assessment_unique"),
            models.CheckConstraint(
                condition=models.Q(value__in=[*Assessment.values, ""]),
                name="criterionassessment_value_valid",
            ),
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
    majority_category = models.ForeignKey(
        OutcomeCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The category most members chose on their own; blank if there was none.",
    )
    differs_from_majority = models.BooleanField(
        null=True, help_text="Whether the panel's decision moved away from the members' majority."
    )
    version = models.PositiveIntegerField(default=1)
    carry_over = models.BooleanField(
        null=True,
        help_text=(
            "For a case the panel could not conclude on: whether the chair chose to carry it "
            "over. Blank when no later meeting was offered, so the next draw brings it back."
        ),
    )

    def __str__(self) -> str:
        return f"{self.reviewed_case}: {self.category.short_label}"


class DecisionAssessment(models.Model):
    """The panel's answer on one criterion of a case, recorded with its decision."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="assessments")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    value = models.CharField(max_length=20, choices=Assessment.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["criterion__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "criterion"], name="decisionassessment_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(value__in=Assessment.values),
                name="decisionassessment_value_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion.label}: {self.get_value_display()}"
