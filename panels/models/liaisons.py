from django.conf import settings
from django.db import models

from cases.models import Force


class ForceLiaison(models.Model):
    """A person who answers for a force: the actions (and questions) addressed to it, and
    the panel's findings on its cases carried back to officers. Granted per force, by
    invitation like a panel membership; a liaison is never a panel member, so nothing of a
    panel's ratings or papers is theirs to see."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="force_liaisons"
    )
    force = models.ForeignKey(Force, on_delete=models.PROTECT, related_name="liaisons")
    # False once ended: only active liaisons see their force's work.
    is_active = models.BooleanField(default=True)
    # When the last invitation to set a password was sent (None: never invited).
    invited_at = models.DateTimeField(null=True, blank=True)
    # An ended grant is kept for history (who answered what, and when they could). The
    # role given again is a new grant, so each period keeps its own dates.
    ended_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["force", "user__last_name"]
        constraints = [
            # One grant not ended per person and force; ended ones may be many.
            models.UniqueConstraint(
                fields=["user", "force"],
                condition=models.Q(ended_on__isnull=True),
                name="forceliaison_one_current",
                violation_error_message="This person is already a liaison for this force",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(is_active=False),
                name="forceliaison_ended_inactive",
            ),
        ]

    def __str__(self) -> str:
        name = self.user.get_full_name() or self.user.username
        return f"{name} (force liaison, {self.force})"


def liaison_force_ids(user) -> set[int]:
    """The forces the user is an active liaison for.

    Read once and kept on the user object, which lives for one request, as
    `active_memberships` is: a page asks several rules about the same action.
    """
    if not user.is_authenticated:
        return set()
    cache = getattr(user, "_liaison_force_ids_cache", None)
    if cache is None:
        cache = set(
            ForceLiaison.objects.filter(user=user, is_active=True).values_list(
                "force_id", flat=True
            )
        )
        user._liaison_force_ids_cache = cache
    return cache


def liaison_users(force_id: int) -> list:
    """The accounts of the force's active liaisons: who is told of the force's work."""
    return [
        liaison.user
        for liaison in ForceLiaison.objects.filter(force_id=force_id, is_active=True)
        .select_related("user")
        .order_by("pk")
    ]
