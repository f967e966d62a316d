"""The page where OPCC staff choose how a report shows its figures."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.form_pages import handle_form

from .. import selectors as report_selectors
from ..enums import ReportStatus
from ..force_figures.presenters import figure_line
from . import selectors, services
from .forms import FiguresForm


@login_required
def report_figures(request, pk: int):
    report = report_selectors.panel_report_for_user(user=request.user, pk=pk)
    figures = selectors.offered_figures(report=report)
    lines = {}
    for figure in figures:
        line = figure_line(figure)
        lines[figure.pk] = f"{line.measure}, {line.period}: {line.number} ({line.source})"
    initial = {
        "version": report.version,
        "show_percentages": report.show_percentages,
        "count_by": report.count_by_id,
        "force_figures": [f.pk for f in report.force_figures.all()],
    }

    def form_of(data, initial=initial):
        fields = selectors.countable_fields(report=report)
        return FiguresForm(data, initial=initial, fields=fields, figures=figures, lines=lines)

    def show(form, status, stale):
        context = {
            "page_title": _("Figures shown in the report"),
            "report": report,
            "form": form,
            "editable": report.status == ReportStatus.DRAFT,
        }
        return render(request, "reports/report_figures.html", context, status=status)

    return handle_form(
        request,
        form_of(request.POST or None),
        save=lambda form: services.report_figures_save(
            report=report,
            by=request.user,
            version=form.cleaned_data["version"],
            show_percentages=form.cleaned_data["show_percentages"],
            count_by=form.cleaned_data["count_by"],
            force_figures=list(form.cleaned_data.get("force_figures") or []),
        ),
        message=_("Figures shown saved"),
        success=reverse("reports:report_detail", args=[report.pk]),
        render=show,
        rebind=lambda data: form_of(data, initial=None),
        what="report",
    )
