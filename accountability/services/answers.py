"""The force's side: its liaison answers a question sent to the force, with evidence as
redacted PDFs checked and screened exactly as case documents are, by the helper the
force's responses to actions use too (cases.documents.evidence)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.documents import evidence
from core.stale import check_version

from ..enums import ScrutinyMeetingStatus as Status
from ..models import EvidenceDocument, Question, QuestionAnswer
from ..notifications import answer_received_notify
from ..workflow import ANSWERING, scrutiny_meeting_transition
from .common import locked_meeting, require, required_text, saved

NOT_ANSWERING = gettext_lazy(
    "The Commissioner's decision on this meeting has been made, so its answers can no "
    "longer change."
)


def question_answer_save(*, question: Question, by, text: str, version: int = 0) -> QuestionAnswer:
    """Give or change the force's answer to a question sent to it. When every question
    sent for the meeting has an answer, the meeting moves to "evidence received"."""
    require(by, "accountability.answer_question", question)
    text = required_text(text, field="text", message=_("Enter the force's answer"))
    with transaction.atomic():
        meeting = locked_meeting(question.meeting)
        if meeting.status not in ANSWERING:
            raise ValidationError(NOT_ANSWERING)
        answer = QuestionAnswer.objects.select_for_update().filter(question=question).first()
        check_version(answer, version)
        first = answer is None
        answer = answer or QuestionAnswer(question=question)
        answer.version = 1 if first else answer.version + 1
        answer.text, answer.submitted_by, answer.submitted_at = text, by, timezone.now()
        saved(answer)
        _evidence_complete(meeting, by)
        answer_received_notify(answer=answer, first=first)
    return answer


def _evidence_complete(meeting, by) -> None:
    waiting = meeting.questions.filter(sent_at__isnull=False, answer__isnull=True)
    if meeting.status == Status.QUESTIONS_SENT and not waiting.exists():
        scrutiny_meeting_transition(
            meeting=meeting, to=Status.EVIDENCE_RECEIVED, by=by, note="Every question answered."
        )


def evidence_upload(*, answer: QuestionAnswer, by, title: str, chunks) -> EvidenceDocument:
    """Keep a PDF with the force's answer if it passes every check a case document must,
    and holds no personal data: the force sends evidence already redacted, so a PDF the
    screen finds personal data in is refused, saying on which page and what kind."""
    require(by, "accountability.answer_question", answer.question)
    title = required_text(title, field="title", message=_("Enter the document's title"))
    evidence.title_check(title)
    kept = evidence.evidence_keep(chunks=chunks, about=answer, by=by, field="file")
    try:
        return _keep(answer, by, title, kept)
    except BaseException:
        evidence.evidence_discard(kept)
        raise


def _keep(answer, by, title, kept: evidence.KeptEvidence) -> EvidenceDocument:
    with transaction.atomic():
        meeting = locked_meeting(answer.question.meeting)
        if meeting.status not in ANSWERING:
            raise ValidationError(NOT_ANSWERING)
        if answer.documents.filter(sha256=kept.sha256).exists():
            raise ValidationError(
                {"file": _("The selected PDF is already attached to this answer")}
            )
        return saved(
            EvidenceDocument(
                answer=answer,
                title=title,
                stored_name=kept.stored_name,
                sha256=kept.sha256,
                size=kept.size,
                page_count=kept.page_count,
                uploaded_by=by,
            )
        )
