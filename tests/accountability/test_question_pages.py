"""Drafting a question and changing a draft."""

import pytest
from django.urls import reverse

from accountability.models import Question

from .factories import QuestionFactory
from .pages import error_page, signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db


def add(meeting) -> str:
    return reverse("accountability:question_add", args=[meeting.pk])


def edit(question) -> str:
    return reverse("accountability:question_edit", args=[question.pk])


def test_signed_out_goes_to_sign_in(client, question):
    signed_out_goes_to_sign_in(client, add(question.meeting))
    signed_out_goes_to_sign_in(client, edit(question))


@pytest.mark.parametrize("who", ["lee", "mina", "cleo", "eve"])
def test_refused_to_all_but_opcc_staff(client, request, question, topic, who):
    user = request.getfixturevalue(who)
    assert status_for(client, user, add(question.meeting)) == 403
    assert status_for(client, user, edit(question)) == 403
    posted = {"topic": topic.pk, "text": "Why?"}
    assert status_for(client, user, add(question.meeting), "post", posted) == 403
    assert Question.objects.count() == 1


def test_a_question_that_does_not_exist_is_not_found(client, olu):
    assert status_for(client, olu, reverse("accountability:question_edit", args=[999])) == 404


def test_opcc_staff_draft_a_question(client, olu, scrutiny, topic):
    client.force_login(olu)

    response = client.post(add(scrutiny), {"topic": topic.pk, "text": "What barriers?"})

    assert response.status_code == 302
    assert Question.objects.get().text == "What barriers?"


def test_a_blank_question_is_refused(client, olu, scrutiny, topic):
    client.force_login(olu)

    response = client.post(add(scrutiny), {"topic": topic.pk, "text": ""})

    error_page(response, "Enter the question")
    assert Question.objects.count() == 0


def test_a_draft_changed_from_an_old_page_answers_409(client, olu, question, topic):
    client.force_login(olu)
    data = {"topic": topic.pk, "text": "First", "version": question.version}
    client.post(edit(question), data)

    response = client.post(edit(question), data | {"text": "Mine"})

    assert response.status_code == 409
    assert "Someone else changed this question" in response.content.decode()
    assert Question.objects.get().text == "First"


def test_a_sent_question_keeps_its_english_and_takes_its_welsh(client, olu, sent_question, topic):
    client.force_login(olu)
    english = sent_question.text
    data = {"topic": topic.pk, "text": "Changed", "version": sent_question.version}

    response = client.post(edit(sent_question), data | {"text_cy": "Pa rwystrau?"})

    assert response.status_code == 302
    sent_question.refresh_from_db()
    assert (sent_question.text, sent_question.text_cy) == (english, "Pa rwystrau?")


def test_query_count(client, olu, scrutiny, topic, django_assert_num_queries):
    for number in range(2, 6):
        QuestionFactory(meeting=scrutiny, topic=topic, number=number)
    client.force_login(olu)
    client.get(add(scrutiny))
    with django_assert_num_queries(6):
        assert client.get(add(scrutiny)).status_code == 200
