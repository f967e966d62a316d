"""The force liaison's list of the questions put to their force."""

import pytest
from django.urls import reverse

from core.models import AuditEntry, AuditEvent

from .factories import QuestionFactory
from .pages import signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db
URL = reverse("accountability:force_questions")


def test_signed_out_goes_to_sign_in(client):
    signed_out_goes_to_sign_in(client, URL)


@pytest.mark.parametrize("who", ["olu", "mina", "pat", "cleo", "eve"])
def test_refused_to_all_but_force_liaisons(client, request, who):
    assert status_for(client, request.getfixturevalue(who), URL) == 403


def test_shows_only_sent_questions_of_their_own_force(client, lee, sent_question, topic):
    QuestionFactory(meeting=sent_question.meeting, topic=topic, number=2, text="Draft?")
    other = QuestionFactory(sent_at=sent_question.sent_at)
    client.force_login(lee)

    page = client.get(URL).content.decode()

    assert reverse("accountability:answer", args=[sent_question.pk]) in page
    assert "Question 2" not in page
    assert reverse("accountability:answer", args=[other.pk]) not in page
    assert "To answer" in page


def test_another_forces_liaison_sees_none_of_them(client, kim, sent_question):
    client.force_login(kim)
    page = client.get(URL).content.decode()
    assert "No questions have been sent to the force." in page


def test_viewing_is_audited(client, lee, sent_question):
    client.force_login(lee)
    client.get(URL)
    assert AuditEntry.objects.filter(event=AuditEvent.VIEWED, actor=lee).count() == 1


def test_query_count(client, lee, sent_question, topic, django_assert_num_queries):
    for number in range(2, 6):
        QuestionFactory(
            meeting=sent_question.meeting, topic=topic, number=number, sent_at=sent_question.sent_at
        )
    client.force_login(lee)
    client.get(URL)
    with django_assert_num_queries(6):
        assert client.get(URL).status_code == 200
