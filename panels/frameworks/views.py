"""Pages for data admins to manage frameworks: their outcome categories, criterion
groups and criteria. Each view checks, loads, calls one service and redirects."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.forms import add_service_errors
from core.roles import data_admin_required

from ..models import Framework
from . import selectors
from . import services as services
from .forms import FORMS, ConfirmForm, FrameworkForm, FrameworkThemesForm

WHAT = {"categories": "outcome category", "groups": "criterion group", "criteria": "criterion"}


@data_admin_required
def framework_list(request):
    context = {"frameworks": selectors.framework_list(), "page_title": "Frameworks"}
    return render(request, "panels/frameworks/framework_list.html", context)


@data_admin_required
def framework_detail(request, pk: int):
    framework = selectors.framework_get(pk=pk)
    context = {
        "framework": framework,
        **selectors.framework_parts(framework=framework),
        "themes": selectors.framework_themes(framework=framework),
        "page_title": framework.name,
    }
    return render(request, "panels/frameworks/framework_detail.html", context)


@data_admin_required
def framework_create(request):
    form = FrameworkForm(request.POST or None, instance=Framework())
    if request.method == "POST" and form.is_valid():
        try:
            framework = services.framework_save(by=request.user, values=form.values())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Framework “{framework.name}” created")
            return redirect("panels:framework_detail", pk=framework.pk)
    context = {"form": form, "page_title": "Create a framework"}
    return render(request, "panels/frameworks/form.html", context)


@data_admin_required
def framework_edit(request, pk: int):
    framework = selectors.framework_get(pk=pk)
    seen = services.fingerprint(framework)
    form = FrameworkForm(request.POST or None, instance=framework, seen=seen)
    if request.method == "POST" and form.is_valid():
        try:
            services.framework_save(
                by=request.user,
                framework=framework,
                values=form.values(),
                seen=form.cleaned_data["seen"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Framework saved")
            return redirect("panels:framework_detail", pk=framework.pk)
    context = {
        "form": form,
        "framework": framework,
        "in_use": selectors.in_use(framework),
        "locked": "its code and kind",
        "page_title": f"Change {framework.name}",
    }
    return render(request, "panels/frameworks/form.html", context)


@data_admin_required
def framework_themes(request, pk: int):
    framework = selectors.framework_get(pk=pk)
    form = FrameworkThemesForm(
        request.POST or None,
        choices=selectors.theme_choices(framework=framework),
        chosen=list(framework.themes.all()),
        seen=services.themes_fingerprint(framework),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.framework_themes_set(
                by=request.user,
                framework=framework,
                themes=list(form.cleaned_data["themes"]),
                new_theme=form.cleaned_data["new_theme"],
                seen=form.cleaned_data["seen"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Themes saved")
            return redirect(reverse("panels:framework_detail", args=[framework.pk]) + "#themes")
    context = {
        "form": form,
        "framework": framework,
        "page_title": "Choose the framework’s themes",
    }
    return render(request, "panels/frameworks/themes_form.html", context)


def _kind_form(kind: str):
    if kind not in FORMS:
        raise Http404("No such part of a framework")
    return FORMS[kind]


@data_admin_required
def part_add(request, pk: int, kind: str):
    form_class = _kind_form(kind)
    framework = selectors.framework_get(pk=pk)
    model = form_class._meta.model
    form = form_class(request.POST or None, instance=model(framework=framework))
    if request.method == "POST" and form.is_valid():
        try:
            services.part_save(
                by=request.user, framework=framework, model=model, values=form.values()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{WHAT[kind].capitalize()} added")
            return redirect("panels:framework_detail", pk=framework.pk)
    context = {"form": form, "framework": framework, "page_title": f"Add a {WHAT[kind]}"}
    return render(request, "panels/frameworks/form.html", context)


@data_admin_required
def part_edit(request, pk: int, kind: str, part_pk: int):
    form_class = _kind_form(kind)
    framework = selectors.framework_get(pk=pk)
    part = selectors.item_get(framework=framework, kind=kind, pk=part_pk)
    seen = services.fingerprint(part)
    form = form_class(request.POST or None, instance=part, seen=seen)
    if request.method == "POST" and form.is_valid():
        try:
            services.part_save(
                by=request.user,
                framework=framework,
                model=type(part),
                part=part,
                values=form.values(),
                seen=form.cleaned_data["seen"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{WHAT[kind].capitalize()} saved")
            return redirect("panels:framework_detail", pk=framework.pk)
    context = {
        "form": form,
        "framework": framework,
        "part": part,
        "kind": kind,
        "seen": seen,
        "in_use": selectors.in_use(part),
        "locked": "its code and what it means" if kind == "categories" else "its code",
        "page_title": f"Change the {WHAT[kind]}",
    }
    return render(request, "panels/frameworks/form.html", context)


@require_POST
@data_admin_required
def part_delete(request, pk: int, kind: str, part_pk: int):
    _kind_form(kind)
    framework = selectors.framework_get(pk=pk)
    part = selectors.item_get(framework=framework, kind=kind, pk=part_pk)
    form = ConfirmForm(request.POST)
    seen = form.cleaned_data["seen"] if form.is_valid() else ""
    try:
        services.part_delete(by=request.user, part=part, seen=seen)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("panels:part_edit", pk=framework.pk, kind=kind, part_pk=part.pk)
    messages.success(request, f"{WHAT[kind].capitalize()} “{part.label}” deleted")
    return redirect("panels:framework_detail", pk=framework.pk)


@require_POST
@data_admin_required
def part_move(request, pk: int, kind: str, part_pk: int, direction: str):
    _kind_form(kind)
    if direction not in ("up", "down"):
        raise Http404("Move up or down")
    framework = selectors.framework_get(pk=pk)
    part = selectors.item_get(framework=framework, kind=kind, pk=part_pk)
    if services.part_move(by=request.user, part=part, direction=direction):
        messages.success(request, f"“{part.label}” moved {direction}")
    return redirect(reverse("panels:framework_detail", args=[framework.pk]) + f"#{kind}")
