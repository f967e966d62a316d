"""A draw's recorded filters in words, for the published method and the meeting page.

Kept outside `sampling` so a draw's model can describe itself without importing
the sampler, which imports the models.
"""

import datetime
from collections.abc import Iterable, Mapping

from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.kind_data import OOCR_CODE
from cases.kinds.presenters import display_value
from cases.models import Force, OutcomeType, RecordKind

from .enums import CaseFlag


def describe_filters(filters: Mapping) -> list[str]:
    """The recorded filters as sentences the public can read, in the order they need them."""
    force = Force.objects.filter(code=filters.get("force")).first()
    kind = _kind(filters)
    if force is not None:
        pool = _(
            "Finalised cases from %(force)s waiting in the pool, not on any meeting's agenda"
        ) % {"force": force}
    else:
        pool = _("Finalised cases from the force waiting in the pool, not on any meeting's agenda")
    lines = [pool]
    other = kind is not None and kind.code != OOCR_CODE  # a kind of record named as such
    if other:
        lines.append(_("Records of the kind %(kind)s") % {"kind": kind.name})
    if filters.get("outcome_types"):
        names = dict(OutcomeType.objects.values_list("code", "name"))
        lines.append(_either(_("Outcome"), [names.get(c, c) for c in filters["outcome_types"]]))
    if filters.get("offence_categories"):
        lines.append(_either(_("Offence category"), filters["offence_categories"]))
    if filters.get("crime_codes"):
        lines.append(_either(_("Home Office crime code"), filters["crime_codes"]))
    for flag, wanted in (filters.get("flags") or {}).items():
        label = CaseFlag(flag).label.lower()
        flagged = _("Flagged as %(flag)s") if wanted else _("Not flagged as %(flag)s")
        lines.append(flagged % {"flag": label})
    if kind is not None:
        lines.extend(_fields(kind, filters))
    what = kind.date_label if other else _("Outcome dated")
    lines.extend(_dates(filters.get("outcome_date_from"), filters.get("outcome_date_to"), what))
    if filters.get("exclude_previously_reviewed"):
        lines.append(_("Not reviewed by a panel before"))
    return lines


def _kind(filters: Mapping) -> RecordKind | None:
    """The kind a draw names, when its words need it: any kind but the out of court
    resolution, whose draws read as they did before kinds (none read for those)."""
    code = filters.get("kind")
    if not code or (code == OOCR_CODE and not filters.get("fields") and not filters.get("ranges")):
        return None
    return RecordKind.objects.prefetch_related("fields").filter(code=code).first()


def _fields(kind: RecordKind, filters: Mapping) -> list[str]:
    """The field filters in the kind's order (any field it no longer has, by its code)."""
    chosen, ranges = filters.get("fields") or {}, filters.get("ranges") or {}
    fields = [field for field in kind.fields.all() if field.code in {*chosen, *ranges}]
    known = {field.code for field in fields}
    lines = []
    for field in fields:
        if field.code in chosen:
            multi = field.type == "multi_choice"
            values = [display_value(field, [v] if multi else v) for v in chosen[field.code]]
            lines.append(_either(field.label, values))
        if field.code in ranges:
            lines.extend(_range(field.label, ranges[field.code]))
    for code in sorted(set(chosen) - known):
        lines.append(_either(code, map(str, chosen[code])))
    for code in sorted(set(ranges) - known):
        lines.extend(_range(code, ranges[code]))
    return lines


def _range(label: str, bounds: Mapping) -> list[str]:
    low, high = bounds.get("from"), bounds.get("to")
    names = {"label": label, "low": low, "high": high}
    if low is not None and high is not None:
        return [_("%(label)s from %(low)s to %(high)s") % names]
    if low is not None:
        return [_("%(label)s %(low)s or more") % names]
    if high is not None:
        return [_("%(label)s %(high)s or less") % names]
    return []


def _either(what: str, values: Iterable[str]) -> str:
    values = list(values)
    if len(values) == 1:
        return f"{what}: {values[0]}"
    listed = _("%(some)s or %(last)s") % {"some": ", ".join(values[:-1]), "last": values[-1]}
    return f"{what}: {listed}"


def _dates(
    start: str | None, end: str | None, what: str = gettext_lazy("Outcome dated")
) -> list[str]:
    def day(value: str) -> str:
        return date_format(datetime.date.fromisoformat(value), "j F Y")

    if start and end:
        return [
            _("%(what)s from %(start)s to %(end)s")
            % {"what": what, "start": day(start), "end": day(end)}
        ]
    if start:
        return [_("%(what)s on or after %(start)s") % {"what": what, "start": day(start)}]
    if end:
        return [_("%(what)s on or before %(end)s") % {"what": what, "end": day(end)}]
    return []
