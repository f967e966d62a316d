"""Work sent to a force with no active liaison: the send page and the add-action page warn,
and the success message says nobody was emailed, with the way to invite a liaison."""

import pytest
from django.urls import reverse

from panels.models import ForceLiaison

from .pages import date_fields

pytestmark = pytest.mark.django_db
WARNING = "Nobody will be emailed"
INVITE = reverse("panels:liaison_list")


def send(meeting) -> str:
    return reverse("accountability:questions_send", args=[meeting.pk])


def add_action(meeting) -> str:
    return reverse("accountability:action_add", args=[meeting.pk])


def test_the_send_page_warns_and_says_nobody_was_emailed(client, olu, question, due):
    client.force_login(olu)

    page = client.get(send(question.meeting)).content.decode()
    response = client.post(send(question.meeting), date_fields("due_date", due), follow=True)

    assert WARNING in page and "has no active force liaison" in page
    assert INVITE in page
    assert "The force&#x27;s liaisons are emailed" not in page
    assert "1 question sent to the force. Nobody was emailed" in response.content.decode()


def test_an_ended_liaison_does_not_count(client, olu, lee, question):
    ForceLiaison.objects.filter(user=lee).update(is_active=False)
    client.force_login(olu)

    assert WARNING in client.get(send(question.meeting)).content.decode()


def test_with_a_liaison_the_send_page_says_they_are_emailed(client, olu, lee, question, due):
    client.force_login(olu)

    page = client.get(send(question.meeting)).content.decode()
    response = client.post(send(question.meeting), date_fields("due_date", due), follow=True)

    assert WARNING not in page
    assert "The force&#x27;s liaisons are emailed" in page
    assert "Nobody was emailed" not in response.content.decode()


def test_the_add_action_page_warns_and_says_nobody_was_emailed(client, olu, scrutiny):
    client.force_login(olu)
    data = {"description": "A communications plan.", "owner": "The force"}

    page = client.get(add_action(scrutiny)).content.decode()
    response = client.post(add_action(scrutiny), data, follow=True)

    assert WARNING in page and INVITE in page
    assert "Action 1 saved. Nobody was emailed" in response.content.decode()


def test_with_a_liaison_the_add_action_page_does_not_warn(client, olu, lee, scrutiny):
    client.force_login(olu)
    data = {"description": "A communications plan.", "owner": "The force"}

    page = client.get(add_action(scrutiny)).content.decode()
    response = client.post(add_action(scrutiny), data, follow=True)

    assert WARNING not in page
    assert "Action 1 saved." in response.content.decode()
    assert "Nobody was emailed" not in response.content.decode()
