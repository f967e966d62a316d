"""Writes for the right of reply: the force's liaison answers an action (with redacted
PDF evidence, checked as a case document is), and OPCC staff approve or return the
answer, or withdraw an approval. Each runs in one transaction and leaves an audit
entry."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.documents import evidence as checked_evidence
from core.audit import AuditEvent, record
from core.bilingual import english, english_of
from core.permissions import by_rule
from core.stale import lock_at_version

from ..enums import ActionStatus, ResponseState
from ..models import Action, ActionResponse, ResponseEvidence
from ..permissions import review_refusal
from . import notifications
from .selectors import approval_is_current

CLOSED_ACTION = gettext_lazy(
    "This action is done or dropped, so it can no longer be answered. Ask OPCC staff to "
    "reopen it if the force has more to say"
)
REVIEWED_ALREADY = gettext_lazy("This response has already been reviewed")
CLOSED_SINCE = gettext_lazy(
    "OPCC staff have marked this action done or dropped since the force sent this response, "
    "so approving it would reopen the action. Return the response, or reopen the action first"
)
NOT_APPROVED = gettext_lazy("Only an approved response can have its approval withdrawn")
RETURNED_NO_WELSH = gettext_lazy(
    "This response was returned to the force, so it is not published and needs no Welsh"
)


def action_response_submit(
    *,
    action: Action,
    by,
    text: str,
    proposed_status: str,
    evidence_title: str = "",
    evidence=None,
    text_cy: str = "",
) -> ActionResponse:
    """The force's answer to an action addressed to it, waiting for OPCC staff.

    Refused (ValidationError naming the field, nothing kept) when the text is empty, the
    action is closed, the evidence's title holds personal data, or the evidence is not a
    PDF that can be kept or holds personal data (it must be redacted first): the checks
    a question's evidence has (cases.documents.evidence), a refused file recorded in the
    audit trail against the action. `evidence` is the uploaded file's chunks; `text_cy`,
    optional, the response in Welsh, for the Welsh pages (docs/welsh.md)."""
    if not by_rule("panels.answer_action", by, action):
        raise PermissionDenied
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Enter the force's response")})
    if proposed_status not in ActionStatus.values:
        raise ValidationError({"proposed_status": _("Select the status the force proposes")})
    kept = None
    if evidence is not None:
        if not evidence_title.strip():
            raise ValidationError({"evidence_title": _("Enter the evidence's title")})
        checked_evidence.title_check(evidence_title, field="evidence_title")
        kept = checked_evidence.evidence_keep(
            chunks=evidence, about=action, by=by, field="evidence"
        )
    try:
        with english():
            return _submit(
                action, by, (text, text_cy.strip()), proposed_status, evidence_title.strip(), kept
            )
    except BaseException:
        if kept is not None:
            checked_evidence.evidence_discard(kept)
        raise


def _submit(action, by, texts, proposed_status, title, kept) -> ActionResponse:
    text, text_cy = texts
    with transaction.atomic():
        locked = Action.objects.select_for_update().get(pk=action.pk)
        if locked.status not in {ActionStatus.OPEN, ActionStatus.IN_PROGRESS}:
            raise ValidationError(CLOSED_ACTION)
        response = ActionResponse(
            action=locked,
            text=text,
            text_cy=text_cy,
            proposed_status=proposed_status,
            submitted_by=by,
            submitted_at=timezone.now(),
        )
        response.full_clean()
        response.save()
        if kept is not None:
            _keep_evidence(response, title, kept)
        # The response is a tracked model: its creation is recorded with its fields, once.
        notifications.response_arrived_notify(response=response)
    return response


def _keep_evidence(response, title, kept) -> ResponseEvidence:
    evidence = ResponseEvidence(
        response=response,
        title=title,
        stored_name=kept.stored_name,
        sha256=kept.sha256,
        size=kept.size,
        page_count=kept.page_count,
    )
    evidence.full_clean()
    evidence.save()
    return evidence


def action_response_review(
    *,
    response: ActionResponse,
    by,
    approve: bool,
    reason: str = "",
    version: int,
    text_cy: str | None = None,
) -> ActionResponse:
    """Approve the force's response (the action takes its proposed status and carries the
    response into what is published) or return it to the force with the reason why; the
    force's liaisons are told of a returned one. A response to an action OPCC staff have
    closed since it was sent is refused approval (it would reopen the action). Approving
    keeps `text_cy`, the response's Welsh as the reviewer leaves it (None: as it is)."""
    _may_review(by, response)
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationError({"reason": _("Enter why the response is returned to the force")})
    with transaction.atomic(), english():
        locked = lock_at_version(ActionResponse.objects.all(), pk=response.pk, seen=version)
        if locked.state != ResponseState.SUBMITTED:
            raise ValidationError(REVIEWED_ALREADY)
        if approve and text_cy is not None:
            locked.text_cy = text_cy.strip()
        locked.state = ResponseState.APPROVED if approve else ResponseState.RETURNED
        locked.return_reason = "" if approve else reason
        locked.reviewed_by, locked.reviewed_at = by, timezone.now()
        if approve:
            _apply(locked)
        _saved(locked)
        summary = "Response approved" if approve else "Response returned to the force"
        record(AuditEvent.CHANGED, locked, actor=by, summary=summary)
        if not approve:
            notifications.response_returned_notify(response=locked)
    return locked


def action_response_withdraw(
    *, response: ActionResponse, by, reason: str, version: int
) -> ActionResponse:
    """Withdraw the approval of the force's response, with the reason why: it is returned
    to the force (its liaisons are told) and is no longer carried by reports published
    from now on.

    When it is the action's approved response on record (the newest approved one, as
    reports choose it), the action's status goes back to what it was before the
    approval, unless OPCC staff have changed it since (or the approval predates keeping
    that status), and its response on record becomes the force's previous approved one,
    if any; the liaisons are asked for a corrected response. When a later approval
    stands, the action's status and response on record stay as they are, and the
    liaisons' email says so."""
    _may_review(by, response)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Enter why the approval is withdrawn")})
    with transaction.atomic(), english():
        locked = lock_at_version(ActionResponse.objects.all(), pk=response.pk, seen=version)
        if locked.state != ResponseState.APPROVED:
            raise ValidationError(NOT_APPROVED)
        Action.objects.select_for_update().get(pk=locked.action_id)  # approvals wait
        current = approval_is_current(response=locked)
        locked.state, locked.return_reason = ResponseState.RETURNED, reason
        locked.withdrawn_by, locked.withdrawn_at = by, timezone.now()
        _saved(locked)
        if current:
            _unapply(locked)
        record(AuditEvent.CHANGED, locked, actor=by, summary="Approval of the response withdrawn")
        notifications.response_returned_notify(
            response=locked, withdrawn=True, superseded=not current
        )
    return locked


def action_response_welsh_save(
    *, response: ActionResponse, by, text_cy: str, version: int
) -> ActionResponse:
    """Give a response waiting for review, or approved, its Welsh, or change it: the force's
    English stays as it was sent and approved; the Welsh is what the Welsh pages publish,
    and a report or notes published in Welsh need it (docs/welsh.md). Refused for a returned
    response, which is no longer published."""
    _may_review(by, response)
    with transaction.atomic(), english():
        locked = lock_at_version(ActionResponse.objects.all(), pk=response.pk, seen=version)
        if locked.state == ResponseState.RETURNED:
            raise ValidationError(RETURNED_NO_WELSH)
        locked.text_cy = text_cy.strip()
        _saved(locked)
        record(AuditEvent.CHANGED, locked, actor=by, summary="Welsh of the response saved")
    return locked


def _may_review(by, response) -> None:
    refusal = review_refusal(by, response)
    if refusal is not None or not by_rule("panels.review_action_response", by, response):
        raise PermissionDenied(refusal)


def _saved(response: ActionResponse) -> None:
    response.version += 1
    response.full_clean()
    response.save()


def _apply(response: ActionResponse) -> None:
    """The approved response becomes the action's status and its response on record."""
    action = Action.objects.select_for_update().get(pk=response.action_id)
    if action.status not in {ActionStatus.OPEN, ActionStatus.IN_PROGRESS}:
        raise ValidationError(CLOSED_SINCE)
    response.status_before = action.status
    action.status = response.proposed_status
    action.force_response = english_of(response, "text")
    action.responded_at = timezone.localdate(response.submitted_at)
    action.full_clean()
    action.save()


def _unapply(response: ActionResponse) -> None:
    """The withdrawn approval was the action's response on record: the status it set goes
    back, and the previous approved response (as reports choose it) is on record."""
    action = Action.objects.select_for_update().get(pk=response.action_id)
    if response.status_before and action.status == response.proposed_status:
        action.status = response.status_before
    previous = (
        action.responses.filter(state=ResponseState.APPROVED)
        .exclude(pk=response.pk)
        .order_by("-reviewed_at", "-pk")
        .first()
    )
    action.force_response = english_of(previous, "text") if previous else ""
    action.responded_at = timezone.localdate(previous.submitted_at) if previous else None
    action.full_clean()
    action.save()
