"""A Commissioner's scrutiny meeting with its questions, summaries, decision, other areas,
actions and follow-up, built as OPCC staff would leave it once the decision is recorded."""

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
from panels.models import Action
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
    status=ScrutinyMeetingStatus.DECIDED,
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
            meeting=meeting, topic=topic, number=n, text=f"Question {n} to the force?"
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
    # Panels' actions belong to a panel meeting; the scrutiny links its own one-to-one.
    action = Action.objects.create(
        meeting=factories.MeetingFactory(),
        description="Develop a communications plan for the Community Remedy.",
        owner="The force and the OPCC",
        due_date=meeting.date + datetime.timedelta(days=90),
        force_response=response,
        responded_at=meeting.date + datetime.timedelta(days=30) if response else None,
    )
    ScrutinyAction.objects.create(meeting=meeting, action=action, number=1)
    FollowUp.objects.create(
        topic=meeting.topics.get(),
        meeting=meeting,
        due_date=meeting.date + datetime.timedelta(days=182),
        text="A further performance update in six months",
        set_by=by,
    )
    return meeting
