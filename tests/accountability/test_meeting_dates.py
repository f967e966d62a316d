"""A scrutiny meeting's date keeps the chain of decisions in order: fixed once a decision
is recorded at it, and never moved past a meeting with a decision on one of its topics,
so each decision still names the right one before it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accountability import presenters, services
from accountability.enums import AssuranceLevel
from accountability.enums import ScrutinyMeetingStatus as Status
from accountability.models import ScrutinyMeeting, TopicDecision

from .factories import ScrutinyMeetingFactory, TopicFactory
from .pages import date_fields, error_page

pytestmark = pytest.mark.django_db

SEP_2024 = datetime.date(2024, 9, 25)
SEP_2025 = datetime.date(2025, 9, 24)
FIXED = (
    "The Commissioner's decision is recorded at this meeting, so its date stays "
    "24 September 2025: each decision names the one before it by the date of its meeting"
)


def decided(force, topic, date, level=AssuranceLevel.PARTLY_ASSURED, *, by) -> ScrutinyMeeting:
    meeting = ScrutinyMeetingFactory(
        force=force, topics=[topic], date=date, status=Status.EVIDENCE_RECEIVED
    )
    services.topic_decision_save(meeting=meeting, topic=topic, by=by, level=level, rationale="Why.")
    ScrutinyMeeting.objects.filter(pk=meeting.pk).update(status=Status.DECIDED)
    meeting.refresh_from_db()
    return meeting


@pytest.fixture
def history(olu, force, topic):
    """Partly assured in September 2024, assured in September 2025."""
    first = decided(force, topic, SEP_2024, by=olu)
    second = decided(force, topic, SEP_2025, AssuranceLevel.ASSURED, by=olu)
    return first, second


def move(meeting, to, *, by, topics=None):
    meeting.refresh_from_db()
    return services.scrutiny_meeting_update(
        meeting=meeting,
        by=by,
        version=meeting.version,
        date=to,
        theme=meeting.theme,
        topics=topics if topics is not None else list(meeting.topics.all()),
    )


def refusal(meeting, to, *, by, topics=None) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        move(meeting, to, by=by, topics=topics)
    return refused.value.message_dict["date"]


def test_a_decided_meetings_date_cannot_change(olu, history):
    first, second = history

    assert refusal(second, datetime.date(2024, 8, 1), by=olu) == [FIXED]


def test_the_previous_decision_stays_right_after_the_refused_move(olu, history):
    first, second = history

    refusal(second, datetime.date(2024, 8, 1), by=olu)

    decision = TopicDecision.objects.get(meeting=second)
    assert (
        ScrutinyMeeting.objects.get(pk=second.pk).date,
        presenters.since_previous(decision),
    ) == (
        SEP_2025,
        "Since the previous update in September 2024, when the PCC was partly assured",
    )


def test_a_reopened_meetings_date_still_cannot_change(olu, history):
    first, second = history
    services.scrutiny_meeting_move(meeting=second, by=olu, to=Status.EVIDENCE_RECEIVED)

    assert refusal(second, datetime.date(2025, 10, 1), by=olu) == [FIXED]


def test_the_rest_of_a_decided_meeting_may_still_change(olu, history):
    first, second = history
    second.refresh_from_db()

    changed = services.scrutiny_meeting_update(
        meeting=second,
        by=olu,
        version=second.version,
        date=SEP_2025,
        theme="A new theme",
        topics=list(second.topics.all()),
    )

    assert (changed.date, changed.theme) == (SEP_2025, "A new theme")


def test_a_meeting_cannot_move_past_one_with_a_decision_on_its_topic(olu, force, topic, history):
    later = ScrutinyMeetingFactory(force=force, topics=[topic], date=datetime.date(2026, 3, 1))

    assert refusal(later, datetime.date(2025, 1, 10), by=olu) == [
        "The meeting cannot move past the meeting of 24 September 2025, which has the "
        f"Commissioner's decision on “{topic.title}”: decisions on a topic keep the order "
        "they were made in. Choose a date on the same side of 24 September 2025"
    ]


def test_a_meeting_may_move_on_its_own_side_of_the_decisions(olu, force, topic, history):
    later = ScrutinyMeetingFactory(force=force, topics=[topic], date=datetime.date(2026, 3, 1))

    moved = move(later, datetime.date(2025, 10, 2), by=olu)

    assert moved.date == datetime.date(2025, 10, 2)


def test_a_meeting_on_another_topic_may_move_past(olu, force, history):
    other = TopicFactory(force=force, title="Stop and search")
    later = ScrutinyMeetingFactory(force=force, topics=[other], date=datetime.date(2026, 3, 1))

    assert move(later, datetime.date(2024, 1, 10), by=olu).date == datetime.date(2024, 1, 10)


def test_adding_a_decided_topic_while_moving_past_its_decision_is_refused(
    olu, force, topic, history
):
    other = TopicFactory(force=force, title="Stop and search")
    later = ScrutinyMeetingFactory(force=force, topics=[other], date=datetime.date(2026, 3, 1))

    assert refusal(later, datetime.date(2025, 1, 10), by=olu, topics=[other, topic])[0].startswith(
        "The meeting cannot move past the meeting of 24 September 2025"
    )


def test_the_edit_page_shows_why_the_date_cannot_change(client, olu, topic, history):
    first, second = history
    client.force_login(olu)

    response = client.post(
        reverse("accountability:meeting_edit", args=[second.pk]),
        {
            "theme": second.theme,
            "topics": [topic.pk],
            "version": second.version,
            **date_fields("date", datetime.date(2024, 8, 1)),
        },
    )

    error_page(response, "its date stays 24 September 2025")
    assert ScrutinyMeeting.objects.get(pk=second.pk).date == SEP_2025
