"""Granting the force liaison role: the list, the invitation and ending the role."""

import pytest
from django.core import mail
from django.urls import reverse

from panels.models import ForceLiaison

LIST = reverse("panels:liaison_list")
INVITE = reverse("panels:liaison_invite")


def end_url(liaison) -> str:
    return reverse("panels:liaison_end", args=[liaison.pk])


@pytest.mark.parametrize("url", [LIST, INVITE])
def test_signed_out_is_sent_to_sign_in(client, url):
    response = client.get(url)

    assert (response.status_code, response.url.startswith(reverse("login"))) == (302, True)


@pytest.mark.parametrize("who", ["lee", "chris", "eve"])
def test_only_opcc_staff_and_data_admins_manage_liaisons(client, request, who, lee):
    client.force_login(request.getfixturevalue(who))

    codes = [client.get(u).status_code for u in (LIST, INVITE, end_url(lee.force_liaisons.get()))]

    assert codes == [403, 403, 403]


def test_an_unknown_liaison_is_not_found(client, olu):
    client.force_login(olu)

    assert client.get(reverse("panels:liaison_end", args=[999])).status_code == 404


def test_opcc_staff_invite_a_liaison(client, olu, panel, django_capture_on_commit_callbacks):
    client.force_login(olu)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            INVITE, {"name": "Lee Ng", "email": "lee.ng@example.org", "force": panel.force.pk}
        )

    liaison = ForceLiaison.objects.get()
    assert (response.status_code, liaison.user.email, mail.outbox[0].to) == (
        302,
        "lee.ng@example.org",
        ["lee.ng@example.org"],
    )


def test_bad_input_shows_the_error_summary_and_saves_nothing(client, olu):
    client.force_login(olu)

    response = client.post(INVITE, {"name": "", "email": "not an address", "force": ""})

    page = response.content.decode()
    assert (
        "govuk-error-summary" in page,
        "Select the force they answer for" in page,
        ForceLiaison.objects.count(),
    ) == (True, True, 0)


def test_opcc_staff_end_the_role(client, olu, lee):
    liaison = lee.force_liaisons.get()
    client.force_login(olu)

    response = client.post(end_url(liaison), {"version": 0})

    liaison.refresh_from_db()
    assert (response.status_code, liaison.is_active) == (302, False)


def test_ending_from_a_stale_page_answers_409(client, olu, lee):
    liaison = lee.force_liaisons.get()
    ForceLiaison.objects.filter(pk=liaison.pk).update(version=3)
    client.force_login(olu)

    response = client.post(end_url(liaison), {"version": 0})

    assert response.status_code == 409


def test_the_list_takes_a_fixed_number_of_queries(client, olu, lee, django_assert_num_queries):
    client.force_login(olu)
    client.get(LIST)

    with django_assert_num_queries(4):
        client.get(LIST)
