"""A draw's recorded filters in words, for the published method and the meeting page.

Kept outside `sampling` so a draw's model can describe itself without importing
the sampler, which imports the models.
"""

import datetime
from collections.abc import Iterable, Mapping

from cases.models import Force, OutcomeType

from .enums import CaseFlag


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
