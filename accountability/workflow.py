"""The scrutiny meeting's workflow: planned → questions sent → evidence received → decided
→ closed, through core's one door, with a history row for every move."""

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
    Status.CLOSED: set(),
}

# Questions are drafted and sent until the Commissioner decides.
SENDING = {Status.PLANNED, Status.QUESTIONS_SENT, Status.EVIDENCE_RECEIVED}
# Once decided, the force's answers are part of the record the decision rests on.
ANSWERING = {Status.QUESTIONS_SENT, Status.EVIDENCE_RECEIVED}
# OPCC staff summarise and the Commissioner decides once the questions have gone.
DECIDING = {Status.QUESTIONS_SENT, Status.EVIDENCE_RECEIVED, Status.DECIDED}


def _check_preconditions(meeting: ScrutinyMeeting, to: str) -> None:
    if to == Status.QUESTIONS_SENT and not meeting.questions.exists():
        raise TransitionNotAllowed("Add a question before sending the questions to the force.")
    if to == Status.DECIDED:
        undecided = meeting.topics.exclude(decisions__meeting=meeting).count()
        if undecided:
            raise TransitionNotAllowed(
                f"Record the Commissioner's decision on every topic first: {undecided} to do."
            )


def scrutiny_meeting_transition(
    *, meeting: ScrutinyMeeting, to: str, by, note: str = ""
) -> ScrutinyMeeting:
    if to in SCRUTINY_TRANSITIONS.get(meeting.status, set()):
        _check_preconditions(meeting, to)
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
