"""The force liaison's pages: their force's actions, one action with the force's
responses, answering it, the evidence, and the panel's decisions on the force's cases.
OPCC staff see the same pages for every force and approve or return responses, or
withdraw an approval. Every page and download is recorded in the audit trail."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cases.documents import storage
from core.audit import AuditEvent, record
from core.bilingual import welsh_of
from core.form_pages import handle_form
from core.permissions import by_rule
from core.request_size import allows_large_body

from ..enums import ResponseState
from ..models import Action
from ..permissions import is_opcc_staff, review_refusal
from . import presenters, selectors, services
from .forms import ResponseForm, ResponseWelshForm, ReviewForm, WithdrawForm

FEEDBACK_FORMATS = {"csv": "text/csv; charset=utf-8", "xlsx": None}


def _liaison_or_staff(request) -> None:
    """The list is for OPCC staff, force liaisons and panel chairs (their panels' actions):
    anyone else signed in is refused."""
    if not by_rule("panels.list_force_actions", request.user):
        raise PermissionDenied


def _posted(request):
    return request.POST if request.method == "POST" else None


@login_required
def force_action_list(request):
    _liaison_or_staff(request)
    today = timezone.localdate()
    actions = selectors.force_actions(user=request.user, today=today)
    forces = list(selectors.liaison_forces(user=request.user))
    record(AuditEvent.VIEWED, model=Action, request=request, summary="Force's actions listed")
    context = {
        "rows": [(a, presenters.response_tag(a.latest)) for a in actions],
        "overdue_tag": presenters.OVERDUE_NO_RESPONSE,
        "forces": forces,
        # A chair who is neither OPCC staff nor a liaison sees their panels' actions only.
        "chair_only": not (forces or is_opcc_staff(request.user)),
        "page_title": _("Actions for the force"),
    }
    return render(request, "panels/liaison/action_list.html", context)


@login_required
def force_action(request, pk: int):
    action = selectors.force_action_for_user(user=request.user, pk=pk)
    today = timezone.localdate()
    responses = selectors.response_history(action=action)
    record(AuditEvent.VIEWED, action, request=request, summary="Force's action viewed")
    context = {
        "action": action,
        "source": presenters.action_source(action),
        "responses": [
            (
                r,
                presenters.response_tag(r),
                by_rule("panels.review_action_response", request.user, r),
            )
            for r in responses
        ],
        "overdue": selectors.is_overdue_without_response(action, today=today),
        "overdue_tag": presenters.OVERDUE_NO_RESPONSE,
        "can_answer": by_rule("panels.answer_action", request.user, action),
        "change_url": selectors.action_change_url(user=request.user, action=action),
        "page_title": _("Action for the force"),
    }
    return render(request, "panels/liaison/action_detail.html", context)


# Evidence PDFs may be as large as case documents, past the usual limit on a request.
@allows_large_body(lambda: settings.DOCUMENT_LIMITS.max_bytes + 1024 * 1024)
@login_required
def force_action_answer(request, pk: int):
    action = selectors.force_action_for_user(user=request.user, pk=pk, perm="panels.answer_action")
    if request.method == "GET":
        record(AuditEvent.VIEWED, action, request=request, summary="Force's action to answer")

    def save(form):
        data, upload = form.cleaned_data, form.cleaned_data["evidence"]
        return services.action_response_submit(
            action=action,
            by=request.user,
            text=data["text"],
            proposed_status=data["proposed_status"],
            evidence_title=data["evidence_title"],
            evidence=upload.chunks() if upload else None,
            text_cy=data["text_cy"],
        )

    def show(form, status, stale):
        context = {"form": form, "action": action, "page_title": _("Respond to the action")}
        return render(request, "panels/liaison/answer.html", context, status=status)

    return handle_form(
        request,
        ResponseForm(_posted(request), request.FILES or None),
        save=save,
        message=_("The force's response has been sent to OPCC staff to review"),
        success=reverse("panels:force_action", args=[action.pk]),
        render=show,
    )


def _response_context(form, response) -> dict:
    """What the review, Welsh and withdraw pages all show of a response: its action, who sent
    it, and what the privacy screen finds in its words."""
    return {
        "form": form,
        "response": response,
        "action": response.action,
        "source": presenters.action_source(response.action),
        "submitted_by": presenters.person(response.submitted_by),
        "findings": selectors.response_findings(response=response),
    }


def _for_reviewer(request, pk: int, *, wrong_state=None):
    """(the response, None) for someone who may review it, its viewing recorded; or (the
    response, the page refusing them): 403 by the rule, 409 when `wrong_state` (a test, the
    reason and the page's title) says its state rules the page out."""
    response = selectors.response_for_user(user=request.user, pk=pk)
    if not by_rule("panels.review_action_response", request.user, response):
        return response, _review_refused(request, response)
    if wrong_state is not None and wrong_state[0](response):
        _test, reason, title = wrong_state
        return response, _review_refused(request, response, reason=reason, title=title)
    if request.method == "GET":
        record(AuditEvent.VIEWED, response, request=request, summary="Force's response viewed")
    return response, None


def _shown(request, response, template: str, title: str, more=dict):
    """The `render` of a response's page: read again after a stale save, so the 409 page
    shows it as it is now; `more()` adds what only this page shows."""

    def show(form, status, stale):
        if stale is not None:
            response.refresh_from_db()
        context = {**_response_context(form, response), **more(), "page_title": title}
        return render(request, template, context, status=status)

    return show


@login_required
def response_review(request, pk: int):
    response, refused = _for_reviewer(request, pk)
    if refused is not None:
        return refused

    def build(data):
        return ReviewForm(data, version=response.version, welsh=welsh_of(response, "text"))

    return handle_form(
        request,
        build(_posted(request)),
        save=lambda form: services.action_response_review(
            response=response,
            by=request.user,
            approve=form.cleaned_data["decision"] == "approve",
            reason=form.cleaned_data["reason"],
            version=form.cleaned_data["version"],
            text_cy=form.cleaned_data["text_cy"],
        ),
        message=lambda saved: (
            _("The response is %(state)s") % {"state": saved.get_state_display().lower()}
        ),
        success=reverse("panels:force_action", args=[response.action_id]),
        render=_shown(
            request, response, "panels/liaison/review.html", _("Review the force's response")
        ),
        rebind=build,
        what="response",
    )


@login_required
def response_welsh(request, pk: int):
    """The Welsh of a response waiting for review or approved, added or changed by OPCC
    staff (where a report's move page sends those missing it): the force's English stays."""
    returned = (
        lambda r: r.state == ResponseState.RETURNED,
        services.RETURNED_NO_WELSH,
        _("This response needs no Welsh"),
    )
    response, refused = _for_reviewer(request, pk, wrong_state=returned)
    if refused is not None:
        return refused

    def build(data):
        return ResponseWelshForm(data, version=response.version, welsh=welsh_of(response, "text"))

    action_url = reverse("panels:force_action", args=[response.action_id])
    return handle_form(
        request,
        build(_posted(request)),
        save=lambda form: services.action_response_welsh_save(
            response=response,
            by=request.user,
            text_cy=form.cleaned_data["text_cy"],
            version=form.cleaned_data["version"],
        ),
        message=_("The Welsh of the force's response saved"),
        success=f"{action_url}#response-{response.pk}",
        render=_shown(
            request,
            response,
            "panels/liaison/response_welsh.html",
            _("The force's response in Welsh"),
        ),
        rebind=build,
        what="response",
    )


@login_required
def response_withdraw(request, pk: int):
    """Withdraw the approval of a response, so the force can send a corrected one (where a
    report's disclosure check sends those fixing what the response says)."""
    not_approved = (
        lambda r: r.state != ResponseState.APPROVED,
        services.NOT_APPROVED,
        _("There is no approval to withdraw"),
    )
    response, refused = _for_reviewer(request, pk, wrong_state=not_approved)
    if refused is not None:
        return refused

    def more():
        return {
            "approved_by": presenters.person(response.reviewed_by),
            "current": selectors.approval_is_current(response=response),
        }

    return handle_form(
        request,
        WithdrawForm(_posted(request), version=response.version),
        save=lambda form: services.action_response_withdraw(
            response=response,
            by=request.user,
            reason=form.cleaned_data["reason"],
            version=form.cleaned_data["version"],
        ),
        message=_("The approval is withdrawn and the response returned to the force"),
        success=reverse("panels:force_action", args=[response.action_id]),
        render=_shown(
            request,
            response,
            "panels/liaison/withdraw.html",
            _("Withdraw the approval of the force's response"),
            more,
        ),
        rebind=lambda data: WithdrawForm(data, version=response.version),
        what="response",
    )


def _review_refused(request, response, *, reason: str = "", title: str = ""):
    """The page saying why this person may not review the response (403)."""
    context = {
        "action": response.action,
        "reason": reason or review_refusal(request.user, response),
        "page_title": title or _("You cannot review this response"),
    }
    status = 409 if reason else 403
    return render(request, "panels/liaison/review_refused.html", context, status=status)


@login_required
def evidence_download(request, pk: int):
    evidence = selectors.evidence_for_user(user=request.user, pk=pk)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    path = storage.path_for(evidence.stored_name) if evidence.stored_name else None
    if path is None or not path.exists():
        raise Http404
    record(AuditEvent.DOWNLOADED, evidence, request=request, summary="Force's evidence")
    name = f"evidence-{slugify(evidence.title)[:60] or 'document'}.pdf"
    response = FileResponse(
        path.open("rb"), as_attachment=True, filename=name, content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def force_feedback(request, pk: int):
    force = selectors.feedback_force(user=request.user, pk=pk)
    rows = presenters.feedback_rows(selectors.force_feedback(force=force))
    record(AuditEvent.VIEWED, force, request=request, summary="Case feedback viewed")
    context = {
        "force": force,
        "rows": rows,
        "headings": presenters.FEEDBACK_PAGE_HEADINGS,
        "page_title": _("The panels' decisions on %(force)s's cases") % {"force": force.name},
    }
    return render(request, "panels/liaison/feedback.html", context)


@login_required
def force_feedback_download(request, pk: int, fmt: str):
    force = selectors.feedback_force(user=request.user, pk=pk)
    if fmt not in FEEDBACK_FORMATS:
        raise Http404
    dataset = presenters.feedback_dataset(
        presenters.feedback_rows(selectors.force_feedback(force=force))
    )
    content = dataset.export(fmt)
    record(
        AuditEvent.DOWNLOADED,
        force,
        request=request,
        summary=f"Case feedback downloaded as {fmt.upper()}",
        data={"format": fmt, "rows": len(dataset)},
    )
    content_type = FEEDBACK_FORMATS[fmt] or (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response = HttpResponse(content, content_type=content_type)
    name = f"{slugify(force.name)}-case-feedback-{timezone.localdate():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
