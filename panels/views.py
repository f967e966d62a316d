from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from core.audit import AuditEvent, record
from core.forms import add_service_errors, with_version
from core.roles import is_opcc_staff

from . import sampling, screening, selectors, services
from .enums import MeetingStatus, RatingStatus
from .forms import (
    NO_CONFLICT,
    SAMPLE_STEPS,
    AgendaAddForm,
    CommentForm,
    ConflictForm,
    ConflictWithdrawForm,
    RatingForm,
    SampleAnswers,
    SampleDrawForm,
)
from .meeting_views import meeting_moves
from .permissions import (
    DECLARING,
    REVEALED,
    by_rule,
    comment_refusal,
    declaration_refusal,
    papers_refusal,
    rating_refusal,
)
from .theme_filters import theme_offence_categories


@login_required
def meeting_list(request):
    """The user's meetings, upcoming first; `?status=` keeps one status."""
    status = request.GET.get("status", "")
    status_error = ""
    if status and status not in MeetingStatus.values:
        status, status_error = "", "Select a status from the list"
    context = {
        "meetings": selectors.meetings_in_order(user=request.user, status=status),
        "status": status,
        "status_label": MeetingStatus(status).label if status else "",
        "statuses": MeetingStatus.choices,
        "status_error": status_error,
        "status_errors": [("status", status_error)],
        "page_title": "Meetings",
    }
    return render(request, "panels/meeting_list.html", context)


@login_required
def meeting_detail(request, pk: int):
    meeting = selectors.meeting_for_user(user=request.user, pk=pk)
    decided = meeting.status in REVEALED
    # The agenda is read once: its rows, the counts by category and the reasons.
    agenda = list(selectors.agenda(meeting=meeting, themes=False))
    reasons = selectors.decisions_by_category(cases=agenda) if decided else None
    is_member = selectors.membership_for(user=request.user, meeting=meeting) is not None
    show_progress = by_rule("panels.view_rating_progress", request.user, meeting)
    if show_progress:
        progress, conflicts = selectors.member_progress(meeting=meeting, cases=len(agenda))
        totals = selectors.progress_totals(progress)
    else:
        progress, conflicts = None, None
        totals = selectors.rating_progress(meeting=meeting)
    draw, draw_count = selectors.latest_draw(meeting=meeting)
    observations = list(meeting.observations.prefetch_related("themes"))
    actions = list(meeting.actions.all())
    context = {
        "meeting": meeting,
        "agenda": agenda,
        "counts": selectors.decision_counts(meeting=meeting, cases=agenda) if decided else None,
        "reasons": reasons,
        "categories_with_reasons": {
            category.pk
            for category, items in reasons or []
            if any(item.decision.reasons for item in items)
        },
        "progress": totals,
        "member_progress": progress,
        "conflicts": conflicts,
        "draw": draw,
        "draw_count": draw_count,
        "can_withdraw_conflicts": by_rule("panels.withdraw_conflict", request.user, meeting),
        "can_open_cases": is_opcc_staff(request.user)
        or (is_member and meeting.status != MeetingStatus.PLANNED),
        "observations": observations,
        "actions": actions,
        "record_warnings": screening.record_warnings(
            meeting=meeting, observations=observations, actions=actions
        )
        if decided
        else [],
        "earlier": selectors.open_actions_before_in_short(meeting=meeting),
        "attendance": meeting.attendance.select_related("membership__user"),
        "moves": meeting_moves(meeting)
        if by_rule("panels.move_meeting", request.user, meeting)
        else [],
        "can_edit": by_rule("panels.plan_meeting", request.user, meeting.panel)
        and meeting.status in {MeetingStatus.PLANNED, MeetingStatus.RATING_OPEN},
        "can_discuss": by_rule("panels.view_discussion", request.user, meeting),
        "can_decide": by_rule("panels.record_decision", request.user, meeting)
        and meeting.status == MeetingStatus.IN_DISCUSSION,
        "can_export": by_rule("panels.export_meeting", request.user, meeting),
        "export_tables": EXPORT_TABLES,
        "can_record": by_rule("panels.manage_meeting_record", request.user, meeting)
        and meeting.status in REVEALED,
        "page_title": str(meeting),
    }
    return render(request, "panels/meeting_detail.html", context)


def _case_context(request, pk: int, position: int):
    meeting = selectors.meeting_for_user(user=request.user, pk=pk)
    reviewed = selectors.agenda_entry(meeting=meeting, position=position)
    return meeting, reviewed, selectors.case_access(user=request.user, reviewed_case=reviewed)


def _refused(request, access, reason: str, *, title: str = "You cannot open this case"):
    context = {"access": access, "reason": reason, "page_title": title}
    return render(request, "panels/case_refused.html", context, status=403)


RATING_ACTIONS = {"draft", "submit", "next"}
EXPORT_TABLES = [
    ("ratings", "Members' ratings"),
    ("decisions", "Decisions"),
    ("notes", "Notes"),
    ("actions", "Actions"),
]
COMMENT_ACTION = "comment"


@login_required
def case_papers(request, pk: int, position: int):
    """The case papers and, beside them, the member's own rating or comment form."""
    meeting, reviewed, access = _case_context(request, pk, position)
    user = request.user
    if not by_rule("panels.read_case_papers", user, access):
        undeclared = access.membership is not None and access.declaration is None
        if undeclared and meeting.status in DECLARING:
            return redirect("panels:conflict_declare", pk=pk, position=position)
        return _refused(request, access, papers_refusal(user, access))
    if request.method == "GET":
        record(
            AuditEvent.VIEWED,
            reviewed.case,
            request=request,
            summary=f"Case papers: case {reviewed.position} of {meeting}",
        )
    context = {
        "meeting": meeting,
        "reviewed": reviewed,
        "case": reviewed.case,
        "access": access,
        "today": timezone.localdate(),
        "page_title": f"Case {reviewed.position}: {reviewed.case.offence}",
    }
    membership = access.membership
    if request.method == "POST":
        # A post says what it is; each handler refuses it if this user may not do that.
        handler = _comment if request.POST.get("action") == COMMENT_ACTION else _rating
    elif membership is not None:
        handler = _rating if membership.is_voting else _comment
    else:
        handler = None
    response = handler(request, access, context) if handler else None
    if response is not None:
        return response
    context["previous"], context["next"] = selectors.agenda_neighbours(
        meeting=meeting, position=position
    )
    context["comments"] = selectors.revealed_comments(user=user, reviewed_case=reviewed)
    context["outcome"] = selectors.case_outcome(user=user, access=access)
    if context.get("form") is None:
        # No rating form to carry the criteria: list them, so the reader sees what is assessed.
        criteria = context.get("criteria") or selectors.framework_criteria(
            framework=meeting.panel.framework
        )
        context["criteria_sections"] = selectors.criteria_sections(
            criteria=criteria, outcome=context["outcome"]
        )
    if context.get("form") is not None and context["form"].errors:
        context["page_title"] = f"Error: {context['page_title']}"
    return render(request, "panels/case_papers.html", context, status=context.pop("status", 200))


def _rating(request, access, context):
    """The voting member's rating: shown, saved, or refused."""
    can_rate = by_rule("panels.rate_case", request.user, access)
    parts = selectors.framework_form_parts(framework=access.meeting.panel.framework)
    context.update(can_rate=can_rate, **parts)
    if not can_rate:
        if request.method == "POST":
            return _refused(request, access, rating_refusal(request.user, access))
        context["rating"] = selectors.own_rating(access=access)
        return None
    if request.method != "POST":
        context["rating"] = rating = selectors.own_rating(access=access)
        context["form"] = RatingForm(rating=rating, **parts)
        return None
    # The form is the member's post; the rating as stored (and its history) is read only
    # if the page is shown again, as a save that works goes straight on.
    form = RatingForm(request.POST, **parts)
    context["form"] = form
    action = request.POST.get("action")
    if action not in RATING_ACTIONS:
        form.add_error(None, "Choose Save as draft, Submit rating or Save and go to the next case")
    if not form.is_valid():
        context["rating"] = selectors.own_rating(access=access)
        return None
    try:
        saved = services.rating_save(
            reviewed_case=access.reviewed_case,
            user=request.user,
            data=form.rating_input(),
            submit=action == "submit",
            version=form.cleaned_data["version"],
        )
    except services.StaleRating as stale:
        context["rating"] = rating = selectors.own_rating(access=access)
        context.update(stale=stale.current, yours=form.rating_input(), status=409)
        context["form"] = RatingForm(
            with_version(request.POST, stale.current.version), rating=rating, **parts
        )
        context["form"].is_valid()
        return None
    except ValidationError as error:
        context["rating"] = selectors.own_rating(access=access)
        add_service_errors(form, error)
        return None
    position = access.reviewed_case.position
    if saved.status == RatingStatus.SUBMITTED and action == "submit":
        messages.success(request, f"Your rating of case {position} has been submitted")
        return redirect(f"{reverse('home')}#meeting-{access.meeting.pk}")
    following = (
        selectors.agenda_neighbours(meeting=access.meeting, position=position)[1]
        if action == "next"
        else None
    )
    if following is not None:
        messages.success(request, f"Your rating of case {position} has been saved")
        return redirect("panels:case_papers", pk=access.meeting.pk, position=following)
    if action == "next":
        messages.success(
            request, f"Your rating of case {position} has been saved: it was the last case"
        )
        return redirect(f"{reverse('home')}#meeting-{access.meeting.pk}")
    messages.success(request, f"Your rating of case {position} has been saved as a draft")
    return redirect("panels:case_papers", pk=access.meeting.pk, position=position)


def _comment(request, access, context):
    """The non-voting attendee's comment for the discussion."""
    comment = selectors.own_comment(access=access)
    can_comment = by_rule("panels.comment_on_case", request.user, access)
    context.update(comment=comment, can_comment=can_comment)
    if not can_comment:
        if request.method == "POST":
            return _refused(request, access, comment_refusal(request.user, access))
        return None
    initial = {"text": comment.text} if comment else None
    form = CommentForm(request.POST or None, initial=initial)
    context["comment_form"] = form
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_save(
                reviewed_case=access.reviewed_case,
                user=request.user,
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return None
        messages.success(
            request, f"Your comment on case {access.reviewed_case.position} has been saved"
        )
        return redirect(
            "panels:case_papers", pk=access.meeting.pk, position=access.reviewed_case.position
        )
    return None


@login_required
def conflict_declare(request, pk: int, position: int):
    """The gate: before any detail of the case, the member says whether they have a conflict."""
    meeting, reviewed, access = _case_context(request, pk, position)
    if access.membership is None:
        return _refused(
            request, access, "Only members of this panel declare conflicts of interest."
        )
    form = None
    if not access.is_conflicted:
        form = ConflictForm(request.POST or None, only_conflict=access.declared_no_conflict)
    if request.method == "POST":
        if form is None:
            wants_conflict = request.POST.get("has_conflict") != NO_CONFLICT
            reason = declaration_refusal(request.user, access, has_conflict=wants_conflict)
            return _refused(request, access, reason)
        if form.is_valid():
            try:
                services.conflict_declare(
                    reviewed_case=reviewed,
                    user=request.user,
                    has_conflict=form.declares_conflict,
                    details=form.cleaned_data["details"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if not form.declares_conflict:
                    return redirect("panels:case_papers", pk=pk, position=position)
                messages.success(
                    request,
                    f"Conflict of interest declared for case {position}. "
                    "You will not see its papers or rate it.",
                )
                return redirect(f"{reverse('home')}#meeting-{meeting.pk}")
    context = {
        "meeting": meeting,
        "reviewed": reviewed,
        "access": access,
        "form": form,
        "page_title": f"Case {position}: conflict of interest",
    }
    if form is not None and form.errors:
        context["page_title"] = f"Error: {context['page_title']}"
    return render(request, "panels/conflict_declare.html", context)


@login_required
def conflict_withdraw(request, pk: int, declaration_pk: int):
    meeting = selectors.meeting_for_user(user=request.user, pk=pk, perm="panels.withdraw_conflict")
    declaration = selectors.open_conflict(meeting=meeting, pk=declaration_pk)
    form = ConflictWithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.conflict_withdraw(
                declaration=declaration, by=request.user, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"The conflict of {declaration.membership.user.get_full_name()} in case "
                f"{declaration.reviewed_case.position} has been withdrawn",
            )
            return redirect("panels:meeting_detail", pk=meeting.pk)
    context = {
        "meeting": meeting,
        "declaration": declaration,
        "form": form,
        "page_title": "Withdraw a conflict of interest",
    }
    return render(request, "panels/conflict_withdraw.html", context)


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
    meeting = selectors.meeting_for_user(user=request.user, pk=pk, perm="panels.draw_sample")
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
    meeting = selectors.meeting_for_user(user=request.user, pk=pk, perm="panels.add_agenda_case")
    form = AgendaAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reviewed = services.agenda_add_case(
                meeting=meeting, reference=form.cleaned_data["reference"], by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                f"Case {reviewed.case.reference} added to the agenda as case {reviewed.position}",
            )
            return redirect("panels:meeting_detail", pk=meeting.pk)
    context = {"meeting": meeting, "form": form, "page_title": "Add a case to the agenda"}
    return render(request, "panels/agenda_add.html", context)
