"""Drawing the dip sample step by step, and adding a case to the agenda by hand."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.bilingual import english_of
from core.form_pages import handle_form

from .. import queries, sampling
from . import services
from .answers import SampleAnswers
from .forms import AgendaAddForm, SampleDrawForm, sample_steps
from .theme_filters import theme_offence_categories

CHECK_STEP = "check"

# What each step's Change link on the check page changes (for screen readers): the out
# of court resolution's steps, and any other kind's.
CHANGES = {
    "offences": gettext_lazy("offences"),
    "outcomes": gettext_lazy("outcome types"),
    "dates": gettext_lazy("outcome dates"),
    "narrow": gettext_lazy("crime codes and flags"),
}
KIND_CHANGES = {"narrow": gettext_lazy("which records"), "dates": gettext_lazy("dates")}


class DrawSteps:
    """The draw's question pages for the meeting's panel's record kind, and what each
    form needs: the kind's draw choices and the pool's offence categories."""

    def __init__(self, request, meeting):
        self.meeting = meeting
        self.draw = sampling.kind_draw(meeting.panel.framework.record_kind)
        steps = sample_steps(self.draw)
        self.forms = {name: (form_class, title) for name, form_class, title in steps}
        self.order = [name for name, _, _ in steps]
        self.answers = SampleAnswers(request.session, meeting, steps)
        offers = self.draw.offers("offence_category")
        self.categories = (
            sampling.pool_offence_categories(user=request.user, meeting=meeting) if offers else []
        )

    def form(self, form_class, *args, **kwargs):
        return form_class(
            *args,
            meeting=self.meeting,
            offence_categories=self.categories,
            draw=self.draw,
            **kwargs,
        )

    def url(self, step: str) -> str:
        return f"{reverse('panels:sample_draw', args=[self.meeting.pk])}?step={step}"

    def change(self, step: str) -> str:
        """What the step's Change link changes, in words."""
        if self.draw.offers("outcome_type"):
            return CHANGES[step]
        return KIND_CHANGES[step]

    def back(self, step: str) -> str:
        """Where a step's Back link goes: the step before, or the meeting."""
        order = [*self.order, CHECK_STEP]
        index = order.index(step)
        if index == 0:
            return reverse("panels:meeting_detail", args=[self.meeting.pk])
        return self.url(order[index - 1])


@login_required
def sample_draw(request, pk: int):
    """The draw as question pages: which cases, narrowed how, how many; then check and draw."""
    meeting = queries.meeting_for_user(user=request.user, pk=pk, perm="panels.draw_sample")
    steps = DrawSteps(request, meeting)
    step = request.GET.get("step", steps.order[0])
    if step == CHECK_STEP:
        return _sample_check(request, steps)
    if step not in steps.forms:
        step = steps.order[0]
    form_class, title = steps.forms[step]
    if request.method == "POST":
        form = steps.form(form_class, request.POST)
        if form.is_valid():
            steps.answers.keep(step, form)
            following = [*steps.order, CHECK_STEP][steps.order.index(step) + 1]
            return redirect(steps.url(following))
    else:
        initial = _theme_initial(meeting, steps.categories) if step == "offences" else {}
        form = steps.form(form_class, steps.answers.data(step), initial=initial)
    return _sample_page(request, steps, form, step=step, title=title)


def _theme_initial(meeting, categories: list[str]) -> dict:
    return {
        # The English theme: the offence categories' words are English in either language.
        "offence_categories": theme_offence_categories(
            theme=english_of(meeting, "theme"), categories=categories
        )
    }


def _sample_page(request, steps, form, *, step: str, title: str, status: int = 200):
    meeting = steps.meeting
    # Always post to the step itself, also when shown again from the check page.
    form.helper.form_action = steps.url(step)
    context = {
        "meeting": meeting,
        "form": form,
        "step": step,
        "step_number": steps.order.index(step) + 1,
        "step_count": len(steps.order) + 1,
        "back_url": steps.back(step),
        "pool_count": sampling.eligible_cases(
            user=request.user, meeting=meeting, filters=sampling.PoolFilters()
        ).count(),
        "carried_over": sampling.carry_over_candidates(meeting=meeting).count(),
        "latest_draw": meeting.draws.first(),
        "theme_match": bool(not form.is_bound and form.initial.get("offence_categories")),
        "page_title": title,
    }
    return render(request, "panels/sample_draw.html", context, status=status)


def _sample_check(request, steps):
    """Check your answers, then draw with the one service every draw goes through."""
    meeting, answers = steps.meeting, steps.answers
    missing = answers.missing()
    if missing is not None:
        return redirect(steps.url(missing))
    form = steps.form(SampleDrawForm, answers.data())
    if not form.is_valid():
        return _sample_step_errors(request, steps, form.errors)
    arguments = form.draw_arguments()
    error = None
    if request.method == "POST":
        try:
            draw = services.sample_draw(meeting=meeting, by=request.user, **arguments)
        except ValidationError as failed:
            fields = getattr(failed, "error_dict", {})
            if set(fields) & set(steps.forms["size"][0].step_fields):
                return _sample_step_errors(request, steps, fields)
            error = " ".join(failed.messages)
        else:
            answers.clear()
            drawn = ngettext(
                "%(size)s case drawn at random from %(pool)s",
                "%(size)s cases drawn at random from %(pool)s",
                draw.sample_size,
            )
            messages.success(
                request, drawn % {"size": draw.sample_size, "pool": f"{draw.pool_size:,}"}
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
        "change": {name: steps.url(name) for name in steps.order},
        "changes": [(steps.url(name), steps.change(name)) for name in steps.order[:-1]],
        "back_url": steps.back(CHECK_STEP),
        "step_count": len(steps.order) + 1,
        "page_title": _("Check your answers before drawing the sample"),
    }
    return render(request, "panels/sample_draw_check.html", context, status=200)


def _sample_step_errors(request, steps, errors):
    """Back to the first step whose answers no longer stand, with its errors shown."""
    for name in steps.order:
        form_class, title = steps.forms[name]
        form = steps.form(form_class, steps.answers.data(name))
        if set(errors) & set(form.fields):
            form.is_valid()
            for field, messages_ in errors.items():
                if field in form.fields and field not in form.errors:
                    form.add_error(field, messages_)
            return _sample_page(request, steps, form, step=name, title=title)
    return redirect(steps.url(steps.order[0]))


@login_required
def agenda_add(request, pk: int):
    meeting = queries.meeting_for_user(user=request.user, pk=pk, perm="panels.add_agenda_case")
    context = {"meeting": meeting, "page_title": _("Add a case to the agenda")}
    return handle_form(
        request,
        AgendaAddForm(request.POST or None),
        save=lambda form: services.agenda_add_case(
            meeting=meeting, reference=form.cleaned_data["reference"], by=request.user
        ),
        message=lambda reviewed: (
            _("Case %(reference)s added to the agenda as case %(position)s")
            % {"reference": reviewed.case.reference, "position": reviewed.position}
        ),
        success=reverse("panels:meeting_detail", args=[meeting.pk]),
        render=lambda form, status, stale: render(
            request, "panels/agenda_add.html", {**context, "form": form}, status=status
        ),
    )
