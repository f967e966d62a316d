"""What the accountability pages show of the rows: status and assurance tags, the
sentence naming the previous decision, and what waits on each question."""

import datetime
from dataclasses import dataclass

from .enums import AssuranceLevel, ScrutinyMeetingStatus
from .workflow import SCRUTINY_TRANSITIONS

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
    ScrutinyMeetingStatus.EVIDENCE_RECEIVED: "Mark the evidence as received",
    ScrutinyMeetingStatus.DECIDED: "Mark the meeting as decided",
    ScrutinyMeetingStatus.CLOSED: "Close the meeting",
}


@dataclass(frozen=True)
class Tag:
    text: str
    colour: str


def status_tag(meeting) -> Tag:
    return Tag(meeting.get_status_display(), STATUS_TAGS[meeting.status])


def level_tag(level: str | None) -> Tag | None:
    if not level:
        return None
    return Tag(AssuranceLevel(level).label, LEVEL_TAGS[level])


def decision_tag(decision) -> Tag | None:
    return level_tag(decision.level) if decision is not None else None


def since_previous(decision) -> str:
    """ "Since the previous update in September 2024, when the PCC was partly assured", or
    "" for a topic's first decision."""
    previous = decision.previous
    if previous is None:
        return ""
    level = previous.get_level_display().lower()
    return f"Since the previous update in {previous.meeting.date:%B %Y}, when the PCC was {level}"


def question_state(question) -> Tag:
    """Where a question stands, as OPCC staff follow it."""
    if question.sent_at is None:
        return Tag("Draft", "govuk-tag--grey")
    if getattr(question, "answer", None) is None:
        return Tag("Waiting for the force", "govuk-tag--blue")
    if getattr(question, "evidence_summary", None) is None:
        return Tag("Answered: summarise", "govuk-tag--yellow")
    return Tag("Summarised", "govuk-tag--green")


def answer_state(question, *, today) -> Tag:
    """Where a question stands, as the force's liaison follows it."""
    if getattr(question, "answer", None) is not None:
        return Tag("Answered", "govuk-tag--green")
    if question.due_date and question.due_date < today:
        return Tag("Overdue", "govuk-tag--red")
    return Tag("To answer", "govuk-tag--blue")


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
            (to, "Reopen the decisions" if to == ScrutinyMeetingStatus.EVIDENCE_RECEIVED else w)
            for to, w in moves
        ]
    return moves


def follow_up_tag(follow_up, *, today: datetime.date) -> tuple[str, str] | None:
    """(words, GOV.UK tag colour) for a follow-up's state (`met_on` from
    follow_up_states.with_state), or None while it is simply due."""
    met_on = getattr(follow_up, "met_on", None)
    if met_on:
        return f"Met at the meeting of {met_on:%-d %B %Y}", "green"
    if follow_up.due_date < today:
        return "Overdue", "red"
    return None
