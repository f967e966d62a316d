"""Writes for a report's findings per criterion: which criteria it shows, and how."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .enums import CriteriaDisplay
from .models import FindingsReport
from .services import _editable, _locked, _touched


def report_criteria_save(
    *, report: FindingsReport, shown: list, display: str, by, version: int
) -> FindingsReport:
    """Show `shown` of the framework's criteria (every other one is left out), as
    `display` says. The figures stay derived from the panel's answers."""
    framework_id = report.panel.framework_id
    if any(criterion.framework_id != framework_id for criterion in shown):
        raise ValidationError({"shown": _("Select criteria of this panel's framework")})
    if display not in CriteriaDisplay.values:
        raise ValidationError({"display": _("Select how the findings per criterion are shown")})
    with transaction.atomic():
        locked = _locked(report, version)
        _editable(locked)
        chosen = {criterion.pk for criterion in shown}
        hidden = locked.panel.framework.criteria.exclude(pk__in=chosen)
        locked.criteria_hidden.set(hidden)
        locked.criteria_display = display
        locked.save(update_fields=["criteria_display"])
        _touched(locked, by)
    report.version, report.last_edited_by = locked.version, by
    report.criteria_display = display
    return locked
