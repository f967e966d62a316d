"""The layout every page shares (header, sign-out, footer) and the meetings page: its
order, its status filter and its deadline warnings."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from panels.enums import MeetingStatus
from tests import factories

pytestmark = pytest.mark.django_db


def _meeting(panel, days: int, status=MeetingStatus.PLANNED, deadline_days=None):
    today = timezone.localdate()
    return factories.MeetingFactory(
        panel=panel,
        date=today + datetime.timedelta(days=days),
        status=status,
        rating_deadline=None
        if deadline_days is None
        else today + datetime.timedelta(days=deadline_days),
    )


def _header(page: str) -> str:
    return page.split("<header>")[1].split("</header>")[0]


def test_header_has_a_sign_out_button_for_signed_in_users_only(client, mina):
    anonymous = client.get(reverse("login")).content.decode()
    client.force_login(mina)
    signed_in = client.get(reverse("home")).content.decode()

    assert "Sign out" not in anonymous
    header = _header(signed_in)
    assert f'<form method="post" action="{reverse("logout")}"' in header
    assert '<button type="submit" class="govuk-header__link app-header__button">Sign out' in header
    assert "Sign out" not in signed_in.split("<footer")[1]


def test_signing_out_lands_on_sign_in_saying_so(client, mina):
    client.force_login(mina)

    response = client.post(reverse("logout"), follow=True)

    page = response.content.decode()
    assert response.redirect_chain[-1][0] == f"{reverse('login')}?signed-out"
    assert "You have signed out" in page and "govuk-notification-banner--success" in page
    assert client.get(reverse("panels:meeting_list")).status_code == 302


def test_sign_in_page_says_nothing_about_signing_out_when_you_have_not(client):
    page = client.get(reverse("login")).content.decode()

    assert "You have signed out" not in page
    assert "you cannot register here" in page


def test_footer_does_not_promise_that_case_data_is_anonymised(client):
    page = client.get(reverse("home")).content.decode()

    footer = page.split("<footer")[1]
    assert "Case data is anonymised before import" not in footer
    assert "are meant to be anonymised before they are imported" in footer


def test_meeting_list_sends_signed_out_visitors_to_sign_in(client):
    response = client.get(reverse("panels:meeting_list"))

    assert (response.status_code, response.url.split("?")[0]) == (302, reverse("login"))


def test_meeting_list_shows_an_outsider_none_of_a_panels_meetings(client, panel, eve):
    _meeting(panel, 3)
    client.force_login(eve)

    response = client.get(reverse("panels:meeting_list"))

    assert (response.status_code, response.context["meetings"]) == (200, [])


def test_meeting_list_is_upcoming_soonest_first_then_past_latest_first(client, panel, mina):
    for days in (-440, 97, -400, 6):
        _meeting(panel, days)
    client.force_login(mina)

    meetings = client.get(reverse("panels:meeting_list")).context["meetings"]

    today = timezone.localdate()
    assert [(m.date - today).days for m in meetings] == [6, 97, -400, -440]


def test_meeting_list_status_filter_keeps_one_status(client, panel, mina):
    _meeting(panel, 3)
    closed = _meeting(panel, -30, status=MeetingStatus.CLOSED)
    client.force_login(mina)

    response = client.get(reverse("panels:meeting_list"), {"status": "closed"})

    page = response.content.decode()
    assert response.context["meetings"] == [closed]
    assert '<option value="closed" selected>Closed</option>' in page
    assert "1 meeting: closed" in page


def test_meeting_list_status_filter_with_no_matches_says_so(client, panel, mina):
    _meeting(panel, 3)
    client.force_login(mina)

    page = client.get(reverse("panels:meeting_list"), {"status": "cancelled"}).content.decode()

    assert "There are no meetings cancelled on your panels." in page


def test_meeting_list_unknown_status_shows_an_error_and_every_meeting(client, panel, mina):
    _meeting(panel, 3)
    client.force_login(mina)

    response = client.get(reverse("panels:meeting_list"), {"status": "nonsense"})

    page = response.content.decode()
    assert "govuk-error-summary" in page and '<a href="#status">Select a status' in page
    assert page.count("<title>Error: ") == 1
    assert len(response.context["meetings"]) == 1


def test_meeting_list_takes_a_fixed_number_of_queries(
    client, panel, mina, django_assert_max_num_queries
):
    for days in range(-5, 5):
        _meeting(panel, days * 10)
    client.force_login(mina)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("panels:meeting_list"))

    assert len(response.context["meetings"]) == 10


def test_rating_deadline_warnings_on_the_meetings_and_meeting_pages(client, panel, mina):
    today_meeting = _meeting(panel, 2, status=MeetingStatus.RATING_OPEN, deadline_days=0)
    late = _meeting(panel, 3, status=MeetingStatus.RATING_OPEN, deadline_days=-1)
    _meeting(panel, 9, status=MeetingStatus.RATING_OPEN, deadline_days=4)
    client.force_login(mina)

    listing = client.get(reverse("panels:meeting_list")).content.decode()
    today_page = client.get(reverse("panels:meeting_detail", args=[today_meeting.pk]))
    late_page = client.get(reverse("panels:meeting_detail", args=[late.pk]))

    assert (listing.count("Rating due today<"), listing.count("Rating overdue<")) == (1, 1)
    assert "Rating due today<" in today_page.content.decode()
    assert "Rating overdue<" in late_page.content.decode()


def test_agenda_case_links_do_not_break_mid_name(client, panel, olu):
    meeting = _meeting(panel, 3, status=MeetingStatus.RATING_OPEN)
    factories.ReviewedCaseFactory(meeting=meeting, position=10)
    client.force_login(olu)

    page = client.get(reverse("panels:meeting_detail", args=[meeting.pk])).content.decode()

    assert 'class="govuk-link app-nowrap" href="' in page
    assert ">Case 10</a>" in page
