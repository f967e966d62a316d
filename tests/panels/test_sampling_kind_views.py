"""The draw's question pages for a panel whose framework reviews another kind of record:
the kind's filterable fields are asked, the out of court resolution's own questions are
not, and the answers reach the recorded draw."""

import re

import pytest

from panels.models import SampleDraw
from tests import factories
from tests.panels.test_sampling_views import DATES, answer, step_url
from tests.record_kinds import STOP_SEARCH_POOL as POOL

KIND_STEPS = {"narrow": {}, "dates": DATES, "size": {"size": "2", "strata_field": "none"}}


def answer_kind(client, meeting, **answers):
    return [
        client.post(step_url(meeting, step), {**defaults, **answers.get(step, {})})
        for step, defaults in KIND_STEPS.items()
    ]


def names(page: str) -> list[str]:
    return sorted(set(re.findall(r'<input[^>]* name="([^"]+)"', page)) - {"csrfmiddlewaretoken"})


def test_the_first_question_asks_the_kind_s_own_fields(client, olu, ss_meeting, ss_pool):
    client.force_login(olu)

    page = client.get(step_url(ss_meeting, "narrow")).content.decode()

    assert "Which records can be drawn?" in page
    assert "step 1 of 4" in page
    assert f"There are {len(POOL)} cases from" in page
    assert names(page) == [
        "exclude_previously_reviewed",
        "kind_age_from",
        "kind_age_to",
        "kind_bwv",
        "kind_ethnicity",
        "kind_found",
        "kind_power",
    ]
    assert "Misuse of Drugs Act s23" in page and "Self-defined ethnicity" in page


def test_the_steps_of_a_kind_lead_to_check_and_a_recorded_draw(client, olu, ss_meeting, ss_pool):
    client.force_login(olu)

    responses = answer_kind(
        client,
        ss_meeting,
        narrow={"kind_ethnicity": ["b", "w"], "kind_age_to": "40", "kind_bwv": ["yes"]},
        size={"size": "1", "strata_field": "power"},
    )
    check = client.get(step_url(ss_meeting, "check")).content.decode()
    done = client.post(step_url(ss_meeting, "check"))

    assert [r.url for r in responses] == [
        step_url(ss_meeting, "dates"),
        step_url(ss_meeting, "size"),
        step_url(ss_meeting, "check"),
    ]
    assert "<li>Records of the kind Stop and search (test)</li>" in check
    assert "<li>Self-defined ethnicity: Black or White</li>" in check
    assert "<li>Body-worn video: Yes</li>" in check
    assert "<li>Age 40 or less</li>" in check
    assert '<dd class="govuk-summary-list__value" id="matching">2</dd>' in check  # SS-01, 03
    assert '<dd class="govuk-summary-list__value" id="strata">Power used</dd>' in check
    assert done.status_code == 302
    draw = SampleDraw.objects.get()
    assert draw.filters["fields"] == {"bwv": [True], "ethnicity": ["b", "w"]}
    assert draw.filters["ranges"] == {"age": {"from": None, "to": 40}}
    assert draw.strata["label"] == "Power used"
    assert draw.pool_size == 2


def test_the_date_question_names_the_kind_s_date(client, olu, ss_meeting, ss_pool):
    client.force_login(olu)

    page = client.get(step_url(ss_meeting, "dates")).content.decode()

    assert "Earliest date of search (optional)" in page
    assert "Latest date of search (optional)" in page


def test_an_age_range_ending_before_it_starts_is_refused(client, olu, ss_meeting, ss_pool):
    client.force_login(olu)

    response = client.post(
        step_url(ss_meeting, "narrow"), {"kind_age_from": "18", "kind_age_to": "10"}
    )

    assert response.status_code == 200
    assert "Age: &#x27;to&#x27; must be the same as or more than &#x27;from&#x27;" in (
        response.content.decode()
    )


def test_a_choice_not_in_the_kind_s_list_is_refused(client, olu, ss_meeting, ss_pool):
    client.force_login(olu)

    response = client.post(step_url(ss_meeting, "narrow"), {"kind_ethnicity": ["x"]})

    assert "Choose only the self-defined ethnicity options listed" in response.content.decode()


@pytest.mark.parametrize("strata", ["ethnicity", "bwv", "found", "age", "power"])
def test_every_filterable_field_is_offered_as_a_stratum(client, olu, ss_meeting, ss_pool, strata):
    client.force_login(olu)

    page = client.get(step_url(ss_meeting, "size")).content.decode()

    assert f'value="{strata}"' in page
    assert 'value="outcome_type"' not in page and 'value="grounds"' not in page


def test_an_out_of_court_draw_asks_the_age_band_with_crime_codes_and_flags(
    client, olu, meeting, case_pool
):
    for case in case_pool[:4]:
        case.offender_age_band = "under_18"
        case.save()
    client.force_login(olu)

    narrow = client.get(step_url(meeting, "narrow")).content.decode()
    answer(
        client,
        meeting,
        narrow={"crime_codes": "", "kind_offender_age_band": ["under_18"]},
        size={"size": "3", "strata_field": "none"},
    )
    client.post(step_url(meeting, "check"))

    assert "Offender age band" in narrow and 'name="kind_admission"' in narrow
    assert 'name="crime_codes"' in narrow and 'name="flags_required"' in narrow
    draw = SampleDraw.objects.get()
    assert draw.pool_size == 4
    assert draw.filters["fields"] == {"offender_age_band": ["under_18"]}


def test_the_pool_of_a_kind_draw_leaves_out_other_kinds_of_the_force(
    client, olu, ss_meeting, ss_pool
):
    factories.CaseFactory(force=ss_meeting.panel.force, reference="OC-2")
    client.force_login(olu)
    answer_kind(client, ss_meeting, size={"size": "8", "strata_field": "none"})

    client.post(step_url(ss_meeting, "check"))

    assert sorted(SampleDraw.objects.get().selected_references) == [row[0] for row in POOL]
