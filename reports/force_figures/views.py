"""OPCC staff's pages for the force's own figures: the list, one figure, a CSV import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.bilingual import english_of, welsh_of
from core.form_pages import handle_form
from core.forms import add_service_errors
from core.permissions import by_rule

from . import csv_import, selectors, services
from .forms import FIELDS, WELSH_FIELDS, ForceFigureForm, ImportForm
from .presenters import figure_line

LIST = "reports:force_figure_list"


def _may_manage(user) -> None:
    if not by_rule("reports.manage_force_figures", user):
        raise PermissionDenied


@login_required
def force_figure_list(request):
    _may_manage(request.user)
    figures = [(f, figure_line(f)) for f in selectors.force_figures()]
    context = {"page_title": _("The force's own figures"), "figures": figures}
    return render(request, "reports/force_figures/list.html", context)


@login_required
def force_figure_edit(request, pk: int | None = None):
    _may_manage(request.user)
    figure = selectors.force_figure(pk=pk) if pk else None
    initial = {"version": 0}
    if figure is not None:
        initial = {name: getattr(figure, name) for name in FIELDS if name != "force"}
        # The words as written in each language, whatever the page's language.
        for name in ("measure", "source"):
            initial[name] = english_of(figure, name)
            initial[f"{name}_cy"] = welsh_of(figure, name)
        initial.update(force=figure.force.code, version=figure.version)
    title = _("Change a force figure") if figure else _("Add a force figure")

    def show(form, status, stale):
        context = {"page_title": title, "form": form, "figure": figure}
        return render(request, "reports/force_figures/form.html", context, status=status)

    return handle_form(
        request,
        ForceFigureForm(request.POST or None, initial=initial),
        save=lambda form: services.force_figure_save(
            by=request.user,
            values=form.values(),
            figure=figure,
            version=form.cleaned_data["version"],
        ),
        message=_("Figure saved"),
        success=reverse(LIST),
        render=show,
        rebind=lambda data: ForceFigureForm(data),
        what="figure",
    )


@login_required
def force_figure_import(request):
    _may_manage(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        rows, problems = csv_import.read(form.cleaned_data["file"])
        try:
            created = services.force_figures_import(by=request.user, rows=rows, problems=problems)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                ngettext("%(count)d figure imported", "%(count)d figures imported", len(created))
                % {"count": len(created)},
            )
            return redirect(LIST)
    context = {
        "page_title": _("Import force figures"),
        "form": form,
        "columns": FIELDS + WELSH_FIELDS,
    }
    return render(request, "reports/force_figures/import.html", context, status=200)
