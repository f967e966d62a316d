"""Writes of a report's display options: shares, a field's counts, the force's figures."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..services import _editable, _locked, _touched


def report_figures_save(
    *, report, by, version: int, show_percentages: bool, count_by, force_figures=()
):
    """What the report shows besides its counts; only a draft changes."""
    kind_id = report.panel.framework.record_kind_id
    if count_by is not None and (count_by.kind_id != kind_id or not count_by.filterable):
        raise ValidationError({"count_by": _("Select a field from the list")})
    if any(f.force_id != report.panel.force_id for f in force_figures):
        raise ValidationError({"force_figures": _("Select figures of the panel's own force")})
    with transaction.atomic():
        locked = _locked(report, version)
        _editable(locked)
        locked.show_percentages, locked.count_by = show_percentages, count_by
        locked.save(update_fields=["show_percentages", "count_by"])
        locked.force_figures.set(force_figures)
        _touched(locked, by)
    report.version, report.last_edited_by = locked.version, by
    report.show_percentages, report.count_by = show_percentages, count_by
    return report
