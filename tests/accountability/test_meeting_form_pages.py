"""Planning a scrutiny meeting and changing its details."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accountability.models import ScrutinyMeeting

from .factories import TopicFactory
from .pages import date_fields, error_page, signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db
ADD = reverse("accountability:meeting_add")


def edit(meeting) -> str:
    return reverse("accountability:meeting_edit", args=[meeting.pk])


def planned(force, topic, day=None, **extra) -> dict:
    day = day or timezone.localdate() + datetime.timedelta(days=60)
    return {
        "force": force.pk,
        "theme": "Reoffending",
        "topics": [topic.pk],
        **date_fields("date", day),
        **extra,
    }


def test_signed_out_goes_to_sign_in(client, scrutiny):
    signed_out_goes_to_sign_in(client, ADD)
    signed_out_goes_to_sign_in(client, edit(scrutiny))


@pytest.mark.parametrize("who", ["lee", "mina", "cleo", "eve"])
def test_refused_to_all_but_opcc_staff(client, request, scrutiny, force, topic, who):
    user = request.getfixturevalue(who)
    assert status_for(client, user, ADD) == 403
    assert status_for(client, user, edit(scrutiny)) == 403
    assert status_for(client, user, ADD, "post", planned(force, topic)) == 403
    assert ScrutinyMeeting.objects.count() == 1


def test_a_meeting_that_does_not_exist_is_not_found(client, olu):
    assert status_for(client, olu, reverse("accountability:meeting_edit", args=[999])) == 404


def test_opcc_staff_plan_a_meeting(client, olu, force, topic):
    client.force_login(olu)

    response = client.post(ADD, planned(force, topic))

    meeting = ScrutinyMeeting.objects.get()
    assert response["Location"] == reverse("accountability:meeting_detail", args=[meeting.pk])
    assert list(meeting.topics.all()) == [topic]


def test_a_meeting_without_topics_is_refused(client, olu, force, topic):
    client.force_login(olu)
    data = planned(force, topic)
    del data["topics"]

    response = client.post(ADD, data)

    error_page(response, "Select at least one topic")
    assert ScrutinyMeeting.objects.count() == 0


def test_a_meeting_on_an_impossible_date_is_refused(client, olu, force, topic):
    client.force_login(olu)
    data = planned(force, topic) | {"date_0": "31", "date_1": "2"}

    response = client.post(ADD, data)

    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
    assert ScrutinyMeeting.objects.count() == 0


def test_changed_from_an_old_page_answers_409_keeping_the_answers(client, olu, scrutiny, topic):
    client.force_login(olu)
    data = planned(scrutiny.force, topic, scrutiny.date, version=scrutiny.version)
    client.post(edit(scrutiny), data | {"theme": "First change"})

    response = client.post(edit(scrutiny), data | {"theme": "My change"})

    assert response.status_code == 409
    assert "Someone else changed this meeting" in response.content.decode()
    assert 'value="My change"' in response.content.decode()
    assert ScrutinyMeeting.objects.get().theme == "First change"


def test_edit_page_query_count(client, olu, scrutiny, force, django_assert_num_queries):
    for _ in range(3):
        TopicFactory(force=force)
    client.force_login(olu)
    client.get(edit(scrutiny))
    with django_assert_num_queries(7):
        assert client.get(edit(scrutiny)).status_code == 200
