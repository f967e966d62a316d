"""Changing and removing a follow-up while the meeting's record is open."""

import datetime

import pytest
from django.urls import reverse

from accountability import services
from accountability.enums import ScrutinyMeetingStatus as Status
from accountability.models import FollowUp, ScrutinyMeeting
from core.models import AuditEntry

from .pages import date_fields, error_page, signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db
TEXT = "A further performance update"


@pytest.fixture
def follow_up(scrutiny, topic, olu):
    return services.follow_up_add(
        meeting=scrutiny,
        topic=topic,
        by=olu,
        due_date=scrutiny.date + datetime.timedelta(days=182),
        text=TEXT,
    )


def edit_url(follow_up) -> str:
    return reverse("accountability:follow_up_edit", args=[follow_up.pk])


def remove_url(follow_up) -> str:
    return reverse("accountability:follow_up_remove", args=[follow_up.pk])


def answers(follow_up, *, text=TEXT, due=None, version=None) -> dict:
    return {
        "topic": follow_up.topic_id,
        "text": text,
        **date_fields("due_date", due or follow_up.due_date),
        "version": follow_up.version if version is None else version,
    }


@pytest.mark.parametrize("name", ["follow_up_edit", "follow_up_remove"])
def test_signed_out_goes_to_sign_in(client, follow_up, name):
    signed_out_goes_to_sign_in(client, reverse(f"accountability:{name}", args=[follow_up.pk]))


@pytest.mark.parametrize("who", ["lee", "mina", "cleo", "eve"])
def test_refused_to_all_but_opcc_staff(client, request, follow_up, who):
    user = request.getfixturevalue(who)
    assert status_for(client, user, edit_url(follow_up)) == 403
    data = answers(follow_up, text="Changed by someone else")
    assert status_for(client, user, edit_url(follow_up), "post", data) == 403
    assert status_for(client, user, remove_url(follow_up)) == 403
    assert status_for(client, user, remove_url(follow_up), "post", {"version": 1}) == 403
    assert list(FollowUp.objects.values_list("text", flat=True)) == [TEXT]


@pytest.mark.parametrize("name", ["follow_up_edit", "follow_up_remove"])
def test_a_follow_up_that_does_not_exist_is_not_found(client, olu, name):
    assert status_for(client, olu, reverse(f"accountability:{name}", args=[999])) == 404


def test_the_meeting_page_links_to_change_and_remove(client, olu, follow_up):
    client.force_login(olu)
    page = client.get(reverse("accountability:meeting_detail", args=[follow_up.meeting_id]))
    assert f'href="{edit_url(follow_up)}"' in page.content.decode()
    assert f'href="{remove_url(follow_up)}"' in page.content.decode()


def test_opcc_staff_change_a_follow_up(client, olu, follow_up, scrutiny):
    client.force_login(olu)
    due = scrutiny.date + datetime.timedelta(days=90)

    response = client.post(edit_url(follow_up), answers(follow_up, text="Figures", due=due))

    assert response.status_code == 302
    saved = FollowUp.objects.get()
    assert (saved.text, saved.due_date, saved.version) == ("Figures", due, 2)
    assert AuditEntry.objects.filter(content_type__model="followup", action=1).count() == 1


def test_the_change_page_shows_the_follow_up(client, olu, follow_up):
    client.force_login(olu)
    page = client.get(edit_url(follow_up)).content.decode()
    assert TEXT in page
    assert "Save the follow-up" in page


def test_a_change_before_the_meeting_is_refused(client, olu, follow_up, scrutiny):
    client.force_login(olu)
    due = scrutiny.date - datetime.timedelta(days=1)

    response = client.post(edit_url(follow_up), answers(follow_up, text="Figures", due=due))

    error_page(response, "The follow-up must be due on or after the meeting")
    assert FollowUp.objects.get().text == TEXT


def test_a_change_over_someone_elses_keeps_the_answers(client, olu, follow_up):
    client.force_login(olu)
    client.post(edit_url(follow_up), answers(follow_up, text="First save"))

    response = client.post(edit_url(follow_up), answers(follow_up, text="Second", version=1))

    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed this follow-up while you were editing" in page
    assert "Second" in page
    assert FollowUp.objects.get().text == "First save"


def test_opcc_staff_remove_a_follow_up(client, olu, follow_up):
    client.force_login(olu)
    page = client.get(remove_url(follow_up)).content.decode()
    assert "Remove this follow-up?" in page
    assert TEXT in page

    response = client.post(remove_url(follow_up), {"version": follow_up.version})

    assert response.status_code == 302
    assert FollowUp.objects.count() == 0
    assert AuditEntry.objects.filter(content_type__model="followup", action=2).count() == 1


def test_removing_a_follow_up_changed_meanwhile_is_refused(client, olu, follow_up):
    client.force_login(olu)
    client.post(edit_url(follow_up), answers(follow_up, text="Changed meanwhile"))

    response = client.post(remove_url(follow_up), {"version": 1})

    assert response.status_code == 409
    assert FollowUp.objects.get().text == "Changed meanwhile"


def test_a_closed_meetings_follow_up_cannot_change(client, olu, follow_up):
    ScrutinyMeeting.objects.filter(pk=follow_up.meeting_id).update(status=Status.CLOSED)
    client.force_login(olu)

    changed = client.post(edit_url(follow_up), answers(follow_up, text="Late"))
    removed = client.post(remove_url(follow_up), {"version": follow_up.version})

    error_page(changed, "This meeting is closed, so its record cannot change.")
    error_page(removed, "This meeting is closed, so its record cannot change.")
    assert FollowUp.objects.get().text == TEXT


def test_query_count(client, olu, follow_up, django_assert_num_queries):
    client.force_login(olu)
    client.get(edit_url(follow_up))
    with django_assert_num_queries(6):
        assert client.get(edit_url(follow_up)).status_code == 200
