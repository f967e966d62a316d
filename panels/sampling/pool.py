"""Which cases a draw may take, read from the database with as little per-row work as we can."""

import dataclasses
import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.db import connection, models
from django.db.models import QuerySet, Subquery
from django.utils.translation import gettext as _

from cases.enums import CaseStatus, OffenderAgeBand
from cases.kinds.selectors import fields_by_code, filter_by_field, filter_by_range
from cases.models import Case, OutcomeType, RecordKind
from core.models import CodePointOrder

from ..enums import CaseFlag, Stratum
from ..models import Framework, Meeting, ReviewedCase
from .algorithm import Pool, SamplingError, paused_gc
from .kind_fields import group_expression, group_labels, group_value, stratum_field

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
    # The record kind's code (blank in draws recorded before kinds), and its fields:
    # chosen values by field code (choice codes; True or False for yes or no), and
    # whole-number ranges by field code, (from, to) with either end open (None).
    kind: str = ""
    fields: Mapping[str, tuple] = field(default_factory=dict)
    ranges: Mapping[str, tuple[int | None, int | None]] = field(default_factory=dict)

    def to_json(self) -> dict:
        recorded = {
            "outcome_types": sorted(self.outcome_types),
            "offence_categories": sorted(self.offence_categories),
            "crime_codes": sorted(self.crime_codes),
            "flags": dict(sorted(self.flags.items())),
            "outcome_date_from": _iso(self.outcome_date_from),
            "outcome_date_to": _iso(self.outcome_date_to),
            "exclude_previously_reviewed": self.exclude_previously_reviewed,
        }
        # Only when set, so a draw of before reads back exactly as it was recorded.
        if self.kind:
            recorded["kind"] = self.kind
        if self.fields:
            recorded["fields"] = {
                code: sorted(chosen) for code, chosen in sorted(self.fields.items()) if chosen
            }
        if self.ranges:
            recorded["ranges"] = {
                code: {"from": low, "to": high} for code, (low, high) in sorted(self.ranges.items())
            }
        return recorded

    @classmethod
    def from_json(cls, recorded: Mapping) -> "PoolFilters":
        """The filters a draw recorded (to_json's output, with or without the force)."""

        def day(value):
            return datetime.date.fromisoformat(value) if value else None

        ranges = recorded.get("ranges") or {}
        return cls(
            outcome_types=tuple(recorded.get("outcome_types") or ()),
            offence_categories=tuple(recorded.get("offence_categories") or ()),
            crime_codes=tuple(recorded.get("crime_codes") or ()),
            flags=dict(recorded.get("flags") or {}),
            outcome_date_from=day(recorded.get("outcome_date_from")),
            outcome_date_to=day(recorded.get("outcome_date_to")),
            exclude_previously_reviewed=bool(recorded.get("exclude_previously_reviewed")),
            kind=recorded.get("kind") or "",
            fields={code: tuple(chosen) for code, chosen in (recorded.get("fields") or {}).items()},
            ranges={code: (r.get("from"), r.get("to")) for code, r in ranges.items()},
        )

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
        return self.apply_kind(cases)

    def apply_kind(self, cases: QuerySet[Case]) -> QuerySet[Case]:
        """The kind and its fields' filters (one query for the fields, when there are any)."""
        if self.kind:
            # A subquery the database answers once, so the kind's index is used.
            kind = RecordKind.objects.filter(code=self.kind).values("pk")
            cases = cases.filter(kind_id=Subquery(kind))
        wanted = {code for code, chosen in self.fields.items() if chosen} | set(self.ranges)
        if not wanted:
            return cases
        known = fields_by_code(self.kind, wanted) if self.kind else {}
        unknown = sorted(wanted - set(known))
        if unknown:
            raise SamplingError(
                f"The record kind {self.kind or '(none)'} has no field {', '.join(unknown)} "
                "to filter by."
            )
        for code, chosen in sorted(self.fields.items()):
            if chosen:
                cases = filter_by_field(cases, known[code], list(chosen))
        for code, (low, high) in sorted(self.ranges.items()):
            cases = filter_by_range(cases, known[code], low, high)
        return cases

    def without_reviews(self) -> "PoolFilters":
        """These filters but for "not reviewed before": what stays true of the drawn cases
        after the draw (a panel reviews them next)."""
        return dataclasses.replace(self, exclude_previously_reviewed=False)


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def eligible_cases(*, user, meeting: Meeting, filters: PoolFilters) -> QuerySet[Case]:
    """Cases of the panel's force and of the kind its framework reviews, still in the pool
    (not on any agenda), narrowed by filters."""
    kind = Framework.objects.filter(pk=meeting.panel.framework_id).values("record_kind_id")
    cases = Case.objects.for_user(user).filter(
        force_id=meeting.panel.force_id, status=CaseStatus.IN_POOL, kind_id=Subquery(kind)
    )
    return filters.apply(cases)


def carry_over_candidates(*, meeting: Meeting) -> QuerySet[ReviewedCase]:
    """Earlier reviews by this panel that reached no conclusion and have not come back yet,
    unless the chair chose not to carry them over."""
    return (
        ReviewedCase.objects.filter(
            meeting__panel_id=meeting.panel_id,
            meeting__date__lt=meeting.date,
            decision__category__is_inconclusive=True,
            carried_to__isnull=True,
            case__status__in=[CaseStatus.REVIEWED, CaseStatus.ON_AGENDA],
        )
        .exclude(decision__carry_over=False)
        .exclude(case__reviews__meeting=meeting)
        .select_related("case")
        .order_by("meeting__date", "position")
    )


def pool_offence_categories(*, user, meeting: Meeting) -> list[str]:
    """The offence categories found among the cases a draw for this meeting could take."""
    cases = eligible_cases(user=user, meeting=meeting, filters=PoolFilters())
    found = cases.exclude(offence_category="").values_list("offence_category", flat=True)
    return sorted(set(found.order_by().distinct()))


GROUP = "stratum_group"  # the alias a kind's field is read under


def load_pool(cases: QuerySet[Case], stratum: str | None = None, *, kind: str = "") -> Pool:
    """The references of `cases` (and each one's group, when stratified) as a Pool.

    `stratum` is one of the strata drawn before kinds (Stratum) or the code of a
    filterable field of the record kind `kind`."""
    field = stratum_field(stratum, kind) if stratum else None
    if field is not None:
        cases, column = cases.annotate(**{GROUP: group_expression(field)}), GROUP
        name = lambda raw: group_value(field, raw)  # noqa: E731
    else:
        column = STRATUM_COLUMNS[Stratum(stratum)] if stratum else None
        name = _group_namer(stratum) if stratum else None
    ordered = cases.order_by(CodePointOrder("reference"))
    read = _aggregated if connection.vendor == "postgresql" else _rows
    with paused_gc():
        references, values = read(ordered, column)
        if column is None:
            return Pool.build(references)
        names = {value: name(value) for value in set(values)}
        return Pool.build(references, list(map(names.__getitem__, values)))


def _aggregated(cases: QuerySet[Case], column: str | None) -> tuple[list[str], list[str]]:
    """References (and groups) as one row the database builds from the pool index.

    The index `case_pool_in_code_point_order` hands the references over already
    in code-point order, with the columns a draw is stratified by; joining them
    into one string there and splitting it here in C is many times faster than
    fetching a million rows. Pool.build sorts again, which costs little on a
    sorted list and means the result never depends on the plan.
    """
    columns = ["reference", column] if column else ["reference"]
    if cases.query.is_empty():  # none(): there is no SQL to wrap
        return [], []
    sql, params = cases.values_list(*columns).query.sql_with_params()
    groups = "string_agg(COALESCE(p.g::text, ''), E'\\n')" if column else "NULL"
    query = (
        f"SELECT count(*), string_agg(p.r, E'\\n'), {groups} "  # noqa: S608 # nosec B608
        f"FROM ({sql}) AS p(r{', g' if column else ''})"  # Django's SQL, ours; values as params
    )
    with connection.cursor() as cursor:
        if connection.in_atomic_block:
            # Compiling the read for a field kept in `values` takes PostgreSQL longer than
            # it saves on a million rows (about 40 to 100 ms here); for this read only.
            cursor.execute("SET LOCAL jit = off")
        cursor.execute(query, params)
        count, references, values = cursor.fetchone()
    return _split(references, count), _split(values, count) if column else []


def _split(text: str | None, expected: int) -> list[str]:
    parts = text.split("\n") if text is not None else []
    if len(parts) != expected:
        raise SamplingError(
            _(
                "A case reference or group in the pool contains a line break, so the draw "
                "cannot be recorded. Ask a data admin to correct the case."
            )
        )
    return parts


def _rows(cases: QuerySet[Case], column: str | None) -> tuple[list[str], list]:
    if column is None:
        return list(cases.values_list("reference", flat=True)), []
    rows = list(cases.values_list("reference", column))
    return [reference for reference, _ in rows], [value for _, value in rows]


def _group_namer(stratum: str) -> Callable:
    """How a stratum's database value is recorded as a group name."""
    if stratum == Stratum.OUTCOME_TYPE:
        codes = dict(OutcomeType.objects.values_list("pk", "code"))
        return lambda pk: codes[int(pk)]  # the database row gives it as text
    return lambda value: value or ""


def stratum_labels(stratum: str, groups=(), *, kind: str = "") -> dict[str, str]:
    """Readable names for the group names a stratum records (`groups`, for a kind's
    field whose groups are combinations of its choices)."""
    field = stratum_field(stratum, kind)
    if field is not None:
        return group_labels(field, groups)
    if stratum == Stratum.OUTCOME_TYPE:
        return dict(OutcomeType.objects.values_list("code", "name"))
    if stratum == Stratum.OFFENDER_AGE_BAND:
        return dict(OffenderAgeBand.choices)
    return {"": _("No category recorded")}
