"""A further question once the force's evidence is in: sent, it takes the meeting back to
"questions sent"; once decided, none is offered. A draft never sent can be removed."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accountability import services
from accountability.enums import ScrutinyMeetingStatus as Status
from accountability.models import Question
from core.models import AuditEntry, AuditEvent

from .factories import QuestionFactory
from .pages import error_page, signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db


def meeting_page(client, user, meeting) -> str:
    client.force_login(user)
    return client.get(reverse("accountability:meeting_detail", args=[meeting.pk])).content.decode()


def remove(question) -> str:
    return reverse("accountability:question_remove", args=[question.pk])


def decide(meeting, olu, topic) -> None:
    services.topic_decision_save(
        meeting=meeting, topic=topic, by=olu, level="assured", rationale="Because."
    )
    services.scrutiny_meeting_move(meeting=meeting, by=olu, to=Status.DECIDED)


def test_a_further_question_is_sent_once_the_evidence_is_in(olu, topic, answered, due, sent):
    meeting = answered.meeting
    assert meeting.status == Status.EVIDENCE_RECEIVED
    services.question_save(meeting=meeting, by=olu, topic=topic, text="And the victims?")

    questions = services.questions_send(meeting=meeting, by=olu, due_date=due)

    meeting.refresh_from_db()
    assert [q.number for q in questions] == [2]
    assert meeting.status == Status.QUESTIONS_SENT
    last = meeting.status_history.order_by("changed_at", "pk").last()
    assert (last.from_status, last.to_status) == (Status.EVIDENCE_RECEIVED, Status.QUESTIONS_SENT)
    assert last.note == "Further question sent to the force."


def test_the_meeting_page_offers_a_further_question_while_taking_evidence(client, olu, answered):
    page = meeting_page(client, olu, answered.meeting)

    assert reverse("accountability:question_add", args=[answered.meeting.pk]) in page
    assert "A further question sent now takes the meeting back" in page


def test_once_decided_no_question_is_offered_or_saved(client, olu, topic, answered):
    meeting = answered.meeting
    decide(meeting, olu, topic)

    page = meeting_page(client, olu, meeting)
    with pytest.raises(ValidationError) as refused:
        services.question_save(meeting=meeting, by=olu, topic=topic, text="Too late?")

    assert reverse("accountability:question_add", args=[meeting.pk]) not in page
    assert reverse("accountability:questions_send", args=[meeting.pk]) not in page
    assert "no further question can be sent" in page
    assert refused.value.messages[0].startswith("The Commissioner's decision on this meeting")
    assert Question.objects.count() == 1


def test_send_is_offered_only_with_a_draft_to_send(client, olu, topic, sent_question):
    meeting = sent_question.meeting
    send = reverse("accountability:questions_send", args=[meeting.pk])
    assert send not in meeting_page(client, olu, meeting)

    QuestionFactory(meeting=meeting, topic=topic, number=2)

    assert send in meeting_page(client, olu, meeting)


# --- removing a draft ------------------------------------------------------------------


def test_remove_signed_out_goes_to_sign_in(client, question):
    signed_out_goes_to_sign_in(client, remove(question))


@pytest.mark.parametrize("who", ["cleo", "lee", "kim", "mina", "eve"])
def test_removing_is_refused_to_all_but_opcc_staff(client, request, question, who):
    user = request.getfixturevalue(who)
    assert status_for(client, user, remove(question)) == 403
    assert status_for(client, user, remove(question), "post", {"version": 1}) == 403
    assert Question.objects.count() == 1


def test_a_draft_is_removed_after_confirming_and_the_next_moves_up(client, olu, topic, question):
    later = QuestionFactory(meeting=question.meeting, topic=topic, number=2, text="Later?")
    client.force_login(olu)

    confirm = client.get(remove(question)).content.decode()
    response = client.post(remove(question), {"version": question.version})

    assert "Remove the draft" in confirm and question.text in confirm
    assert response.status_code == 302
    assert list(Question.objects.values_list("pk", "number")) == [(later.pk, 1)]
    removed = AuditEntry.objects.filter(event=AuditEvent.DELETED, actor=olu)
    assert list(removed.values_list("object_pk", flat=True)) == [str(question.pk)]


def test_a_sent_question_cannot_be_removed(client, olu, sent_question):
    client.force_login(olu)

    page = client.get(remove(sent_question))
    posted = client.post(remove(sent_question), {"version": sent_question.version})

    assert page.status_code == posted.status_code == 409
    assert "stays on the record" in page.content.decode()
    assert "Remove the draft</button>" not in page.content.decode()
    assert Question.objects.count() == 1
    with pytest.raises(ValidationError):
        services.question_remove(question=sent_question, by=olu, version=sent_question.version)


def test_removing_from_an_old_page_answers_409(client, olu, topic, question):
    services.question_save(
        meeting=question.meeting,
        by=olu,
        topic=topic,
        text="Changed since",
        question=question,
        version=question.version,
    )
    client.force_login(olu)

    response = client.post(remove(question), {"version": question.version})

    assert response.status_code == 409
    assert Question.objects.get().text == "Changed since"


def test_a_missing_version_is_refused_with_a_message(client, olu, question):
    client.force_login(olu)

    response = client.post(remove(question), {})

    assert response.status_code == 200
    error_page(response, "")
    assert Question.objects.count() == 1


def test_a_question_that_does_not_exist_is_not_found(client, olu):
    target = reverse("accountability:question_remove", args=[999])
    assert status_for(client, olu, target) == 404
