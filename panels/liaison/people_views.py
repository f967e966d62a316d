"""Granting the force liaison role: the list of liaisons, inviting one, ending one. For
OPCC staff and data admins, as the panels' people pages are."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.form_pages import handle_form

from ..people.selectors import forces
from ..people.views import people_manager_required
from . import grants, presenters, selectors
from .forms import EndForm, LiaisonInviteForm


def _posted(request):
    return request.POST if request.method == "POST" else None


@people_manager_required
def liaison_list(request):
    context = {
        "liaisons": selectors.force_liaisons(),
        "page_title": _("Force liaisons"),
    }
    return render(request, "panels/liaison/liaison_list.html", context)


@people_manager_required
def liaison_invite(request):
    def show(form, status, stale):
        context = {"form": form, "page_title": _("Invite a force liaison")}
        return render(request, "panels/liaison/liaison_invite.html", context, status=status)

    return handle_form(
        request,
        LiaisonInviteForm(_posted(request), forces=forces()),
        save=lambda form: grants.liaison_invite(by=request.user, **form.cleaned_data),
        message=presenters.invited,
        success=reverse("panels:liaison_list"),
        render=show,
    )


@people_manager_required
def liaison_end(request, pk: int):
    liaison = get_object_or_404(selectors.force_liaisons().filter(ended_on__isnull=True), pk=pk)

    def show(form, status, stale):
        context = {
            "form": form,
            "liaison": liaison,
            "name": presenters.person(liaison.user),
            "page_title": _("End %(name)s's role as force liaison")
            % {"name": presenters.person(liaison.user)},
        }
        return render(request, "panels/liaison/liaison_end.html", context, status=status)

    return handle_form(
        request,
        EndForm(_posted(request), version=liaison.version),
        save=lambda form: grants.liaison_end(
            liaison=liaison, by=request.user, version=form.cleaned_data["version"]
        ),
        message=lambda ended: (
            _("%(name)s is no longer a force liaison") % {"name": presenters.person(ended.user)}
        ),
        success=reverse("panels:liaison_list"),
        render=show,
        rebind=lambda data: EndForm(data, version=liaison.version),
        what="role",
    )
