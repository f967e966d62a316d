from django.conf import settings
from django.db import models

from cases.models import Force
from core.models import choice_constraint

from ..enums import (
    ActionStatus,
    AttendanceKind,
    ObservationKind,
)
from .frameworks import Theme
from .meetings import Meeting
from .panels import Membership
from .reviewed_cases import ReviewedCase


class Observation(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="observations")
    reviewed_case = models.ForeignKey(
        ReviewedCase,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="observations",
    )
    kind = models.CharField(max_length=20, choices=ObservationKind.choices)
    text = models.TextField()
    themes = models.ManyToManyField(Theme, blank=True, related_name="observations")
    position = models.PositiveSmallIntegerField(default=0)
    is_public = models.BooleanField(
        default=True, help_text="Shown in the published findings; otherwise internal only."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "kind", "position", "pk"]
        constraints = [choice_constraint("observation", "kind", ObservationKind)]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"


class Action(models.Model):
    # None for an action agreed elsewhere than a panel meeting (the Commissioner's
    # accountability scrutiny links its actions here one-to-one).
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    # The force the action is addressed to, whose liaison answers it; None when the owner
    # is another agency or a person.
    force = models.ForeignKey(
        Force, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    observation = models.ForeignKey(
        Observation, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    description = models.TextField()
    owner = models.CharField(max_length=200, help_text="Agency or role responsible.")
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    force_response = models.TextField(blank=True)
    responded_at = models.DateField(null=True, blank=True)
    follow_up_date = models.DateField(
        null=True,
        blank=True,
        help_text='When the panel expects a further update, e.g. "in six months".',
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["meeting", "due_date", "pk"]
        constraints = [choice_constraint("action", "status", ActionStatus)]

    def __str__(self) -> str:
        return self.description[:80]


class Attendance(models.Model):
    """Who was at a meeting: members present or sending apologies, and observers (such as
    an inspectorate's representative), whom published findings mention."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    membership = models.ForeignKey(
        Membership, on_delete=models.PROTECT, null=True, blank=True, related_name="attendance"
    )
    name = models.CharField(max_length=200, blank=True, help_text="For observers.")
    organisation = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=10, choices=AttendanceKind.choices)

    class Meta:
        ordering = ["meeting", "kind", "pk"]
        verbose_name_plural = "attendance"
        constraints = [
            choice_constraint("attendance", "kind", AttendanceKind),
            models.UniqueConstraint(
                fields=["meeting", "membership"],
                condition=models.Q(membership__isnull=False),
                name="attendance_member_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(membership__isnull=False) | ~models.Q(name=""),
                name="attendance_observer_named",
            ),
        ]

    def __str__(self) -> str:
        who = self.membership.user.get_full_name() if self.membership else self.name
        return f"{who}: {self.get_kind_display()}"
