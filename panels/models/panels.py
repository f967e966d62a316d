from django.conf import settings
from django.db import models

from cases.models import Force
from core.models import choice_constraint

from ..enums import (
    AgeGroup,
    Agency,
    MembershipRole,
)
from .frameworks import Framework


class Panel(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="panels")
    force = models.ForeignKey(Force, on_delete=models.PROTECT, related_name="panels")
    organisation = models.CharField(
        max_length=200, help_text="Who runs the panel, e.g. the Local Criminal Justice Board."
    )
    age_group = models.CharField(max_length=10, choices=AgeGroup.choices, default=AgeGroup.ADULT)
    public_description = models.TextField(
        blank=True, help_text="Standing text about the panel for published reports."
    )
    is_active = models.BooleanField(default=True)
    # Bumped on every change made through the pages, so a stale form is refused.
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [choice_constraint("panel", "age_group", AgeGroup)]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    panel = models.ForeignKey(Panel, on_delete=models.PROTECT, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(
        max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    agency = models.CharField(max_length=20, choices=Agency.choices)
    is_voting = models.BooleanField(
        default=True, help_text="Non-voting attendees (e.g. police) see cases but do not rate."
    )
    # False while paused or once ended: only active memberships see the panel's meetings.
    is_active = models.BooleanField(default=True)
    joined_on = models.DateField(null=True, blank=True)
    # Ended memberships are kept for history and cannot be resumed.
    ended_on = models.DateField(null=True, blank=True)
    # When the last invitation to set a password was sent (None: never invited).
    invited_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["panel", "role", "user__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["panel", "user"], name="membership_unique"),
            choice_constraint("membership", "role", MembershipRole),
            choice_constraint("membership", "agency", Agency),
            # The chair records the panel's decision, so the chair always has a vote.
            models.CheckConstraint(
                condition=~models.Q(role=MembershipRole.CHAIR) | models.Q(is_voting=True),
                name="membership_chair_votes",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(is_active=False),
                name="membership_ended_inactive",
            ),
        ]

    def __str__(self) -> str:
        name = self.user.get_full_name() or self.user.username
        return f"{name} ({self.get_role_display()}, {self.panel})"


def active_memberships(user) -> dict[int, "Membership"]:
    """The user's active memberships, by panel id.

    Read once and kept on the user object, which lives for one request: a page asks
    several rules about the same meeting, and each would otherwise be a query.
    """
    if not user.is_authenticated:
        return {}
    cache = getattr(user, "_active_memberships_cache", None)
    if cache is None:
        cache = {m.panel_id: m for m in Membership.objects.filter(user=user, is_active=True)}
        user._active_memberships_cache = cache
    return cache
