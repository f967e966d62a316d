"""Checking and importing an uploaded extract, as background tasks (core.jobs).

The upload page stores the file and starts a check; the batch page's "Import" starts the
import. Each runs on a worker and writes in one transaction, so a worker stopped part-way
leaves the batch as it was, to be tried again from the job's page."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from core.jobs import Job, Progress, job_running, job_start, progress_inside_transactions
from core.roles import StaffRole

from .imports import storage
from .models import ExtractBatch
from .services import batches

# Imports of hundreds of thousands of rows go first to a queue of their own, should a
# deployment want workers just for them; one worker serves every queue by default.
QUEUE = "default"


def _batch_url(batch_id: int) -> str:
    return reverse("cases:batch_detail", args=[batch_id])


@task(queue_name=QUEUE)
def check_extract(*, job_id: str, batch_id: int) -> None:
    batch = ExtractBatch.objects.get(pk=batch_id)
    try:
        with job_running(job_id, result_url=_batch_url(batch_id)):
            batches.batch_check(batch=batch, user=batch.uploaded_by, progress=Progress(job_id))
    finally:
        storage.forget_local_copies(batch.stored_name)


@task(queue_name=QUEUE)
def confirm_extract(*, job_id: str, batch_id: int, user_id: int) -> None:
    batch = ExtractBatch.objects.get(pk=batch_id)
    user = get_user_model().objects.get(pk=user_id)
    progress = Progress(job_id, aside=True)  # the rows go in inside one transaction
    try:
        with job_running(job_id, result_url=_batch_url(batch_id)):
            progress(0, batch.row_count, force=True)
            batches.batch_confirm(batch=batch, user=user, progress=progress)
    finally:
        progress.close()
        storage.forget_local_copies(batch.stored_name)


def batch_upload_start(*, user, file_name: str, **upload) -> tuple[ExtractBatch, Job]:
    """Store the upload and start checking it in the background."""
    batch = batches.batch_store(user=user, file_name=file_name, **upload)
    with transaction.atomic():
        job = job_start(
            task=check_extract,
            title=_("Checking %(name)s") % {"name": batch.file_name},
            role=StaffRole.DATA_ADMIN,
            wording=_("Checked {done} of {total} rows"),
            wording_no_total=_("Checked {done} rows"),
            by=user,
            batch_id=batch.pk,
        )
    batch.refresh_from_db()  # a check run at once (no worker) has moved it on
    return batch, job


def batch_confirm_start(*, batch: ExtractBatch, user) -> Job:
    """Refuse at once what the import would refuse (problems, undecided findings), then
    import in the background."""
    batch = ExtractBatch.objects.get(pk=batch.pk)
    batches.check_confirmable(batch)
    with transaction.atomic():
        return job_start(
            task=confirm_extract,
            title=_("Importing %(name)s") % {"name": batch.file_name},
            role=StaffRole.DATA_ADMIN,
            # Rows written are counted as they go where the database lets a second
            # connection report them during the import's transaction (PostgreSQL).
            wording=_("Imported {done} of {total} rows")
            if progress_inside_transactions()
            else _("Importing {total} rows"),
            wording_no_total=_("Importing the rows"),
            by=user,
            batch_id=batch.pk,
            user_id=user.pk,
        )
