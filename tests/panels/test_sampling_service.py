"""sample_draw: the pool, the record, the agenda, and bad input that changes nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from cases.enums import CaseStatus
from cases.models import Case, CaseStatusChange
from panels import sampling
from panels.enums import CaseSource, MeetingStatus
from panels.models import Decision, ReviewedCase, SampleDraw, SampleDrawPool
from panels.sampling import Pool, PoolFilters
from panels.sampling.services import sample_draw
from panels.workflow import meeting_transition
from tests import factories
from tests.panels.test_sampling_positions import drawn_slowly


def draw(meeting, user, size=5, filters=None, **kwargs) -> SampleDraw:
    return sample_draw(
        meeting=meeting, by=user, filters=filters or PoolFilters(), size=size, **kwargs
    )


def agenda_references(meeting) -> list[str]:
    return list(
        meeting.reviewed_cases.order_by("position").values_list("case__reference", flat=True)
    )


def snapshot() -> dict:
    """Everything a draw could change."""
    return {
        "draws": SampleDraw.objects.count(),
        "pools": SampleDrawPool.objects.count(),
        "agenda": list(ReviewedCase.objects.values_list("meeting_id", "case_id", "position")),
        "statuses": dict(Case.objects.values_list("reference", "status")),
        "history": CaseStatusChange.objects.count(),
    }


def test_sample_draw_puts_the_drawn_cases_on_the_agenda_in_number_order(meeting, olu, case_pool):
    result = draw(meeting, olu, size=5, seed="agenda")

    pool = Pool.build([c.reference for c in case_pool])
    expected = drawn_slowly("agenda", pool, 5)
    assert agenda_references(meeting) == expected
    assert result.selected_references == expected
    assert list(meeting.reviewed_cases.values_list("source", flat=True)) == ["sampled"] * 5
    assert set(meeting.reviewed_cases.values_list("draw_id", flat=True)) == {result.pk}


def test_sample_draw_with_the_first_method_takes_the_smallest_scores(meeting, olu, case_pool):
    result = draw(meeting, olu, size=5, seed="agenda", algorithm="bottomk-sha256-v1")

    references = [c.reference for c in case_pool]
    expected = sorted(references, key=lambda r: sampling.score("agenda", r))[:5]
    assert (result.algorithm_version, agenda_references(meeting)) == (
        "bottomk-sha256-v1",
        expected,
    )


def test_sample_draw_records_seed_filters_fingerprint_and_algorithm(meeting, olu, case_pool):
    filters = PoolFilters(outcome_types=("simple-caution",))

    result = draw(meeting, olu, size=3, filters=filters, seed="record")

    eligible = sorted(c.reference for c in case_pool if c.outcome_type.code == "simple-caution")
    assert result.seed == "record"
    assert result.algorithm_version == "position-sha256-v2"
    assert result.filters == {
        "force": meeting.panel.force.code,
        **filters.to_json(),
        "kind": "oocr",  # the framework's record kind, whoever built the filters
    }
    assert result.pool_size == 10
    assert result.pool_fingerprint == Pool.build(eligible).fingerprint
    assert result.sample_size == 3
    assert result.drawn_by == olu
    stored = Pool.decompress(result.pool.references, result.pool.strata)
    assert stored == Pool.build(eligible)


def test_sample_draw_without_a_seed_makes_a_new_random_one(meeting, olu, case_pool):
    result = draw(meeting, olu)

    assert len(result.seed) == 32
    assert int(result.seed, 16) >= 0


def test_sample_draw_moves_cases_through_the_case_workflow(meeting, olu, case_pool):
    result = draw(meeting, olu, size=2)

    drawn = Case.objects.filter(reference__in=result.selected_references)
    assert list(drawn.values_list("status", flat=True)) == ["on_agenda", "on_agenda"]
    history = CaseStatusChange.objects.filter(case__in=drawn)
    assert sorted(history.values_list("from_status", "to_status", "changed_by")) == [
        ("in_pool", "on_agenda", olu.pk),
        ("in_pool", "on_agenda", olu.pk),
    ]


def test_sample_draw_again_with_the_same_seed_draws_the_same_cases(meeting, olu, case_pool):
    first = draw(meeting, olu, size=6, seed="same")

    second = draw(meeting, olu, size=6, seed="same")

    assert second.selected_references == first.selected_references
    assert second.pool_fingerprint == first.pool_fingerprint


def test_sample_draw_again_returns_earlier_cases_to_the_pool_and_keeps_the_old_draw(
    meeting, olu, case_pool
):
    first = draw(meeting, olu, size=6, seed="first")

    second = draw(meeting, olu, size=6, seed="second")

    assert list(meeting.draws.order_by("drawn_at", "pk")) == [first, second]
    assert agenda_references(meeting) == second.selected_references
    dropped = set(first.selected_references) - set(second.selected_references)
    assert set(Case.objects.filter(reference__in=dropped).values_list("status", flat=True)) == {
        "in_pool"
    }
    assert first.pool_size == second.pool_size == 30


def test_sample_draw_takes_only_in_pool_cases_of_the_panel_force(meeting, olu, case_pool):
    factories.CaseFactory(reference="OTHER-FORCE")
    factories.CaseFactory(force=meeting.panel.force, reference="SP-99", status="on_agenda")
    factories.CaseFactory(force=meeting.panel.force, reference="SP-98", status="withdrawn")

    result = draw(meeting, olu, size=30)

    assert sorted(result.selected_references) == sorted(c.reference for c in case_pool)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (PoolFilters(outcome_types=("simple-caution",)), 10),
        (PoolFilters(offence_categories=("Theft",)), 7),
        (PoolFilters(crime_codes=("8L", "8Q")), 15),
        (PoolFilters(flags={"is_domestic_abuse": True}), 6),
        (PoolFilters(flags={"is_domestic_abuse": False}), 24),
        (PoolFilters(outcome_date_to=datetime.date(2025, 2, 10)), 4),
        (PoolFilters(outcome_date_from=datetime.date(2025, 10, 1)), 3),
    ],
)
def test_sample_draw_pool_follows_the_filters(meeting, olu, case_pool, filters, expected):
    result = draw(meeting, olu, size=1, filters=filters)

    assert result.pool_size == expected


def test_sample_draw_can_leave_out_cases_reviewed_before(meeting, olu, case_pool):
    earlier = factories.MeetingFactory(panel=meeting.panel, date=datetime.date(2025, 6, 1))
    factories.ReviewedCaseFactory(meeting=earlier, case=case_pool[0], position=1)

    kept = draw(meeting, olu, size=1, filters=PoolFilters())
    left_out = draw(meeting, olu, size=1, filters=PoolFilters(exclude_previously_reviewed=True))

    assert (kept.pool_size, left_out.pool_size) == (30, 29)


def test_sample_draw_stratified_shares_the_sample_by_largest_remainder(meeting, olu, case_pool):
    result = draw(meeting, olu, size=4, strata_field="outcome_type", seed="strata")

    # 20 community resolutions and 10 simple cautions: quotas 2.67 and 1.33.
    assert result.strata["groups"] == [
        {"value": "community-resolution", "label": "Community Resolution", "pool": 20, "sample": 3},
        {"value": "simple-caution", "label": "Simple Caution", "pool": 10, "sample": 1},
    ]
    outcomes = Case.objects.filter(reference__in=result.selected_references).values_list(
        "outcome_type__code", flat=True
    )
    assert sorted(outcomes) == ["community-resolution"] * 3 + ["simple-caution"]


def test_sample_draw_larger_than_the_pool_changes_nothing(meeting, olu, case_pool):
    before = snapshot()

    with pytest.raises(ValidationError) as error:
        draw(meeting, olu, size=31)

    assert error.value.message_dict == {
        "size": [
            "Sample size must be 30 or fewer, the number of cases in the pool that match "
            "these filters"
        ]
    }
    assert snapshot() == before


def test_sample_draw_from_an_empty_pool_changes_nothing(meeting, olu, case_pool):
    before = snapshot()

    with pytest.raises(ValidationError) as error:
        draw(meeting, olu, size=1, filters=PoolFilters(outcome_types=("outcome-22",)))

    assert error.value.messages == [
        "There are no cases in the pool that match these filters. Change the filters."
    ]
    assert snapshot() == before


def test_sample_draw_again_that_fails_leaves_the_earlier_draw_in_place(meeting, olu, case_pool):
    draw(meeting, olu, size=5)
    before = snapshot()

    with pytest.raises(ValidationError):
        draw(meeting, olu, size=31)

    assert snapshot() == before


def test_sample_draw_after_rating_started_changes_nothing(meeting, olu, case_pool):
    draw(meeting, olu, size=5)
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    before = snapshot()

    with pytest.raises(ValidationError) as error:
        draw(meeting, olu, size=5)

    assert error.value.messages == [
        "The sample cannot be drawn because rating has started for this meeting."
    ]
    assert snapshot() == before


def test_sample_draw_again_after_ratings_were_made_changes_nothing(meeting, olu, mina, case_pool):
    draw(meeting, olu, size=5)
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    factories.RatingFactory(
        reviewed_case=meeting.reviewed_cases.first(),
        membership=mina.memberships.get(),
    )
    meeting_transition(meeting=meeting, to=MeetingStatus.PLANNED, by=olu)
    before = snapshot()

    with pytest.raises(ValidationError) as error:
        draw(meeting, olu, size=5)

    assert error.value.messages == [
        "The sample cannot be drawn again because work on the drawn cases has started."
    ]
    assert snapshot() == before


def test_sample_draw_with_a_size_below_one_is_refused(meeting, olu, case_pool):
    with pytest.raises(ValidationError) as error:
        draw(meeting, olu, size=0)

    assert error.value.message_dict == {"size": ["Sample size must be 1 or more"]}


def test_sample_draw_by_someone_who_cannot_see_the_pool_finds_it_empty(meeting, mina, case_pool):
    with pytest.raises(ValidationError, match="no cases in the pool"):
        draw(meeting, mina, size=1)


def inconclusive_review(panel, case, date, olu):
    earlier = factories.MeetingFactory(panel=panel, date=date)
    reviewed = factories.ReviewedCaseFactory(meeting=earlier, case=case, position=1)
    factories.DecisionFactory(
        reviewed_case=reviewed, category=factories.category("no-conclusion"), recorded_by=olu
    )
    case.status = CaseStatus.REVIEWED
    case.save()
    return reviewed


def test_sample_draw_adds_cases_carried_over_from_an_inconclusive_decision(meeting, olu, case_pool):
    carried_case = factories.CaseFactory(force=meeting.panel.force, reference="CARRIED-1")
    origin = inconclusive_review(meeting.panel, carried_case, datetime.date(2025, 6, 1), olu)

    result = draw(meeting, olu, size=3)

    assert agenda_references(meeting) == ["CARRIED-1", *result.selected_references]
    carried = meeting.reviewed_cases.get(case=carried_case)
    assert (carried.source, carried.carried_over_from, carried.draw) == (
        CaseSource.CARRIED_OVER,
        origin,
        None,
    )
    carried_case.refresh_from_db()
    assert carried_case.status == CaseStatus.ON_AGENDA


def test_sample_draw_again_keeps_carried_over_cases_once(meeting, olu, case_pool):
    carried_case = factories.CaseFactory(force=meeting.panel.force, reference="CARRIED-1")
    inconclusive_review(meeting.panel, carried_case, datetime.date(2025, 6, 1), olu)
    draw(meeting, olu, size=3)

    second = draw(meeting, olu, size=4)

    assert agenda_references(meeting) == ["CARRIED-1", *second.selected_references]
    assert list(meeting.reviewed_cases.values_list("position", flat=True)) == [1, 2, 3, 4, 5]


def test_sample_draw_does_not_carry_over_conclusive_or_later_decisions(meeting, olu, case_pool):
    concluded = factories.CaseFactory(force=meeting.panel.force, reference="DONE-1")
    earlier = factories.MeetingFactory(panel=meeting.panel, date=datetime.date(2025, 6, 1))
    factories.DecisionFactory(
        reviewed_case=factories.ReviewedCaseFactory(meeting=earlier, case=concluded, position=1),
        recorded_by=olu,
    )
    later_case = factories.CaseFactory(force=meeting.panel.force, reference="LATER-1")
    inconclusive_review(meeting.panel, later_case, meeting.date + datetime.timedelta(days=30), olu)

    result = draw(meeting, olu, size=2)

    assert agenda_references(meeting) == result.selected_references


def test_sample_draw_that_picks_a_case_gone_from_the_pool_changes_nothing(
    meeting, olu, case_pool, monkeypatch
):
    # As if another request withdrew a case between reading the pool and the agenda.
    gone = case_pool[0]
    Case.objects.filter(pk=gone.pk).update(status=CaseStatus.WITHDRAWN)
    before = snapshot()
    monkeypatch.setattr(
        sampling, "select_and_seal", lambda **kwargs: [gone.reference, case_pool[1].reference]
    )

    with pytest.raises(ValidationError, match="The pool changed while the sample was being drawn"):
        draw(meeting, olu, size=2)

    assert snapshot() == before


def test_sample_draw_leaves_out_a_case_the_chair_chose_not_to_carry_over(meeting, olu, case_pool):
    kept_back = factories.CaseFactory(force=meeting.panel.force, reference="KEPT-1")
    origin = inconclusive_review(meeting.panel, kept_back, datetime.date(2025, 6, 1), olu)
    Decision.objects.filter(reviewed_case=origin).update(carry_over=False)

    result = draw(meeting, olu, size=3)

    assert agenda_references(meeting) == result.selected_references
