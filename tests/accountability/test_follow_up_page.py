"""Setting a follow-up on a topic at a meeting."""

import datetime

import pytest
from django.urls import reverse

from accountability.models import FollowUp

from .pages import date_fields, error_page, signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db


def url(meeting) -> str:
    return reverse("accountability:follow_up_add", args=[meeting.pk])


def follow_up(topic, due) -> dict:
    return {
        "topic": topic.pk,
        "text": "A further performance update",
        **date_fields("due_date", due),
    }


def test_signed_out_goes_to_sign_in(client, scrutiny):
    signed_out_goes_to_sign_in(client, url(scrutiny))


@pytest.mark.parametrize("who", ["lee", "mina", "cleo", "eve"])
def test_refused_to_all_but_opcc_staff(client, request, scrutiny, topic, who):
    user = request.getfixturevalue(who)
    assert status_for(client, user, url(scrutiny)) == 403
    data = follow_up(topic, scrutiny.date + datetime.timedelta(days=182))
    assert status_for(client, user, url(scrutiny), "post", data) == 403
    assert FollowUp.objects.count() == 0


def test_a_meeting_that_does_not_exist_is_not_found(client, olu):
    assert status_for(client, olu, reverse("accountability:follow_up_add", args=[999])) == 404


def test_opcc_staff_set_a_follow_up_in_six_months(client, olu, scrutiny, topic):
    client.force_login(olu)
    due = scrutiny.date + datetime.timedelta(days=182)

    response = client.post(url(scrutiny), follow_up(topic, due))

    assert response.status_code == 302
    assert (FollowUp.objects.get().due_date, FollowUp.objects.get().topic) == (due, topic)


def test_a_follow_up_before_its_meeting_is_refused(client, olu, scrutiny, topic):
    client.force_login(olu)

    response = client.post(
        url(scrutiny), follow_up(topic, scrutiny.date - datetime.timedelta(days=1))
    )

    error_page(response, "The follow-up must be due on or after the meeting")
    assert FollowUp.objects.count() == 0


def test_query_count(client, olu, scrutiny, django_assert_num_queries):
    client.force_login(olu)
    client.get(url(scrutiny))
    with django_assert_num_queries(6):
        assert client.get(url(scrutiny)).status_code == 200
