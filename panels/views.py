from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from . import sampling, selectors, services
from .enums import MeetingStatus
from .forms import AgendaAddForm, SampleDrawForm


@login_required
def meeting_list(request):
    meetings = selectors.meeting_list(user=request.user)
    return render(
        request, "panels/meeting_list.html", {"meetings": meetings, "page_title": "Meetings"}
    )


@login_required
def meeting_detail(request, pk: int):
    meeting = selectors.meeting_for_user(user=request.user, pk=pk)
    decided = meeting.status in {MeetingStatus.IN_DISCUSSION, MeetingStatus.CLOSED}
    context = {
        "meeting": meeting,
        "agenda": selectors.agenda(meeting=meeting),
        "counts": selectors.decision_counts(meeting=meeting) if decided else None,
        "reasons": selectors.decisions_by_category(meeting=meeting) if decided else None,
        "progress": selectors.rating_progress(meeting=meeting),
        "can_read_cases": request.user.has_perm("panels.read_case_papers", meeting),
        "observations": meeting.observations.prefetch_related("themes"),
        "actions": meeting.actions.all(),
        "page_title": str(meeting),
    }
    return render(request, "panels/meeting_detail.html", context)


@login_required
def case_papers(request, pk: int, position: int):
    meeting = selectors.meeting_for_user(user=request.user, pk=pk, perm="panels.read_case_papers")
    reviewed = selectors.agenda_entry(meeting=meeting, position=position)
    context = {
        "meeting": meeting,
        "reviewed": reviewed,
        "case": reviewed.case,
        "page_title": f"Case {reviewed.position}",
    }
    return render(request, "panels/case_papers.html", context)


@login_required
def sample_draw(request, pk: int):
    meeting = selectors.meeting_for_user(user=request.user, pk=pk, perm="panels.draw_sample")
    categories = sampling.pool_offence_categories(user=request.user, meeting=meeting)
    form = SampleDrawForm(request.POST or None, meeting=meeting, offence_categories=categories)
    if request.method == "POST" and form.is_valid():
        try:
            draw = services.sample_draw(meeting=meeting, by=request.user, **form.draw_arguments())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            cases = "case" if draw.sample_size == 1 else "cases"
            messages.success(
                request, f"{draw.sample_size} {cases} drawn at random from {draw.pool_size:,}"
            )
            return redirect("panels:meeting_detail", pk=meeting.pk)
    context = {
        "meeting": meeting,
        "form": form,
        "pool_count": sampling.eligible_cases(
            user=request.user, meeting=meeting, filters=sampling.PoolFilters()
        ).count(),
        "carried_over": sampling.carry_over_candidates(meeting=meeting).count(),
        "latest_draw": meeting.draws.first(),
        "page_title": "Draw the sample",
    }
    return render(request, "panels/sample_draw.html", context)


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
