"""The actions page: warning tags on late actions and the open / overdue / done filter."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from panels.enums import ActionStatus
from panels.models import Action

URL = reverse("panels:action_list")


@pytest.fixture
def actions(meeting):
    today = timezone.localdate()
    day = datetime.timedelta(days=1)

    def add(description, due, status=ActionStatus.OPEN):
        return Action.objects.create(
            meeting=meeting, description=description, owner="Force", due_date=due, status=status
        )

    return {
        "late": add("Brief the custody officers", today - day),
        "today": add("Write to the victims' team", today, ActionStatus.IN_PROGRESS),
        "later": add("Review the gravity matrix", today + day),
        "done": add("Send the guidance", today - day, ActionStatus.COMPLETED),
        "dropped": add("Ask for the audit", today - day, ActionStatus.CLOSED),
    }


def descriptions(response) -> list[str]:
    return [action.description for action, _ in response.context["rows"]]


def test_action_list_when_signed_out_redirects_to_sign_in(client, actions):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_action_list_tags_a_late_unfinished_action_overdue(client, olu, actions):
    client.force_login(olu)

    response = client.get(URL)

    tags = {action.description: tag and tag.text for action, tag in response.context["rows"]}
    assert tags == {
        "Brief the custody officers": "Overdue",
        "Write to the victims' team": "Due today",
        "Review the gravity matrix": None,
        "Send the guidance": None,
        "Ask for the audit": None,
    }
    page = response.content.decode()
    assert page.count('<strong class="govuk-tag govuk-tag--red">Overdue</strong>') == 1
    assert page.count('<strong class="govuk-tag govuk-tag--yellow">Due today</strong>') == 1


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (
            "open",
            [
                "Brief the custody officers",
                "Write to the victims' team",
                "Review the gravity matrix",
            ],
        ),
        ("overdue", ["Brief the custody officers"]),
        ("done", ["Send the guidance", "Ask for the audit"]),
    ],
)
def test_action_list_filtered_by_state_shows_only_those_actions(
    client, olu, actions, state, expected
):
    client.force_login(olu)

    response = client.get(URL, {"state": state})

    assert sorted(descriptions(response)) == sorted(expected)
    assert f'value="{state}" checked' in response.content.decode()


def test_action_list_with_an_unknown_state_shows_every_action(client, olu, actions):
    client.force_login(olu)

    response = client.get(URL, {"state": "everything'"})

    assert response.status_code == 200
    assert len(descriptions(response)) == 5


def test_action_list_keeps_the_old_overdue_link_working(client, olu, actions):
    client.force_login(olu)

    response = client.get(URL, {"overdue": "1"})

    assert descriptions(response) == ["Brief the custody officers"]


@pytest.mark.parametrize("username", ["nadia", "eve"])
def test_action_list_for_users_outside_the_panel_shows_none_of_its_actions(
    client, request, actions, username
):
    client.force_login(request.getfixturevalue(username))

    response = client.get(URL, {"state": "open"})

    assert descriptions(response) == []
    assert "No actions match." in response.content.decode()


def test_action_list_runs_a_fixed_number_of_queries(
    client, olu, actions, meeting, django_assert_max_num_queries
):
    for n in range(10):
        Action.objects.create(meeting=meeting, description=f"Extra {n}", owner="Force")
    client.force_login(olu)

    with django_assert_max_num_queries(8):
        response = client.get(URL, {"state": "open"})

    assert len(descriptions(response)) == 13
