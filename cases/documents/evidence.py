"""Evidence the force sends already redacted: with its response to a panel's action
(panels.liaison) and with its answer to the Commissioner's question (accountability).

Both keep it here, so neither skips a check: the title must hold no personal data, the
PDF must pass every check a case document passes (checks.check_pdf), and the privacy
screen must find nothing in it, since no data admin decides each finding as for a case
document. A refused file is not kept, and the refusal is recorded in the audit trail
against what it was sent for."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.audit import AuditEvent, record

from .. import privacy
from ..enums import PrivacyKind
from . import checks, storage


@dataclass(frozen=True)
class KeptEvidence:
    stored_name: str
    sha256: str
    size: int
    page_count: int


def title_check(title: str, *, field: str = "title") -> None:
    """Refuse a title the privacy screen finds personal data in, saying what kind."""
    found = sorted(privacy.kinds(title))
    if found:
        what = _(PrivacyKind(found[0]).label).lower()
        raise ValidationError(
            {
                field: _(
                    "Enter a title without personal data: this one looks like it holds a %(what)s"
                )
                % {"what": what}
            }
        )


def evidence_keep(*, chunks, about, by, field: str) -> KeptEvidence:
    """Store the uploaded chunks privately if they are a PDF a case document could be and
    the screen finds nothing in; otherwise delete them, record the refusal against
    `about` (the action or the answer) and raise a ValidationError on `field`."""
    try:
        stored_name, sha256, size = storage.store(chunks)
    except storage.StoreError as error:
        _refused(about, by, error.message)
        raise ValidationError({field: error.message}) from None
    try:
        checked = checks.check_pdf(storage.root() / stored_name)
        _check_redacted(checked.pages)
        storage.share(stored_name)
    except (checks.DocumentRefused, storage.StoreError) as refusal:
        storage.delete(stored_name)
        _refused(about, by, refusal.message)
        raise ValidationError({field: refusal.message}) from None
    except BaseException:
        storage.delete(stored_name)
        raise
    return KeptEvidence(stored_name, sha256, size, checked.page_count)


def evidence_discard(kept: KeptEvidence) -> None:
    """Delete a stored file whose record was not saved after all."""
    storage.delete(kept.stored_name)


def _refused(about, by, message: str) -> None:
    record(AuditEvent.REFUSED, about, actor=by, summary=f"Evidence refused: {message}")


def _check_redacted(pages: list[str]) -> None:
    for number, text in enumerate(pages, start=1):
        found = sorted(privacy.kinds(text))
        if found:
            what = _(PrivacyKind(found[0]).label).lower()
            raise checks.DocumentRefused(
                _(
                    "Page %(page)s of the selected PDF looks like it holds a %(what)s. Redact "
                    "personal data from the evidence and upload it again"
                )
                % {"page": number, "what": what}
            )
