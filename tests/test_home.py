"""The home page: each role's summary, read through scoped selectors."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.enums import CaseStatus
from panels.enums import MeetingStatus
from panels.models import Action
from tests import factories

pytestmark = pytest.mark.django_db


def test_home_data_admin_sees_case_and_pool_counts(client, alice):
    factories.CaseFactory.create_batch(2, status=CaseStatus.IN_POOL)
    factories.CaseFactory(status=CaseStatus.WITHDRAWN)
    client.force_login(alice)

    response = client.get(reverse("home"))

    summary = response.context["data_admin"]
    assert (summary["case_count"], summary["pool_size"], summary["open_findings"]) == (3, 2, 0)


def test_home_user_without_role_sees_no_admin_summary(client, eve):
    client.force_login(eve)

    response = client.get(reverse("home"))

    assert ("data_admin" in response.context, "opcc" in response.context) == (False, False)


def test_home_query_count_is_fixed(client, alice, django_assert_max_num_queries):
    factories.BatchFactory.create_batch(3)
    factories.CaseFactory.create_batch(5, status=CaseStatus.IN_POOL)
    client.force_login(alice)

    with django_assert_max_num_queries(20):
        response = client.get(reverse("home"))

    assert response.status_code == 200


def _meeting(panel, days: int, status=MeetingStatus.PLANNED, deadline_days=None):
    today = timezone.localdate()
    deadline = None if deadline_days is None else today + datetime.timedelta(days=deadline_days)
    return factories.MeetingFactory(
        panel=panel,
        date=today + datetime.timedelta(days=days),
        status=status,
        rating_deadline=deadline,
    )


def test_home_lists_meetings_upcoming_soonest_first_then_past_latest_first(client, panel, eve):
    factories.MembershipFactory(panel=panel, user=eve)
    for days in (-400, 6, 97, -440):
        _meeting(panel, days, status=MeetingStatus.CANCELLED)
    client.force_login(eve)

    meetings = client.get(reverse("home")).context["my_meetings"]

    today = timezone.localdate()
    assert [(m.date - today).days for m in meetings] == [6, 97, -400, -440]


def test_home_opcc_lists_each_status_in_date_order(client, olu, panel):
    for days in (30, 3, -10):
        _meeting(panel, days)
    for days in (-300, -20):
        _meeting(panel, days, status=MeetingStatus.CLOSED)
    client.force_login(olu)

    summary = client.get(reverse("home")).context["opcc"]

    today = timezone.localdate()
    planned = [(m.date - today).days for m in summary["planned"]]
    closed = [(m.date - today).days for m in summary["closed"]]
    listed = [(m.date - today).days for m in summary["meetings"]]
    assert (planned, closed) == ([3, 30, -10], [-20, -300])
    assert listed == [3, 30, -10, -20, -300]


def test_home_opcc_figures_link_to_the_lists_behind_them(client, olu, panel):
    _meeting(panel, 3)
    client.force_login(olu)

    page = client.get(reverse("home")).content.decode()

    meetings = reverse("panels:meeting_list")
    for status in ("planned", "rating_open", "in_discussion"):
        assert f'href="{meetings}?status={status}"' in page
    assert f'href="{reverse("panels:action_list")}?state=open"' in page
    assert f'href="{reverse("panels:panel_list")}">Panels and members</a>' in page


def test_home_opcc_sees_overdue_actions_with_a_warning_linking_to_them(client, olu, panel):
    meeting = _meeting(panel, -30, status=MeetingStatus.CLOSED)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Action.objects.create(meeting=meeting, description="Write to the force", due_date=yesterday)
    client.force_login(olu)

    page = client.get(reverse("home")).content.decode()

    assert f'href="{reverse("panels:action_list")}?state=overdue"' in page
    assert "1 overdue</strong>" in page


def test_home_rating_deadline_today_or_passed_gets_a_warning_tag(client, olu, panel):
    _meeting(panel, 2, status=MeetingStatus.RATING_OPEN, deadline_days=0)
    _meeting(panel, 5, status=MeetingStatus.RATING_OPEN, deadline_days=-1)
    _meeting(panel, 9, status=MeetingStatus.RATING_OPEN, deadline_days=4)
    client.force_login(olu)

    page = client.get(reverse("home")).content.decode()

    assert (page.count("Rating due today</strong>"), page.count("Rating overdue</strong>")) == (
        1,
        1,
    )


def test_home_member_with_a_deadline_today_sees_due_today(client, mina, panel):
    meeting = _meeting(panel, 2, status=MeetingStatus.RATING_OPEN, deadline_days=0)
    factories.ReviewedCaseFactory(meeting=meeting, position=1)
    client.force_login(mina)

    page = client.get(reverse("home")).content.decode()

    assert 'govuk-tag--orange app-tag--nowrap">Rating due today</strong>' in page


def test_home_data_admin_figures_and_links_stay_off_the_django_admin(client, alice):
    client.force_login(alice)

    page = client.get(reverse("home")).content.decode()

    for target in (
        reverse("cases:case_list") + '"',
        reverse("cases:case_list") + "?status=in_pool",
        reverse("cases:batch_list") + "?findings=open",
        reverse("cases:batch_list") + '"',
        reverse("panels:panel_list") + '"',
    ):
        assert f'href="{target}' in page
    main = page.split('id="main-content"')[1].split("</main>")[0]
    admin_links = [line for line in main.splitlines() if 'href="/admin/' in line]
    assert admin_links == [
        '  <li><a class="govuk-link" href="/admin/">'
        "Repair data in the Django admin (for rare fixes)</a></li>"
    ]


def test_home_header_has_no_admin_link_for_a_data_admin(client, alice):
    client.force_login(alice)

    labels = [item["label"] for item in client.get(reverse("home")).context["nav_items"]]

    assert "Django admin" not in labels
    assert labels[:3] == ["Your work", "Meetings", "Actions"]


def test_home_nav_marks_only_the_closest_link_current(client, alice):
    client.force_login(alice)

    items = client.get(reverse("cases:upload")).context["nav_items"]

    assert [i["label"] for i in items if i["active"]] == ["Import cases"]


def test_home_signed_out_page_makes_no_promise_about_random_choice(client):
    page = client.get(reverse("home")).content.decode()

    assert "randomly chosen" not in page
    assert "Read the published findings" in page


def test_home_leads_the_chair_to_their_panels_actions_for_the_force(client, chris, mina, meeting):
    seen = {}
    for user in (chris, mina):
        client.force_login(user)
        seen[user.username] = (
            reverse("panels:force_action_list") in client.get("/").content.decode()
        )

    assert seen == {"chris": True, "mina": False}
