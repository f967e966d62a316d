"""Long work in the background: a job's page shows its progress and ends on the result;
a worker killed part-way leaves nothing half-written, and the job can be tried again.

Most tests run tasks at once (tests/conftest.py); those marked `queue` put them on the
database queue and run real workers, in this process or as a separate one."""

import datetime
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from auditlog.context import set_actor
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from cases.enums import BatchStatus
from cases.models import Case, ExtractBatch
from cases.tasks import batch_confirm_start, batch_upload_start
from core.audit import AuditEvent, record
from core.jobs import Job, JobStatus, Progress, job_retry, job_running
from core.models import AuditEntry
from tests import factories
from tests.cases.conftest import csv_bytes, row

ROOT = Path(__file__).resolve().parent.parent
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WAITING_QUEUE = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def force(db):
    return factories.ForceFactory(code="JOBS", name="Jobshire Police")


@pytest.fixture(autouse=True)
def private_uploads(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "uploads"


def start_upload(user, force, rows):
    return batch_upload_start(
        user=user, force=force, file_name="extract.csv", chunks=[csv_bytes(rows)]
    )


def job_page(client, job):
    return client.get(f"/jobs/{job.pk}/")


# --- the job's page ------------------------------------------------------------------


@pytest.mark.django_db
def test_a_finished_check_sends_the_admin_to_the_batch(client, alice, force):
    batch, job = start_upload(alice, force, [row("J-1"), row("J-2")])
    client.force_login(alice)

    response = job_page(client, job)

    job.refresh_from_db()
    batch.refresh_from_db()
    assert (job.status, job.done, job.total, batch.status) == (
        JobStatus.DONE,
        2,
        2,
        BatchStatus.PREVIEWED,
    )
    assert response.status_code == 302
    assert response["Location"] == f"/cases/imports/{batch.pk}/"


@pytest.mark.django_db
def test_a_running_job_shows_its_progress_and_refreshes_without_javascript(client, alice):
    job = Job.objects.create(
        title="Checking extract.csv",
        task_path="cases.tasks.check_extract",
        status=JobStatus.RUNNING,
        done=43_000,
        total=100_000,
        wording="Checked {done} of {total} rows",
        created_by=alice,
    )
    client.force_login(alice)

    page = job_page(client, job).content.decode()

    assert "Checked 43,000 of 100,000 rows" in page
    assert 'max="100000" value="43000"' in page
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    assert "Try again" not in page


@pytest.mark.django_db
def test_a_jobs_figures_come_as_json_for_the_script(client, alice):
    job = Job.objects.create(
        title="Checking x.csv",
        status=JobStatus.RUNNING,
        done=5,
        total=10,
        wording="Checked {done} of {total} rows",
        created_by=alice,
    )
    client.force_login(alice)

    figures = client.get(f"/jobs/{job.pk}/?format=json").json()

    assert figures == {
        "status": "running",
        "finished": False,
        "stalled": False,
        "waiting_long": False,
        "done": 5,
        "total": 10,
        "text": "Checked 5 of 10 rows",
    }


@pytest.mark.django_db
def test_a_job_is_only_shown_to_whoever_started_it(client, alice, eve):
    job = Job.objects.create(title="Checking x.csv", created_by=alice)
    other_admin = factories.UserFactory(username="ada", roles=["Data admin"])

    client.force_login(eve)
    assert job_page(client, job).status_code == 404
    client.force_login(other_admin)
    assert job_page(client, job).status_code == 404
    client.logout()
    assert job_page(client, job)["Location"].startswith("/sign-in/")


@pytest.mark.django_db
def test_a_failed_job_says_why_and_offers_to_try_again(client, alice, force):
    batch, job = start_upload(alice, force, [row("J-1")])
    # Say it failed, and try again: the batch was checked already, so the check refuses.
    Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED)
    job_retry(job=job, by=alice)
    client.force_login(alice)

    page = job_page(client, job).content.decode()

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "This file has already been checked." in page
    assert "Try again" in page


@pytest.mark.django_db
def test_a_stalled_job_says_it_has_stopped_and_can_be_tried_again(client, alice, force, settings):
    settings.TASKS = WAITING_QUEUE  # nobody takes the task: its worker has gone
    batch, job = start_upload(alice, force, [row("J-1"), row("J-2")])
    # It started, then its worker went quiet for an hour.
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, updated_at=timezone.now() - datetime.timedelta(hours=1)
    )
    client.force_login(alice)

    page = job_page(client, job).content.decode()
    assert "This has stopped" in page
    assert "Try again" in page

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    response = client.post(f"/jobs/{job.pk}/try-again/")

    job.refresh_from_db()
    batch.refresh_from_db()
    assert response["Location"] == f"/jobs/{job.pk}/"
    assert (job.status, job.attempts, batch.status) == (JobStatus.DONE, 1, BatchStatus.PREVIEWED)


@pytest.mark.django_db
def test_a_job_no_worker_has_taken_says_so_and_is_not_offered_again(client, alice, force, settings):
    settings.TASKS = WAITING_QUEUE
    batch, job = start_upload(alice, force, [row("J-1")])
    Job.objects.filter(pk=job.pk).update(updated_at=timezone.now() - datetime.timedelta(hours=1))
    client.force_login(alice)

    page = job_page(client, job).content.decode()

    assert "This has not started yet" in page
    assert "Try again" not in page
    assert client.post(f"/jobs/{job.pk}/try-again/").status_code == 302
    assert Job.objects.get(pk=job.pk).attempts == 0


@pytest.mark.django_db
def test_a_job_is_hidden_from_someone_who_no_longer_has_the_role(client, alice, force):
    batch, job = start_upload(alice, force, [row("J-1")])
    alice.groups.clear()
    client.force_login(alice)

    assert job_page(client, job).status_code == 404
    assert client.post(f"/jobs/{job.pk}/try-again/").status_code == 404


@pytest.mark.django_db
def test_trying_again_is_audited(alice, force):
    batch, job = start_upload(alice, force, [row("J-1")])
    Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED)

    job_retry(job=job, by=alice)

    entry = AuditEntry.objects.filter(summary__startswith="Tried again").get()
    assert (entry.actor, entry.object_repr) == (alice, "Checking extract.csv")


@pytest.mark.django_db
def test_a_job_still_running_is_not_started_twice(alice, force, settings):
    settings.TASKS = WAITING_QUEUE
    batch, first = start_upload(alice, force, [row("J-1")])

    with pytest.raises(Exception, match="still running"):
        job_retry(job=first, by=alice)

    assert Job.objects.count() == 1


@pytest.mark.django_db
def test_asking_twice_for_the_same_import_gives_the_job_under_way(alice, force, settings):
    batch, _ = start_upload(alice, force, [row("J-1")])
    settings.TASKS = WAITING_QUEUE

    first = batch_confirm_start(batch=batch, user=alice)
    second = batch_confirm_start(batch=batch, user=alice)

    assert (second.pk, Job.objects.filter(title__startswith="Importing").count()) == (first.pk, 1)


@pytest.mark.django_db
def test_an_import_with_undecided_findings_is_refused_before_it_starts(alice, force):
    batch, _ = start_upload(
        alice, force, [row("J-1", **{"Facts at decision": "Call 07700 900123."})]
    )

    with pytest.raises(Exception, match="possible personal data"):
        batch_confirm_start(batch=batch, user=alice)

    assert Job.objects.filter(title__startswith="Importing").count() == 0


def test_progress_is_written_at_most_twice_a_second(db, alice):
    job = Job.objects.create(title="x", created_by=alice)
    progress = Progress(job.pk)

    for done in range(1, 1001):
        progress(done, 1000)
    progress(1000, 1000, force=True)

    job.refresh_from_db()
    assert (job.done, job.total) == (1000, 1000)


ON_POSTGRES = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").split(":", 1)[0] not in {"postgres", "postgresql"},
    reason="progress from inside a transaction needs PostgreSQL",
)


def seen_from_elsewhere(job_id) -> tuple:
    """The job's figures as another connection (the progress page's) reads them."""
    with connection.Database.connect(**connection.get_connection_params()) as other:
        return other.execute("SELECT done, total FROM core_job WHERE id = %s", [job_id]).fetchone()


@ON_POSTGRES
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_progress_from_inside_a_transaction_is_seen_before_it_commits(alice):
    job = Job.objects.create(title="Importing extract.csv", created_by=alice)
    progress = Progress(job.pk, aside=True)
    try:
        with transaction.atomic():
            progress(500, 1000, force=True)
            during = seen_from_elsewhere(job.pk)
            progress(900, force=True)
            later = seen_from_elsewhere(job.pk)
    finally:
        progress.close()

    assert (during, later) == ((500, 1000), (900, 1000))


@ON_POSTGRES
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_progress_that_cannot_be_written_does_not_stop_the_work(alice, caplog):
    job = Job.objects.create(title="Importing extract.csv", created_by=alice)
    progress = Progress(job.pk, aside=True)
    try:
        with transaction.atomic():
            Job.objects.filter(pk=job.pk).update(title="Held")  # this transaction has the row
            started = time.monotonic()
            progress(5, force=True)  # waits at most a second for the row, then gives up
            progress(6, force=True)  # and does not wait again
            waited = time.monotonic() - started
    finally:
        progress.close()

    assert waited < 3
    assert "progress could not be written" in caplog.text
    assert seen_from_elsewhere(job.pk) == (0, None)


def test_progress_set_aside_is_dropped_where_nothing_else_could_see_it(db, alice):
    """Made in this same transaction (a task run at once), the job is out of a second
    connection's sight; on SQLite there is no second connection. Either way the work
    goes on, and its figures come when it ends."""
    job = Job.objects.create(title="x", created_by=alice)
    progress = Progress(job.pk, aside=True)
    with transaction.atomic():
        progress(5, 10, force=True)
        progress(6, force=True)
        job.refresh_from_db()
    progress.close()

    assert (job.done, job.total) == (0, None)


# --- the database queue and its workers ----------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_checks_and_imports_an_upload_from_the_queue(
    reference_data, alice, force, settings
):
    settings.TASKS = DATABASE_QUEUE
    batch, job = start_upload(alice, force, [row("Q-1"), row("Q-2"), row("Q-3")])
    assert job.status == JobStatus.QUEUED

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)

    job.refresh_from_db()
    batch.refresh_from_db()
    assert list(batch.problems.values_list("message", flat=True)) == []
    assert (job.status, job.done, batch.status) == (JobStatus.DONE, 3, BatchStatus.PREVIEWED)

    job = batch_confirm_start(batch=batch, user=alice)
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)

    job.refresh_from_db()
    batch.refresh_from_db()
    assert (job.status, batch.status, Case.objects.filter(force=force).count()) == (
        JobStatus.DONE,
        BatchStatus.COMMITTED,
        3,
    )


def worker_process(uploads) -> subprocess.Popen:
    """A worker in its own process on this test's database, as `make worker` runs one."""
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "TASKS_BACKEND": "database",
        "PRIVATE_UPLOAD_ROOT": str(uploads),
    }
    return subprocess.Popen(  # noqa: S603 (our own command)
        [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def copying_rows() -> bool:
    """Whether a connection to this database is part-way through COPYing cases in."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND state = 'active' AND query ILIKE 'COPY%%'"
        )
        return cursor.fetchone()[0] > 0


def wait_for(predicate, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


@pytest.mark.server
@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").split(":", 1)[0] not in {"postgres", "postgresql"},
    reason="a second process needs a database it can open: the suite's SQLite is in memory",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_mid_import_leaves_nothing_and_the_import_can_be_tried_again(
    reference_data, alice, force, settings
):
    rows = [row(f"K-{n:06d}") for n in range(40_000)]
    batch, _ = start_upload(alice, force, rows)  # checked at once, in this process
    settings.TASKS = DATABASE_QUEUE
    job = batch_confirm_start(batch=batch, user=alice)
    worker = worker_process(settings.PRIVATE_UPLOAD_ROOT)
    try:
        # Inside the import's one transaction, with its progress already to be seen.
        wait_for(lambda: copying_rows() and Job.objects.get(pk=job.pk).done > 0)
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()

    job.refresh_from_db()
    batch.refresh_from_db()
    assert (job.status, batch.status, Case.objects.filter(force=force).count()) == (
        JobStatus.RUNNING,
        BatchStatus.PREVIEWED,
        0,
    )
    # What the page said while the rows were going in: counted, though none had landed.
    assert 0 < job.done < 40_000
    assert job.progress_text == f"Imported {job.done:,} of 40,000 rows"

    Job.objects.filter(pk=job.pk).update(updated_at=timezone.now() - datetime.timedelta(hours=1))
    job_retry(job=job, by=alice)
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)

    job.refresh_from_db()
    batch.refresh_from_db()
    assert (job.status, job.attempts, batch.status) == (JobStatus.DONE, 2, BatchStatus.COMMITTED)
    assert Case.objects.filter(force=force).count() == 40_000
    assert ExtractBatch.objects.get(pk=batch.pk).created_count == 40_000


# --- who the audit trail names -----------------------------------------------------------


@pytest.mark.django_db
def test_a_background_jobs_audit_entries_name_the_person_who_started_it(alice, force):
    """A worker has no signed-in user: the trail names the job's starter, not nobody."""
    batch, _check = start_upload(alice, force, [row("J-1"), row("J-2")])
    batch_confirm_start(batch=batch, user=alice)

    batch_entries = AuditEntry.objects.filter(
        content_type__model="extractbatch", object_pk=batch.pk
    )
    # After the upload stored the batch (in the request, which names its user), the
    # batch's changes as its status moved (written by django-auditlog) and the import
    # itself (written by core.audit), all in the workers' tasks.
    stored = batch_entries.get(event="created")
    by_tasks = AuditEntry.objects.filter(pk__gt=stored.pk)
    assert sorted(by_tasks.values_list("event", flat=True)) == ["changed", "changed", "imported"]
    assert {entry.actor for entry in by_tasks} == {alice}


@pytest.mark.django_db
def test_a_job_run_inside_a_request_gives_the_request_back_its_user(alice, olu):
    """Tasks run at once (tests, a queue-less setup) run inside the request's own actor
    context; afterwards the request's entries still name its user."""
    job = Job.objects.create(title="Publishing", task_path="reports.tasks.x", created_by=olu)

    with set_actor(alice):
        with job_running(job.pk):
            record(AuditEvent.CHANGED, job, summary="During the job")
        record(AuditEvent.CHANGED, job, summary="After the job")

    entries = AuditEntry.objects.filter(summary__in=["During the job", "After the job"])
    assert {entry.summary: entry.actor for entry in entries} == {
        "During the job": olu,
        "After the job": alice,
    }
