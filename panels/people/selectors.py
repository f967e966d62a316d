"""Reads for running panels and their people: OPCC staff and data admins only."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from cases.models import Force
from core.bilingual import by_words
from core.invitations import invitation_lifetime
from core.roles import is_data_admin, is_opcc_staff

from ..enums import MeetingStatus, MembershipRole
from ..models import Framework, Membership, Panel

# A meeting in these states needs its chair.
OPEN_MEETING = {MeetingStatus.RATING_OPEN, MeetingStatus.IN_DISCUSSION}


class MembershipState:
    """Where a membership stands (panels.people.presenters words each and gives its tag)."""

    ACTIVE = "active"
    INVITED = "invited"
    EXPIRED = "expired"
    PAUSED = "paused"
    ENDED = "ended"


def can_manage_people(user) -> bool:
    return is_opcc_staff(user) or is_data_admin(user)


def _require_manager(user) -> None:
    if not can_manage_people(user):
        raise PermissionDenied


def managed_panels(*, user) -> QuerySet[Panel]:
    """Every panel, with its members counted, for those who run panels."""
    _require_manager(user)
    counted = Q(memberships__is_active=True)
    return Panel.objects.select_related("framework", "force").annotate(
        member_count=Count("memberships", filter=counted)
    )


def managed_panel(*, user, slug: str) -> Panel:
    _require_manager(user)
    panel = Panel.objects.select_related("framework", "force").filter(slug=slug).first()
    if panel is None:
        raise Http404
    return panel


def panel_membership(*, panel: Panel, pk: int) -> Membership:
    membership = panel.memberships.select_related("user").filter(pk=pk).first()
    if membership is None:
        raise Http404
    return membership


def membership_state(membership: Membership, now=None) -> str:
    """A membership's `MembershipState`: ended, paused, invited (or expired) or active."""
    if membership.ended_on is not None:
        return MembershipState.ENDED
    if not membership.is_active:
        return MembershipState.PAUSED
    if membership.invited_at is not None and not membership.user.has_usable_password():
        now = now or timezone.now()
        if membership.invited_at + invitation_lifetime() < now:
            return MembershipState.EXPIRED
        return MembershipState.INVITED
    return MembershipState.ACTIVE


def panel_members(*, panel: Panel) -> list[tuple[Membership, str]]:
    """The panel's memberships, chairs first, ended ones last, each with its state."""
    now = timezone.now()
    memberships = panel.memberships.select_related("user").order_by(
        "ended_on", "role", "user__last_name", "user__first_name", "pk"
    )
    rows = [(m, membership_state(m, now)) for m in memberships]
    return sorted(rows, key=lambda row: row[0].ended_on is not None)


def open_meetings(*, panel: Panel) -> QuerySet:
    return panel.meetings.filter(status__in=OPEN_MEETING)


def other_active_chairs(*, membership: Membership) -> QuerySet[Membership]:
    return Membership.objects.filter(
        panel_id=membership.panel_id, role=MembershipRole.CHAIR, is_active=True
    ).exclude(pk=membership.pk)


def active_frameworks() -> QuerySet[Framework]:
    return Framework.objects.filter(is_active=True).order_by(by_words("name"))


def forces() -> QuerySet[Force]:
    return Force.objects.order_by("name")
