"""Publishing a report in the background: rendering its frozen page and tagged PDF takes
a second or two, longer for a long period report, and is not done inside a request.

The publishing service writes in one transaction, so a worker stopped part-way
publishes nothing, and the job can be tried again."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django_tasks import task

from core.jobs import Job, job_running, job_start
from core.roles import StaffRole

from . import services
from .models import FindingsReport


@task()
def publish_report(
    *, job_id: str, report_id: int, user_id: int, change_note: str, change_note_cy: str = ""
) -> None:
    report = FindingsReport.objects.get(pk=report_id)
    user = get_user_model().objects.get(pk=user_id)
    with job_running(job_id, result_url=reverse("reports:report_detail", args=[report_id])):
        services.report_publish(
            report=report, by=user, change_note=change_note, change_note_cy=change_note_cy
        )


def report_publish_start(
    *, report: FindingsReport, by, change_note: str = "", change_note_cy: str = ""
) -> Job:
    """Refuse at once what publishing would refuse, then publish in the background."""
    services.check_publishable(
        FindingsReport.objects.get(pk=report.pk), change_note, change_note_cy
    )
    with transaction.atomic():
        return job_start(
            task=publish_report,
            title=f"Publishing {report.title}",
            role=StaffRole.OPCC_STAFF,
            by=by,
            wording="Rendering the web page and the PDF",
            wording_no_total="Rendering the web page and the PDF",
            report_id=report.pk,
            user_id=by.pk,
            change_note=change_note,
            change_note_cy=change_note_cy,
        )
