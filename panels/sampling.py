"""Auditable random dip sampling: which cases could be drawn, and which were.

The algorithm ("bottomk-sha256-v1", see docs/adr/0004-dip-sampling.md) gives
every eligible reference a score, SHA-256 of "<seed>:<reference>", and takes the
cases with the smallest scores. It needs nothing but the seed and the list of
references, so anyone holding both can repeat it, in any language, and the order
rows come out of the database cannot change the result. A stratified draw shares
the sample between groups by largest remainder and takes the smallest scores
within each group.

The pool is recorded as text: the references sorted by code point, each followed
by a newline. Its SHA-256 is the pool fingerprint, so `LC_ALL=C sort | sha256sum`
on a plain list of references gives the same value.
"""

import datetime
import gc
import hashlib
import heapq
import re
import secrets
import zlib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Count, QuerySet, Value
from django.db.models.functions import Concat

from cases.enums import CaseStatus, OffenderAgeBand
from cases.models import Case, Force, OutcomeType

from .enums import CaseSource
from .models import Meeting, ReviewedCase, SampleDraw

ALGORITHM_VERSION = "bottomk-sha256-v1"
SEED_PATTERN = re.compile(r"[0-9A-Za-z_.-]{1,64}")


class Stratum(models.TextChoices):
    """Case fields a sample can be spread across."""

    OUTCOME_TYPE = "outcome_type", "Outcome type"
    OFFENCE_CATEGORY = "offence_category", "Offence category"
    OFFENDER_AGE_BAND = "offender_age_band", "Offender age band"


class CaseFlag(models.TextChoices):
    """Case flags a pool can be filtered on; values are Case field names."""

    DOMESTIC_ABUSE = "is_domestic_abuse", "Domestic abuse"
    HATE_CRIME = "is_hate_crime", "Hate crime"
    VIOLENCE = "is_violence", "Violence"
    SEXUAL = "is_sexual", "Sexual offence"


# The Case column each stratum groups on; outcome types are recorded by code.
STRATUM_COLUMNS = {
    Stratum.OUTCOME_TYPE: "outcome_type__code",
    Stratum.OFFENCE_CATEGORY: "offence_category",
    Stratum.OFFENDER_AGE_BAND: "offender_age_band",
}


class SamplingError(ValidationError):
    """The pool cannot be drawn from or recorded as it stands."""


def new_seed() -> str:
    return secrets.token_hex(16)


def score(seed: str, reference: str) -> str:
    """One reference's score as hex: what a person checking the draw by hand computes."""
    return hashlib.sha256(f"{seed}:{reference}".encode()).hexdigest()


# ---------------------------------------------------------------------------
# The pure algorithm


@dataclass(frozen=True)
class Pool:
    """The eligible references exactly as recorded: sorted, one per line, UTF-8."""

    text: bytes
    strata_text: bytes = b""

    @classmethod
    def build(cls, references: list[str], strata: list[str] | None = None) -> "Pool":
        if strata is None:
            references = sorted(references)
        else:
            pairs = sorted(zip(references, strata, strict=True))
            references = [ref for ref, _ in pairs]
            strata = [group for _, group in pairs]
        pool = cls(_lines(references), _lines(strata) if strata is not None else b"")
        if pool.text.count(b"\n") != len(references):
            raise SamplingError(
                "A case reference in the pool contains a line break, so the draw cannot be "
                "recorded. Ask a data admin to correct the reference."
            )
        if strata is not None and pool.strata_text.count(b"\n") != len(strata):
            raise SamplingError("A case's group contains a line break, so it cannot be stratified.")
        return pool

    @property
    def size(self) -> int:
        return self.text.count(b"\n")

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.text).hexdigest()

    @property
    def is_stratified(self) -> bool:
        return bool(self.strata_text)

    def references(self) -> list[bytes]:
        return self.text.split(b"\n")[:-1]

    def groups(self) -> dict[str, list[bytes]]:
        """References per group, groups in code-point order."""
        groups: dict[str, list[bytes]] = {}
        labels = self.strata_text.decode().split("\n")[:-1]
        for label, ref in zip(labels, self.references(), strict=True):
            groups.setdefault(label, []).append(ref)
        return dict(sorted(groups.items()))

    def compressed(self) -> tuple[bytes, bytes]:
        return zlib.compress(self.text, 1), zlib.compress(self.strata_text, 1)

    @classmethod
    def decompress(cls, references: bytes, strata: bytes) -> "Pool":
        return cls(zlib.decompress(bytes(references)), zlib.decompress(bytes(strata)))


def _lines(values: list[str]) -> bytes:
    return "".join(f"{value}\n" for value in values).encode()


def allocate(counts: Mapping[str, int], size: int) -> dict[str, int]:
    """Share `size` between groups in proportion to their counts (largest remainder).

    Each group first gets the whole part of its quota; the seats left over go to
    the largest fractional parts, ties to the larger group, then to the group
    whose name sorts first. Exact integer arithmetic, so every checker agrees.
    """
    total = sum(counts.values())
    if not 0 <= size <= total:
        raise ValueError(f"Cannot allocate {size} from {total}.")
    if size == 0:
        return dict.fromkeys(sorted(counts), 0)
    shares = {group: size * n // total for group, n in counts.items()}
    left = size - sum(shares.values())
    order = sorted(counts, key=lambda g: (-(size * counts[g] % total), -counts[g], g))
    for group in order[:left]:
        shares[group] += 1
    return dict(sorted(shares.items()))


def select(*, seed: str, pool: Pool, size: int) -> list[str]:
    """The drawn references, smallest score first."""
    if not 0 <= size <= pool.size:
        raise ValueError(f"Cannot draw {size} from {pool.size}.")
    prefix = f"{seed}:".encode()
    with _gc_paused():
        if not pool.is_stratified:
            chosen = _bottom_k(prefix, pool.references(), size)
        else:
            groups = pool.groups()
            shares = allocate({g: len(refs) for g, refs in groups.items()}, size)
            chosen = sorted(
                pair for g, refs in groups.items() for pair in _bottom_k(prefix, refs, shares[g])
            )
    return [ref.decode() for _, ref in chosen]


def _bottom_k(prefix: bytes, references: list[bytes], k: int) -> list[tuple[bytes, bytes]]:
    """(score, reference) for the k smallest scores; ties, which need a SHA-256
    collision, go to the reference that sorts first."""
    if k <= 0:
        return []
    sha256 = hashlib.sha256
    scores = [sha256(prefix + ref).digest() for ref in references]
    if k >= len(references):
        return sorted(zip(scores, references, strict=True))
    cutoff = heapq.nsmallest(k, scores)[-1]
    return sorted(pair for pair in zip(scores, references, strict=True) if pair[0] <= cutoff)[:k]


@contextmanager
def _gc_paused() -> Iterator[None]:
    # A million short-lived strings would set off a full collection several
    # times over; none of them form cycles, so pausing it is safe and halves
    # the time of a large draw.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# ---------------------------------------------------------------------------
# Which cases may be drawn


@dataclass(frozen=True)
class PoolFilters:
    """What OPCC staff chose to narrow the pool by; recorded on the draw as JSON."""

    outcome_types: tuple[str, ...] = ()
    offence_categories: tuple[str, ...] = ()
    crime_codes: tuple[str, ...] = ()
    flags: Mapping[str, bool] = field(default_factory=dict)
    outcome_date_from: datetime.date | None = None
    outcome_date_to: datetime.date | None = None
    exclude_previously_reviewed: bool = False

    def to_json(self) -> dict:
        return {
            "outcome_types": sorted(self.outcome_types),
            "offence_categories": sorted(self.offence_categories),
            "crime_codes": sorted(self.crime_codes),
            "flags": dict(sorted(self.flags.items())),
            "outcome_date_from": _iso(self.outcome_date_from),
            "outcome_date_to": _iso(self.outcome_date_to),
            "exclude_previously_reviewed": self.exclude_previously_reviewed,
        }

    def apply(self, cases: QuerySet[Case]) -> QuerySet[Case]:
        if self.outcome_types:
            cases = cases.filter(outcome_type__code__in=self.outcome_types)
        if self.offence_categories:
            cases = cases.filter(offence_category__in=self.offence_categories)
        if self.crime_codes:
            cases = cases.filter(crime_code__code__in=self.crime_codes)
        if self.flags:
            cases = cases.filter(**{CaseFlag(f).value: v for f, v in self.flags.items()})
        if self.outcome_date_from:
            cases = cases.filter(outcome_date__gte=self.outcome_date_from)
        if self.outcome_date_to:
            cases = cases.filter(outcome_date__lte=self.outcome_date_to)
        if self.exclude_previously_reviewed:
            reviews = ReviewedCase.objects.filter(case=models.OuterRef("pk"))
            cases = cases.exclude(models.Exists(reviews))
        return cases


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def eligible_cases(*, user, meeting: Meeting, filters: PoolFilters) -> QuerySet[Case]:
    """Cases of the panel's force still in the pool (not on any agenda), narrowed by filters."""
    cases = Case.objects.for_user(user).filter(
        force_id=meeting.panel.force_id, status=CaseStatus.IN_POOL
    )
    return filters.apply(cases)


def carry_over_candidates(*, meeting: Meeting) -> QuerySet[ReviewedCase]:
    """Earlier reviews by this panel that reached no conclusion and have not come back yet."""
    return (
        ReviewedCase.objects.filter(
            meeting__panel_id=meeting.panel_id,
            meeting__date__lt=meeting.date,
            decision__category__is_inconclusive=True,
            carried_to__isnull=True,
            case__status__in=[CaseStatus.REVIEWED, CaseStatus.ON_AGENDA],
        )
        .exclude(case__reviews__meeting=meeting)
        .select_related("case")
        .order_by("meeting__date", "position")
    )


def pool_offence_categories(*, user, meeting: Meeting) -> list[str]:
    """The offence categories found among the cases a draw for this meeting could take."""
    cases = eligible_cases(user=user, meeting=meeting, filters=PoolFilters())
    found = cases.exclude(offence_category="").values_list("offence_category", flat=True)
    return sorted(set(found.order_by().distinct()))


def load_pool(cases: QuerySet[Case], stratum: str | None = None) -> Pool:
    """Read the references (and groups) of `cases` with as little per-row work as we can."""
    column = STRATUM_COLUMNS[Stratum(stratum)] if stratum else None
    with _gc_paused():
        if connection.vendor == "postgresql":
            references, strata = _fetch_aggregated(cases, column)
        else:
            references, strata = _fetch_rows(cases, column)
        return Pool.build(references, strata)


def _fetch_rows(cases: QuerySet[Case], column: str | None) -> tuple[list[str], list[str] | None]:
    if column is None:
        return list(cases.order_by().values_list("reference", flat=True)), None
    rows = list(cases.order_by().values_list("reference", column))
    return [ref for ref, _ in rows], [group or "" for _, group in rows]


def _fetch_aggregated(cases, column) -> tuple[list[str], list[str] | None]:
    # One string_agg value instead of a million rows: the database joins the
    # references, Python splits them in C. About three times faster than
    # values_list for a large pool.
    from django.contrib.postgres.aggregates import StringAgg

    line = "reference"
    if column is not None:
        line = Concat("reference", Value("\t"), column, output_field=models.TextField())
    result = cases.order_by().aggregate(
        n=Count("pk"), text=StringAgg(line, delimiter="\n", output_field=models.TextField())
    )
    if not result["n"]:
        return [], None if column is None else []
    parts = result["text"].replace("\t", "\n").split("\n")
    if column is None:
        return _checked(parts, result["n"]), None
    _checked(parts, 2 * result["n"])
    return parts[0::2], parts[1::2]


def _checked(parts: list[str], expected: int) -> list[str]:
    if len(parts) != expected:
        raise SamplingError(
            "A case reference in the pool contains a line break or tab, so the draw cannot "
            "be recorded. Ask a data admin to correct the reference."
        )
    return parts


# ---------------------------------------------------------------------------
# Plain words for the public


def describe_filters(filters: Mapping) -> list[str]:
    """The recorded filters as sentences, in the order a reader needs them."""
    force = Force.objects.filter(code=filters.get("force")).first()
    lines = [
        f"Finalised cases from {force or 'the force'} waiting in the pool, "
        "not on any meeting's agenda"
    ]
    if filters.get("outcome_types"):
        names = dict(OutcomeType.objects.values_list("code", "name"))
        lines.append(_either("Outcome", [names.get(c, c) for c in filters["outcome_types"]]))
    if filters.get("offence_categories"):
        lines.append(_either("Offence category", filters["offence_categories"]))
    if filters.get("crime_codes"):
        lines.append(_either("Home Office crime code", filters["crime_codes"]))
    for flag, wanted in (filters.get("flags") or {}).items():
        label = CaseFlag(flag).label.lower()
        lines.append(f"Flagged as {label}" if wanted else f"Not flagged as {label}")
    lines.extend(_dates(filters.get("outcome_date_from"), filters.get("outcome_date_to")))
    if filters.get("exclude_previously_reviewed"):
        lines.append("Not reviewed by a panel before")
    return lines


def _either(what: str, values: Iterable[str]) -> str:
    values = list(values)
    if len(values) == 1:
        return f"{what}: {values[0]}"
    return f"{what}: {', '.join(values[:-1])} or {values[-1]}"


def _dates(start: str | None, end: str | None) -> list[str]:
    def day(value: str) -> str:
        return f"{datetime.date.fromisoformat(value):%-d %B %Y}"

    if start and end:
        return [f"Outcome dated from {day(start)} to {day(end)}"]
    if start:
        return [f"Outcome dated on or after {day(start)}"]
    if end:
        return [f"Outcome dated on or before {day(end)}"]
    return []


def stratum_labels(stratum: str) -> dict[str, str]:
    """Readable names for the values a stratum records."""
    if stratum == Stratum.OUTCOME_TYPE:
        return dict(OutcomeType.objects.values_list("code", "name"))
    if stratum == Stratum.OFFENDER_AGE_BAND:
        return dict(OffenderAgeBand.choices)
    return {"": "No category recorded"}


# ---------------------------------------------------------------------------
# Checking a recorded draw


def verify(draw: SampleDraw) -> list[str]:
    """Everything that does not match when the draw is re-run; empty when it verifies."""
    if draw.algorithm_version != ALGORITHM_VERSION:
        return [f"Unknown algorithm {draw.algorithm_version!r}; this is {ALGORITHM_VERSION}."]
    try:
        stored = draw.pool
    except SampleDraw.pool.RelatedObjectDoesNotExist:
        return ["The list of eligible references was not recorded."]
    pool = Pool.decompress(stored.references, stored.strata)
    problems = _pool_problems(draw, pool)
    if problems:
        return problems
    again = select(seed=draw.seed, pool=pool, size=draw.sample_size)
    problems = _differences("the recorded draw", draw.selected_references, "the re-draw", again)
    if draw.strata:
        shares = allocate({g: len(r) for g, r in pool.groups().items()}, draw.sample_size)
        recorded = {g["value"]: g["sample"] for g in draw.strata.get("groups", [])}
        if recorded != shares:
            problems.append(f"Recorded shares per group {recorded} do not match {shares}.")
    return problems


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
