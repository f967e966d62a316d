"""The force's liaison answers the questions sent to the force, with screened evidence."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from accountability import services
from accountability.enums import ScrutinyMeetingStatus as Status
from accountability.models import EvidenceDocument, QuestionAnswer
from core.models import AuditEntry, AuditEvent
from tests.cases import pdfs

from .factories import QuestionFactory

pytestmark = pytest.mark.django_db


def test_liaison_answers_and_the_meeting_moves_once_every_question_is_answered(
    lee, olu, sent_question, sent
):
    answer = sent(
        services.question_answer_save, question=sent_question, by=lee, text="  The answer. "
    )

    meeting = sent_question.meeting
    meeting.refresh_from_db()
    assert (answer.text, answer.submitted_by, answer.version) == ("The answer.", lee, 1)
    assert meeting.status == Status.EVIDENCE_RECEIVED
    assert [m.to for m in mail.outbox] == [[olu.email]]
    assert "answered question 1" in mail.outbox[0].subject


def test_the_meeting_waits_while_a_question_is_unanswered(lee, olu, question, topic, due):
    other = QuestionFactory(meeting=question.meeting, topic=topic, number=2)
    services.questions_send(meeting=question.meeting, by=olu, due_date=due)
    question.refresh_from_db()

    services.question_answer_save(question=question, by=lee, text="One answer.")

    other.meeting.refresh_from_db()
    assert other.meeting.status == Status.QUESTIONS_SENT


@pytest.mark.parametrize("who", ["kim", "olu", "mina", "cleo"])
def test_only_the_forces_liaison_may_answer(request, sent_question, who):
    with pytest.raises(PermissionDenied):
        services.question_answer_save(
            question=sent_question, by=request.getfixturevalue(who), text="An answer."
        )
    assert QuestionAnswer.objects.count() == 0


def test_a_draft_question_cannot_be_answered(lee, question):
    with pytest.raises(PermissionDenied):
        services.question_answer_save(question=question, by=lee, text="An answer.")


def test_a_blank_answer_is_refused(lee, sent_question):
    with pytest.raises(ValidationError) as refused:
        services.question_answer_save(question=sent_question, by=lee, text="   ")
    assert refused.value.message_dict == {"text": ["Enter the force's answer"]}


def test_answers_cannot_change_once_the_meeting_is_decided(lee, olu, answered, topic):
    meeting = answered.meeting
    services.topic_decision_save(
        meeting=meeting, topic=topic, by=olu, level="assured", rationale="Because."
    )
    services.scrutiny_meeting_move(meeting=meeting, by=olu, to=Status.DECIDED)

    with pytest.raises(ValidationError) as refused:
        services.question_answer_save(
            question=answered, by=lee, text="Changed.", version=answered.answer.version
        )
    assert "can no longer change" in refused.value.messages[0]
    assert QuestionAnswer.objects.get().text == "The force's answer."


def test_evidence_kept_with_the_answer(lee, answered, private_uploads):
    document = services.evidence_upload(
        answer=answered.answer, by=lee, title="Dashboard", chunks=[pdfs.text_pdf()]
    )

    assert (document.title, document.page_count, document.uploaded_by) == ("Dashboard", 1, lee)


def test_evidence_holding_personal_data_is_refused_naming_the_page(lee, answered, private_uploads):
    with pytest.raises(ValidationError) as refused:
        services.evidence_upload(
            answer=answered.answer, by=lee, title="Letter", chunks=[pdfs.phone_pdf()]
        )
    assert refused.value.message_dict["file"][0].startswith(
        "Page 2 of the selected PDF looks like it holds a phone number"
    )
    assert EvidenceDocument.objects.count() == 0
    assert AuditEntry.objects.filter(event=AuditEvent.REFUSED).count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (lambda: b"not a pdf at all", "The selected file must be a PDF"),
        (lambda: pdfs.javascript_pdf(), "contains JavaScript"),
        (lambda: pdfs.encrypted_pdf(), "encrypted or protected with a password"),
    ],
)
def test_evidence_goes_through_the_case_document_checks(
    lee, answered, private_uploads, content, message
):
    with pytest.raises(ValidationError) as refused:
        services.evidence_upload(
            answer=answered.answer, by=lee, title="Evidence", chunks=[content()]
        )
    assert message in refused.value.message_dict["file"][0]
    assert EvidenceDocument.objects.count() == 0


def test_the_same_evidence_twice_is_refused(lee, answered, private_uploads):
    services.evidence_upload(
        answer=answered.answer, by=lee, title="Dashboard", chunks=[pdfs.text_pdf()]
    )
    with pytest.raises(ValidationError) as refused:
        services.evidence_upload(
            answer=answered.answer, by=lee, title="Again", chunks=[pdfs.text_pdf()]
        )
    assert refused.value.message_dict == {
        "file": ["The selected PDF is already attached to this answer"]
    }


def test_evidence_from_another_forces_liaison_is_refused(kim, answered, private_uploads):
    with pytest.raises(PermissionDenied):
        services.evidence_upload(
            answer=answered.answer, by=kim, title="Dashboard", chunks=[pdfs.text_pdf()]
        )
