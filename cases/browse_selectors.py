"""Reads for the data admins' case and batch lists, each scoped to what the user may see.

The case table is large (a million rows in the benchmarks), so the list filters only on
indexed columns (force, status and outcome type lead one index; outcome date has its
own), orders by outcome date, and joins its few foreign keys in the same query.
"""

from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from core.bilingual import by_words

from .enums import FindingStatus
from .kinds.selectors import filter_by_field, filter_by_range, kind_fields
from .models import Case, CrimeCode, ExtractBatch, Force, OutcomeType, PrivacyFinding, RecordKind
from .models.kinds import FILTERABLE_TYPES

# The orders the case list offers (`?sort=`), each one an index can give a page of without
# sorting the whole table (bench/load/explain.py explains each on a million cases):
# outcome date reads its own index forwards or backwards, offence category the
# (offence_category, -outcome_date, -id) index, and reference the unique (force,
# reference) pair, so references are in order within each force (all of them once a
# force is chosen). Status is not offered: no index leads with it, and sorting by it
# read the whole table (1.5 s for a million cases); the status filter narrows instead.
CASE_ORDERS = {
    "-outcome_date": ("-outcome_date", "-pk"),
    "outcome_date": ("outcome_date", "pk"),
    "reference": ("force_id", "reference"),
    "-reference": ("-force_id", "-reference"),
    "offence_category": ("offence_category", "-outcome_date", "-pk"),
    "-offence_category": ("-offence_category", "outcome_date", "pk"),
}
DEFAULT_CASE_ORDER = "-outcome_date"


def case_list(*, user, filters: dict, sort: str = DEFAULT_CASE_ORDER) -> QuerySet[Case]:
    """Cases the user may see, narrowed by the filters given (keys as in the case filter
    form; empty values are ignored), in the order `sort` names (newest outcome first for
    anything not in CASE_ORDERS)."""
    cases = Case.objects.for_user(user).select_related("force", "outcome_type", "kind")
    lookups = {
        "force": "force",
        "outcome_type": "outcome_type",
        "offence_category": "offence_category",
        "status": "status",
        "batch": "batch_id",
        "from": "outcome_date__gte",
        "to": "outcome_date__lte",
    }
    for key, lookup in lookups.items():
        if filters.get(key) not in (None, ""):
            cases = cases.filter(**{lookup: filters[key]})
    if filters.get("kind"):
        cases = cases.filter(kind=filters["kind"])
    # A kind's fields: [(field, chosen values)] and [(field, from, to)], from the kind's
    # filterable fields; kept in `values`, PostgreSQL answers them from its GIN index.
    for field, chosen in filters.get("kind_fields", ()):
        cases = filter_by_field(cases, field, chosen)
    for field, low, high in filters.get("kind_ranges", ()):
        cases = filter_by_range(cases, field, low, high)
    if filters.get("q"):
        # A prefix of the pseudonymous reference, as written in the extract.
        cases = cases.filter(reference__startswith=filters["q"].strip())
    return cases.order_by(*CASE_ORDERS.get(sort, CASE_ORDERS[DEFAULT_CASE_ORDER]))


def case_for_user(*, user, pk: int) -> Case:
    """The case with what its page shows, or 404 if the user may not see it."""
    return get_object_or_404(
        Case.objects.for_user(user).select_related(
            "force", "kind", "outcome_type", "crime_code", "batch__uploaded_by"
        ),
        pk=pk,
    )


def case_history(*, case: Case) -> QuerySet:
    return case.status_history.select_related("changed_by")


def kind_choices() -> QuerySet[RecordKind]:
    return RecordKind.objects.order_by(by_words("name"))


# The case list's own filters already ask these (outcome type, offence category).
LISTED_COLUMNS = frozenset({"outcome_type", "offence_category"})


def kind_filter_fields(kind: RecordKind) -> list:
    """The kind's fields the case list can filter by, in the kind's order (one query)."""
    return [
        field
        for field in kind_fields(kind)
        if field.filterable
        and field.type in FILTERABLE_TYPES
        and field.column not in LISTED_COLUMNS
    ]


def force_choices() -> QuerySet[Force]:
    return Force.objects.order_by("name")


def outcome_type_choices() -> QuerySet[OutcomeType]:
    return OutcomeType.objects.order_by("position", "name")


def offence_categories() -> list[str]:
    """The offence categories of the crime codes: a small table, unlike the cases."""
    return list(
        CrimeCode.objects.exclude(offence_category="")
        .order_by("offence_category")
        .values_list("offence_category", flat=True)
        .distinct()
    )


def batch_list(*, user, filters: dict) -> QuerySet[ExtractBatch]:
    """Batches the user may see, newest first, each with its count of open findings."""
    open_findings = PrivacyFinding.objects.filter(batch=OuterRef("pk"), status=FindingStatus.OPEN)
    open_count = open_findings.order_by().values("batch").annotate(n=Count("pk")).values("n")[:1]
    batches = (
        ExtractBatch.objects.for_user(user)
        .select_related("force", "uploaded_by")
        .annotate(open_findings=Coalesce(Subquery(open_count), 0))
    )
    if filters.get("status"):
        batches = batches.filter(status=filters["status"])
    if filters.get("findings") == "open":
        batches = batches.filter(Exists(open_findings))
    return batches.order_by("-uploaded_at", "-pk")
