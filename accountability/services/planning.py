"""Planning a scrutiny meeting: topics, the meeting, its questions, sending them to the
force, and moving the meeting on."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cases.models import Force
from core.bilingual import english
from core.stale import check_version, lock_at_version

from ..enums import ScrutinyMeetingStatus as Status
from ..models import EvidenceSummary, Question, ScrutinyMeeting, Topic, TopicDecision
from ..notifications import questions_sent_notify
from ..workflow import SENDING, listed_words, scrutiny_meeting_transition
from .common import locked_meeting, refuse_if_closed, require, required_text, saved, set_welsh


def topic_create(*, by, force: Force, title: str, title_cy: str | None = None) -> Topic:
    require(by, "accountability.manage")
    title = required_text(title, field="title", message=_("Enter the topic's title"))
    with english():
        if Topic.objects.filter(force=force, title__iexact=title).exists():
            raise ValidationError({"title": _("There is already a topic with this title")})
    _check_welsh_title_free(force, title_cy)
    with transaction.atomic(), english():
        topic = Topic(force=force, title=title)
        set_welsh(topic, title_cy=title_cy)
        return saved(topic)


def topic_welsh_save(*, topic: Topic, by, title_cy: str, version: int) -> Topic:
    """Give a topic the Welsh of its title, or change it: the English title is final (the
    published notes and the decisions' history name it), its Welsh is not."""
    require(by, "accountability.manage")
    with transaction.atomic(), english():
        locked = lock_at_version(Topic.objects, pk=topic.pk, seen=version)
        _check_welsh_title_free(locked.force, title_cy, exclude=locked.pk)
        set_welsh(locked, title_cy=title_cy)
        locked.version += 1
        return saved(locked)


def _check_welsh_title_free(force: Force, title_cy: str | None, exclude: int | None = None):
    title_cy = (title_cy or "").strip()
    others = Topic.objects.filter(force=force, title_cy__iexact=title_cy).exclude(pk=exclude)
    if title_cy and others.exists():
        raise ValidationError({"title_cy": _("There is already a topic with this Welsh title")})


def scrutiny_meeting_create(
    *, by, force: Force, date: datetime.date, theme: str, topics, theme_cy: str | None = None
) -> ScrutinyMeeting:
    require(by, "accountability.manage")
    topics = _checked_topics(force, topics)
    _check_date_free(force, date)
    with transaction.atomic(), english():
        meeting = ScrutinyMeeting(force=force, date=date, theme=(theme or "").strip())
        set_welsh(meeting, theme_cy=theme_cy)
        meeting = saved(meeting)
        meeting.topics.set(topics)
    return meeting


def scrutiny_meeting_update(
    *,
    meeting: ScrutinyMeeting,
    by,
    version: int,
    date: datetime.date,
    theme: str,
    topics,
    theme_cy: str | None = None,
) -> ScrutinyMeeting:
    """Change the meeting's date, theme and topics. A topic that has questions or a
    decision at this meeting cannot be taken off it. The date keeps the order of the
    decisions on a topic, which each name the one before them by meeting date: it is
    fixed once a decision is recorded here, and cannot move past a meeting with a
    decision on one of this meeting's topics."""
    require(by, "accountability.manage")
    with transaction.atomic(), english():
        locked = lock_at_version(ScrutinyMeeting.objects, pk=meeting.pk, seen=version)
        refuse_if_closed(locked)
        topics = _checked_topics(locked.force, topics)
        _check_date_free(locked.force, date, exclude=locked.pk)
        if date != locked.date:
            _check_date_movable(locked, date, topics)
        _check_topics_removable(locked, topics)
        locked.date, locked.theme = date, (theme or "").strip()
        set_welsh(locked, theme_cy=theme_cy)
        locked.version += 1
        saved(locked)
        locked.topics.set(topics)
    return locked


def _checked_topics(force: Force, topics) -> list[Topic]:
    topics = list(topics)
    if not topics:
        raise ValidationError({"topics": _("Select at least one topic")})
    if any(topic.force_id != force.pk for topic in topics):
        raise ValidationError({"topics": _("Select topics of this meeting's force")})
    return topics


def _check_date_free(force: Force, date, exclude: int | None = None) -> None:
    taken = ScrutinyMeeting.objects.filter(force=force, date=date).exclude(pk=exclude)
    if taken.exists():
        raise ValidationError({"date": _("There is already a scrutiny meeting on this date")})


def _check_date_movable(meeting: ScrutinyMeeting, date: datetime.date, topics) -> None:
    if meeting.decisions.exists():
        raise ValidationError(
            {
                "date": "The Commissioner's decision is recorded at this meeting, so its date "
                f"stays {meeting.date:%-d %B %Y}: each decision names the one before it by "
                "the date of its meeting"
            }
        )
    low, high = sorted([meeting.date, date])
    passed = (
        TopicDecision.objects.filter(
            meeting__force=meeting.force,
            topic__in=topics,
            meeting__date__gte=low,
            meeting__date__lte=high,
        )
        .exclude(meeting=meeting)
        .select_related("meeting", "topic")
        .order_by("meeting__date", "pk")
        .first()
    )
    if passed is not None:
        raise ValidationError(
            {
                "date": _(
                    "The meeting cannot move past the meeting of %(date)s, which has the "
                    "Commissioner's decision on “%(topic)s”: decisions on a topic keep the "
                    "order they were made in. Choose a date on the same side of %(date)s"
                )
                % {"date": date_format(passed.meeting.date, "j F Y"), "topic": passed.topic.title}
            }
        )


def _check_topics_removable(meeting: ScrutinyMeeting, topics: list[Topic]) -> None:
    kept = {topic.pk for topic in topics}
    used = set(meeting.questions.values_list("topic_id", flat=True)) | set(
        meeting.decisions.values_list("topic_id", flat=True)
    )
    if used - kept:
        raise ValidationError(
            {"topics": _("A topic with questions or a decision at this meeting must stay on it")}
        )


def question_save(
    *,
    meeting: ScrutinyMeeting,
    by,
    topic: Topic,
    text: str,
    due_date: datetime.date | None = None,
    question: Question | None = None,
    version: int = 0,
    today: datetime.date | None = None,
    text_cy: str | None = None,
) -> Question:
    """Draft a question on one of the meeting's topics, or change a draft. A question
    already sent to the force is not changed: the force answers what it was sent. Its
    own due date cannot be before `today` (the day it is written; a meeting recorded
    after the fact, as the demo's is, gives the day it was really written)."""
    require(by, "accountability.manage")
    text = required_text(text, field="text", message=_("Enter the question"))
    today = today or timezone.localdate()
    with transaction.atomic(), english():
        locked = locked_meeting(meeting)
        refuse_if_closed(locked)
        _refuse_unless_sending(locked)
        if not locked.topics.filter(pk=topic.pk).exists():
            raise ValidationError({"topic": _("Select one of this meeting's topics")})
        _check_due_date(due_date, locked)
        if question is None:
            question = Question(meeting=locked, number=_next_number(locked))
        else:
            question = Question.objects.select_for_update().get(pk=question.pk)
            check_version(question, version)
            if question.sent_at is not None:
                raise ValidationError(
                    _("This question has been sent to the force, so it is final.")
                )
            question.version += 1
        if due_date is not None and due_date < today:
            raise ValidationError({"due_date": _past_due(today)})
        question.topic, question.text, question.due_date = topic, text, due_date
        set_welsh(question, text_cy=text_cy)
        return saved(question)


def question_welsh_save(*, question: Question, by, text_cy: str, version: int) -> Question:
    """Give a question the Welsh of its text, or change it, sent or not, until the meeting
    closes: the force answers the English it was sent, which stays as it is, and the
    notes published in Welsh need the Welsh (docs/welsh.md)."""
    require(by, "accountability.manage")
    with transaction.atomic(), english():
        refuse_if_closed(locked_meeting(question.meeting))
        locked = lock_at_version(Question.objects, pk=question.pk, seen=version)
        set_welsh(locked, text_cy=text_cy)
        locked.version += 1
        return saved(locked)


DECIDED = gettext_lazy(
    "The Commissioner's decision on this meeting has been made, so no further question can "
    "be sent to the force. Reopen the decisions to send one."
)


def _refuse_unless_sending(meeting: ScrutinyMeeting) -> None:
    if meeting.status not in SENDING:
        raise ValidationError(DECIDED)


def question_remove(*, question: Question, by, version: int) -> ScrutinyMeeting:
    """Remove a draft the force was never sent; the drafts numbered after it move up one,
    so the questions stay numbered without a gap (every sent question is numbered before
    every draft: sending sends them all). The audit trail records the removal, as it
    does every change to a question."""
    require(by, "accountability.manage")
    with transaction.atomic():
        locked = locked_meeting(question.meeting)
        refuse_if_closed(locked)
        draft = Question.objects.select_for_update().filter(pk=question.pk).first()
        if draft is None:
            raise ValidationError(_("This draft has already been removed."))
        check_version(draft, version)
        if draft.sent_at is not None:
            raise ValidationError(
                _("This question has been sent to the force, so it stays on the record.")
            )
        number = draft.number
        # A summary written on a draft summarises nothing the force was asked.
        EvidenceSummary.objects.filter(question=draft).delete()
        draft.delete()
        later = locked.questions.select_for_update().filter(number__gt=number)
        for moved in later.order_by("number"):
            moved.number -= 1
            moved.save(update_fields=["number"])
    return locked


def _next_number(meeting: ScrutinyMeeting) -> int:
    numbers = meeting.questions.values_list("number", flat=True)
    return max(numbers, default=0) + 1


def _check_due_date(due_date, meeting: ScrutinyMeeting) -> None:
    if due_date is not None and due_date > meeting.date:
        raise ValidationError(
            {"due_date": _("The answer must be due on or before the meeting date")}
        )


def _past_due(today: datetime.date) -> str:
    return _(
        "The answer cannot be due before today, %(today)s: enter today or a later "
        "date, or leave it blank to use the date given when the questions are sent"
    ) % {"today": date_format(today, "j F Y")}


def _refuse_overdue(unsent: list[Question], today: datetime.date) -> None:
    """Nothing is sent while a question to be sent has its own due date before today:
    the force would be late before it had the question."""
    late = [q for q in unsent if q.due_date is not None and q.due_date < today]
    if not late:
        return
    named = [
        _("question %(number)s (due %(date)s)")
        % {"number": q.number, "date": date_format(q.due_date, "j F Y")}
        for q in late
    ]
    listed = listed_words(named)
    raise ValidationError(
        ngettext(
            "Nothing was sent: %(listed)s is due before today, %(today)s. Change its due "
            "date to today or later, or leave it blank to use the date given here",
            "Nothing was sent: %(listed)s are due before today, %(today)s. Change their due "
            "dates to today or later, or leave them blank to use the date given here",
            len(late),
        )
        % {"listed": listed[0].upper() + listed[1:], "today": date_format(today, "j F Y")}
    )


def questions_send(
    *, meeting: ScrutinyMeeting, by, due_date: datetime.date, today: datetime.date | None = None
) -> list[Question]:
    """Send every question not yet sent to the force, due on `due_date` (unless a question
    has its own date), and email the force's liaisons. The first sending moves the
    meeting to "questions sent". All or nothing: while any question to be sent has its
    own due date before today, none is sent."""
    require(by, "accountability.manage")
    today = today or timezone.localdate()
    if due_date < today:
        raise ValidationError({"due_date": _("The due date must be today or in the future")})
    with transaction.atomic():
        locked = locked_meeting(meeting)
        _check_due_date(due_date, locked)
        _refuse_unless_sending(locked)
        unsent = list(locked.questions.select_for_update().filter(sent_at__isnull=True))
        if not unsent:
            raise ValidationError(_("There are no questions to send: add one first."))
        _refuse_overdue(unsent, today)
        now = timezone.now()
        for question in unsent:
            question.sent_at = now
            question.due_date = question.due_date or due_date
        Question.objects.bulk_update(unsent, ["sent_at", "due_date"])
        if locked.status == Status.PLANNED:
            scrutiny_meeting_transition(meeting=locked, to=Status.QUESTIONS_SENT, by=by)
        elif locked.status == Status.EVIDENCE_RECEIVED:
            scrutiny_meeting_transition(
                meeting=locked,
                to=Status.QUESTIONS_SENT,
                by=by,
                note=f"Further question{'s' if len(unsent) != 1 else ''} sent to the force.",
            )
        questions_sent_notify(meeting=locked, questions=unsent)
    return unsent


def scrutiny_meeting_move(*, meeting: ScrutinyMeeting, by, to: str) -> ScrutinyMeeting:
    """Move the meeting on by hand: evidence received, decided, closed (sending the
    questions goes through `questions_send`)."""
    require(
        by, "accountability.manage" if to != Status.DECIDED else "accountability.record_decision"
    )
    if to == Status.QUESTIONS_SENT:
        raise ValidationError(_("Send the questions to the force to move the meeting on."))
    return scrutiny_meeting_transition(meeting=meeting, to=to, by=by)
