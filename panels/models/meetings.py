from django.db import models

from core.models import StatusHistory, choice_constraint
from core.roles import is_data_admin, is_opcc_staff

from ..enums import (
    MeetingStatus,
)
from .panels import Panel, active_memberships


class MeetingQuerySet(models.QuerySet):
    def for_user(self, user):
        if is_opcc_staff(user) or is_data_admin(user):
            return self
        if not user.is_authenticated:
            return self.none()
        # The panels of the user's active memberships, read once per request.
        return self.filter(panel_id__in=list(active_memberships(user)))


class Meeting(models.Model):
    panel = models.ForeignKey(Panel, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField()
    theme = models.CharField(max_length=200, help_text='e.g. "Stalking or Harassment".')
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED, editable=False
    )
    rating_deadline = models.DateField(null=True, blank=True)
    location = models.CharField(max_length=200, blank=True, help_text='A place, or "Online".')
    anonymous_reveal = models.BooleanField(
        default=False,
        editable=False,
        help_text="The chair showed members' ratings as Member A, B, C… at the reveal.",
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["panel", "date"], name="meeting_panel_date_unique"),
            choice_constraint("meeting", "status", MeetingStatus),
            models.CheckConstraint(
                condition=models.Q(rating_deadline__isnull=True)
                | models.Q(rating_deadline__lte=models.F("date")),
                name="meeting_deadline_not_after_meeting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.panel} — {self.date:%-d %B %Y}"


class MeetingStatusChange(StatusHistory):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="status_history")
