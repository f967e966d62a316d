"""A draw and the panel's record kind: which of the kind's fields a draw offers as filters
and as strata, and how a field's values name a stratum's groups.

The out of court resolution keeps its fields in Case columns, and the draw's own steps
already filter it by outcome type, offence category, crime code and flag; its other
filterable fields (age band, admission …) are offered like any kind's. The three strata
drawn before kinds (outcome type, offence category, age band) keep their names, so a
recorded draw reads the same.
"""

import json
from dataclasses import dataclass

from django.db.models import F
from django.db.models.fields.json import KeyTextTransform
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.kinds.selectors import fields_by_code, kind_fields
from cases.models import FieldType, RecordField, RecordKind
from cases.models.kinds import FILTERABLE_TYPES

from ..enums import CaseFlag, Stratum
from .algorithm import SamplingError

# The columns the draw's own steps filter by: not offered again as a kind's field.
OWN_STEP_COLUMNS = frozenset({"outcome_type", "offence_category", "crime_code", *CaseFlag.values})
NOT_RECORDED = gettext_lazy("Not recorded")
YES, NO = "yes", "no"
# How a case holding several choices of a several-of-a-list field is grouped: by the
# combination, so each case is in exactly one group ("drugs+weapon").
COMBINED = "+"


@dataclass(frozen=True)
class KindDraw:
    """What a draw for a panel reviewing `kind` may filter and spread the sample by."""

    kind: RecordKind
    columns: frozenset[str]  # the kind's fields kept in Case columns
    fields: list[RecordField]  # filterable fields offered as filters of their own
    strata: list[tuple[str, str]]  # (value, label) the sample may be spread across

    def offers(self, column: str) -> bool:
        """Whether the kind has the out of court resolution's column (and its step)."""
        return column in self.columns


def kind_draw(kind: RecordKind) -> KindDraw:
    """The kind's draw filters and strata (one query: the kind's fields)."""
    every = kind_fields(kind)
    columns = frozenset(field.column for field in every if field.column)
    filterable = [f for f in every if f.filterable and f.type in FILTERABLE_TYPES]
    strata = [(s.value, s.label) for s in Stratum if s.value in columns]
    strata += [(f.code, f.label) for f in filterable if f.code not in Stratum.values]
    offered = [f for f in filterable if f.column not in OWN_STEP_COLUMNS]
    return KindDraw(kind=kind, columns=columns, fields=offered, strata=strata)


def stratum_field(stratum: str, kind: str) -> RecordField | None:
    """The kind's field a draw is spread across; None for the strata drawn before kinds."""
    if stratum in Stratum.values:
        return None
    field = fields_by_code(kind, [stratum]).get(stratum) if kind else None
    if field is None or not field.filterable or field.type not in FILTERABLE_TYPES:
        raise SamplingError(f"The sample cannot be spread across {stratum!r}: it is not a field.")
    return field


def stratum_label(stratum: str, field: RecordField | None) -> str:
    return field.label if field is not None else Stratum(stratum).label


def group_expression(field: RecordField):
    """The field's value as the database gives it, for grouping a pool: from the case's
    facets (the filterable part of `values`), which the pool index includes, so a pool
    is read from the index alone whichever field it is spread across."""
    if field.column:
        return F(field.column)
    return KeyTextTransform(field.code, "facets")


def group_value(field: RecordField, raw) -> str:
    """A case's group for the field, from the database's value (text on PostgreSQL's
    aggregated read, Python values row by row): a choice's code, "yes" or "no", the
    number, the codes of several choices joined by "+", or "" when not recorded."""
    if raw is None or raw == "":
        return ""
    if field.type == FieldType.YES_NO:
        return YES if raw in (True, 1, "true", "True", "t", "1") else NO
    if field.type == FieldType.MULTI_CHOICE:
        codes = json.loads(raw) if isinstance(raw, str) else raw
        return COMBINED.join(codes)
    if field.type == FieldType.INTEGER:
        return str(int(raw))
    return str(raw)


def group_labels(field: RecordField, groups) -> dict[str, str]:
    """Readable names for the groups a field's stratum recorded."""
    choices = field.choice_labels()
    labels = (
        {"": NOT_RECORDED, YES: _("Yes"), NO: _("No")} if field.type == FieldType.YES_NO else {}
    )
    labels.setdefault("", NOT_RECORDED)
    for group in groups:
        if group and group not in labels:
            parts = [choices.get(code, code) for code in group.split(COMBINED)]
            labels[group] = _(" and ").join(parts)
    return labels
