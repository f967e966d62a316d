"""OPCC staff's pages for the support services reports point readers to."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.form_pages import handle_form
from core.permissions import by_rule
from core.stale import StaleEdit

from . import selectors, services
from .forms import RemoveForm, SupportServiceForm

LIST = "reports:support_service_list"


def _allowed(user) -> None:
    if not by_rule("reports.manage_support_services", user):
        raise PermissionDenied


@login_required
def support_service_list(request):
    _allowed(request.user)
    services_ = list(selectors.support_services())
    for service in services_:
        service.has_welsh = selectors.has_welsh(service)
    context = {"page_title": _("Support services"), "services": services_}
    return render(request, "reports/support/list.html", context)


@login_required
def support_service_edit(request, pk: int | None = None):
    _allowed(request.user)
    service = selectors.support_service(pk=pk) if pk is not None else None
    panels = selectors.all_panels()
    form = SupportServiceForm(request.POST or None, panels=panels, service=service)
    title = (
        _("Change “%(name)s”") % {"name": service.name} if service else _("Add a support service")
    )

    def show(form, status, stale):
        context = {"page_title": title, "form": form, "service": service}
        return render(request, "reports/support/form.html", context, status=status)

    return handle_form(
        request,
        form,
        save=lambda form: services.support_service_save(
            service=service,
            data=form.service_input(),
            by=request.user,
            version=form.cleaned_data["version"],
        ),
        message=lambda saved: _("“%(name)s” saved") % {"name": saved.name},
        success=reverse(LIST),
        render=show,
        rebind=lambda data: SupportServiceForm(data, panels=panels, service=service),
        what="support service",
    )


@login_required
def support_service_remove(request, pk: int):
    _allowed(request.user)
    service = selectors.support_service(pk=pk)
    form = RemoveForm(request.POST or None, initial={"version": service.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.support_service_delete(service=service, version=form.cleaned_data["version"])
        except StaleEdit:
            messages.error(request, _("Someone else changed this support service: check it first."))
            return redirect("reports:support_service_edit", pk=service.pk)
        messages.success(request, _("“%(name)s” removed") % {"name": service.name})
        return redirect(LIST)
    context = {
        "page_title": _("Remove “%(name)s”") % {"name": service.name},
        "form": form,
        "service": service,
    }
    return render(request, "reports/support/remove.html", context)
