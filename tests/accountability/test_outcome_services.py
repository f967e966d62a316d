"""What OPCC staff and the Commissioner record: summaries, decisions, other areas, actions
and follow-ups."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accountability import presenters, services
from accountability.enums import AssuranceLevel
from accountability.models import FollowUp, TopicDecision
from core.stale import StaleEdit
from panels.enums import ActionStatus

from .factories import ScrutinyMeetingFactory

pytestmark = pytest.mark.django_db


def test_summary_written_by_opcc_staff(olu, answered):
    summary = services.evidence_summary_save(question=answered, by=olu, text="The force said.")

    assert (summary.text, summary.written_by, summary.version) == ("The force said.", olu, 1)


def test_summary_before_the_questions_are_sent_is_refused(olu, question):
    with pytest.raises(ValidationError) as refused:
        services.evidence_summary_save(question=question, by=olu, text="Too soon.")
    assert refused.value.messages == ["The questions have not been sent to the force yet."]


def test_summary_from_an_old_form_is_refused(olu, answered):
    services.evidence_summary_save(question=answered, by=olu, text="First.")
    with pytest.raises(StaleEdit):
        services.evidence_summary_save(question=answered, by=olu, text="Second.", version=0)


@pytest.mark.parametrize("who", ["lee", "mina", "cleo"])
def test_summary_refused_to_all_but_opcc_staff(request, answered, who):
    with pytest.raises(PermissionDenied):
        services.evidence_summary_save(
            question=answered, by=request.getfixturevalue(who), text="A summary."
        )


def test_decision_names_the_previous_decision_on_the_topic(olu, answered, topic, force):
    earlier = ScrutinyMeetingFactory(
        force=force, topics=[topic], date=datetime.date(2024, 9, 25), status="evidence_received"
    )
    before = services.topic_decision_save(
        meeting=earlier,
        topic=topic,
        by=olu,
        level=AssuranceLevel.PARTLY_ASSURED,
        rationale="Plans in place.",
    )

    decision = services.topic_decision_save(
        meeting=answered.meeting,
        topic=topic,
        by=olu,
        level=AssuranceLevel.PARTLY_ASSURED,
        rationale="Improvement plans have yet to show impact.",
    )

    assert decision.previous == before
    assert presenters.since_previous(decision) == (
        "Since the previous update in September 2024, when the PCC was partly assured"
    )


def test_decision_recorded_by_the_commissioner(cleo, answered, topic):
    decision = services.topic_decision_save(
        meeting=answered.meeting, topic=topic, by=cleo, level="assured", rationale="Yes."
    )
    assert decision.recorded_by == cleo


def test_decision_without_a_rationale_is_refused(olu, answered, topic):
    with pytest.raises(ValidationError) as refused:
        services.topic_decision_save(
            meeting=answered.meeting, topic=topic, by=olu, level="assured", rationale="  "
        )
    assert refused.value.message_dict == {"rationale": [services.outcomes.NO_RATIONALE]}
    assert TopicDecision.objects.count() == 0


def test_decision_with_an_unknown_level_is_refused(olu, answered, topic):
    with pytest.raises(ValidationError):
        services.topic_decision_save(
            meeting=answered.meeting, topic=topic, by=olu, level="mostly", rationale="Hmm."
        )
    assert TopicDecision.objects.count() == 0


@pytest.mark.parametrize("who", ["lee", "mina", "eve"])
def test_decision_refused_to_others(request, answered, topic, who):
    with pytest.raises(PermissionDenied):
        services.topic_decision_save(
            meeting=answered.meeting,
            topic=topic,
            by=request.getfixturevalue(who),
            level="assured",
            rationale="Yes.",
        )


def test_other_area_added_and_changed(olu, scrutiny):
    area = services.other_area_save(meeting=scrutiny, by=olu, heading="FTR48", text="")
    changed = services.other_area_save(
        meeting=scrutiny, by=olu, heading="FTR48 recalls", area=area, version=area.version
    )
    assert (changed.heading, changed.version) == ("FTR48 recalls", 2)


def test_actions_are_numbered_panels_actions_addressed_to_the_force(olu, scrutiny, force):
    first = services.scrutiny_action_save(
        meeting=scrutiny, by=olu, description="A communications plan.", owner="Force and OPCC"
    )
    second = services.scrutiny_action_save(
        meeting=scrutiny, by=olu, description="A conversation on capacity.", owner="Force"
    )

    assert (first.number, second.number) == (1, 2)
    action = second.action
    assert (action.meeting, action.force, action.status) == (None, force, ActionStatus.OPEN)


def test_action_changed_from_an_old_form_is_refused(olu, scrutiny):
    link = services.scrutiny_action_save(
        meeting=scrutiny, by=olu, description="Plan.", owner="Force"
    )
    seen = services.action_fingerprint(link.action)
    services.scrutiny_action_save(
        meeting=scrutiny, by=olu, description="Plan, changed.", owner="Force", link=link, seen=seen
    )
    with pytest.raises(StaleEdit):
        services.scrutiny_action_save(
            meeting=scrutiny, by=olu, description="Mine.", owner="Force", link=link, seen=seen
        )


def test_follow_up_is_a_dated_item_on_the_topic(olu, scrutiny, topic):
    due = scrutiny.date + datetime.timedelta(days=182)
    follow_up = services.follow_up_add(
        meeting=scrutiny,
        topic=topic,
        by=olu,
        due_date=due,
        text="A further performance update in six months",
    )
    assert list(topic.follow_ups.all()) == [follow_up]


def test_follow_up_before_its_meeting_is_refused(olu, scrutiny, topic):
    with pytest.raises(ValidationError) as refused:
        services.follow_up_add(
            meeting=scrutiny,
            topic=topic,
            by=olu,
            due_date=scrutiny.date - datetime.timedelta(days=1),
            text="An update",
        )
    assert refused.value.message_dict == {
        "due_date": [
            f"The follow-up must be due on or after the meeting, {scrutiny.date:%-d %B %Y}"
        ]
    }
    assert FollowUp.objects.count() == 0


def test_a_new_action_is_emailed_to_the_forces_liaison(olu, lee, scrutiny, sent):
    from django.core import mail

    link = sent(
        services.scrutiny_action_save,
        meeting=scrutiny,
        by=olu,
        description="A communications plan.",
        owner="Force",
    )
    sent(
        services.scrutiny_action_save,
        meeting=scrutiny,
        by=olu,
        description="Changed.",
        owner="Force",
        link=link,
        seen=services.action_fingerprint(link.action),
    )

    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([lee.email], "An action is addressed to your force")
    ]
