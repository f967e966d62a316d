"""Sending the drafted questions to the force, with a due date."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from accountability.enums import ScrutinyMeetingStatus as Status
from accountability.models import Question

from .pages import date_fields, error_page, signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db


def send(meeting) -> str:
    return reverse("accountability:questions_send", args=[meeting.pk])


def test_signed_out_goes_to_sign_in(client, question):
    signed_out_goes_to_sign_in(client, send(question.meeting))


@pytest.mark.parametrize("who", ["lee", "mina", "cleo", "eve"])
def test_refused_to_all_but_opcc_staff(client, request, question, due, who):
    user = request.getfixturevalue(who)
    assert status_for(client, user, send(question.meeting)) == 403
    data = date_fields("due_date", due)
    assert status_for(client, user, send(question.meeting), "post", data) == 403
    assert Question.objects.get().sent_at is None


def test_a_meeting_that_does_not_exist_is_not_found(client, olu):
    assert status_for(client, olu, reverse("accountability:questions_send", args=[999])) == 404


def test_sending_emails_the_liaison_and_moves_the_meeting(
    client, olu, lee, question, due, django_capture_on_commit_callbacks
):
    client.force_login(olu)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send(question.meeting), date_fields("due_date", due))

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.meeting.status == Status.QUESTIONS_SENT and question.due_date == due
    assert [m.to for m in mail.outbox] == [[lee.email]]


def test_a_due_date_after_the_meeting_is_refused(client, olu, question):
    client.force_login(olu)
    late = question.meeting.date + datetime.timedelta(days=1)

    response = client.post(send(question.meeting), date_fields("due_date", late))

    error_page(response, "The answer must be due on or before the meeting date")
    assert Question.objects.get().sent_at is None


def test_a_missing_date_is_refused(client, olu, question):
    client.force_login(olu)

    response = client.post(send(question.meeting), {})

    error_page(response, "Enter the date the force")
    assert Question.objects.get().sent_at is None


def test_query_count(client, olu, question, django_assert_num_queries):
    client.force_login(olu)
    client.get(send(question.meeting))
    # One more than before: whether the force has a liaison to email.
    with django_assert_num_queries(6):
        assert client.get(send(question.meeting)).status_code == 200
