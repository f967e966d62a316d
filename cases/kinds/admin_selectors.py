"""Reads for the data admins' record kind pages and for the history-safe edit rules: which
kinds there are, and how many cases hold each field, choice and section."""

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from core.bilingual import by_words

from ..models import Case, CaseSectionSource, ExtractBatch, RecordField, RecordKind, RecordSection
from .selectors import filter_by_field


def _count_of(queryset) -> Coalesce:
    """How many rows of `queryset` (filtered by OuterRef("pk")) there are, as a subquery."""
    counted = queryset.order_by().values("kind").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def kind_list() -> QuerySet[RecordKind]:
    """Every kind by name, with its number of fields and cases and the frameworks naming it.

    The counts are subqueries, so the cases are never joined to the fields."""
    return (
        RecordKind.objects.annotate(
            field_count=_count_of(RecordField.objects.filter(kind=OuterRef("pk"))),
            case_count=_count_of(Case.objects.filter(kind=OuterRef("pk"))),
        )
        .prefetch_related("frameworks")
        .order_by("-is_active", by_words("name"))
    )


def kind_get(*, pk: int) -> RecordKind:
    return get_object_or_404(kind_list(), pk=pk)


def kind_code_taken(code: str) -> bool:
    return RecordKind.objects.filter(code__iexact=code).exists()


def kind_name_taken(name: str, *, other_than: RecordKind | None = None) -> bool:
    kinds = RecordKind.objects.filter(name__iexact=name)
    if other_than is not None:
        kinds = kinds.exclude(pk=other_than.pk)
    return kinds.exists()


def kind_welsh_name_taken(name: str, kind: RecordKind) -> bool:
    kinds = RecordKind.objects.filter(name_cy__iexact=name)
    return (kinds.exclude(pk=kind.pk) if kind.pk else kinds).exists()


def case_count(kind: RecordKind) -> int:
    return Case.objects.filter(kind=kind).count()


def field_holders(kind: RecordKind, fields: list[RecordField]) -> dict[str, int]:
    """For each field (by code), how many cases of the kind hold a value for it, in one
    query. A field kept in a column of its own counts every case of the kind: the column is
    there, filled or not, for all of them."""
    counts = {"all": Count("pk")}
    kept_in_values = [field for field in fields if not field.column]
    for number, field in enumerate(kept_in_values):
        # Empty values are never stored, so a key present is a value held.
        counts[f"f{number}"] = Count("pk", filter=Q(values__has_key=field.code))
    found = Case.objects.filter(kind=kind).aggregate(**counts)
    held = {field.code: found["all"] for field in fields if field.column}
    for number, field in enumerate(kept_in_values):
        held[field.code] = found[f"f{number}"]
    return held


def choice_holders(kind: RecordKind, field: RecordField, codes: list[str]) -> dict[str, int]:
    """For each choice code, how many cases of the kind hold it in the field."""
    cases = Case.objects.filter(kind=kind)
    return {code: filter_by_field(cases, field, [code]).count() for code in codes}


def section_filled(section: RecordSection) -> tuple[int, bool]:
    """How many cases an agency's own extract filled this section of, and whether any
    extract (even one not yet imported) names it."""
    filled = CaseSectionSource.objects.filter(section=section).count()
    named = filled > 0 or ExtractBatch.objects.filter(section=section).exists()
    return filled, named
