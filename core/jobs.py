"""Long work done in the background, with progress a page can show.

A Job is what a person started and is waiting for ("Checking extract.csv"): its progress
("43,000 of 100,000 rows"), how it ended and where its result is. The work itself runs as
a task on the queue in the database (django-tasks, docs/adr/0010-background-tasks.md); a
job records which task and arguments, so it can be run again.

Each task does its writing in one transaction, so a worker that dies part-way leaves
nothing half-written. Its job is then left "running" with no news: after
JOB_STALLED_SECONDS without progress the page says it has stopped and offers to try again.
"""

import logging
import time
from contextlib import contextmanager

from auditlog.context import auditlog_value, set_actor
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .audit import AuditEvent, record
from .models import Job, JobStatus
from .roles import StaffRole, has_staff_role

log = logging.getLogger(__name__)

# How often a running task writes its progress, at most.
PROGRESS_EVERY_SECONDS = 0.5


def job_start(*, task, title: str, by, role, wording: str, wording_no_total: str, **kwargs) -> Job:
    """Record a job and put its task on the queue, in the caller's transaction: the
    task is only seen by workers once whatever it works on has been committed.

    The same work asked for twice (a double click) while it is waiting or running gives
    the job already under way."""
    under_way = Job.objects.filter(
        task_path=task.module_path,
        task_kwargs=kwargs,
        status__in=[JobStatus.QUEUED, JobStatus.RUNNING],
    ).first()
    if under_way is not None and not under_way.stalled:
        return under_way
    job = Job.objects.create(
        title=title,
        task_path=task.module_path,
        task_kwargs=kwargs,
        wording=wording,
        wording_no_total=wording_no_total,
        required_role=role.value,
        created_by=by,
    )
    task.enqueue(job_id=str(job.pk), **kwargs)
    job.refresh_from_db()  # a task run at once (tests, ImmediateBackend) may have moved it
    return job


def job_retry(*, job: Job, by) -> Job:
    """Run a failed or stalled job's task again."""

    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job.pk)
        if not job.can_retry():
            raise ValidationError(_("This is still running. Wait for it to finish."))
        job.status, job.error, job.done = JobStatus.QUEUED, "", 0
        job.save(update_fields=["status", "error", "done", "updated_at"])
        import_string(job.task_path).enqueue(job_id=str(job.pk), **job.task_kwargs)
        record(AuditEvent.CHANGED, job, actor=by, summary=f"Tried again: {job.title}")
    job.refresh_from_db()
    return job


def progress_inside_transactions() -> bool:
    """Whether a task's progress can be seen while its transaction is still open: on
    PostgreSQL it is written through a second connection of its own (`Progress`)."""
    return connection.vendor == "postgresql"


class Progress:
    """What a running task tells its job: `progress(done, total=None)`.

    With `aside=True`, for work done inside one transaction (an import writing its
    rows): an update made on the task's own connection would not be seen until the end,
    and the connection is busy with a COPY. So inside a transaction, on PostgreSQL,
    progress goes through a second connection in autocommit, opened when first needed
    and closed with `close()`. It waits at most a second for the job's row, and if it
    cannot write (or cannot see the job, made in the same transaction when the task runs
    at once), the work goes on without progress until it ends. Elsewhere, inside a
    transaction, nothing is written until the work ends.
    """

    def __init__(self, job_id, *, aside: bool = False):
        self.job_id = job_id
        self.aside = aside
        self._last = 0.0
        self._connection = None  # the second connection, while open
        self._aside_failed = False

    def __call__(self, done: int, total: int | None = None, *, force: bool = False) -> None:
        now = time.monotonic()
        # The first figure from inside the transaction goes at once: the rows have started.
        starting = self.aside and self._connection is None and connection.in_atomic_block
        if not force and not starting and now - self._last < PROGRESS_EVERY_SECONDS:
            return
        self._last = now
        fields = {"done": done, "updated_at": timezone.now()}
        if total is not None:
            fields["total"] = total
        if self.aside and connection.in_atomic_block:
            if progress_inside_transactions() and not self._aside_failed:
                self._write_aside(fields)
            return
        Job.objects.filter(pk=self.job_id).update(**fields)

    def _write_aside(self, fields: dict) -> None:
        table = connection.ops.quote_name(Job._meta.db_table)
        columns = ", ".join(f"{connection.ops.quote_name(name)} = %s" for name in fields)
        try:
            if self._connection is None:
                self._connection = connection.Database.connect(**connection.get_connection_params())
                self._connection.autocommit = True
                self._connection.execute("SET lock_timeout = '1s'")
            written = self._connection.execute(
                f"UPDATE {table} SET {columns} WHERE id = %s",  # noqa: S608 # nosec B608 # our own column names
                [*fields.values(), self.job_id],
            ).rowcount
        except connection.Database.Error:
            log.warning("Job %s: progress could not be written during the work", self.job_id)
            written = 0
        if not written:
            self._aside_failed = True
            self.close()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


@contextmanager
def job_running(job_id, *, result_url: str = ""):
    """Around a task's work: marks the job running, then finished or failed, and has the
    audit trail name the person who started the job for whatever the work writes.

    A ValidationError's message is shown to the person as the reason; anything else is
    logged in full and they are told it went wrong without the details."""
    Job.objects.filter(pk=job_id).update(
        status=JobStatus.RUNNING,
        started_at=timezone.now(),
        updated_at=timezone.now(),
        attempts=models.F("attempts") + 1,
    )
    outcome = {"result_url": result_url}
    try:
        with _acting_for(job_id):
            yield outcome
    except ValidationError as refusal:
        _finish(job_id, JobStatus.FAILED, error=" ".join(refusal.messages), **outcome)
        raise
    except BaseException:
        log.exception("Background job %s failed", job_id)
        _finish(job_id, JobStatus.FAILED, error="Something went wrong. Try again.", **outcome)
        raise
    else:
        _finish(job_id, JobStatus.DONE, **outcome)


@contextmanager
def _acting_for(job_id):
    """While a task runs, its audit entries name the job's starter: a worker has no
    signed-in user, so django-auditlog's entries (and `core.audit.record`'s without an
    actor) would otherwise say "Not signed in". `set_actor` fills in only entries with
    no actor of their own.

    Run at once inside a request (tests, ImmediateBackend), the request's own actor
    context is put back afterwards: django-auditlog's context does not nest, and the
    rest of the request would lose its user."""
    job = Job.objects.select_related("created_by").filter(pk=job_id).first()
    starter = job.created_by if job is not None else None
    if starter is None:
        yield
        return
    outer = auditlog_value.get(None)
    try:
        with set_actor(starter):
            yield
    finally:
        if outer is not None:
            auditlog_value.set(outer)


def _finish(job_id, status: JobStatus, *, error: str = "", result_url: str = "") -> None:
    now = timezone.now()
    fields = {"status": status, "error": error, "finished_at": now, "updated_at": now}
    if result_url:
        fields["result_url"] = result_url
    # A run that finished first is not overwritten by a later one's failure.
    Job.objects.filter(pk=job_id).exclude(status=JobStatus.DONE).update(**fields)


def job_for_user(user, job_id) -> Job | None:
    """The job if this person started it and still holds the role its work needs;
    nobody sees another's."""
    if not user.is_authenticated:
        return None
    job = Job.objects.filter(pk=job_id, created_by=user).first()
    if job is None or (
        job.required_role and not has_staff_role(user, StaffRole(job.required_role))
    ):
        return None
    return job
