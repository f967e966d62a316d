"""A meeting's open data and a panel's findings over time."""

import datetime

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from core import charts
from core.audit import AuditEvent, record

from ... import queries
from ...rating import reveal
from .. import resources, selectors
from ..forms import (
    PeriodForm,
)


@login_required
def meeting_export(request, pk: int, table: str, fmt: str):
    """One table of the meeting's record, as CSV, XLSX or JSON, after the reveal."""
    meeting = queries.meeting_for_user(user=request.user, pk=pk, perm="panels.export_meeting")
    if table not in resources.TABLES or fmt not in resources.FORMATS:
        raise Http404
    labels = {m.pk: label for m, label in reveal.voting_member_labels(meeting=meeting)}
    content, content_type = resources.export_meeting(
        meeting=meeting, table=table, fmt=fmt, labels=labels
    )
    record(
        AuditEvent.EXPORTED,
        meeting,
        request=request,
        summary=f"Meeting record exported: {table} as {fmt.upper()}",
        data={"table": table, "format": fmt},
    )
    response = HttpResponse(content, content_type=content_type)
    name = f"{meeting.panel.slug}-{meeting.date:%Y-%m-%d}-{table}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def panel_over_time(request, slug: str):
    """A panel's findings over a period (the last 12 months unless dates are given)."""
    panel = selectors.panel_for_user(user=request.user, slug=slug)
    form = PeriodForm(request.GET or None)
    end = timezone.localdate()
    start = end - datetime.timedelta(days=365)
    if form.is_bound and form.is_valid():
        start = form.cleaned_data["start"] or start
        end = form.cleaned_data["end"] or end
    report = selectors.panel_over_time(panel=panel, start=start, end=end)
    context = {
        "panel": panel,
        "form": form,
        "report": report,
        "chart": charts.stacked_bars(report),
        "page_title": _("%(panel)s over time") % {"panel": panel.name},
    }
    return render(request, "panels/panel_over_time.html", context)
