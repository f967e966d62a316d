"""Pages for data admins to manage frameworks: their outcome categories, criterion
groups and criteria. Each view checks, loads, calls one service and redirects."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.form_pages import handle_form
from core.forms import STALE_FORM
from core.roles import data_admin_required
from core.stale import StaleEdit

from ..models import Framework
from . import selectors
from . import services as services
from .forms import FORMS, ConfirmForm, FrameworkForm, FrameworkThemesForm

WHAT = {"categories": "outcome category", "groups": "criterion group", "criteria": "criterion"}
# Whole sentences for each kind of part, so each can be translated as a whole.
TEXT = {
    "categories": {
        "add": gettext_lazy("Add a outcome category"),
        "change": gettext_lazy("Change the outcome category"),
        "added": gettext_lazy("Outcome category added"),
        "saved": gettext_lazy("Outcome category saved"),
        "deleted": gettext_lazy("Outcome category “%(label)s” deleted"),
    },
    "groups": {
        "add": gettext_lazy("Add a criterion group"),
        "change": gettext_lazy("Change the criterion group"),
        "added": gettext_lazy("Criterion group added"),
        "saved": gettext_lazy("Criterion group saved"),
        "deleted": gettext_lazy("Criterion group “%(label)s” deleted"),
    },
    "criteria": {
        "add": gettext_lazy("Add a criterion"),
        "change": gettext_lazy("Change the criterion"),
        "added": gettext_lazy("Criterion added"),
        "saved": gettext_lazy("Criterion saved"),
        "deleted": gettext_lazy("Criterion “%(label)s” deleted"),
    },
}


@data_admin_required
def framework_list(request):
    context = {"frameworks": selectors.framework_list(), "page_title": _("Frameworks")}
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

    def show(form, status, stale):
        context = {"form": form, "page_title": _("Create a framework")}
        return render(request, "panels/frameworks/form.html", context, status=status)

    return handle_form(
        request,
        FrameworkForm(request.POST or None, instance=Framework()),
        save=lambda form: services.framework_save(by=request.user, values=form.values()),
        message=lambda framework: f"Framework “{framework.name}” created",
        success=lambda framework: _detail(framework),
        render=show,
    )


def _detail(framework, anchor: str = "") -> str:
    return reverse("panels:framework_detail", args=[framework.pk]) + anchor


@data_admin_required
def framework_edit(request, pk: int):
    framework = selectors.framework_get(pk=pk)
    seen = services.fingerprint(framework)

    def show(form, status, stale):
        context = {
            "form": form,
            "framework": framework,
            "in_use": selectors.in_use(framework),
            "locked": _("its code and kind"),
            "record_kind_fixed": selectors.framework_has_meetings(framework),
            "page_title": _("Change %(name)s") % {"name": framework.name},
        }
        return render(request, "panels/frameworks/form.html", context, status=status)

    return handle_form(
        request,
        FrameworkForm(request.POST or None, instance=framework, seen=seen),
        save=lambda form: services.framework_save(
            by=request.user,
            framework=framework,
            values=form.values(),
            seen=form.cleaned_data["seen"],
        ),
        message=_("Framework saved"),
        success=_detail(framework),
        render=show,
        rebind=lambda data: FrameworkForm(data, instance=selectors.framework_get(pk=pk)),
        what="framework",
        version_field="seen",
    )


@data_admin_required
def framework_themes(request, pk: int):
    framework = selectors.framework_get(pk=pk)
    form = FrameworkThemesForm(
        request.POST or None,
        choices=selectors.theme_choices(framework=framework),
        chosen=list(framework.themes.all()),
        seen=services.themes_fingerprint(framework),
    )

    def show(form, status, stale):
        context = {
            "form": form,
            "framework": framework,
            "page_title": _("Choose the framework’s themes"),
        }
        return render(request, "panels/frameworks/themes_form.html", context, status=status)

    return handle_form(
        request,
        form,
        save=lambda form: services.framework_themes_set(
            by=request.user,
            framework=framework,
            themes=list(form.cleaned_data["themes"]),
            new_theme=form.cleaned_data["new_theme"],
            seen=form.cleaned_data["seen"],
        ),
        message=_("Themes saved"),
        success=_detail(framework, "#themes"),
        render=show,
        rebind=lambda data: FrameworkThemesForm(
            data,
            choices=selectors.theme_choices(framework=framework),
            chosen=list(framework.themes.all()),
            seen="",
        ),
        what="framework’s themes",
        version_field="seen",
    )


def _kind_form(kind: str):
    if kind not in FORMS:
        raise Http404("No such part of a framework")
    return FORMS[kind]


@data_admin_required
def part_add(request, pk: int, kind: str):
    form_class = _kind_form(kind)
    framework = selectors.framework_get(pk=pk)
    model = form_class._meta.model

    def show(form, status, stale):
        context = {"form": form, "framework": framework, "page_title": TEXT[kind]["add"]}
        return render(request, "panels/frameworks/form.html", context, status=status)

    return handle_form(
        request,
        form_class(request.POST or None, instance=model(framework=framework)),
        save=lambda form: services.part_save(
            by=request.user, framework=framework, model=model, values=form.values()
        ),
        message=TEXT[kind]["added"],
        success=_detail(framework),
        render=show,
    )


@data_admin_required
def part_edit(request, pk: int, kind: str, part_pk: int):
    form_class = _kind_form(kind)
    framework = selectors.framework_get(pk=pk)
    part = selectors.item_get(framework=framework, kind=kind, pk=part_pk)
    seen = services.fingerprint(part)

    def show(form, status, stale):
        context = {
            "form": form,
            "framework": framework,
            "part": part,
            "kind": kind,
            # The delete button's version: the saved row's, once the page shows it.
            "seen": services.fingerprint(stale) if stale is not None else seen,
            "in_use": selectors.in_use(part),
            "locked": _("its code and what it means") if kind == "categories" else _("its code"),
            "page_title": TEXT[kind]["change"],
        }
        return render(request, "panels/frameworks/form.html", context, status=status)

    return handle_form(
        request,
        form_class(request.POST or None, instance=part, seen=seen),
        save=lambda form: services.part_save(
            by=request.user,
            framework=framework,
            model=type(part),
            part=part,
            values=form.values(),
            seen=form.cleaned_data["seen"],
        ),
        message=TEXT[kind]["saved"],
        success=_detail(framework),
        render=show,
        rebind=lambda data: form_class(
            data, instance=selectors.item_get(framework=framework, kind=kind, pk=part_pk)
        ),
        what=WHAT[kind],
        version_field="seen",
    )


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
    except StaleEdit:
        messages.error(request, STALE_FORM)
        return redirect("panels:part_edit", pk=framework.pk, kind=kind, part_pk=part.pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("panels:part_edit", pk=framework.pk, kind=kind, part_pk=part.pk)
    messages.success(request, TEXT[kind]["deleted"] % {"label": part.label})
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
        moved = _("“%(label)s” moved up") if direction == "up" else _("“%(label)s” moved down")
        messages.success(request, moved % {"label": part.label})
    return redirect(reverse("panels:framework_detail", args=[framework.pk]) + f"#{kind}")
