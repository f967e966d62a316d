"""A background job's page: accessible at both widths, updating as the work goes on, and
ending on the result. (Without JavaScript it refreshes itself from a <noscript> meta
element, which Chromium's script switch does not reproduce; tests/test_jobs.py checks
the element is there.)"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import Page, expect

from core.jobs import Job, JobStatus
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def job(**fields) -> Job:
    alice = get_user_model().objects.get(username="alice")
    defaults = {
        "title": "Checking extract.csv",
        "task_path": "cases.tasks.check_extract",
        "wording": "Checked {done} of {total} rows",
        "wording_no_total": "Checked {done} rows",
        "result_url": "/cases/batches/",
        "created_by": alice,
    }
    return Job.objects.create(**{**defaults, **fields})


def finish(running: Job) -> None:
    Job.objects.filter(pk=running.pk).update(status=JobStatus.DONE, done=100_000)


def test_progress_updates_and_ends_on_the_result(page: Page, live_server, demo):
    running = job(status=JobStatus.RUNNING, done=43_000, total=100_000)
    sign_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/jobs/{running.pk}/")

    expect(page.locator("#job-progress-text")).to_have_text("Checked 43,000 of 100,000 rows")
    assert_accessible(page)

    Job.objects.filter(pk=running.pk).update(done=87_000, updated_at=timezone.now())
    expect(page.locator("#job-progress-text")).to_have_text("Checked 87,000 of 100,000 rows")
    assert page.locator("#job-progress-bar").evaluate("bar => bar.value") == 87_000

    with page.expect_navigation(url=f"{live_server.url}/cases/batches/"):
        finish(running)


def test_a_failed_and_a_stalled_job_are_accessible(page: Page, live_server, demo):
    failed = job(status=JobStatus.FAILED, error="The stored file has changed since it was checked.")
    stalled = job(status=JobStatus.RUNNING, done=5, total=10)
    Job.objects.filter(pk=stalled.pk).update(
        updated_at=timezone.now() - datetime.timedelta(hours=1)
    )
    sign_in(page, live_server.url, "alice")

    page.goto(f"{live_server.url}/jobs/{failed.pk}/")
    expect(page.get_by_role("alert")).to_contain_text("The stored file has changed")
    expect(page.get_by_role("button", name="Try again")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/jobs/{stalled.pk}/")
    expect(page.get_by_text("This has stopped")).to_be_visible()
    assert_accessible(page)
