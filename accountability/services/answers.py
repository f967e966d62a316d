"""The force's side: its liaison answers a question sent to the force, with evidence as
redacted PDFs checked and screened exactly as case documents are (cases/documents)."""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cases import privacy
from cases.documents import checks, storage
from cases.enums import PrivacyKind
from core.audit import AuditEvent, record
from core.stale import check_version

from ..enums import ScrutinyMeetingStatus as Status
from ..models import EvidenceDocument, Question, QuestionAnswer
from ..notifications import answer_received_notify
from ..workflow import ANSWERING, scrutiny_meeting_transition
from .common import locked_meeting, require, required_text, saved

NOT_ANSWERING = (
    "The Commissioner's decision on this meeting has been made, so its answers can no "
    "longer change."
)


def question_answer_save(*, question: Question, by, text: str, version: int = 0) -> QuestionAnswer:
    """Give or change the force's answer to a question sent to it. When every question
    sent for the meeting has an answer, the meeting moves to "evidence received"."""
    require(by, "accountability.answer_question", question)
    text = required_text(text, field="text", message="Enter the force's answer")
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
    title = required_text(title, field="title", message="Enter the document's title")
    _check_title(title)
    try:
        stored_name, sha256, size = storage.store(chunks)
    except storage.StoreError as error:
        raise ValidationError({"file": error.message}) from None
    try:
        checked = checks.check_pdf(storage.root() / stored_name)
        _check_redacted(checked.pages)
        storage.share(stored_name)
        return _keep(answer, by, title, stored_name, sha256, size, checked.page_count)
    except (checks.DocumentRefused, storage.StoreError) as refusal:
        storage.delete(stored_name)
        record(AuditEvent.REFUSED, answer, actor=by, summary=f"Evidence refused: {refusal.message}")
        raise ValidationError({"file": refusal.message}) from None
    except BaseException:
        storage.delete(stored_name)
        raise


def _check_title(title: str) -> None:
    found = sorted(privacy.kinds(title))
    if found:
        what = PrivacyKind(found[0]).label.lower()
        raise ValidationError(
            {"title": f"Enter a title without personal data: this one looks like it holds a {what}"}
        )


def _check_redacted(pages: list[str]) -> None:
    for number, text in enumerate(pages, start=1):
        counts = Counter(kind for kind, _start, _end in privacy.scan(text))
        if counts:
            what = PrivacyKind(sorted(counts)[0]).label.lower()
            raise checks.DocumentRefused(
                f"Page {number} of the selected PDF looks like it holds a {what}. Redact "
                "personal data from the evidence and upload it again"
            )


def _keep(answer, by, title, stored_name, sha256, size, page_count) -> EvidenceDocument:
    with transaction.atomic():
        meeting = locked_meeting(answer.question.meeting)
        if meeting.status not in ANSWERING:
            raise ValidationError(NOT_ANSWERING)
        if answer.documents.filter(sha256=sha256).exists():
            raise ValidationError({"file": "The selected PDF is already attached to this answer"})
        return saved(
            EvidenceDocument(
                answer=answer,
                title=title,
                stored_name=stored_name,
                sha256=sha256,
                size=size,
                page_count=page_count,
                uploaded_by=by,
            )
        )
