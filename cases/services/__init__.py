"""Writes for the cases app, by what they serve: importing extracts (batches) and
deciding what the privacy screen found (findings).

Each service takes keyword-only arguments, runs in one transaction, and records
who did what. Callers use `from cases import services; services.batch_upload(...)`.
"""

from .batches import (
    OPEN_STATUSES,
    abandon_stale_batches,
    batch_abandon,
    batch_confirm,
    batch_import,
    batch_upload,
    import_options,
)
from .findings import finding_accept, finding_redact, findings_redact_all

__all__ = [
    "OPEN_STATUSES",
    "abandon_stale_batches",
    "batch_abandon",
    "batch_confirm",
    "batch_import",
    "batch_upload",
    "finding_accept",
    "finding_redact",
    "findings_redact_all",
    "import_options",
]
