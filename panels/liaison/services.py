"""Writes for the right of reply: the force's liaison answers an action (with redacted
PDF evidence, checked as a case document is), and OPCC staff approve or return the
answer. Each runs in one transaction and leaves an audit entry."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cases import privacy
from cases.documents import checks, storage
from cases.enums import PrivacyKind
from core.audit import AuditEvent, record
from core.permissions import by_rule
from core.stale import lock_at_version

from ..enums import ActionStatus, ResponseState
from ..models import Action, ActionResponse, ResponseEvidence
from ..permissions import review_refusal
from . import notifications

CLOSED_ACTION = (
    "This action is done or dropped, so it can no longer be answered. Ask OPCC staff to "
    "reopen it if the force has more to say"
)
REVIEWED_ALREADY = "This response has already been reviewed"


def action_response_submit(
    *,
    action: Action,
    by,
    text: str,
    proposed_status: str,
    evidence_title: str = "",
    evidence=None,
) -> ActionResponse:
    """The force's answer to an action addressed to it, waiting for OPCC staff.

    Refused (ValidationError naming the field, nothing kept) when the text is empty, the
    action is closed, or the evidence is not a PDF that can be kept or holds personal
    data (it must be redacted first). `evidence` is the uploaded file's chunks."""
    if not by_rule("panels.answer_action", by, action):
        raise PermissionDenied
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Enter the force's response"})
    if proposed_status not in ActionStatus.values:
        raise ValidationError({"proposed_status": "Select the status the force proposes"})
    if evidence is not None and not evidence_title.strip():
        raise ValidationError({"evidence_title": "Enter the evidence's title"})
    kept = _evidence_checked(evidence) if evidence is not None else None
    try:
        return _submit(action, by, text, proposed_status, evidence_title.strip(), kept)
    except BaseException:
        if kept is not None:
            storage.delete(kept[0])
        raise


def _submit(action, by, text, proposed_status, title, kept) -> ActionResponse:
    with transaction.atomic():
        locked = Action.objects.select_for_update().get(pk=action.pk)
        if locked.status not in {ActionStatus.OPEN, ActionStatus.IN_PROGRESS}:
            raise ValidationError(CLOSED_ACTION)
        response = ActionResponse(
            action=locked,
            text=text,
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


def _evidence_checked(chunks) -> tuple[str, str, int, int]:
    """(stored name, SHA-256, size, pages) of a PDF that passed every check a case
    document passes, with nothing the privacy screen finds; refused otherwise."""
    try:
        stored_name, sha256, size = storage.store(chunks)
    except storage.StoreError as error:
        raise ValidationError({"evidence": error.message}) from None
    try:
        checked = checks.check_pdf(storage.root() / stored_name)
        _refuse_personal_data(checked.pages)
        storage.share(stored_name)
    except (checks.DocumentRefused, storage.StoreError) as refusal:
        storage.delete(stored_name)
        raise ValidationError({"evidence": refusal.message}) from None
    except BaseException:
        storage.delete(stored_name)
        raise
    return stored_name, sha256, size, checked.page_count


def _refuse_personal_data(pages: list[str]) -> None:
    # Evidence is sent already redacted: unlike a case document there is no data admin to
    # decide each finding, so anything the screen finds refuses the file.
    for number, page in enumerate(pages, start=1):
        found = privacy.kinds(page)
        if found:
            what = PrivacyKind(sorted(found)[0]).label.lower()
            raise checks.DocumentRefused(
                f"The selected PDF looks like it holds a {what} on page {number}. "
                "Redact it and upload the redacted copy"
            )


def _keep_evidence(response, title, kept) -> ResponseEvidence:
    stored_name, sha256, size, pages = kept
    evidence = ResponseEvidence(
        response=response,
        title=title,
        stored_name=stored_name,
        sha256=sha256,
        size=size,
        page_count=pages,
    )
    evidence.full_clean()
    evidence.save()
    return evidence


def action_response_review(
    *, response: ActionResponse, by, approve: bool, reason: str = "", version: int
) -> ActionResponse:
    """Approve the force's response (the action takes its proposed status and carries the
    response into what is published) or return it to the force with the reason why."""
    refusal = review_refusal(by, response)
    if refusal is not None or not by_rule("panels.review_action_response", by, response):
        raise PermissionDenied(refusal)
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationError({"reason": "Enter why the response is returned to the force"})
    with transaction.atomic():
        locked = lock_at_version(ActionResponse.objects.all(), pk=response.pk, seen=version)
        if locked.state != ResponseState.SUBMITTED:
            raise ValidationError(REVIEWED_ALREADY)
        locked.state = ResponseState.APPROVED if approve else ResponseState.RETURNED
        locked.return_reason = "" if approve else reason
        locked.reviewed_by, locked.reviewed_at = by, timezone.now()
        locked.version += 1
        locked.full_clean()
        locked.save()
        if approve:
            _apply(locked)
        summary = "Response approved" if approve else "Response returned to the force"
        record(AuditEvent.CHANGED, locked, actor=by, summary=summary)
    return locked


def _apply(response: ActionResponse) -> None:
    """The approved response becomes the action's status and its response on record."""
    action = Action.objects.select_for_update().get(pk=response.action_id)
    action.status = response.proposed_status
    action.force_response = response.text
    action.responded_at = timezone.localdate(response.submitted_at)
    action.full_clean()
    action.save()
