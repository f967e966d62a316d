"""A scrutiny meeting's numbered actions: adding and changing one."""

import datetime

import pytest
from django.urls import reverse

from accountability import services
from accountability.models import ScrutinyAction
from panels.models import Action

from .pages import date_fields, error_page, signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(olu, scrutiny):
    return services.scrutiny_action_save(
        meeting=scrutiny, by=olu, description="A communications plan.", owner="Force and OPCC"
    )


def add(meeting) -> str:
    return reverse("accountability:action_add", args=[meeting.pk])


def edit(link) -> str:
    return reverse("accountability:action_edit", args=[link.pk])


def test_signed_out_goes_to_sign_in(client, link):
    signed_out_goes_to_sign_in(client, add(link.meeting))
    signed_out_goes_to_sign_in(client, edit(link))


@pytest.mark.parametrize("who", ["lee", "mina", "cleo", "eve"])
def test_refused_to_all_but_opcc_staff(client, request, link, who):
    user = request.getfixturevalue(who)
    assert status_for(client, user, add(link.meeting)) == 403
    assert status_for(client, user, edit(link)) == 403
    data = {"description": "D", "owner": "O"}
    assert status_for(client, user, add(link.meeting), "post", data) == 403
    assert Action.objects.count() == 1


def test_an_action_that_does_not_exist_is_not_found(client, olu):
    assert status_for(client, olu, reverse("accountability:action_edit", args=[999])) == 404


def test_opcc_staff_add_a_numbered_action_for_the_force(client, olu, link, force):
    client.force_login(olu)
    due = link.meeting.date + datetime.timedelta(days=90)
    data = {
        "description": "A conversation on capacity.",
        "owner": "Force",
        **date_fields("due_date", due),
    }

    response = client.post(add(link.meeting), data)

    assert response.status_code == 302
    second = ScrutinyAction.objects.get(number=2)
    assert (second.action.owner, second.action.due_date, second.action.force) == (
        "Force",
        due,
        force,
    )


def test_an_action_without_an_owner_is_refused(client, olu, scrutiny):
    client.force_login(olu)

    response = client.post(add(scrutiny), {"description": "Do it", "owner": ""})

    error_page(response, "Enter who owns the action")
    assert Action.objects.count() == 0


def test_changed_from_an_old_page_answers_409(client, olu, link):
    client.force_login(olu)
    data = {
        "description": "First",
        "owner": "Force",
        "seen": services.action_fingerprint(link.action),
    }
    client.post(edit(link), data)

    response = client.post(edit(link), data | {"description": "Mine"})

    assert response.status_code == 409
    assert Action.objects.get().description == "First"


def test_query_count(client, olu, link, django_assert_num_queries):
    client.force_login(olu)
    client.get(edit(link))
    with django_assert_num_queries(4):
        assert client.get(edit(link)).status_code == 200
