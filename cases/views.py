"""Pages for importing case extracts. Data admins only; each view checks, loads a
scoped object, calls one service and redirects."""

import csv

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core.audit import AuditEvent, record
from core.job_views import job_redirect
from core.jobs import JobStatus
from core.request_size import allows_large_body
from core.roles import data_admin_required

from . import selectors, services, tasks
from .enums import BatchStatus, FindingStatus
from .forms import FindingForm, UploadForm
from .imports import ExtractError
from .resources import neutralise

FINDINGS_SHOWN = 200


@allows_large_body(lambda: settings.REQUEST_MAX_BYTES_UPLOAD)
@data_admin_required
def upload(request):
    # A POST with nothing in it is still an answer, and gets the error messages.
    posted = request.method == "POST"
    form = UploadForm(request.POST if posted else None, request.FILES if posted else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            _batch, job = tasks.batch_upload_start(
                force=data["force"],
                user=request.user,
                file_name=data["file"].name,
                chunks=data["file"].chunks(),
                encoding=data["encoding"],
                sheet_name=data["sheet_name"],
                keep_extra=data["keep_extra"],
                kind=data["kind"],
                section=data["section"],
            )
        except ExtractError as error:
            form.add_error("file", error.shown.rstrip("."))
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            return job_redirect(job)  # the check runs in the background
    context = {
        "form": form,
        "batches": selectors.batch_list(user=request.user),
        "templates": selectors.import_templates(form.kinds.values()),
        "max_megabytes": settings.IMPORT_MAX_BYTES // (1024 * 1024),
        "max_rows": settings.IMPORT_MAX_ROWS,
        "page_title": _("Import a case extract"),
    }
    return render(request, "cases/upload.html", context)


@data_admin_required
def batch_detail(request, pk: int):
    batch = selectors.batch_for_user(user=request.user, pk=pk)
    preview = selectors.batch_preview(batch=batch)
    record(AuditEvent.VIEWED, batch, request=request, summary="Import page with its row preview")
    counts = preview["finding_counts"]
    context = {
        "batch": batch,
        **preview,
        "finding_total": counts["open"] + counts["redacted"] + counts["accepted"],
        **selectors.batch_missing_columns(batch=batch),
        "imported_sentence": _imported_sentence(batch),
        "findings_shown": FINDINGS_SHOWN,
        "problems_stored": settings.IMPORT_MAX_PROBLEMS,
        "findings": preview["findings"][:FINDINGS_SHOWN],
        "is_open": batch.status == BatchStatus.PREVIEWED,
        "can_abandon": batch.status in services.OPEN_STATUSES,
        "to_write": batch.created_count + batch.updated_count,
        "can_confirm": batch.status == BatchStatus.PREVIEWED
        and not batch.error_count
        and not preview["finding_counts"]["open"],
        "page_title": _("Import of %(name)s") % {"name": batch.file_name},
    }
    return render(request, "cases/batch_detail.html", context)


def _imported_sentence(batch) -> str:
    """The success banner after an import, as one sentence."""
    rows = batch.created_count + batch.updated_count
    if not rows:
        return _("%(name)s was checked and nothing needed changing.") % {"name": batch.file_name}
    return ngettext(
        "You imported %(count)s case from %(name)s: %(created)s new and %(updated)s changed. "
        "%(unchanged)s were already up to date.",
        "You imported %(count)s cases from %(name)s: %(created)s new and %(updated)s changed. "
        "%(unchanged)s were already up to date.",
        rows,
    ) % {
        "count": f"{rows:,}",
        "name": batch.file_name,
        "created": f"{batch.created_count:,}",
        "updated": f"{batch.updated_count:,}",
        "unchanged": f"{batch.unchanged_count:,}",
    }


@data_admin_required
def batch_problems(request, pk: int):
    """Every problem stored for the batch, as CSV, for fixing a long list in a spreadsheet."""
    batch = selectors.batch_for_user(user=request.user, pk=pk)
    record(AuditEvent.EXPORTED, batch, request=request, summary="Import problems as CSV")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{batch.pk}-problems.csv"'
    writer = csv.writer(response)
    writer.writerow(["Row", "Column", "Problem"])
    for problem in selectors.batch_problems(batch=batch):
        row = [problem.row_number or "", problem.column, problem.text]
        writer.writerow([neutralise(cell) for cell in row])
    return response


@data_admin_required
def import_template(request):
    """A CSV with only the heading row an import of a kind of record expects (`?kind=`,
    the out of court resolution's by default), in order, to start an extract from. Made
    from the import's own column list, so it cannot drift from what is read; no example
    row, so a template uploaded as it is imports no made-up case."""
    code = request.GET.get("kind", "")
    headings = selectors.import_template_headings(kind_code=code)
    name = f"{code}-extract-template.csv" if code else "case-extract-template.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    csv.writer(response).writerow(headings)
    return response


@require_POST
@data_admin_required
def batch_confirm(request, pk: int):
    batch = selectors.batch_for_user(user=request.user, pk=pk)
    try:
        job = tasks.batch_confirm_start(batch=batch, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("cases:batch_detail", pk=batch.pk)
    if job.status != JobStatus.DONE:
        return job_redirect(job)  # importing in the background, or why it failed
    batch.refresh_from_db()
    if batch.status == BatchStatus.COMMITTED:
        messages.success(request, _imported_sentence(batch))
    else:
        messages.error(request, _("Nothing was imported. The problems are listed below."))
    return redirect("cases:batch_detail", pk=batch.pk)


@require_POST
@data_admin_required
def batch_abandon(request, pk: int):
    batch = selectors.batch_for_user(user=request.user, pk=pk)
    try:
        services.batch_abandon(batch=batch, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("cases:batch_detail", pk=batch.pk)
    messages.success(
        request,
        _("You abandoned the import of %(name)s. Nothing was written.") % {"name": batch.file_name},
    )
    return redirect("cases:upload")


@require_POST
@data_admin_required
def findings_redact_all(request, pk: int):
    batch = selectors.batch_for_user(user=request.user, pk=pk)
    try:
        count = services.findings_redact_all(batch=batch, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "%(count)s finding(s) will be removed when you import.",
                "%(count)s finding(s) will be removed when you import.",
                count,
            )
            % {"count": f"{count:,}"},
        )
    return redirect("cases:batch_detail", pk=batch.pk)


@data_admin_required
def finding_resolve(request, pk: int, finding_pk: int):
    finding = selectors.finding_for_user(user=request.user, batch_pk=pk, pk=finding_pk)
    initial = {"reason": finding.reason}
    if finding.status != FindingStatus.OPEN:
        initial["decision"] = "accept" if finding.status == FindingStatus.ACCEPTED else "redact"
    form = FindingForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            _decide(finding, form.cleaned_data, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("cases:batch_detail", pk=pk)
    record(
        AuditEvent.VIEWED,
        finding,
        request=request,
        summary=f"Possible personal data, shown unredacted: row {finding.row_number}",
    )
    context = {
        "form": form,
        "finding": finding,
        "cell": selectors.finding_cell(finding=finding),
        "batch": finding.batch,
        "page_title": _("Row %(row)s, %(column)s")
        % {"row": finding.row_number, "column": finding.column},
    }
    return render(request, "cases/finding_resolve.html", context)


def _decide(finding, data: dict, *, user) -> None:
    if data["decision"] == "accept":
        services.finding_accept(finding=finding, user=user, reason=data["reason"])
    else:
        services.finding_redact(finding=finding, user=user)
