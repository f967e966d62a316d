"""The accountability scrutiny's sections of the home page: what waits for OPCC staff
(and the Commissioner) and for a force's liaison."""

import datetime
from dataclasses import dataclass, field

from core.permissions import by_rule
from panels.models.liaisons import liaison_force_ids

from . import follow_up_states, presenters
from .enums import ScrutinyMeetingStatus
from .models import FollowUp, Question, ScrutinyMeeting
from .workflow import ANSWERING

# A follow-up shows on the home page this long before it is due.
FOLLOW_UP_HORIZON = datetime.timedelta(days=60)


@dataclass
class StaffWork:
    meetings: list = field(default_factory=list)
    to_summarise: int = 0
    follow_ups: list = field(default_factory=list)


@dataclass
class ForceWork:
    to_answer: int = 0
    overdue: list = field(default_factory=list)


def staff_work(*, user, today: datetime.date) -> StaffWork | None:
    """Meetings not yet closed, answers waiting for a summary, follow-ups coming up or
    overdue (until a later meeting decides on their topic)."""
    if not by_rule("accountability.view_scrutiny", user):
        return None
    open_meetings = ScrutinyMeeting.objects.exclude(status=ScrutinyMeetingStatus.CLOSED)
    return StaffWork(
        meetings=list(open_meetings.select_related("force").order_by("date", "pk")[:10]),
        to_summarise=Question.objects.filter(
            answer__isnull=False, evidence_summary__isnull=True
        ).count(),
        follow_ups=[
            (follow_up, presenters.follow_up_tag(follow_up, today=today))
            for follow_up in follow_up_states.still_open(
                FollowUp.objects.select_related("topic"), until=today + FOLLOW_UP_HORIZON
            )
        ],
    )


def force_work(*, user, today: datetime.date) -> ForceWork | None:
    """The questions sent to the liaison's forces still to answer, and those overdue."""
    forces = liaison_force_ids(user)
    if not forces:
        return None
    waiting = list(
        Question.objects.filter(
            sent_at__isnull=False,
            answer__isnull=True,
            meeting__force_id__in=forces,
            meeting__status__in=ANSWERING,
        )
        .select_related("meeting")
        .order_by("due_date", "number")
    )
    overdue = [q for q in waiting if q.due_date and q.due_date < today]
    return ForceWork(to_answer=len(waiting), overdue=overdue)
