"""The scrutiny meeting's workflow: planned → questions sent → evidence received → decided
→ closed, through core's one door, with a history row for every move. A closed meeting's
record can be reopened (back to decided) to correct it, with the reason in its history."""

from collections.abc import Callable

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.workflow import TransitionNotAllowed, transition

from .enums import ScrutinyMeetingStatus as Status
from .models import ScrutinyMeeting, ScrutinyMeetingStatusChange

SCRUTINY_TRANSITIONS: dict[str, set[str]] = {
    Status.PLANNED: {Status.QUESTIONS_SENT},
    # Evidence can be marked received by OPCC staff when the force answers by other means.
    Status.QUESTIONS_SENT: {Status.EVIDENCE_RECEIVED},
    # A further question sent while the evidence is in takes the meeting back to waiting.
    Status.EVIDENCE_RECEIVED: {Status.DECIDED, Status.QUESTIONS_SENT},
    # A decision can be reopened (a topic's decision corrected) until the meeting closes.
    Status.DECIDED: {Status.CLOSED, Status.EVIDENCE_RECEIVED},
    # Reopening the record, to fix what the notes' disclosure check found or to correct
    # published notes: only with a reason (scrutiny_meeting_reopen), never as a plain move.
    Status.CLOSED: {Status.DECIDED},
}

# Questions are drafted and sent until the Commissioner decides.
SENDING = {Status.PLANNED, Status.QUESTIONS_SENT, Status.EVIDENCE_RECEIVED}
# Once decided, the force's answers are part of the record the decision rests on.
ANSWERING = {Status.QUESTIONS_SENT, Status.EVIDENCE_RECEIVED}
# OPCC staff summarise and the Commissioner decides once the questions have gone.
DECIDING = {Status.QUESTIONS_SENT, Status.EVIDENCE_RECEIVED, Status.DECIDED}


# Why another part of the system cannot have a closed meeting's record reopened now (the
# notes waiting for approval, which must be approved as they will be published). Each
# gives the meeting and returns a refusal or None; registered at start-up by the app
# that knows, so this one imports none of them.
REOPEN_REFUSALS: list[Callable[[ScrutinyMeeting], str | None]] = []


def register_reopen_refusal(check: Callable[[ScrutinyMeeting], str | None]) -> None:
    if check not in REOPEN_REFUSALS:
        REOPEN_REFUSALS.append(check)


def unsummarised(meeting: ScrutinyMeeting) -> list[int]:
    """The numbers of the questions sent to the force with no summary of evidence yet."""
    missing = meeting.questions.filter(sent_at__isnull=False, evidence_summary__isnull=True)
    return list(missing.order_by("number").values_list("number", flat=True))


def listed_words(words: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(words) == 1:
        return words[0]
    return _("%(items)s and %(last)s") % {"items": ", ".join(words[:-1]), "last": words[-1]}


def unsummarised_refusal(numbers: list[int], doing: str) -> str:
    listed = listed_words([_("question %(number)s") % {"number": n} for n in numbers])
    return ngettext(
        "Write the summary of evidence on every question sent to the force before "
        "%(doing)s: %(listed)s has none.",
        "Write the summary of evidence on every question sent to the force before "
        "%(doing)s: %(listed)s have none.",
        len(numbers),
    ) % {"doing": doing, "listed": listed}


def _check_reopen(meeting: ScrutinyMeeting, note: str) -> None:
    if not note.strip():
        raise TransitionNotAllowed(_("Enter why the record is being reopened."))
    for check in REOPEN_REFUSALS:
        refusal = check(meeting)
        if refusal:
            raise TransitionNotAllowed(refusal)


def _check_preconditions(meeting: ScrutinyMeeting, to: str, note: str = "") -> None:
    if meeting.status == Status.CLOSED:
        _check_reopen(meeting, note)
    if to == Status.CLOSED:
        missing = unsummarised(meeting)
        if missing:
            raise TransitionNotAllowed(unsummarised_refusal(missing, _("closing the meeting")))
    if to == Status.QUESTIONS_SENT and not meeting.questions.exists():
        raise TransitionNotAllowed(_("Add a question before sending the questions to the force."))
    if to == Status.DECIDED:
        undecided = meeting.topics.exclude(decisions__meeting=meeting).count()
        if undecided:
            raise TransitionNotAllowed(
                _("Record the Commissioner's decision on every topic first: %(count)s to do.")
                % {"count": undecided}
            )


def scrutiny_meeting_transition(
    *, meeting: ScrutinyMeeting, to: str, by, note: str = ""
) -> ScrutinyMeeting:
    if to in SCRUTINY_TRANSITIONS.get(meeting.status, set()):
        _check_preconditions(meeting, to, note)
    return transition(
        obj=meeting,
        to=to,
        by=by,
        allowed=SCRUTINY_TRANSITIONS,
        history=ScrutinyMeetingStatusChange,
        subject_field="meeting",
        note=note,
        labels=dict(Status.choices),
    )
