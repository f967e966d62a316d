"""The draw page and how a draw is explained on the meeting page."""

import pytest
from django.urls import reverse

from panels.enums import MeetingStatus
from panels.models import SampleDraw
from panels.sampling import PoolFilters
from panels.services import sample_draw
from panels.workflow import meeting_transition


def draw_url(meeting) -> str:
    return reverse("panels:sample_draw", args=[meeting.pk])


def meeting_url(meeting) -> str:
    return reverse("panels:meeting_detail", args=[meeting.pk])


def form_data(**overrides) -> dict:
    data = {
        "size": "5",
        "strata_field": "none",
        "exclude_previously_reviewed": "on",
        "outcome_from_0": "",
        "outcome_from_1": "",
        "outcome_from_2": "",
        "outcome_to_0": "",
        "outcome_to_1": "",
        "outcome_to_2": "",
    }
    data.update(overrides)
    return data


def test_sample_draw_page_for_opcc_staff_shows_the_form_and_the_pool(
    client, olu, meeting, case_pool
):
    client.force_login(olu)

    response = client.get(draw_url(meeting))

    page = response.content.decode()
    assert response.status_code == 200
    assert "There are 30 cases from" in page
    assert 'name="size"' in page
    assert 'id="id_outcome_from_0"' in page
    assert "Stalking and harassment" in page


@pytest.mark.parametrize("username", ["alice", "chris", "mina", "pat"])
def test_sample_draw_page_for_users_who_see_the_meeting_but_may_not_draw_is_forbidden(
    client, request, meeting, case_pool, username
):
    client.force_login(request.getfixturevalue(username))

    get = client.get(draw_url(meeting))
    post = client.post(draw_url(meeting), form_data())

    assert (get.status_code, post.status_code) == (403, 403)
    assert SampleDraw.objects.count() == 0


@pytest.mark.parametrize("username", ["nadia", "eve"])
def test_sample_draw_page_for_users_outside_the_panel_is_not_found(
    client, request, meeting, case_pool, username
):
    client.force_login(request.getfixturevalue(username))

    get = client.get(draw_url(meeting))
    post = client.post(draw_url(meeting), form_data())

    assert (get.status_code, post.status_code) == (404, 404)
    assert SampleDraw.objects.count() == 0


def test_sample_draw_page_when_signed_out_redirects_to_sign_in(client, meeting, case_pool):
    response = client.post(draw_url(meeting), form_data())

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert SampleDraw.objects.count() == 0


def test_sample_draw_posted_by_opcc_staff_draws_and_returns_to_the_meeting(
    client, olu, meeting, case_pool
):
    client.force_login(olu)

    response = client.post(draw_url(meeting), form_data(size="4"), follow=True)

    draw = SampleDraw.objects.get()
    assert response.redirect_chain == [(meeting_url(meeting), 302)]
    assert "4 cases drawn at random from 30" in response.content.decode()
    assert meeting.reviewed_cases.count() == 4
    assert draw.filters["exclude_previously_reviewed"] is True


def test_sample_draw_of_one_case_says_case(client, olu, meeting, case_pool):
    client.force_login(olu)

    response = client.post(draw_url(meeting), form_data(size="1"), follow=True)

    assert "1 case drawn at random from 30" in response.content.decode()


def test_sample_draw_posted_with_filters_and_strata_records_them(client, olu, meeting, case_pool):
    client.force_login(olu)

    client.post(
        draw_url(meeting),
        form_data(
            size="3",
            outcome_types=["community-resolution", "simple-caution"],
            offence_categories=["Stalking and harassment"],
            crime_codes="8q, 8L ,8Q",
            flags_excluded=["is_domestic_abuse"],
            outcome_from_0="1",
            outcome_from_1="1",
            outcome_from_2="2025",
            strata_field="outcome_type",
        ),
    )

    draw = SampleDraw.objects.get()
    assert draw.filters["crime_codes"] == ["8L", "8Q"]
    assert draw.filters["flags"] == {"is_domestic_abuse": False}
    assert draw.filters["outcome_date_from"] == "2025-01-01"
    assert draw.strata["field"] == "outcome_type"


def test_sample_draw_without_a_size_asks_to_enter_one(client, olu, meeting, case_pool):
    client.force_login(olu)

    response = client.post(draw_url(meeting), form_data(size=""))

    page = response.content.decode()
    assert response.status_code == 200
    assert '<a href="#id_size">Enter a sample size</a>' in page
    assert "<title>Error: Draw the sample" in page


def test_sample_draw_larger_than_the_pool_explains_the_limit(client, olu, meeting, case_pool):
    client.force_login(olu)

    response = client.post(draw_url(meeting), form_data(size="31"))

    assert response.status_code == 200
    assert "Sample size must be 30 or fewer" in response.content.decode()
    assert SampleDraw.objects.count() == 0


def test_sample_draw_from_an_empty_pool_asks_to_change_the_filters(client, olu, meeting, case_pool):
    client.force_login(olu)

    response = client.post(draw_url(meeting), form_data(outcome_types=["outcome-22"]))

    assert "There are no cases in the pool that match these filters" in response.content.decode()
    assert SampleDraw.objects.count() == 0


def test_sample_draw_after_rating_started_says_so(client, olu, meeting, case_pool):
    sample_draw(meeting=meeting, by=olu, filters=PoolFilters(), size=2)
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    client.force_login(olu)

    response = client.post(draw_url(meeting), form_data())

    page = response.content.decode()
    assert "rating has started for this meeting" in page
    assert "govuk-error-summary" in page
    assert SampleDraw.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"size": "ten"}, "Sample size must be a whole number, like 10"),
        ({"size": "0"}, "Sample size must be 1 or more"),
        ({"size": "501"}, "Sample size must be 500 or fewer"),
        ({"crime_codes": "8L, 99Z"}, "Enter Home Office crime codes that exist; 99Z is not known"),
        ({"outcome_types": ["made-up"]}, "Select outcome types from the list"),
        ({"strata_field": "colour"}, "Select whether to spread the sample across groups"),
        (
            {"flags_required": ["is_hate_crime"], "flags_excluded": ["is_hate_crime"]},
            "Select each flag in only one of the two lists",
        ),
        (
            {"outcome_from_0": "1", "outcome_from_1": "", "outcome_from_2": "2025"},
            "The earliest outcome date must include a month",
        ),
        (
            {"outcome_to_0": "31", "outcome_to_1": "2", "outcome_to_2": "2025"},
            "The latest outcome date must be a real date",
        ),
        (
            {
                **{"outcome_from_0": "2", "outcome_from_1": "2", "outcome_from_2": "2025"},
                **{"outcome_to_0": "1", "outcome_to_1": "2", "outcome_to_2": "2025"},
            },
            "The latest outcome date must be on or after the earliest",
        ),
    ],
)
def test_sample_draw_form_with_bad_input_says_what_to_fix(
    client, olu, meeting, case_pool, overrides, message
):
    client.force_login(olu)

    response = client.post(draw_url(meeting), form_data(**overrides))

    assert message in response.content.decode()
    assert SampleDraw.objects.count() == 0


def test_meeting_page_offers_opcc_staff_the_draw_while_planned(client, olu, meeting):
    client.force_login(olu)

    response = client.get(meeting_url(meeting))

    assert f'href="{draw_url(meeting)}"' in response.content.decode()


@pytest.mark.parametrize("username", ["alice", "chris", "mina"])
def test_meeting_page_does_not_offer_the_draw_to_others(client, request, meeting, username):
    client.force_login(request.getfixturevalue(username))

    response = client.get(meeting_url(meeting))

    assert draw_url(meeting) not in response.content.decode()


def test_meeting_page_explains_how_the_cases_were_chosen(client, olu, mina, meeting, case_pool):
    filters = PoolFilters(outcome_types=("simple-caution",), exclude_previously_reviewed=True)
    draw = sample_draw(meeting=meeting, by=olu, filters=filters, size=3, seed="c0ffee")
    client.force_login(mina)

    page = client.get(meeting_url(meeting)).content.decode()

    assert "How the cases were chosen" in page
    assert "selected at random by computer from the 10 cases that could be chosen" in page
    assert "<li>Outcome: Simple Caution</li>" in page
    assert "<li>Not reviewed by a panel before</li>" in page
    assert "<code>c0ffee</code>" in page
    assert f"<code>{draw.pool_fingerprint}</code>" in page
    assert "<code>bottomk-sha256-v1</code>" in page
    assert f"python manage.py verify_sample {meeting.pk}" in page


def test_meeting_page_says_when_the_sample_was_drawn_more_than_once(
    client, olu, meeting, case_pool
):
    sample_draw(meeting=meeting, by=olu, filters=PoolFilters(), size=3)
    sample_draw(meeting=meeting, by=olu, filters=PoolFilters(), size=3, strata_field="outcome_type")
    client.force_login(olu)

    page = client.get(meeting_url(meeting)).content.decode()

    assert "was drawn 2 times before rating started" in page
    assert "Draw the sample again" in page
    assert 'id="draw-strata"' in page
