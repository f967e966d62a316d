"""Checking a recorded draw: re-run it from the stored pool and compare, and check the
drawn cases against the filters the draw recorded."""

from django.core.exceptions import ValidationError

from cases.models import Case

from ..enums import CaseSource
from ..models import SampleDraw
from .algorithm import Pool, group_shares
from .methods import METHODS, choose
from .pool import PoolFilters


def verify(draw: SampleDraw) -> list[str]:
    """Everything that does not match when the draw is re-run; empty when it verifies."""
    if draw.algorithm_version not in METHODS:
        known = ", ".join(sorted(METHODS))
        return [f"Unknown algorithm {draw.algorithm_version!r}; these are known: {known}."]
    try:
        stored = draw.pool
    except SampleDraw.pool.RelatedObjectDoesNotExist:
        return ["The list of eligible references was not recorded."]
    pool = Pool.decompress(stored.references, stored.strata)
    problems = _pool_problems(draw, pool)
    if problems:
        return problems
    again = choose(seed=draw.seed, pool=pool, size=draw.sample_size, version=draw.algorithm_version)
    problems = _differences("the recorded draw", draw.selected_references, "the re-draw", again)
    if draw.strata:
        shares = group_shares(pool, draw.sample_size)
        recorded = {g["value"]: g["sample"] for g in draw.strata.get("groups", [])}
        if recorded != shares:
            problems.append(f"Recorded shares per group {recorded} do not match {shares}.")
    return problems + filter_problems(draw)


def filter_problems(draw: SampleDraw) -> list[str]:
    """The drawn cases the recorded filters no longer select: the filters (the record
    kind and its fields' among them) are applied again to the drawn cases still held.

    A drawn case's facts are held once it is on an agenda (imports list changes to it
    rather than apply them), so each should still match; "not reviewed before" is left
    out, as the drawn cases are reviewed next. A draw recorded before kinds has no kind
    or field filters and is checked on the filters it has.
    """
    try:
        filters = PoolFilters.from_json(draw.filters).without_reviews()
        drawn = Case.objects.filter(
            force__code=draw.filters.get("force"), reference__in=draw.selected_references
        )
        held = set(drawn.values_list("reference", flat=True))
        matching = set(filters.apply(drawn).values_list("reference", flat=True))
    except (ValidationError, ValueError, TypeError) as failed:
        return [f"The recorded filters cannot be applied again: {_reason(failed)}"]
    strays = [ref for ref in draw.selected_references if ref in held and ref not in matching]
    if strays:
        return [f"Drawn cases the recorded filters do not select: {', '.join(strays)}"]
    return []


def _reason(failed: Exception) -> str:
    return " ".join(failed.messages) if isinstance(failed, ValidationError) else str(failed)


def _pool_problems(draw: SampleDraw, pool: Pool) -> list[str]:
    problems = []
    if pool.fingerprint != draw.pool_fingerprint:
        problems.append(
            f"Pool fingerprint is {pool.fingerprint}, but {draw.pool_fingerprint} was recorded."
        )
    if pool.size != draw.pool_size:
        problems.append(f"Pool holds {pool.size} references, but {draw.pool_size} were recorded.")
    references = pool.references()
    if any(a >= b for a, b in zip(references, references[1:], strict=False)):
        problems.append("Pool references are not in sorted order, or one appears twice.")
    if pool.is_stratified != bool(draw.strata):
        problems.append("Pool groups do not match whether the draw was stratified.")
    return problems


def verify_agenda(draw: SampleDraw) -> list[str]:
    """Whether the meeting's drawn cases are the ones this draw selected, in order."""
    on_agenda = list(
        draw.meeting.reviewed_cases.filter(source=CaseSource.SAMPLED)
        .order_by("position")
        .values_list("case__reference", "draw_id")
    )
    agenda = [ref for ref, _ in on_agenda]
    problems = _differences("the draw", draw.selected_references, "the agenda", agenda)
    if any(draw_id != draw.pk for _, draw_id in on_agenda):
        problems.append("Some drawn cases on the agenda belong to another draw.")
    return problems


def _differences(name_a: str, a: list[str], name_b: str, b: list[str]) -> list[str]:
    if a == b:
        return []
    set_a, set_b = set(a), set(b)
    only_a = [ref for ref in a if ref not in set_b]
    only_b = [ref for ref in b if ref not in set_a]
    problems = [f"{name_a.capitalize()} and {name_b} differ."]
    if only_a:
        problems.append(f"Only in {name_a}: {', '.join(only_a)}")
    if only_b:
        problems.append(f"Only in {name_b}: {', '.join(only_b)}")
    if not only_a and not only_b:
        problems.append(f"Same cases in a different order: {', '.join(b)}")
    return problems
