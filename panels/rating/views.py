from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cases.documents import selectors as documents
from cases.kinds.presenters import summary_of
from core.audit import AuditEvent, record
from core.form_pages import handle_form
from core.forms import add_service_errors

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
from . import presenters, selectors, services
from .forms import NO_CONFLICT, CommentForm, ConflictForm, ConflictWithdrawForm, RatingForm


def _case_context(request, pk: int, position: int):
    meeting = queries.meeting_for_user(user=request.user, pk=pk)
    reviewed = queries.agenda_entry(meeting=meeting, position=position)
    return meeting, reviewed, selectors.case_access(user=request.user, reviewed_case=reviewed)


def _refused(
    request, access, reason: str, *, title: str = gettext_lazy("You cannot open this case")
):
    context = {"access": access, "reason": reason, "page_title": title}
    return render(request, "panels/case_refused.html", context, status=403)


RATING_ACTIONS = {"draft", "submit", "next"}


def _papers_gate(request, meeting, access):
    """Who may not read the papers is sent to the conflict gate or refused; None otherwise."""
    if by_rule("panels.read_case_papers", request.user, access):
        return None
    undeclared = access.membership is not None and access.declaration is None
    if undeclared and meeting.status in DECLARING:
        return redirect(
            "panels:conflict_declare", pk=meeting.pk, position=access.reviewed_case.position
        )
    return _refused(request, access, papers_refusal(request.user, access))


def _papers_page(request, access, own: dict, status: int = 200):
    """The case papers with, beside them, the member's own part (`own`: the rating or
    comment form and what goes with it)."""
    meeting, reviewed, user = access.meeting, access.reviewed_case, request.user
    papers = presenters.case_papers(reviewed.case, selectors.case_record(case=reviewed.case))
    context = {
        "meeting": meeting,
        "reviewed": reviewed,
        "case": reviewed.case,
        "papers": papers,
        "access": access,
        "today": timezone.localdate(),
        "page_title": _("Case %(position)s: %(title)s")
        % {"position": reviewed.position, "title": papers.title},
        **own,
    }
    context["previous"], context["next"] = selectors.agenda_neighbours(
        meeting=meeting, position=reviewed.position
    )
    context["comments"] = selectors.revealed_comments(user=user, reviewed_case=reviewed)
    context["documents"] = documents.shown_documents(case=reviewed.case)
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
        context["page_title"] = _("Error: %(title)s") % {"title": context["page_title"]}
    return render(request, "panels/case_papers.html", context, status=status)


@login_required
def case_papers(request, pk: int, position: int):
    """The case papers and, beside them, the member's own rating or comment form (which
    post to rating_save and comment_save)."""
    meeting, reviewed, access = _case_context(request, pk, position)
    refused = _papers_gate(request, meeting, access)
    if refused is not None:
        return refused
    if request.method != "GET":
        # Asked only after the case is found and may be read: others get 404 or 403, as on
        # every page, rather than learning the address exists.
        return HttpResponseNotAllowed(["GET"])
    record(
        AuditEvent.VIEWED,
        reviewed.case,
        request=request,
        summary=f"Case papers: case {reviewed.position} of {meeting}",
    )
    membership = access.membership
    if membership is None:
        own = {}
    elif membership.is_voting:
        own = _rating_part(request.user, access)
    else:
        own = _comment_part(request.user, access)
    return _papers_page(request, access, own)


def _rating_part(user, access, form=None) -> dict:
    """The voting member's rating: the form when they may rate, else the rating as stored."""
    can_rate = by_rule("panels.rate_case", user, access)
    parts = selectors.framework_form_parts(framework=access.meeting.panel.framework)
    rating = selectors.own_rating(access=access)
    own = {"can_rate": can_rate, "rating": rating, **parts}
    if can_rate:
        own["form"] = form or RatingForm(rating=rating, **parts)
    return own


def _comment_part(user, access, form=None) -> dict:
    """The non-voting attendee's comment for the discussion, and its form if they may."""
    comment = selectors.own_comment(access=access)
    can_comment = by_rule("panels.comment_on_case", user, access)
    own = {"comment": comment, "can_comment": can_comment}
    if can_comment:
        own["comment_form"] = form or CommentForm(
            initial={"text": comment.text} if comment else None
        )
    return own


@login_required
@require_POST
def rating_save(request, pk: int, position: int):
    """The voting member saves their rating as a draft, submits it, or saves and goes on."""
    meeting, reviewed, access = _case_context(request, pk, position)
    refused = _papers_gate(request, meeting, access)
    if refused is not None:
        return refused
    if not by_rule("panels.rate_case", request.user, access):
        return _refused(request, access, rating_refusal(request.user, access))
    parts = selectors.framework_form_parts(framework=meeting.panel.framework)
    form = RatingForm(request.POST, **parts)
    action = request.POST.get("action")
    if action not in RATING_ACTIONS:
        form.add_error(
            None, _("Choose Save as draft, Submit rating or Save and go to the next case")
        )

    def show(form, status, stale):
        own = _rating_part(request.user, access, form=form)
        if stale is not None:
            own.update(stale=stale, yours=form.rating_input())
        return _papers_page(request, access, own, status=status)

    return handle_form(
        request,
        form,
        save=lambda form: services.rating_save(
            reviewed_case=reviewed,
            user=request.user,
            data=form.rating_input(),
            submit=action == "submit",
            version=form.cleaned_data["version"],
        ),
        success=lambda saved: _after_rating(request, access, saved, action),
        render=show,
        rebind=lambda data: RatingForm(data, rating=selectors.own_rating(access=access), **parts),
        what="rating",
        notice=False,  # the rating's own box shows the saved rating beside the person's
    )


def _after_rating(request, access, saved, action: str):
    """Where a saved rating goes on to, with the message saying what was done."""
    meeting, position = access.meeting, access.reviewed_case.position
    meetings = f"{reverse('home')}#meeting-{meeting.pk}"
    if saved.status == RatingStatus.SUBMITTED and action == "submit":
        messages.success(
            request,
            _("Your rating of case %(position)s has been submitted") % {"position": position},
        )
        return meetings
    following = (
        selectors.agenda_neighbours(meeting=meeting, position=position)[1]
        if action == "next"
        else None
    )
    if following is not None:
        messages.success(
            request, _("Your rating of case %(position)s has been saved") % {"position": position}
        )
        return reverse("panels:case_papers", args=[meeting.pk, following])
    if action == "next":
        messages.success(
            request,
            _("Your rating of case %(position)s has been saved: it was the last case")
            % {"position": position},
        )
        return meetings
    messages.success(
        request,
        _("Your rating of case %(position)s has been saved as a draft") % {"position": position},
    )
    return reverse("panels:case_papers", args=[meeting.pk, position])


@login_required
@require_POST
def comment_save(request, pk: int, position: int):
    """The non-voting attendee saves their comment for the discussion."""
    meeting, reviewed, access = _case_context(request, pk, position)
    refused = _papers_gate(request, meeting, access)
    if refused is not None:
        return refused
    if not by_rule("panels.comment_on_case", request.user, access):
        return _refused(request, access, comment_refusal(request.user, access))
    return handle_form(
        request,
        CommentForm(request.POST),
        save=lambda form: services.comment_save(
            reviewed_case=reviewed, user=request.user, text=form.cleaned_data["text"]
        ),
        message=_("Your comment on case %(position)s has been saved") % {"position": position},
        success=reverse("panels:case_papers", args=[pk, position]),
        render=lambda form, status, stale: _papers_page(
            request, access, _comment_part(request.user, access, form=form), status=status
        ),
    )


@login_required
def conflict_declare(request, pk: int, position: int):
    """The gate: before any detail of the case, the member says whether they have a conflict."""
    meeting, reviewed, access = _case_context(request, pk, position)
    if access.membership is None:
        return _refused(
            request, access, _("Only members of this panel declare conflicts of interest.")
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
                    _(
                        "Conflict of interest declared for case %(position)s. "
                        "You will not see its papers or rate it."
                    )
                    % {"position": position},
                )
                return redirect(f"{reverse('home')}#meeting-{meeting.pk}")
    context = {
        "meeting": meeting,
        "reviewed": reviewed,
        "summary": summary_of(reviewed.case),
        "access": access,
        "form": form,
        "page_title": _("Case %(position)s: conflict of interest") % {"position": position},
    }
    if form is not None and form.errors:
        context["page_title"] = _("Error: %(title)s") % {"title": context["page_title"]}
    return render(request, "panels/conflict_declare.html", context)


@login_required
def conflict_withdraw(request, pk: int, declaration_pk: int):
    meeting = queries.meeting_for_user(user=request.user, pk=pk, perm="panels.withdraw_conflict")
    declaration = selectors.open_conflict(meeting=meeting, pk=declaration_pk)
    context = {
        "meeting": meeting,
        "declaration": declaration,
        "page_title": _("Withdraw a conflict of interest"),
    }
    return handle_form(
        request,
        ConflictWithdrawForm(request.POST or None),
        save=lambda form: services.conflict_withdraw(
            declaration=declaration, by=request.user, note=form.cleaned_data["note"]
        ),
        message=(
            _("The conflict of %(name)s in case %(position)s has been withdrawn")
            % {
                "name": declaration.membership.user.get_full_name(),
                "position": declaration.reviewed_case.position,
            }
        ),
        success=reverse("panels:meeting_detail", args=[meeting.pk]),
        render=lambda form, status, stale: render(
            request, "panels/conflict_withdraw.html", {**context, "form": form}, status=status
        ),
    )
