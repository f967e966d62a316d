"""The fetch-and-check queries the features share: a meeting the user may see, their
membership of its panel, its agenda. Every query starts from what the user may see."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from .enums import ResponseState
from .models import ActionResponse, Meeting, Membership, ReviewedCase
from .permissions import active_memberships, by_rule


def meeting_list(*, user) -> QuerySet[Meeting]:
    return (
        Meeting.objects.for_user(user)
        .select_related("panel", "panel__framework")
        .annotate(case_count=Count("reviewed_cases", distinct=True))
    )


def meeting_for_user(*, user, pk: int, perm: str = "panels.view_meeting") -> Meeting:
    """The meeting if the user may see it; 404 if it is outside their panels, 403 if the
    user can see it but not do this."""
    meeting = get_object_or_404(
        Meeting.objects.for_user(user).select_related("panel__framework__record_kind"), pk=pk
    )
    if not by_rule(perm, user, meeting):
        raise PermissionDenied
    return meeting


def membership_for(*, user, meeting: Meeting, fresh: bool = False) -> Membership | None:
    """The user's active membership of the meeting's panel: read once per request for
    pages, or `fresh` from the database for a service deciding whether to write."""
    if not fresh:
        return active_memberships(user).get(meeting.panel_id)
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.filter(panel_id=meeting.panel_id, user=user, is_active=True)
        .select_related("user")
        .first()
    )


def agenda_entry(*, meeting: Meeting, position: int) -> ReviewedCase:
    """One case on the meeting's agenda with the facts its papers show, or 404."""
    return get_object_or_404(
        meeting.reviewed_cases.select_related(
            "case",
            "case__outcome_type",
            "case__crime_code",
            "case__force",
            "case__kind",
            "case__batch__uploaded_by",
        ),
        position=position,
    )


def agenda(*, meeting: Meeting, themes: bool = True) -> QuerySet[ReviewedCase]:
    """The meeting's cases with their decisions (and the decisions' themes, unless the
    page shows none)."""
    cases = meeting.reviewed_cases.select_related(
        "case", "case__outcome_type", "case__kind", "decision", "decision__category"
    )
    return cases.prefetch_related("decision__themes") if themes else cases


def responses_newest_first() -> Prefetch:
    """The force's responses to each action, newest first, with who sent and reviewed them
    and who withdrew an approval (the chair and OPCC staff see them on the meeting's page,
    the liaison on theirs)."""
    return Prefetch(
        "responses",
        queryset=ActionResponse.objects.select_related(
            "submitted_by", "reviewed_by", "withdrawn_by"
        ).order_by("-submitted_at", "-pk"),
    )


def approved_responses() -> Prefetch:
    """Each action's approved responses, newest first, as `approved_responses`: what a
    published report carries as the force's response is the first of them."""
    return Prefetch(
        "responses",
        queryset=ActionResponse.objects.filter(state=ResponseState.APPROVED).order_by(
            "-reviewed_at", "-pk"
        ),
        to_attr="approved_responses",
    )
