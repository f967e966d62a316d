"""Reads of record kinds and of a case's values by its kind's fields."""

from django.db import connection
from django.db.models import Prefetch, Q
from django.db.models.fields.json import KeyTextTransform
from django.db.models.lookups import Contains

from ..models import Case, CaseSectionSource, FieldType, RecordField, RecordKind, RecordSection


def kind_by_code(code: str) -> RecordKind:
    return RecordKind.objects.get(code=code)


def kind_fields(kind: RecordKind) -> list[RecordField]:
    """The kind's fields in the order they show: by section, then position."""
    return list(kind.fields.select_related("section").order_by("section__position", "position"))


def kind_sections(kind: RecordKind) -> list[RecordSection]:
    """The kind's sections in order, each with its fields prefetched (`section.fields.all()`)."""
    fields = RecordField.objects.order_by("position", "pk")
    return list(
        kind.sections.order_by("position", "pk").prefetch_related(Prefetch("fields", fields))
    )


def filterable_fields(kind: RecordKind) -> list[RecordField]:
    return [field for field in kind_fields(kind) if field.filterable]


def section_sources(case: Case) -> dict[int, CaseSectionSource]:
    """Which section-only extract last filled each section of the case, by section pk
    (one query; who imported it loaded with it)."""
    sources = CaseSectionSource.objects.filter(case=case).select_related("imported_by")
    return {source.section_id: source for source in sources}


def field_value(case: Case, field: RecordField):
    """What a case holds for one field, from its column or its values; None when empty."""
    if field.column:
        value = getattr(case, field.column)
        return None if value in ("", None) else value
    value = case.values.get(field.code)
    return None if value in ("", None, []) else value


def filter_by_field(cases, field: RecordField, chosen: list):
    """Cases whose field holds one of `chosen` (stored codes; True/False for yes/no).

    Fields kept in `values` are filtered on the case's facets (the filterable part of
    `values`, cases/kinds/facets.py) by containment (`facets @> {"code": value}`), which
    PostgreSQL answers from the GIN index `case_facets_gin`.
    """
    if field.column:
        column = f"{field.column}__code" if field.column == "outcome_type" else field.column
        return cases.filter(**{f"{column}__in": chosen})
    query = Q()
    for value in chosen:
        query |= _holds(field, value)
    return cases.filter(query)


def _holds(field: RecordField, value) -> Q:
    multi = field.type == FieldType.MULTI_CHOICE
    if connection.vendor == "postgresql":
        return Q(facets__contains={field.code: [value] if multi else value})
    # SQLite has no JSON containment: read the key (a list's JSON text for several-of-a-list,
    # matched as text: JSONField's own `contains` is not supported there).
    if multi:
        return Q(Contains(KeyTextTransform(field.code, "facets"), f'"{value}"'))
    return Q(**{f"facets__{field.code}": value})


def filter_by_range(cases, field: RecordField, low: int | None, high: int | None):
    """Cases whose whole-number field lies between `low` and `high` (either may be None)."""
    lookup = field.column or f"facets__{field.code}"
    if low is not None:
        cases = cases.filter(**{f"{lookup}__gte": low})
    if high is not None:
        cases = cases.filter(**{f"{lookup}__lte": high})
    return cases


def fields_by_code(kind_code: str, codes) -> dict[str, RecordField]:
    """The named fields of the kind with code `kind_code`, by code (one query)."""
    found = RecordField.objects.filter(kind__code=kind_code, code__in=list(codes))
    return {field.code: field for field in found.select_related("section")}


# How many of a kind's fields a case's summary shows beside its number.
SUMMARY_SIZE = 2


def summary_fields(kind_ids) -> dict[int, list[RecordField]]:
    """For each kind, the fields a case's short summary shows (one query for all kinds).

    They are the kind's required filterable "one of a list" fields (the out of court
    resolution's outcome type; a stop and search's power and object), or, for a kind with
    none, its first filterable ones: at most `SUMMARY_SIZE`, in the kind's order."""
    found: dict[int, list[RecordField]] = {pk: [] for pk in kind_ids}
    fields = RecordField.objects.filter(
        kind_id__in=list(found), filterable=True, type=FieldType.CHOICE
    ).order_by("kind_id", "section__position", "position", "pk")
    for field in fields:
        found[field.kind_id].append(field)
    return {pk: _summary_choice(fields) for pk, fields in found.items()}


def _summary_choice(fields: list[RecordField]) -> list[RecordField]:
    required = [field for field in fields if field.required]
    return (required or fields)[:SUMMARY_SIZE]
