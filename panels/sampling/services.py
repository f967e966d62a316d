"""Building a meeting's agenda: the random draw and cases added by hand."""

import dataclasses
from concurrent.futures import ThreadPoolExecutor

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.enums import CaseStatus
from cases.models import Case, Force
from cases.workflow import case_transitions
from core.audit import AuditEvent, record
from core.bilingual import english
from core.workflow import TransitionNotAllowed

from .. import sampling
from ..enums import CaseSource, MeetingStatus
from ..models import Meeting, ReviewedCase, SampleDraw, SampleDrawPool


def sample_draw(
    *,
    meeting: Meeting,
    by,
    filters: sampling.PoolFilters,
    size: int,
    strata_field: str | None = None,
    seed: str | None = None,
    algorithm: str = sampling.ALGORITHM_VERSION,
) -> SampleDraw:
    """Draw the meeting's cases at random from the pool and put them on its agenda.

    Drawing again while the meeting is planned replaces the cases drawn before,
    which go back to the pool; every draw stays on record. Cases the panel could
    not conclude on at an earlier meeting join the agenda as carried over. A seed or
    an earlier method (`algorithm`) is for tests and the benchmark, never staff.
    """
    seed = _checked_seed(seed)
    if size < 1:
        raise ValidationError({"size": _("Sample size must be 1 or more")})
    with transaction.atomic():
        meeting = _lock_planned_meeting(meeting)
        # The draw records the kind of record it was drawn from, whoever built the filters.
        filters = dataclasses.replace(filters, kind=meeting.panel.framework.record_kind.code)
        _release_drawn_cases(meeting=meeting, by=by)
        cases = sampling.eligible_cases(user=by, meeting=meeting, filters=filters)
        pool = sampling.load_pool(cases, strata_field, kind=filters.kind)
        _check_pool(pool, size)
        with ThreadPoolExecutor(max_workers=1) as worker:
            # zlib lets go of the interpreter lock, so the pool record is compressed
            # while the cases are chosen and the agenda is written.
            compressing = worker.submit(lambda: pool.compressed)
            selected = sampling.select_and_seal(seed=seed, pool=pool, size=size, version=algorithm)
            draw = _record_draw(
                meeting=meeting,
                by=by,
                filters=filters,
                strata_field=strata_field,
                seed=seed,
                pool=pool,
                selected=selected,
                algorithm=algorithm,
            )
            _build_agenda(meeting=meeting, draw=draw, by=by)
            _store_pool(draw, *compressing.result())
        record(
            AuditEvent.DRAWN,
            meeting,
            actor=by,
            summary=f"{draw.sample_size} of {draw.pool_size:,} cases drawn at random",
            data={"draw": draw.pk, "seed": seed, "pool_size": draw.pool_size},
        )
    return draw


def _checked_seed(seed: str | None) -> str:
    if seed is None:
        return sampling.new_seed()
    if not sampling.SEED_PATTERN.fullmatch(seed):
        raise ValidationError(_("A seed is 1 to 64 letters, digits, dots, dashes or underscores."))
    return seed


NOT_PLANNED = {
    "draw": gettext_lazy("The sample cannot be drawn because rating has started for this meeting."),
    "add": gettext_lazy("Cases cannot be added because rating has started for this meeting."),
}


def _lock_planned_meeting(meeting: Meeting, what: str = "draw") -> Meeting:
    locked = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("panel__framework__record_kind")
        .get(pk=meeting.pk)
    )
    if locked.status != MeetingStatus.PLANNED:
        raise ValidationError(NOT_PLANNED[what], code="not_planned")
    # One draw per force at a time, so two meetings cannot take the same case.
    Force.objects.select_for_update().filter(pk=locked.panel.force_id).first()
    return locked


def _release_drawn_cases(*, meeting: Meeting, by) -> None:
    drawn = meeting.reviewed_cases.filter(source=CaseSource.SAMPLED)
    started = Q(ratings__isnull=False) | Q(conflicts__isnull=False) | Q(decision__isnull=False)
    if drawn.filter(started | Q(observations__isnull=False)).exists():
        raise ValidationError(
            _("The sample cannot be drawn again because work on the drawn cases has started."),
            code="work_started",
        )
    cases = [reviewed.case for reviewed in drawn.select_related("case")]
    drawn.delete()
    case_transitions(
        cases=[case for case in cases if case.status == CaseStatus.ON_AGENDA],
        to=CaseStatus.IN_POOL,
        by=by,
        note="Replaced by a new draw",
    )


def _check_pool(pool: sampling.Pool, size: int) -> None:
    if pool.size == 0:
        raise ValidationError(
            _("There are no cases in the pool that match these filters. Change the filters."),
            code="empty_pool",
        )
    if size > pool.size:
        raise ValidationError(
            {
                "size": _(
                    "Sample size must be %(size)s or fewer, the number of cases in the "
                    "pool that match these filters"
                )
                % {"size": pool.size}
            },
            code="too_large",
        )


def _record_draw(
    *, meeting, by, filters, strata_field, seed, pool, selected, algorithm
) -> SampleDraw:
    draw = SampleDraw(
        meeting=meeting,
        drawn_by=by,
        seed=seed,
        algorithm_version=algorithm,
        filters={"force": meeting.panel.force.code, **filters.to_json()},
        strata=_strata_record(pool, strata_field, len(selected), filters.kind),
        pool_size=pool.size,
        pool_fingerprint=pool.fingerprint,
        sample_size=len(selected),
        selected_references=selected,
    )
    draw.full_clean()
    draw.save()
    return draw


def _store_pool(draw: SampleDraw, references: bytes, strata: bytes) -> None:
    stored = SampleDrawPool(draw=draw, references=references, strata=strata)
    stored.full_clean()
    stored.save(force_insert=True)  # its key is the draw's, so save() would try an UPDATE first


@english()  # kept in English, the language of the record, whoever draws (docs/adr/0017)
def _strata_record(pool: sampling.Pool, strata_field: str | None, size: int, kind: str) -> dict:
    if not strata_field:
        return {}
    counts = pool.group_counts
    shares = sampling.group_shares(pool, size)
    labels = sampling.stratum_labels(strata_field, counts, kind=kind)
    groups = [
        {"value": g, "label": str(labels.get(g, g)), "pool": n, "sample": shares[g]}
        for g, n in counts.items()
    ]
    field = sampling.stratum_field(strata_field, kind)
    label = sampling.stratum_label(strata_field, field)
    # A JSON record: translatable labels are stored as the text they gave.
    return {"field": strata_field, "label": str(label), "groups": groups}


def _build_agenda(*, meeting: Meeting, draw: SampleDraw, by) -> None:
    """Kept rows first (renumbered), then cases carried over, then the draw in score order."""
    kept = 0
    for row in meeting.reviewed_cases.order_by("position"):
        kept += 1
        # Compacting in ascending order never collides with a row still to move.
        if row.position != kept:
            row.position = kept
            row.save(update_fields=["position"])
    added = [
        ReviewedCase(
            meeting=meeting,
            case=origin.case,
            source=CaseSource.CARRIED_OVER,
            carried_over_from=origin,
        )
        for origin in sampling.carry_over_candidates(meeting=meeting)
    ]
    cases = Case.objects.filter(
        force_id=meeting.panel.force_id, reference__in=draw.selected_references
    )
    by_reference = {case.reference: case for case in cases}
    added += [
        ReviewedCase(meeting=meeting, case=by_reference[ref], source=CaseSource.SAMPLED, draw=draw)
        for ref in draw.selected_references
    ]
    for position, reviewed in enumerate(added, start=kept + 1):
        reviewed.position = position
        # Values are checked here. The rows they point at were loaded (and the
        # meeting locked) in this transaction and the database enforces the
        # constraints, so checking those again a query at a time adds nothing.
        reviewed.clean_fields(exclude=["meeting", "case", "draw", "carried_over_from"])
    ReviewedCase.objects.bulk_create(added)
    # A carried-over case still on an agenda comes from a meeting that has not
    # closed yet, so it never left one.
    moving = [
        r.case
        for r in added
        if not (r.source == CaseSource.CARRIED_OVER and r.case.status == CaseStatus.ON_AGENDA)
    ]
    try:
        case_transitions(cases=moving, to=CaseStatus.ON_AGENDA, by=by, note=f"Agenda of {meeting}")
    except TransitionNotAllowed:
        raise ValidationError(
            _("The pool changed while the sample was being drawn. Draw the sample again."),
            code="pool_changed",
        ) from None


def agenda_add_case(*, meeting: Meeting, reference: str, by) -> ReviewedCase:
    """Put one case from the pool on a planned meeting's agenda by hand, at the end.

    The case leaves the pool through the case workflow, as a drawn one does, so no
    other meeting's draw can take it; redrawing the sample keeps it.
    """
    reference = reference.strip()
    if not reference:
        raise ValidationError({"reference": _("Enter a case reference")})
    with transaction.atomic():
        meeting = _lock_planned_meeting(meeting, what="add")
        case = (
            Case.objects.for_user(by)
            .select_for_update()
            .filter(force_id=meeting.panel.force_id, reference=reference)
            .first()
        )
        if case is None or case.status != CaseStatus.IN_POOL:
            raise ValidationError(
                {"reference": _not_in_pool(case, reference, meeting)}, code="not_in_pool"
            )
        last = meeting.reviewed_cases.aggregate(last=Max("position"))["last"] or 0
        reviewed = ReviewedCase(
            meeting=meeting, case=case, source=CaseSource.ADDED, position=last + 1
        )
        reviewed.full_clean()
        reviewed.save()
        case_transitions(
            cases=[case], to=CaseStatus.ON_AGENDA, by=by, note=f"Added by hand to {meeting}"
        )
    return reviewed


def _not_in_pool(case: Case | None, reference: str, meeting: Meeting) -> str:
    if case is None:
        return _("No case from %(force)s has the reference %(reference)s") % {
            "force": meeting.panel.force.name,
            "reference": reference,
        }
    if case.status == CaseStatus.ON_AGENDA:
        return _("Case %(reference)s is already on a meeting's agenda") % {"reference": reference}
    return _("Case %(reference)s is not in the pool (%(status)s)") % {
        "reference": reference,
        "status": case.get_status_display().lower(),
    }
