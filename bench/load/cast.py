"""The built dataset read back: who the load run signs in as, what they open, and how
many rows of each kind there are."""

import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from cases.models import Case, Force
from panels.enums import MeetingStatus, MembershipRole
from panels.models import (
    Action,
    CriterionAssessment,
    Decision,
    Meeting,
    Membership,
    Panel,
    Rating,
    ReviewedCase,
)

from .dataset import LAYOUT

User = get_user_model()


@dataclass
class Cast:
    """Who the load run signs in as, and what they open."""

    opcc: object
    approver: object
    admin: object
    chair: object
    big_meeting: Meeting
    small_meeting: Meeting
    members: list  # voting members of every panel
    open_pairs: list  # (user, meeting, position, rating version) on meetings open for rating


def cast() -> Cast:
    """Who signs in, and the pages they open, read back from the built dataset."""
    first = Panel.objects.get(slug="national-1")
    big = Meeting.objects.get(
        panel=first, status=MeetingStatus.IN_DISCUSSION, theme__startswith="Big"
    )
    small = Meeting.objects.get(
        panel=first, status=MeetingStatus.IN_DISCUSSION, theme__startswith="Small"
    )
    voting = list(
        Membership.objects.filter(is_voting=True, role=MembershipRole.MEMBER)
        .select_related("user")
        .order_by("panel_id", "pk")
    )
    open_cases = (
        ReviewedCase.objects.filter(meeting__status=MeetingStatus.RATING_OPEN)
        .select_related("meeting")
        .order_by("meeting_id", "position")
    )
    versions = {
        (case_id, membership_id): version
        for case_id, membership_id, version in Rating.objects.filter(
            reviewed_case__in=open_cases
        ).values_list("reviewed_case_id", "membership_id", "version")
    }
    pairs = [
        (m.user, rc.meeting, rc.position, versions.get((rc.pk, m.pk), 0))
        for rc in open_cases
        for m in voting
        if m.panel_id == rc.meeting.panel_id
    ]
    # A fixed shuffle, so requests side by side are of different members and cases.
    random.Random(LAYOUT).shuffle(pairs)  # nosec B311 # an order, not a secret
    return Cast(
        opcc=User.objects.get(username="load-olu"),
        approver=User.objects.get(username="load-nia"),
        admin=User.objects.get(username="load-alice"),
        chair=Membership.objects.get(panel=first, role=MembershipRole.CHAIR).user,
        big_meeting=big,
        small_meeting=small,
        members=[m.user for m in voting],
        open_pairs=pairs,
    )


def counts() -> dict[str, int]:
    from reports.models import PublishedVersion

    return {
        "cases": Case.objects.count(),
        "forces": Force.objects.filter(code__startswith="NAT").count(),
        "panels": Panel.objects.count(),
        "meetings": Meeting.objects.count(),
        "reviewed cases": ReviewedCase.objects.count(),
        "ratings": Rating.objects.count(),
        "criterion assessments": CriterionAssessment.objects.count(),
        "decisions": Decision.objects.count(),
        "actions": Action.objects.count(),
        "published reports": PublishedVersion.objects.count(),
    }
