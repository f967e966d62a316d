"""The force liaison answers a question put to their force."""

import pytest
from django.core import mail
from django.urls import reverse

from accountability import services
from accountability.models import QuestionAnswer
from core.models import AuditEntry, AuditEvent

from .pages import error_page, signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db


def url(question) -> str:
    return reverse("accountability:answer", args=[question.pk])


def test_signed_out_goes_to_sign_in(client, sent_question):
    signed_out_goes_to_sign_in(client, url(sent_question))


@pytest.mark.parametrize("who", ["olu", "mina", "pat", "eve"])
def test_refused_to_all_but_force_liaisons(client, request, sent_question, who):
    user = request.getfixturevalue(who)
    assert status_for(client, user, url(sent_question)) == 403
    data = {"text": "An answer", "version": 0}
    assert status_for(client, user, url(sent_question), "post", data) == 403
    assert QuestionAnswer.objects.count() == 0


def test_another_forces_liaison_gets_not_found(client, kim, sent_question):
    assert status_for(client, kim, url(sent_question)) == 404
    data = {"text": "An answer", "version": 0}
    assert status_for(client, kim, url(sent_question), "post", data) == 404
    assert QuestionAnswer.objects.count() == 0


def test_a_draft_question_is_not_found(client, lee, question):
    assert status_for(client, lee, url(question)) == 404


def test_the_liaison_answers_and_opcc_staff_are_told(
    client, lee, olu, sent_question, django_capture_on_commit_callbacks
):
    client.force_login(lee)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(sent_question), {"text": "Our answer.", "version": 0})

    assert response.status_code == 302
    assert QuestionAnswer.objects.get().text == "Our answer."
    assert [m.to for m in mail.outbox] == [[olu.email]]
    assert "Our answer." not in mail.outbox[0].body


def test_a_blank_answer_is_refused(client, lee, sent_question):
    client.force_login(lee)

    response = client.post(url(sent_question), {"text": "", "version": 0})

    error_page(response, "Enter the force&#x27;s answer")
    assert QuestionAnswer.objects.count() == 0


def test_from_an_old_page_answers_409_keeping_the_text(client, lee, sent_question):
    client.force_login(lee)
    client.post(url(sent_question), {"text": "First", "version": 0})

    response = client.post(url(sent_question), {"text": "Mine", "version": 0})

    assert response.status_code == 409
    assert "Mine" in response.content.decode()
    assert QuestionAnswer.objects.get().text == "First"


def test_once_decided_the_answer_is_shown_not_offered(client, lee, olu, answered, topic):
    services.topic_decision_save(
        meeting=answered.meeting, topic=topic, by=olu, level="assured", rationale="R"
    )
    services.scrutiny_meeting_move(meeting=answered.meeting, by=olu, to="decided")
    client.force_login(lee)

    page = client.get(url(answered)).content.decode()

    assert "the answers can no longer change" in page
    assert "Save the answer" not in page


def test_viewing_is_audited(client, lee, sent_question):
    client.force_login(lee)
    client.get(url(sent_question))
    entry = AuditEntry.objects.get(event=AuditEvent.VIEWED, actor=lee)
    assert entry.object_pk == str(sent_question.pk)


def test_query_count(client, lee, answered, django_assert_num_queries):
    client.force_login(lee)
    client.get(url(answered))
    with django_assert_num_queries(9):
        assert client.get(url(answered)).status_code == 200
