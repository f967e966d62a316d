"""What the accountability pages show of the rows: status and assurance tags, the
sentence naming the previous decision, and what waits on each question."""

import datetime
from dataclasses import dataclass

from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .enums import AssuranceLevel, ScrutinyMeetingStatus
from .workflow import ANSWERING, SCRUTINY_TRANSITIONS, SENDING

STATUS_TAGS = {
    ScrutinyMeetingStatus.PLANNED: "govuk-tag--grey",
    ScrutinyMeetingStatus.QUESTIONS_SENT: "govuk-tag--blue",
    ScrutinyMeetingStatus.EVIDENCE_RECEIVED: "govuk-tag--light-blue",
    ScrutinyMeetingStatus.DECIDED: "govuk-tag--purple",
    ScrutinyMeetingStatus.CLOSED: "govuk-tag--green",
}
LEVEL_TAGS = {
    AssuranceLevel.ASSURED: "govuk-tag--green",
    AssuranceLevel.PARTLY_ASSURED: "govuk-tag--yellow",
    AssuranceLevel.NOT_ASSURED: "govuk-tag--red",
}
# The moves OPCC staff make by hand, with the words of their buttons.
MOVES = {
    ScrutinyMeetingStatus.EVIDENCE_RECEIVED: gettext_lazy("Mark the evidence as received"),
    ScrutinyMeetingStatus.DECIDED: gettext_lazy("Mark the meeting as decided"),
    ScrutinyMeetingStatus.CLOSED: gettext_lazy("Close the meeting"),
}


@dataclass(frozen=True)
class Tag:
    text: str
    colour: str


def status_tag(meeting) -> Tag:
    return Tag(_(meeting.get_status_display()), STATUS_TAGS[meeting.status])


def level_tag(level: str | None) -> Tag | None:
    if not level:
        return None
    return Tag(_(AssuranceLevel(level).label), LEVEL_TAGS[level])


def decision_tag(decision) -> Tag | None:
    return level_tag(decision.level) if decision is not None else None


def since_previous(decision) -> str:
    """ "Since the previous update in September 2024, when the PCC was partly assured", or
    "" for a topic's first decision."""
    previous = decision.previous
    if previous is None:
        return ""
    level = _(previous.get_level_display()).lower()
    return _("Since the previous update in %(month)s, when the PCC was %(level)s") % {
        "month": date_format(previous.meeting.date, "F Y"),
        "level": level,
    }


# A question the force did not answer before the Commissioner decided: not late, not waiting.
NOT_ANSWERED = Tag(gettext_lazy("Not answered in the service"), "govuk-tag--grey")


def taking_answers(question) -> bool:
    """The force may still answer: its meeting is waiting for, or taking in, the evidence."""
    return question.meeting.status in ANSWERING


def question_state(question) -> Tag:
    """Where a question stands, as OPCC staff follow it. Once the meeting is decided, a
    question never sent or never answered says so, and waits for nothing."""
    status = question.meeting.status
    if question.sent_at is None:
        return Tag(_("Draft") if status in SENDING else _("Not sent"), "govuk-tag--grey")
    if getattr(question, "answer", None) is None:
        if taking_answers(question):
            return Tag(_("Waiting for the force"), "govuk-tag--blue")
        return NOT_ANSWERED
    if getattr(question, "evidence_summary", None) is None:
        if status == ScrutinyMeetingStatus.CLOSED:
            return Tag(_("Answered: not summarised"), "govuk-tag--grey")
        return Tag(_("Answered: summarise"), "govuk-tag--yellow")
    return Tag(_("Summarised"), "govuk-tag--green")


def answer_state(question, *, today) -> Tag:
    """Where a question stands, as the force's liaison follows it: overdue only while the
    force may still answer."""
    if getattr(question, "answer", None) is not None:
        return Tag(_("Answered"), "govuk-tag--green")
    if not taking_answers(question):
        return NOT_ANSWERED
    if question.due_date and question.due_date < today:
        return Tag(_("Overdue"), "govuk-tag--red")
    return Tag(_("To answer"), "govuk-tag--blue")


@dataclass(frozen=True)
class ForceQuestions:
    """The liaison's questions: those of meetings still taking answers, and past ones."""

    open: list
    past: list
    to_answer: int


def force_questions(questions, *, today) -> ForceQuestions:
    """Rows of (question, state), split as the home page counts them: a question is still
    to answer while its meeting takes answers and the force has not answered it."""
    open_rows, past_rows = [], []
    for question in questions:
        rows = open_rows if taking_answers(question) else past_rows
        rows.append((question, answer_state(question, today=today)))
    waiting = sum(1 for q, _ in open_rows if getattr(q, "answer", None) is None)
    return ForceQuestions(open=open_rows, past=past_rows, to_answer=waiting)


def moves_from(meeting) -> list[tuple[str, str]]:
    """(status, button words) for the hand moves the meeting's status allows now. Reopening
    a closed meeting's record is not one: it has a page of its own, for the reason."""
    if meeting.status == ScrutinyMeetingStatus.CLOSED:
        return []
    allowed = SCRUTINY_TRANSITIONS.get(meeting.status, set())
    moves = [(to, words) for to, words in MOVES.items() if to in allowed]
    if meeting.status == ScrutinyMeetingStatus.DECIDED:
        # Back to evidence received is how a decision is corrected before closing.
        moves = [
            (to, _("Reopen the decisions") if to == ScrutinyMeetingStatus.EVIDENCE_RECEIVED else w)
            for to, w in moves
        ]
    return moves


def follow_up_tag(follow_up, *, today: datetime.date) -> tuple[str, str] | None:
    """(words, GOV.UK tag colour) for a follow-up's state (`met_on` from
    follow_up_states.with_state), or None while it is simply due."""
    met_on = getattr(follow_up, "met_on", None)
    if met_on:
        return _("Met at the meeting of %(date)s") % {"date": date_format(met_on, "j F Y")}, "green"
    if follow_up.due_date < today:
        return _("Overdue"), "red"
    return None


def no_liaison_warning(force) -> str:
    """Said where work is about to go to a force nobody can answer for."""
    return _(
        "Nobody will be emailed: %(force)s has no active force liaison, so nobody can "
        "answer in the service yet."
    ) % {"force": force.name}


def no_liaison_sent(force) -> str:
    """Added to the success message when the work went to a force with no liaison."""
    return " " + _("Nobody was emailed: %(force)s has no active force liaison.") % {
        "force": force.name
    }


def not_removable(question) -> str:
    """Why a question cannot be removed, or "" for a draft of a meeting not closed."""
    if question.sent_at is not None:
        return _("This question has been sent to the force, so it stays on the record.")
    if question.meeting.status == ScrutinyMeetingStatus.CLOSED:
        return _("This meeting is closed, so its record can no longer change.")
    return ""
