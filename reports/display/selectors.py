"""Reads for a report's display options."""

from cases.models import RecordField

from ..force_figures.selectors import figures_of_force


def countable_fields(*, report):
    """The filterable fields of the record kind the report's panel reviews."""
    return RecordField.objects.filter(
        kind_id=report.panel.framework.record_kind_id, filterable=True
    ).order_by("position", "pk")


def offered_figures(*, report):
    return figures_of_force(force_id=report.panel.force_id)
