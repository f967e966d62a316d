"""A background job's page: its progress, updating, and then its result.

Without JavaScript the page refreshes itself every few seconds (the refresh sits in
<noscript>, so with JavaScript on there is no timed refresh to trouble anyone and
static/js/job-progress.js asks for the figures instead). When the job has finished the
page sends the person on to its result.
"""

from contextlib import suppress

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .jobs import JobStatus, job_for_user, job_retry

REFRESH_SECONDS = 3


def job_redirect(job):
    """Where to send someone who has just started a job: straight to the result if it
    has already finished (no worker: tasks run at once), else to its progress page."""
    if job.status == JobStatus.DONE and job.result_url:
        return redirect(job.result_url)
    return redirect("jobs:detail", job_id=job.pk)


def _job_or_404(user, job_id):
    job = job_for_user(user, job_id)
    if job is None:
        raise Http404("No such job.")
    return job


@login_required
def job_detail(request, job_id):
    job = _job_or_404(request.user, job_id)
    if request.GET.get("format") == "json":
        return JsonResponse(_figures(job))
    if job.status == JobStatus.DONE and job.result_url:
        return redirect(job.result_url)
    context = {"page_title": job.title, "job": job, "refresh_seconds": REFRESH_SECONDS}
    return render(request, "core/job.html", context)


def _figures(job) -> dict:
    return {
        "status": job.status,
        "finished": job.finished,
        "stalled": job.stalled,
        "waiting_long": job.waiting_long,
        "done": job.done,
        "total": job.total,
        "text": job.progress_text,
    }


@login_required
@require_POST
def job_retry_view(request, job_id):
    job = _job_or_404(request.user, job_id)
    with suppress(ValidationError):  # still running after all: its page says so
        job_retry(job=job, by=request.user)
    return redirect("jobs:detail", job_id=job.pk)
