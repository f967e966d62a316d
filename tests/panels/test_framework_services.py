"""Framework edits: what may change once history points at a framework, and what may not."""

import pytest
from django.core.exceptions import ValidationError

from core.models import AuditEntry, AuditEvent
from core.stale import StaleEdit
from panels.enums import Assessment
from panels.frameworks import services as services
from panels.models import Criterion, CriterionAssessment, CriterionGroup, OutcomeCategory
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework():
    return factories.framework()


@pytest.fixture
def decided(alice):
    """A category a panel decision chose."""
    category = factories.category("inconsistent")
    factories.DecisionFactory(category=category, recorded_by=alice)
    return category


@pytest.fixture
def unused(framework, alice):
    return services.part_save(
        by=alice,
        framework=framework,
        model=OutcomeCategory,
        values={"code": "spare", "label": "Spare", "short_label": "Spare"},
    )


@pytest.fixture
def assessed(framework):
    criterion = framework.criteria.order_by("position").first()
    rating = factories.RatingFactory()
    CriterionAssessment.objects.create(rating=rating, criterion=criterion, value=Assessment.MET)
    return criterion


def _save(part, by, **values):
    return services.part_save(
        by=by,
        framework=part.framework,
        model=type(part),
        part=part,
        values=values,
        seen=services.fingerprint(part),
    )


def _reloaded(part):
    return type(part).objects.get(pk=part.pk)


# --- categories -------------------------------------------------------------------------


def test_category_added_goes_at_the_end(framework, unused):
    assert unused.position == framework.categories.count()


@pytest.mark.parametrize("flag", ["requires_reasons", "is_inconclusive", "is_adverse"])
def test_category_used_by_a_decision_keeps_its_meaning(alice, decided, flag):
    with pytest.raises(ValidationError) as refused:
        _save(decided, alice, **{flag: not getattr(decided, flag)})

    assert "so what it means cannot change" in refused.value.message_dict[flag][0]
    assert getattr(_reloaded(decided), flag) == getattr(decided, flag)


def test_category_used_by_a_decision_keeps_its_code(alice, decided):
    with pytest.raises(ValidationError) as refused:
        _save(decided, alice, code="renamed")

    assert refused.value.message_dict["code"] == [
        "This category is used by ratings or decisions, so its code cannot change"
    ]
    assert _reloaded(decided).code == "inconsistent"


def test_category_used_by_a_rating_keeps_its_code(alice):
    rated = factories.RatingFactory().category

    with pytest.raises(ValidationError):
        _save(rated, alice, code="renamed")

    assert _reloaded(rated).code == rated.code


def test_category_used_by_a_decision_cannot_be_deleted(alice, decided):
    with pytest.raises(ValidationError) as refused:
        services.part_delete(by=alice, part=decided, seen=services.fingerprint(decided))

    assert "so it cannot be deleted" in refused.value.messages[0]
    assert OutcomeCategory.objects.filter(pk=decided.pk).exists()


def test_category_in_use_may_have_its_wording_fixed_and_the_fix_is_recorded(alice, decided):
    _save(decided, alice, label="Inconsistent with police policy (corrected)")

    assert _reloaded(decided).label == "Inconsistent with police policy (corrected)"
    entry = AuditEntry.objects.get(event=AuditEvent.CHANGED, summary__startswith="Wording")
    assert (entry.actor, entry.summary) == (alice, "Wording fixed on a category in use: label")


def test_category_not_in_use_may_change_its_code_and_meaning(alice, unused):
    _save(unused, alice, code="renamed", is_adverse=True)

    assert (_reloaded(unused).code, _reloaded(unused).is_adverse) == ("renamed", True)


def test_category_not_in_use_may_be_deleted(alice, unused):
    services.part_delete(by=alice, part=unused, seen=services.fingerprint(unused))

    assert not OutcomeCategory.objects.filter(pk=unused.pk).exists()


def test_category_code_taken_in_the_framework_is_refused(alice, framework):
    with pytest.raises(ValidationError) as refused:
        services.part_save(
            by=alice,
            framework=framework,
            model=OutcomeCategory,
            values={"code": "consistent", "label": "Again", "short_label": "Again"},
        )

    assert refused.value.message_dict["code"] == [
        "Enter a code no other category in this framework uses"
    ]
    assert framework.categories.filter(code="consistent").count() == 1


def test_category_edit_from_a_stale_form_is_refused(alice, unused):
    seen = services.fingerprint(unused)
    _save(unused, alice, label="Changed by someone else")

    with pytest.raises(StaleEdit) as refused:
        services.part_save(
            by=alice,
            framework=unused.framework,
            model=OutcomeCategory,
            part=unused,
            values={"label": "Mine"},
            seen=seen,
        )

    assert refused.value.current.label == "Changed by someone else"
    assert _reloaded(unused).label == "Changed by someone else"


def test_category_moves_up_by_swapping_with_its_neighbour(alice, framework, unused):
    above = framework.categories.get(position=unused.position - 1)

    moved = services.part_move(by=alice, part=unused, direction="up")

    assert moved is True
    assert (_reloaded(unused).position, _reloaded(above).position) == (
        above.position,
        unused.position,
    )


def test_category_at_the_top_does_not_move_up(alice, framework):
    first = framework.categories.order_by("position").first()

    assert services.part_move(by=alice, part=first, direction="up") is False
    assert _reloaded(first).position == first.position


# --- criteria and groups ----------------------------------------------------------------


def test_criterion_assessed_keeps_its_code_and_cannot_be_deleted(alice, assessed):
    with pytest.raises(ValidationError) as refused_code:
        _save(assessed, alice, code="renamed")
    with pytest.raises(ValidationError) as refused_delete:
        services.part_delete(by=alice, part=assessed, seen=services.fingerprint(assessed))

    assert refused_code.value.message_dict["code"] == [
        "This criterion has been assessed, so its code cannot change"
    ]
    assert "so it cannot be deleted" in refused_delete.value.messages[0]
    assert _reloaded(assessed).code == assessed.code


def test_criterion_assessed_may_have_its_guidance_fixed(alice, assessed):
    _save(assessed, alice, guidance="Clearer guidance.")

    assert _reloaded(assessed).guidance == "Clearer guidance."
    assert AuditEntry.objects.filter(summary="Wording fixed on a criterion in use: guidance")


def test_group_holding_an_assessed_criterion_keeps_its_code(alice, framework, assessed):
    group = services.part_save(
        by=alice,
        framework=framework,
        model=CriterionGroup,
        values={"code": "general", "label": "General"},
    )
    _save(assessed, alice, group=group)

    with pytest.raises(ValidationError) as refused:
        _save(_reloaded(group), alice, code="renamed")

    assert refused.value.message_dict["code"] == [
        "Criteria in this group have been assessed, so its code cannot change"
    ]


def test_group_with_criteria_cannot_be_deleted(alice, framework):
    group = services.part_save(
        by=alice, framework=framework, model=CriterionGroup, values={"code": "g", "label": "G"}
    )
    criterion = framework.criteria.order_by("-position").first()
    _save(criterion, alice, group=group)

    with pytest.raises(ValidationError) as refused:
        services.part_delete(by=alice, part=group, seen=services.fingerprint(group))

    assert refused.value.messages == ["Move or delete the criteria in this group first"]
    assert CriterionGroup.objects.filter(pk=group.pk).exists()


def test_criterion_from_another_framework_group_is_refused(alice, framework):
    other = services.framework_save(
        by=alice, values={"name": "Other", "slug": "other", "kind": "other"}
    )
    foreign = services.part_save(
        by=alice, framework=other, model=CriterionGroup, values={"code": "g", "label": "G"}
    )
    criterion = framework.criteria.order_by("position").first()

    with pytest.raises(ValidationError):
        _save(criterion, alice, group=foreign)

    assert Criterion.objects.get(pk=criterion.pk).group_id is None


# --- frameworks -------------------------------------------------------------------------


def _save_framework(framework, by, **values):
    return services.framework_save(
        by=by, framework=framework, values=values, seen=services.fingerprint(framework)
    )


def test_framework_in_use_keeps_its_code_and_kind(alice, framework, decided):
    with pytest.raises(ValidationError) as refused:
        _save_framework(framework, alice, slug="renamed", kind="other")

    assert set(refused.value.message_dict) == {"slug", "kind"}
    framework.refresh_from_db()
    assert (framework.slug, framework.kind) == ("oocr-four-way", "oocr")


def test_framework_in_use_may_be_retired_and_renamed(alice, framework, decided):
    _save_framework(framework, alice, is_active=False, name="OoCR (old)")

    framework.refresh_from_db()
    assert (framework.is_active, framework.name) == (False, "OoCR (old)")


def test_framework_not_in_use_may_change_its_code(alice):
    fresh = services.framework_save(
        by=alice, values={"name": "Fresh", "slug": "fresh", "kind": "other"}
    )

    _save_framework(fresh, alice, slug="fresher")

    fresh.refresh_from_db()
    assert fresh.slug == "fresher"
