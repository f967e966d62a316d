"""Deciding what the privacy screen found in a checked batch: redact a cell, or keep
it with a reason. Decisions are possible only while the batch awaits confirmation."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.enums import BatchStatus, FindingStatus
from cases.models import ExtractBatch, PrivacyFinding


def finding_redact(*, finding: PrivacyFinding, user) -> PrivacyFinding:
    return _resolve(finding, user=user, status=FindingStatus.REDACTED, reason="")


def finding_accept(*, finding: PrivacyFinding, user, reason: str) -> PrivacyFinding:
    if not reason.strip():
        raise ValidationError(_("Enter why this cell can be kept as it is."))
    return _resolve(finding, user=user, status=FindingStatus.ACCEPTED, reason=reason.strip())


def findings_redact_all(*, batch: ExtractBatch, user) -> int:
    """Redact every finding still needing a decision; returns how many."""
    with transaction.atomic():
        batch = ExtractBatch.objects.select_for_update().get(pk=batch.pk)
        check_open(batch)
        return batch.findings.filter(status=FindingStatus.OPEN).update(
            status=FindingStatus.REDACTED, resolved_by=user, resolved_at=timezone.now()
        )


def _resolve(finding: PrivacyFinding, *, user, status: str, reason: str) -> PrivacyFinding:
    with transaction.atomic():
        ExtractBatch.objects.select_for_update().get(pk=finding.batch_id)
        check_open(finding.batch)
        finding.status = status
        finding.reason = reason
        finding.resolved_by = user
        finding.resolved_at = timezone.now()
        finding.full_clean()
        finding.save()
    return finding


def check_open(batch: ExtractBatch) -> None:
    if batch.status != BatchStatus.PREVIEWED:
        raise ValidationError(_("This import has finished, so its findings can no longer change."))
