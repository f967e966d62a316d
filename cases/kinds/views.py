"""Data admins' pages for record kinds: the list, a kind's fields, its dictionary as CSV,
and creating or updating a kind from a dictionary. Each view checks, loads, calls one
service and redirects (core.form_pages.handle_form)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.form_pages import handle_form
from core.roles import data_admin_required

from . import admin_selectors as selectors
from . import services
from .dictionary_out import dictionary_write
from .forms import KindCreateForm, KindUpdateForm, welsh_words
from .presenters import welsh_missing
from .selectors import kind_fields, kind_sections

# The changes an update made, kept for the kind's page the update redirects to.
CHANGES_KEY = "record-kind-changes-{pk}"


@data_admin_required
def kind_list(request):
    context = {"kinds": selectors.kind_list(), "page_title": _("Record kinds")}
    return render(request, "cases/kinds/kind_list.html", context)


@data_admin_required
def kind_detail(request, pk: int):
    kind = selectors.kind_get(pk=pk)
    sections = kind_sections(kind)
    context = {
        "kind": kind,
        "sections": sections,
        "welsh_missing": welsh_missing(sections),
        "frameworks": list(kind.frameworks.all()),
        "changes": request.session.pop(CHANGES_KEY.format(pk=kind.pk), None),
        "page_title": kind.name,
    }
    return render(request, "cases/kinds/kind_detail.html", context)


@data_admin_required
def kind_dictionary(request, pk: int):
    """The kind's dictionary as CSV, in the format an upload reads."""
    kind = selectors.kind_get(pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{kind.code}-dictionary.csv"'
    dictionary_write(kind_fields(kind), response)
    return response


def _detail(kind) -> str:
    return reverse("cases:kind_detail", args=[kind.pk])


@data_admin_required
def kind_create(request):
    posted = request.method == "POST"
    form = KindCreateForm(request.POST if posted else None, request.FILES if posted else None)

    def show(form, status, stale):
        context = {"form": form, "page_title": _("Create a kind from a dictionary")}
        return render(request, "cases/kinds/kind_create.html", context, status=status)

    return handle_form(
        request,
        form,
        save=lambda form: services.kind_create(
            by=request.user,
            code=form.cleaned_data["code"],
            name=form.cleaned_data["name"],
            date_label=form.cleaned_data["date_label"],
            facts_label=form.cleaned_data["facts_label"],
            data=form.cleaned_data["dictionary"],
            welsh=welsh_words(form),
        ),
        message=lambda kind: _("Record kind “%(name)s” created") % {"name": kind.name},
        success=_detail,
        render=show,
    )


@data_admin_required
def kind_update(request, pk: int):
    kind = selectors.kind_get(pk=pk)
    posted = request.method == "POST"
    form = KindUpdateForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        version=kind.version,
        kind=kind,
    )

    def show(form, status, stale):
        context = {
            "form": form,
            "kind": stale or kind,
            "case_count": kind.case_count,
            "page_title": _("Update from a dictionary"),
        }
        return render(request, "cases/kinds/kind_update.html", context, status=status)

    def done(changes: list[str]) -> str:
        if changes:
            request.session[CHANGES_KEY.format(pk=kind.pk)] = changes
        return _detail(kind)

    return handle_form(
        request,
        form,
        save=lambda form: services.kind_update(
            kind=kind,
            by=request.user,
            data=form.cleaned_data["dictionary"],
            seen=form.cleaned_data["version"],
            welsh=welsh_words(form),
        ),
        message=lambda changes: (
            ngettext(
                "Record kind updated: %(count)s change",
                "Record kind updated: %(count)s changes",
                len(changes),
            )
            % {"count": len(changes)}
            if changes
            else _("The dictionary matches the kind already: nothing changed")
        ),
        success=done,
        render=show,
        rebind=lambda data: KindUpdateForm(data, version=int(data["version"])),
        what="record kind",
    )
