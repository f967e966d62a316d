"""A Commissioner's scrutiny meeting with its questions, summaries, decision, other areas,
actions and follow-up, built as OPCC staff leave it once the decision is recorded and the
meeting closed."""

import datetime

from django.utils import timezone

from accountability.enums import AssuranceLevel, ScrutinyMeetingStatus
from accountability.models import (
    EvidenceSummary,
    FollowUp,
    OtherArea,
    Question,
    ScrutinyAction,
    ScrutinyMeeting,
    Topic,
    TopicDecision,
)
from panels.enums import ActionStatus, ResponseState
from panels.models import Action, ActionResponse
from tests import factories

TOPIC = "Use of out of court resolutions and Outcome 16"


def scrutiny_meeting(
    *,
    by,
    date=datetime.date(2025, 9, 24),
    topic=None,
    level=AssuranceLevel.PARTLY_ASSURED,
    questions=2,
    previous=None,
    status=ScrutinyMeetingStatus.CLOSED,
    summary="The force gave its figures for the year.",
):
    force = topic.force if topic else factories.ForceFactory(code="demo", name="Demoshire Police")
    topic = topic or Topic.objects.create(force=force, title=TOPIC)
    meeting = ScrutinyMeeting.objects.create(
        force=force, date=date, theme="Tackling offending and reoffending", status=status
    )
    meeting.topics.add(topic)
    for n in range(1, questions + 1):
        question = Question.objects.create(
            meeting=meeting,
            topic=topic,
            number=n,
            text=f"Question {n} to the force?",
            sent_at=timezone.now(),
        )
        EvidenceSummary.objects.create(question=question, text=f"{summary} ({n})", written_by=by)
    if level:
        TopicDecision.objects.create(
            meeting=meeting,
            topic=topic,
            level=level,
            rationale="Improvement plans are in place but have yet to show an impact.",
            previous=previous,
            recorded_by=by,
            recorded_at=timezone.now(),
        )
    return meeting


def with_outcomes(meeting, *, by, response=""):
    """Another area discussed, a numbered action (with the force's response) and a follow-up."""
    OtherArea.objects.create(meeting=meeting, heading="Fixed-term recall", text="Its effects.")
    # The scrutiny's numbered action is a panels' Action addressed to the meeting's force.
    action = Action.objects.create(
        force=meeting.force,
        description="Develop a communications plan for the Community Remedy.",
        owner="The force and the OPCC",
        due_date=meeting.date + datetime.timedelta(days=90),
    )
    if response:
        _approved(action, response, by=by)
    ScrutinyAction.objects.create(meeting=meeting, action=action, number=1)
    FollowUp.objects.create(
        topic=meeting.topics.get(),
        meeting=meeting,
        due_date=meeting.date + datetime.timedelta(days=182),
        text="A further performance update in six months",
        set_by=by,
    )
    return meeting


def _approved(action, text: str, *, by) -> None:
    """The force's reply, approved by OPCC staff; a later one still waiting is not shown."""
    liaison = factories.UserFactory()
    sent = timezone.make_aware(datetime.datetime(2025, 10, 24, 10))
    ActionResponse.objects.create(
        action=action,
        text=text,
        proposed_status=ActionStatus.IN_PROGRESS,
        submitted_by=liaison,
        submitted_at=sent,
        state=ResponseState.APPROVED,
        reviewed_by=by,
        reviewed_at=sent,
    )
    ActionResponse.objects.create(
        action=action,
        text="Not yet reviewed.",
        proposed_status=ActionStatus.COMPLETED,
        submitted_by=liaison,
        submitted_at=sent + datetime.timedelta(days=5),
    )
