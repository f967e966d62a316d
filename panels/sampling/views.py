"""Drawing the dip sample step by step, and adding a case to the agenda by hand."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from core.form_pages import handle_form

from .. import queries, sampling
from . import services
from .forms import SAMPLE_STEPS, AgendaAddForm, SampleAnswers, SampleDrawForm
from .theme_filters import theme_offence_categories

SAMPLE_FORMS = {name: (form_class, title) for name, form_class, title in SAMPLE_STEPS}


SAMPLE_ORDER = [name for name, _, _ in SAMPLE_STEPS]


CHECK_STEP = "check"


def _step_url(meeting, step: str) -> str:
    return f"{reverse('panels:sample_draw', args=[meeting.pk])}?step={step}"


def _step_back(meeting, step: str) -> str:
    """Where a step's Back link goes: the step before, or the meeting."""
    order = [*SAMPLE_ORDER, CHECK_STEP]
    index = order.index(step)
    if index == 0:
        return reverse("panels:meeting_detail", args=[meeting.pk])
    return _step_url(meeting, order[index - 1])


@login_required
def sample_draw(request, pk: int):
    """The draw as question pages: which cases, narrowed how, how many; then check and draw."""
    meeting = queries.meeting_for_user(user=request.user, pk=pk, perm="panels.draw_sample")
    categories = sampling.pool_offence_categories(user=request.user, meeting=meeting)
    answers = SampleAnswers(request.session, meeting)
    step = request.GET.get("step", SAMPLE_ORDER[0])
    if step == CHECK_STEP:
        return _sample_check(request, meeting, categories, answers)
    if step not in SAMPLE_FORMS:
        step = SAMPLE_ORDER[0]
    form_class, title = SAMPLE_FORMS[step]
    if request.method == "POST":
        form = form_class(request.POST, meeting=meeting, offence_categories=categories)
        if form.is_valid():
            answers.keep(step, form)
            following = [*SAMPLE_ORDER, CHECK_STEP][SAMPLE_ORDER.index(step) + 1]
            return redirect(_step_url(meeting, following))
    else:
        initial = _theme_initial(meeting, categories) if step == SAMPLE_ORDER[0] else {}
        form = form_class(
            answers.data(step), meeting=meeting, offence_categories=categories, initial=initial
        )
    return _sample_page(request, meeting, form, step=step, title=title)


def _theme_initial(meeting, categories: list[str]) -> dict:
    return {
        "offence_categories": theme_offence_categories(theme=meeting.theme, categories=categories)
    }


def _sample_page(request, meeting, form, *, step: str, title: str, status: int = 200):
    # Always post to the step itself, also when shown again from the check page.
    form.helper.form_action = _step_url(meeting, step)
    context = {
        "meeting": meeting,
        "form": form,
        "step": step,
        "step_number": SAMPLE_ORDER.index(step) + 1,
        "step_count": len(SAMPLE_ORDER) + 1,
        "back_url": _step_back(meeting, step),
        "pool_count": sampling.eligible_cases(
            user=request.user, meeting=meeting, filters=sampling.PoolFilters()
        ).count(),
        "carried_over": sampling.carry_over_candidates(meeting=meeting).count(),
        "latest_draw": meeting.draws.first(),
        "theme_match": bool(not form.is_bound and form.initial.get("offence_categories")),
        "page_title": title,
    }
    return render(request, "panels/sample_draw.html", context, status=status)


def _sample_check(request, meeting, categories, answers):
    """Check your answers, then draw with the one service every draw goes through."""
    missing = answers.missing()
    if missing is not None:
        return redirect(_step_url(meeting, missing))
    form = SampleDrawForm(answers.data(), meeting=meeting, offence_categories=categories)
    if not form.is_valid():
        return _sample_step_errors(request, meeting, categories, answers, form.errors)
    arguments = form.draw_arguments()
    error = None
    if request.method == "POST":
        try:
            draw = services.sample_draw(meeting=meeting, by=request.user, **arguments)
        except ValidationError as failed:
            fields = getattr(failed, "error_dict", {})
            if set(fields) & set(SAMPLE_FORMS["size"][0].step_fields):
                return _sample_step_errors(request, meeting, categories, answers, fields)
            error = " ".join(failed.messages)
        else:
            answers.clear()
            cases = "case" if draw.sample_size == 1 else "cases"
            messages.success(
                request, f"{draw.sample_size} {cases} drawn at random from {draw.pool_size:,}"
            )
            return redirect("panels:meeting_detail", pk=meeting.pk)
    filters = arguments["filters"]
    context = {
        "meeting": meeting,
        "error": error,
        "criteria": sampling.describe_filters(
            {"force": meeting.panel.force.code, **filters.to_json()}
        ),
        "matching": sampling.eligible_cases(
            user=request.user, meeting=meeting, filters=filters
        ).count(),
        "size": arguments["size"],
        "strata": dict(form.fields["strata_field"].choices)[form.cleaned_data["strata_field"]],
        "carried_over": sampling.carry_over_candidates(meeting=meeting).count(),
        "latest_draw": meeting.draws.first(),
        "change": {name: _step_url(meeting, name) for name in SAMPLE_ORDER},
        "back_url": _step_back(meeting, CHECK_STEP),
        "step_count": len(SAMPLE_ORDER) + 1,
        "page_title": "Check your answers before drawing the sample",
    }
    return render(request, "panels/sample_draw_check.html", context, status=200)


def _sample_step_errors(request, meeting, categories, answers, errors):
    """Back to the first step whose answers no longer stand, with its errors shown."""
    for name in SAMPLE_ORDER:
        form_class, title = SAMPLE_FORMS[name]
        if set(errors) & set(form_class.step_fields):
            form = form_class(answers.data(name), meeting=meeting, offence_categories=categories)
            form.is_valid()
            for field, messages_ in errors.items():
                if field in form.fields and field not in form.errors:
                    form.add_error(field, messages_)
            return _sample_page(request, meeting, form, step=name, title=title)
    return redirect(_step_url(meeting, SAMPLE_ORDER[0]))


@login_required
def agenda_add(request, pk: int):
    meeting = queries.meeting_for_user(user=request.user, pk=pk, perm="panels.add_agenda_case")
    context = {"meeting": meeting, "page_title": "Add a case to the agenda"}
    return handle_form(
        request,
        AgendaAddForm(request.POST or None),
        save=lambda form: services.agenda_add_case(
            meeting=meeting, reference=form.cleaned_data["reference"], by=request.user
        ),
        message=lambda reviewed: (
            f"Case {reviewed.case.reference} added to the agenda as case {reviewed.position}"
        ),
        success=reverse("panels:meeting_detail", args=[meeting.pk]),
        render=lambda form, status, stale: render(
            request, "panels/agenda_add.html", {**context, "form": form}, status=status
        ),
    )
