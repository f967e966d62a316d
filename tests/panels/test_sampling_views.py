"""The draw page and how a draw is explained on the meeting page."""

import re

import pytest
from django.urls import reverse

from panels.enums import MeetingStatus
from panels.models import SampleDraw
from panels.sampling import PoolFilters
from panels.sampling.services import sample_draw
from panels.sampling.theme_filters import theme_offence_categories
from panels.workflow import meeting_transition


def draw_url(meeting) -> str:
    return reverse("panels:sample_draw", args=[meeting.pk])


def meeting_url(meeting) -> str:
    return reverse("panels:meeting_detail", args=[meeting.pk])


def ticked(page: str) -> list[str]:
    """The values of the ticked checkboxes on a page."""
    inputs = re.findall(r"<input[^>]*>", page)
    boxes = [tag for tag in inputs if 'type="checkbox"' in tag and "checked" in tag]
    return [(re.findall(r'value="([^"]*)"', tag) or ["on"])[0] for tag in boxes]


def step_url(meeting, step: str) -> str:
    return f"{draw_url(meeting)}?step={step}"


OFFENCES = {"exclude_previously_reviewed": "on"}
OUTCOMES: dict = {}
DATES = {f"outcome_{end}_{n}": "" for end in ("from", "to") for n in range(3)}
NARROW = {"crime_codes": ""}
SIZE = {"size": "5", "strata_field": "none"}
STEPS = {
    "offences": OFFENCES,
    "outcomes": OUTCOMES,
    "dates": DATES,
    "narrow": NARROW,
    "size": SIZE,
}


def answer(client, meeting, **answers):
    """Answer every question page, each with its defaults and any `answers[step]`."""
    return [
        client.post(step_url(meeting, step), {**defaults, **answers.get(step, {})})
        for step, defaults in STEPS.items()
    ]


def draw(client, meeting, **answers):
    answer(client, meeting, **answers)
    return client.post(step_url(meeting, "check"), follow=True)


def test_sample_draw_page_for_opcc_staff_shows_the_first_question_and_the_pool(
    client, olu, meeting, case_pool
):
    client.force_login(olu)

    response = client.get(draw_url(meeting))

    page = response.content.decode()
    assert response.status_code == 200
    assert "There are 30 cases from" in page
    assert "Which offences can be drawn?" in page
    assert 'name="offence_categories"' in page
    assert 'name="outcome_types"' not in page
    assert 'name="size"' not in page
    assert "Stalking and harassment" in page


def test_sample_draw_steps_lead_one_to_the_next_and_end_on_check_your_answers(
    client, olu, meeting, case_pool
):
    client.force_login(olu)

    responses = answer(client, meeting)
    check = client.get(step_url(meeting, "check"))

    assert [r.url for r in responses] == [
        step_url(meeting, "outcomes"),
        step_url(meeting, "dates"),
        step_url(meeting, "narrow"),
        step_url(meeting, "size"),
        step_url(meeting, "check"),
    ]
    page = check.content.decode()
    assert "Check your answers before drawing the sample" in page
    assert f'href="{step_url(meeting, "offences")}"' in page
    assert f'href="{step_url(meeting, "outcomes")}"' in page
    assert f'href="{step_url(meeting, "dates")}"' in page
    assert f'href="{step_url(meeting, "narrow")}"' in page
    assert f'href="{step_url(meeting, "size")}"' in page
    assert '<dd class="govuk-summary-list__value" id="size">5</dd>' in page
    assert SampleDraw.objects.count() == 0


def test_sample_draw_step_shown_again_keeps_its_answers(client, olu, meeting, case_pool):
    client.force_login(olu)
    answer(client, meeting, offences={"offence_categories": ["Theft"]}, size={"size": "7"})

    cases = client.get(step_url(meeting, "offences")).content.decode()
    size = client.get(step_url(meeting, "size")).content.decode()

    assert ticked(cases) == ["Theft", "on"]
    assert 'name="size" value="7"' in size


def test_sample_draw_check_page_before_the_questions_sends_back_to_the_first(
    client, olu, meeting, case_pool
):
    client.force_login(olu)

    response = client.get(step_url(meeting, "check"))

    assert response.url == step_url(meeting, "offences")


def test_sample_draw_check_page_lists_the_filters_in_words_and_the_matching_count(
    client, olu, meeting, case_pool
):
    client.force_login(olu)
    answer(client, meeting, outcomes={"outcome_types": ["simple-caution"]})

    page = client.get(step_url(meeting, "check")).content.decode()

    assert "<li>Outcome: Simple Caution</li>" in page
    assert '<dd class="govuk-summary-list__value" id="matching">10</dd>' in page


def test_sample_draw_first_step_ticks_the_categories_of_the_meeting_theme(
    client, olu, meeting, case_pool
):
    meeting.theme = "Stalking or Harassment"
    meeting.save()
    client.force_login(olu)

    response = client.get(draw_url(meeting))

    assert response.context["form"].initial["offence_categories"] == ["Stalking and harassment"]
    assert ticked(response.content.decode()) == ["Stalking and harassment", "on"]
    assert 'id="theme-match"' in response.content.decode()


def test_sample_draw_first_step_ticks_nothing_for_a_theme_naming_no_offence(
    client, olu, meeting, case_pool
):
    meeting.theme = "Annual review"
    meeting.save()
    client.force_login(olu)

    response = client.get(draw_url(meeting))

    assert response.context["form"].initial["offence_categories"] == []
    assert ticked(response.content.decode()) == ["on"]
    assert 'id="theme-match"' not in response.content.decode()


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        ("Stalking or Harassment", ["Stalking and harassment"]),
        ("Harassment", ["Stalking and harassment"]),
        (
            "Violence against women and girls",
            ["Stalking and harassment", "Violence with injury", "Violence without injury"],
        ),
        ("Shoplifting", ["Theft"]),
        ("Drugs", ["Drug offences"]),
        ("Assaults on emergency workers", ["Violence with injury", "Violence without injury"]),
        ("Hate crime", ["Stalking and harassment", "Violence without injury"]),
        ("Annual review", []),
        ("", []),
    ],
)
def test_theme_offence_categories_match_theme_words_to_reference_data(db, theme, expected):
    from cases.models import CrimeCode

    categories = sorted(set(CrimeCode.objects.values_list("offence_category", flat=True)))

    assert theme_offence_categories(theme=theme, categories=categories) == expected


@pytest.mark.parametrize("username", ["alice", "chris", "mina", "pat"])
def test_sample_draw_page_for_users_who_see_the_meeting_but_may_not_draw_is_forbidden(
    client, request, meeting, case_pool, username
):
    client.force_login(request.getfixturevalue(username))

    get = client.get(draw_url(meeting))
    post = client.post(step_url(meeting, "check"))

    assert (get.status_code, post.status_code) == (403, 403)
    assert SampleDraw.objects.count() == 0


@pytest.mark.parametrize("username", ["nadia", "eve"])
def test_sample_draw_page_for_users_outside_the_panel_is_not_found(
    client, request, meeting, case_pool, username
):
    client.force_login(request.getfixturevalue(username))

    get = client.get(draw_url(meeting))
    post = client.post(step_url(meeting, "check"))

    assert (get.status_code, post.status_code) == (404, 404)
    assert SampleDraw.objects.count() == 0


def test_sample_draw_page_when_signed_out_redirects_to_sign_in(client, meeting, case_pool):
    response = client.post(step_url(meeting, "check"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert SampleDraw.objects.count() == 0


def test_sample_draw_confirmed_by_opcc_staff_draws_and_returns_to_the_meeting(
    client, olu, meeting, case_pool
):
    client.force_login(olu)

    response = draw(client, meeting, size={"size": "4"})

    draw_ = SampleDraw.objects.get()
    assert response.redirect_chain == [(meeting_url(meeting), 302)]
    assert "4 cases drawn at random from 30" in response.content.decode()
    assert meeting.reviewed_cases.count() == 4
    assert draw_.filters["exclude_previously_reviewed"] is True


def test_sample_draw_forgets_the_answers_once_drawn(client, olu, meeting, case_pool):
    client.force_login(olu)
    draw(client, meeting)

    response = client.get(step_url(meeting, "check"))

    assert response.url == step_url(meeting, "offences")


def test_sample_draw_of_one_case_says_case(client, olu, meeting, case_pool):
    client.force_login(olu)

    response = draw(client, meeting, size={"size": "1"})

    assert "1 case drawn at random from 30" in response.content.decode()


def test_sample_draw_posted_with_filters_and_strata_records_them(client, olu, meeting, case_pool):
    client.force_login(olu)

    draw(
        client,
        meeting,
        offences={"offence_categories": ["Stalking and harassment"]},
        outcomes={"outcome_types": ["community-resolution", "simple-caution"]},
        dates={"outcome_from_0": "1", "outcome_from_1": "1", "outcome_from_2": "2025"},
        narrow={"crime_codes": "8q, 8L ,8Q", "flags_excluded": ["is_domestic_abuse"]},
        size={"size": "3", "strata_field": "outcome_type"},
    )

    draw_ = SampleDraw.objects.get()
    assert draw_.filters["crime_codes"] == ["8L", "8Q"]
    assert draw_.filters["flags"] == {"is_domestic_abuse": False}
    assert draw_.filters["outcome_date_from"] == "2025-01-01"
    assert draw_.strata["field"] == "outcome_type"


def test_sample_draw_through_the_steps_records_what_the_service_records_for_the_same_answers(
    client, olu, meeting, case_pool
):
    client.force_login(olu)
    draw(
        client,
        meeting,
        outcomes={"outcome_types": ["simple-caution"]},
        narrow={"flags_required": ["is_domestic_abuse"]},
        size={"size": "1", "strata_field": "outcome_type"},
    )
    through_pages = SampleDraw.objects.get()
    filters = PoolFilters(
        outcome_types=("simple-caution",),
        flags={"is_domestic_abuse": True},
        exclude_previously_reviewed=True,
    )

    direct = sample_draw(
        meeting=meeting, by=olu, filters=filters, size=1, strata_field="outcome_type"
    )

    recorded = ["filters", "strata", "pool_size", "pool_fingerprint", "sample_size"]
    assert [getattr(through_pages, f) for f in recorded] == [getattr(direct, f) for f in recorded]


def test_sample_draw_without_a_size_asks_to_enter_one(client, olu, meeting, case_pool):
    client.force_login(olu)

    response = client.post(step_url(meeting, "size"), {**SIZE, "size": ""})

    page = response.content.decode()
    assert response.status_code == 200
    assert '<a href="#id_size">Enter a sample size</a>' in page
    assert "<title>Error: Sample size – Draw the sample" in page


def test_sample_draw_larger_than_the_pool_explains_the_limit_on_the_size_page(
    client, olu, meeting, case_pool
):
    client.force_login(olu)

    response = draw(client, meeting, size={"size": "31"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Sample size must be 30 or fewer" in page
    assert 'name="size" value="31"' in page
    assert f'action="{step_url(meeting, "size")}"' in page
    assert SampleDraw.objects.count() == 0


def test_sample_draw_from_an_empty_pool_asks_to_change_the_filters(client, olu, meeting, case_pool):
    client.force_login(olu)

    response = draw(client, meeting, outcomes={"outcome_types": ["outcome-22"]})

    page = response.content.decode()
    assert "There are no cases in the pool that match these filters" in page
    assert "govuk-error-summary" in page
    assert SampleDraw.objects.count() == 0


def test_sample_draw_after_rating_started_says_so(client, olu, meeting, case_pool):
    sample_draw(meeting=meeting, by=olu, filters=PoolFilters(), size=2)
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    client.force_login(olu)

    response = draw(client, meeting)

    page = response.content.decode()
    assert "rating has started for this meeting" in page
    assert "govuk-error-summary" in page
    assert SampleDraw.objects.count() == 1


@pytest.mark.parametrize(
    ("step", "overrides", "message"),
    [
        ("size", {"size": "ten"}, "Sample size must be a whole number, like 10"),
        ("size", {"size": "0"}, "Sample size must be 1 or more"),
        ("size", {"size": "501"}, "Sample size must be 500 or fewer"),
        (
            "narrow",
            {"crime_codes": "8L, 99Z"},
            "Enter Home Office crime codes that exist; 99Z is not known",
        ),
        ("outcomes", {"outcome_types": ["made-up"]}, "Select outcome types from the list"),
        ("size", {"strata_field": "colour"}, "Select whether to spread the sample across groups"),
        (
            "narrow",
            {"flags_required": ["is_hate_crime"], "flags_excluded": ["is_hate_crime"]},
            "Select each flag in only one of the two lists",
        ),
        (
            "dates",
            {"outcome_from_0": "1", "outcome_from_1": "", "outcome_from_2": "2025"},
            "The earliest outcome date must include a month",
        ),
        (
            "dates",
            {"outcome_to_0": "31", "outcome_to_1": "2", "outcome_to_2": "2025"},
            "The latest outcome date must be a real date",
        ),
        (
            "dates",
            {
                **{"outcome_from_0": "2", "outcome_from_1": "2", "outcome_from_2": "2025"},
                **{"outcome_to_0": "1", "outcome_to_1": "2", "outcome_to_2": "2025"},
            },
            "The latest outcome date must be on or after the earliest",
        ),
    ],
)
def test_sample_draw_step_with_bad_input_says_what_to_fix_and_stays(
    client, olu, meeting, case_pool, step, overrides, message
):
    client.force_login(olu)
    defaults = STEPS[step]

    response = client.post(step_url(meeting, step), {**defaults, **overrides})

    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "govuk-error-summary" in page
    assert client.session.get(f"sample-draw-{meeting.pk}", {}).get(step) is None
    assert SampleDraw.objects.count() == 0


def test_sample_draw_pages_run_a_fixed_number_of_queries(
    client, olu, meeting, case_pool, django_assert_max_num_queries
):
    client.force_login(olu)
    answer(client, meeting)

    for step in [*STEPS, "check"]:
        with django_assert_max_num_queries(14):
            assert client.get(step_url(meeting, step)).status_code == 200


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
    assert "<code>position-sha256-v2</code>" in page
    assert "It numbered the cases that could be chosen from 0 upwards" in page
    assert "print(int('RESULT', 16) % 10)" in page
    assert f"python manage.py verify_sample {meeting.pk}" in page


def test_meeting_page_explains_a_draw_made_with_the_first_method_as_it_was_made(
    client, olu, mina, meeting, case_pool
):
    sample_draw(
        meeting=meeting, by=olu, filters=PoolFilters(), size=3, algorithm="bottomk-sha256-v1"
    )
    client.force_login(mina)

    page = client.get(meeting_url(meeting)).content.decode()

    assert "<code>bottomk-sha256-v1</code>" in page
    assert "It joined the seed to each case's reference" in page
    assert "numbered the cases" not in page


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
