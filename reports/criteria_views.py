"""OPCC staff's page choosing a report's findings per criterion."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.form_pages import handle_form

from . import selectors
from .criteria_services import report_criteria_save
from .enums import ReportStatus
from .forms import ReportCriteriaForm


@login_required
def report_criteria(request, pk: int):
    report = selectors.panel_report_for_user(user=request.user, pk=pk)
    criteria, hidden = selectors.report_criteria_choice(report=report)
    heading = report.panel.framework.criteria_heading
    initial = {
        "version": report.version,
        "shown": [c.pk for c in criteria if c.pk not in hidden],
        "display": report.criteria_display,
    }

    def form_for(data):
        return ReportCriteriaForm(data, initial=initial, criteria=criteria, heading=heading)

    def show(form, status, stale):
        context = {
            "page_title": _("Findings on each of the %(heading)s") % {"heading": heading.lower()},
            "report": report,
            "form": form,
            "editable": report.status == ReportStatus.DRAFT,
        }
        return render(request, "reports/criteria_form.html", context, status=status)

    return handle_form(
        request,
        form_for(request.POST or None),
        save=lambda form: report_criteria_save(
            report=report,
            shown=list(form.cleaned_data["shown"]),
            display=form.cleaned_data["display"],
            by=request.user,
            version=form.cleaned_data["version"],
        ),
        message=_("The findings per criterion have been saved"),
        success=reverse("reports:report_detail", kwargs={"pk": report.pk}),
        render=show,
        rebind=form_for,
        what="report",
    )
