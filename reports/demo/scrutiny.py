"""The demo's Commissioner's scrutiny: the meeting of 24 September 2025 rebuilt through the
accountability services (8 questions sent to the force, its evidence summarised, the
Commissioner's decision naming the partly assured one of September 2024, other areas, three
actions and a follow-up in six months), then its notes drafted, approved by a second officer
and published on the public site. Each step is dated on a day around the meeting."""

import datetime

from django.db import transaction

from accountability.enums import AssuranceLevel
from accountability.enums import ScrutinyMeetingStatus as Status
from accountability.models import ScrutinyMeeting
from accountability.services import outcomes, planning
from cases.models import Force
from core.bilingual import publishing_in
from panels.demo import data
from panels.enums import ActionStatus
from panels.liaison.services import action_response_review, action_response_submit

from .. import disclosure, services
from ..accountability.services import notes_generate
from . import scrutiny_text as text
from .loader import _on

DAY = datetime.timedelta(days=1)


@transaction.atomic
def load_scrutiny(users: dict, *, publish: bool = True) -> int:
    """Rebuild the demo force's scrutiny meetings unless it has them; returns how many sets
    of notes were published (none when `publish` is off: the meeting is left closed, its
    notes for OPCC staff to write)."""
    force = Force.objects.filter(code=data.FORCE[0]).first()
    if force is None or ScrutinyMeeting.objects.filter(force=force).exists():
        return 0
    olu = users["olu"]
    with _on(text.EARLIER_DATE - 60 * DAY, hour=10):
        topic = planning.topic_create(by=olu, force=force, title=text.TOPIC)
    _meeting(force, topic, olu, text.EARLIER_DATE, text.EARLIER_QUESTIONS)
    earlier = _decide(
        topic, olu, text.EARLIER_DATE, AssuranceLevel.PARTLY_ASSURED, text.EARLIER_RATIONALE
    )
    with _on(text.EARLIER_DATE + 7 * DAY, hour=10):
        planning.scrutiny_meeting_move(meeting=earlier, by=olu, to=Status.CLOSED)
    meeting = _meeting(force, topic, olu, text.DATE, text.QUESTIONS)
    _outcomes(meeting, topic, olu)
    _answered(meeting, users)
    decided = _decide(topic, olu, text.DATE, AssuranceLevel.PARTLY_ASSURED, text.RATIONALE)
    with _on(text.DATE + 7 * DAY, hour=10):
        planning.scrutiny_meeting_move(meeting=decided, by=olu, to=Status.CLOSED)
    if not publish:
        return 0
    # The demo's meeting was recorded in English only, so its notes are published in
    # English whatever the deployment publishes in (as the demo's English-only reports).
    with publishing_in("en"):
        _publish(meeting, users)
    return 1


def _meeting(force, topic, by, day, questions) -> ScrutinyMeeting:
    """Planned two months ahead, questions sent a month ahead, answered in writing."""
    with _on(day - 60 * DAY, hour=10):
        meeting = planning.scrutiny_meeting_create(
            by=by, force=force, date=day, theme=text.THEME, topics=[topic]
        )
        for question, _summary in questions:
            planning.question_save(meeting=meeting, by=by, topic=topic, text=question)
    sent_on = day - 30 * DAY
    with _on(sent_on, hour=11):
        planning.questions_send(meeting=meeting, by=by, due_date=day - 14 * DAY, today=sent_on)
    # The force's written evidence came by email before the service was used for it.
    with _on(day - 14 * DAY, hour=9):
        planning.scrutiny_meeting_move(meeting=meeting, by=by, to=Status.EVIDENCE_RECEIVED)
    with _on(day - 7 * DAY, hour=14):
        for question, (_text, summary) in zip(
            meeting.questions.order_by("number"), questions, strict=True
        ):
            outcomes.evidence_summary_save(question=question, by=by, text=summary)
    return meeting


def _outcomes(meeting, topic, by) -> None:
    with _on(meeting.date, hour=16):
        for heading, words in text.OTHER_AREAS:
            outcomes.other_area_save(meeting=meeting, by=by, heading=heading, text=words)
        for description, owner, due in text.ACTIONS:
            outcomes.scrutiny_action_save(
                meeting=meeting, by=by, description=description, owner=owner, due_date=due
            )
        words, due = text.FOLLOW_UP
        outcomes.follow_up_add(meeting=meeting, topic=topic, by=by, due_date=due, text=words)


def _answered(meeting, users) -> None:
    """Lee has answered each of the meeting's actions, and OPCC staff approved the answers,
    so the published notes carry the force's responses and none is overdue unanswered."""
    for scrutiny_action in meeting.actions.select_related("action").order_by("number"):
        with _on(meeting.date + 10 * DAY, hour=14):
            response = action_response_submit(
                action=scrutiny_action.action,
                by=users[data.LIAISONS[0]],
                text=text.ACTION_RESPONSES[scrutiny_action.number - 1],
                proposed_status=ActionStatus.IN_PROGRESS,
            )
        with _on(meeting.date + 11 * DAY, hour=9):
            action_response_review(response=response, by=users["olu"], approve=True, version=0)


def _decide(topic, by, day, level, rationale) -> ScrutinyMeeting:
    meeting = ScrutinyMeeting.objects.get(force=topic.force, date=day)
    with _on(day + DAY, hour=10):
        outcomes.topic_decision_save(
            meeting=meeting, topic=topic, by=by, level=level, rationale=rationale
        )
        return planning.scrutiny_meeting_move(meeting=meeting, by=by, to=Status.DECIDED)


def _publish(meeting, users) -> None:
    olu, nia = users["olu"], users["nia"]
    with _on(meeting.date + 14 * DAY, hour=10):
        notes = notes_generate(meeting=ScrutinyMeeting.objects.get(pk=meeting.pk), by=olu)
        for finding in disclosure.check(notes):
            services.disclosure_accept(
                report=notes,
                fingerprint=finding.fingerprint,
                reason="Checked before publication: not personal data.",
                by=olu,
            )
        services.report_submit(report=notes, by=olu)
    with _on(meeting.date + 16 * DAY, hour=11):
        services.report_approve(report=notes, by=nia)
    with _on(meeting.date + 21 * DAY, hour=9):
        services.report_publish(report=notes, by=olu)
