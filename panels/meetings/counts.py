"""Panel decisions counted by a field of the record each was made on: how many of each
outcome category per value, e.g. stop-and-search concerns by self-defined ethnicity, the
disproportionality question every such panel asks. For the reports that follow.

One query for the counts (grouped in the database) and one for the categories, however
many decisions there are.
"""

import json
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, F, QuerySet
from django.db.models.fields.json import KeyTextTransform
from django.utils.translation import gettext as _

from cases.models import FieldType, RecordField

from ..models import Decision, OutcomeCategory

NOT_RECORDED = "Not recorded"
YES, NO = "yes", "no"


@dataclass(frozen=True)
class FieldRow:
    """One value of the field: how many decisions fell in each category."""

    value: str  # the choice's code, "yes" or "no", the number or text; "" when not recorded
    label: str
    counts: dict[int, int]  # outcome category pk → decisions
    total: int

    def count(self, category: OutcomeCategory) -> int:
        return self.counts.get(category.pk, 0)


@dataclass(frozen=True)
class FieldCounts:
    field: RecordField
    categories: list[OutcomeCategory]  # the decisions' frameworks' categories, in order
    rows: list[FieldRow]  # values in the field's order, "Not recorded" last


def decision_counts_by_field(decisions: QuerySet[Decision], field: RecordField) -> FieldCounts:
    """The decisions counted by `field` of their cases and by outcome category.

    Rows follow the field: a list's choices in its order (each shown, counted or not),
    yes then no, numbers and text in order; then "Not recorded" for cases holding none.
    A case holding several choices of a several-of-a-list field counts once under each,
    so such rows may add up to more than the decisions.
    """
    value = _value(field)
    grouped = (
        decisions.order_by()
        .annotate(field_value=value)
        .values("category_id", "field_value")
        .annotate(n=Count("pk"))
    )
    tally: dict[str, Counter] = {}
    for row in grouped:
        for group in _groups(field, row["field_value"]):
            tally.setdefault(group, Counter())[row["category_id"]] += row["n"]
    frameworks = decisions.order_by().values("category__framework_id")
    categories = list(
        OutcomeCategory.objects.filter(framework_id__in=frameworks).order_by(
            "framework_id", "position"
        )
    )
    return FieldCounts(field=field, categories=categories, rows=_rows(field, tally))


def _value(field: RecordField):
    path = "reviewed_case__case__"
    if field.column == "outcome_type":
        return F(f"{path}outcome_type__code")
    if field.column:
        return F(f"{path}{field.column}")
    return KeyTextTransform(field.code, f"{path}values")


def _groups(field: RecordField, raw) -> list[str]:
    """The rows one case's value counts under (none recorded: the "" row)."""
    if raw is None or raw == "" or raw == []:
        return [""]
    if field.type == FieldType.YES_NO:
        return [YES if raw in (True, 1, "true", "True", "t", "1") else NO]
    if field.type == FieldType.MULTI_CHOICE:
        codes = json.loads(raw) if isinstance(raw, str) else raw
        return list(dict.fromkeys(codes)) or [""]
    if field.type == FieldType.INTEGER:
        return [str(int(raw))]
    return [str(raw)]


def _rows(field: RecordField, tally: dict[str, Counter]) -> list[FieldRow]:
    # Labels in the active language: a report's Welsh page and PDF count in Welsh.
    if field.type == FieldType.YES_NO:
        order = [(YES, _("Yes")), (NO, _("No"))]
    else:
        order = list(field.choice_labels().items())
    known = {code for code, _label in order}
    others = sorted(set(tally) - known - {""}, key=_natural)
    order += [(value, value) for value in others]
    # A list with its own "Not recorded" choice (the out of court resolution's) takes the
    # cases holding nothing too, rather than a second row of the same name.
    english = {choice["code"]: choice["label"] for choice in field.choices}
    own = next((code for code, _label in order if english.get(code) == NOT_RECORDED), None)
    if own is None:
        order.append(("", _("Not recorded")))
    else:
        tally[own] = tally.get(own, Counter()) + tally.pop("", Counter())
    return [
        FieldRow(value, label, dict(tally.get(value, {})), sum(tally.get(value, {}).values()))
        for value, label in order
    ]


def _natural(value: str):
    """Numbers in numeric order, before text in alphabetical order."""
    return (0, int(value), "") if value.lstrip("-").isdigit() else (1, 0, value)
