"""Which cases a draw may take, read from the database with as little per-row work as we can."""

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.db import connection, models
from django.db.models import Count, QuerySet

from cases.enums import CaseStatus, OffenderAgeBand
from cases.models import Case, Force, OutcomeType

from ..models import Meeting, ReviewedCase
from .algorithm import Pool, SamplingError, paused_gc


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


# The Case column each stratum groups on. Outcome types group on the key and are
# recorded by code, which saves joining a million rows to the outcome types.
STRATUM_COLUMNS = {
    Stratum.OUTCOME_TYPE: "outcome_type_id",
    Stratum.OFFENCE_CATEGORY: "offence_category",
    Stratum.OFFENDER_AGE_BAND: "offender_age_band",
}


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
    """The references of `cases` (and each one's group, when stratified) as a Pool."""
    aggregated = connection.vendor == "postgresql"
    with paused_gc():
        if stratum is None:
            return Pool.build(_references(cases) if aggregated else _reference_rows(cases))
        column = STRATUM_COLUMNS[Stratum(stratum)]
        groups = _groups(cases, column) if aggregated else _group_rows(cases, column)
        name = _group_namer(stratum)
        references, labels = [], []
        for value, refs in groups.items():
            references += refs
            labels += [name(value)] * len(refs)
        return Pool.build(references, labels)


def _references(cases: QuerySet[Case]) -> list[str]:
    # One string_agg value instead of a million rows: the database joins the
    # references and Python splits them in C, three times faster than rows.
    from django.contrib.postgres.aggregates import StringAgg

    result = cases.order_by().aggregate(n=Count("pk"), text=StringAgg("reference", "\n"))
    return _split(result["text"], result["n"])


def _groups(cases: QuerySet[Case], column: str) -> dict:
    from django.contrib.postgres.aggregates import StringAgg

    rows = (
        cases.order_by().values(column).annotate(n=Count("pk"), text=StringAgg("reference", "\n"))
    )
    return {row[column]: _split(row["text"], row["n"]) for row in rows}


def _split(text: str | None, expected: int) -> list[str]:
    parts = text.split("\n") if text else []
    if len(parts) != expected:
        raise SamplingError(
            "A case reference in the pool contains a line break, so the draw cannot be "
            "recorded. Ask a data admin to correct the reference."
        )
    return parts


def _reference_rows(cases: QuerySet[Case]) -> list[str]:
    return list(cases.order_by().values_list("reference", flat=True))


def _group_rows(cases: QuerySet[Case], column: str) -> dict:
    groups: dict = {}
    for reference, value in cases.order_by().values_list("reference", column):
        groups.setdefault(value, []).append(reference)
    return groups


def _group_namer(stratum: str) -> Callable:
    """How a stratum's database value is recorded as a group name."""
    if stratum == Stratum.OUTCOME_TYPE:
        codes = dict(OutcomeType.objects.values_list("pk", "code"))
        return codes.__getitem__
    return lambda value: value or ""


def stratum_labels(stratum: str) -> dict[str, str]:
    """Readable names for the group names a stratum records."""
    if stratum == Stratum.OUTCOME_TYPE:
        return dict(OutcomeType.objects.values_list("code", "name"))
    if stratum == Stratum.OFFENDER_AGE_BAND:
        return dict(OffenderAgeBand.choices)
    return {"": "No category recorded"}


def describe_filters(filters: Mapping) -> list[str]:
    """The recorded filters as sentences the public can read, in the order they need them."""
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
