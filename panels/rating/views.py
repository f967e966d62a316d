from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from core.audit import AuditEvent, record
from core.forms import add_service_errors, with_version

from .. import queries
from ..enums import RatingStatus
from ..permissions import (
    DECLARING,
    by_rule,
    comment_refusal,
    declaration_refusal,
    papers_refusal,
    rating_refusal,
)
from . import selectors, services
from .forms import NO_CONFLICT, CommentForm, ConflictForm, ConflictWithdrawForm, RatingForm


def _case_context(request, pk: int, position: int):
    meeting = queries.meeting_for_user(user=request.user, pk=pk)
    reviewed = queries.agenda_entry(meeting=meeting, position=position)
    return meeting, reviewed, selectors.case_access(user=request.user, reviewed_case=reviewed)


def _refused(request, access, reason: str, *, title: str = "You cannot open this case"):
    context = {"access": access, "reason": reason, "page_title": title}
    return render(request, "panels/case_refused.html", context, status=403)


RATING_ACTIONS = {"draft", "submit", "next"}


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
    meeting = queries.meeting_for_user(user=request.user, pk=pk, perm="panels.withdraw_conflict")
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
