"""Data admins' pages for a case's documents: attach one, see what its screen found,
decide each finding, withdraw one. Each view checks, loads a scoped object, calls one
service and redirects."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.audit import AuditEvent, record
from core.form_pages import handle_form
from core.request_size import allows_large_body
from core.roles import data_admin_required

from ..enums import DocumentStatus, FindingStatus
from . import selectors, services
from .forms import DocumentFindingForm, DocumentUploadForm


def _uploaded(document) -> str:
    if document.status == DocumentStatus.SHOWN:
        return _(
            "“%(title)s” is attached. Nothing was found that looks like personal "
            "data, so it is shown to readers of the case papers"
        ) % {"title": document.title}
    return _(
        "“%(title)s” is attached. Decide what to do about each finding before "
        "readers of the case papers can see it"
    ) % {"title": document.title}


@allows_large_body(lambda: settings.DOCUMENT_LIMITS.max_bytes + 1024 * 1024)
@data_admin_required
def document_upload(request, pk: int):
    case = selectors.case_for_user(user=request.user, pk=pk)
    # A POST with nothing in it is still an answer, and gets the error messages.
    posted = request.method == "POST"
    form = DocumentUploadForm(request.POST if posted else None, request.FILES if posted else None)
    context = {"case": case, "page_title": _("Attach a document")}
    return handle_form(
        request,
        form,
        save=lambda form: services.document_upload(
            case=case,
            user=request.user,
            title=form.cleaned_data["title"],
            chunks=form.cleaned_data["file"].chunks(),
        ),
        message=_uploaded,
        success=lambda document: reverse("cases:document_detail", args=[case.pk, document.pk]),
        render=lambda form, status, stale: render(
            request, "cases/documents/upload.html", {**context, "form": form}, status=status
        ),
    )


@data_admin_required
def document_detail(request, pk: int, document_pk: int):
    document = selectors.document_for_user(user=request.user, case_pk=pk, pk=document_pk)
    findings = list(selectors.document_findings(document=document))
    context = {
        "case": document.case,
        "document": document,
        "findings": findings,
        "open_count": sum(f.status == FindingStatus.OPEN for f in findings),
        "history": selectors.document_history(document=document),
        "page_title": document.title,
    }
    return render(request, "cases/documents/detail.html", context)


@data_admin_required
def finding_decide(request, pk: int, document_pk: int, finding_pk: int):
    finding = selectors.finding_for_user(
        user=request.user, case_pk=pk, document_pk=document_pk, pk=finding_pk
    )
    document = finding.document
    seen = services.fingerprint(finding)
    initial = {"reason": finding.reason}
    if finding.status != FindingStatus.OPEN:
        initial["decision"] = "accept" if finding.status == FindingStatus.ACCEPTED else "redact"
    posted = request.POST if request.method == "POST" else None
    form = DocumentFindingForm(posted, initial=initial, seen=seen)
    if request.method == "GET":
        record(
            AuditEvent.VIEWED,
            document,
            request=request,
            summary=f"Possible personal data, shown unredacted: page {finding.page_number}",
        )
    context = {
        "case": document.case,
        "document": document,
        "finding": finding,
        "is_open": document.status != DocumentStatus.WITHDRAWN,
        "excerpts": selectors.finding_excerpts(finding=finding),
        "page_title": _("Page %(page)s: %(kind)s")
        % {"page": finding.page_number, "kind": _(finding.get_kind_display()).lower()},
    }
    detail = reverse("cases:document_detail", args=[pk, document_pk])
    return handle_form(
        request,
        form,
        save=lambda form: _decide(finding, form.cleaned_data, user=request.user),
        message=lambda saved: _decided(document),
        success=lambda saved: detail,
        render=lambda form, status, stale: render(
            request, "cases/documents/finding.html", {**context, "form": form}, status=status
        ),
        rebind=lambda data: DocumentFindingForm(data, seen=data.get("seen", "")),
        what="decision",
        version_field="seen",
    )


def _decide(finding, data: dict, *, user):
    if data["decision"] == "accept":
        return services.document_finding_accept(
            finding=finding, user=user, reason=data["reason"], seen=data["seen"]
        )
    return services.document_finding_redact(finding=finding, user=user, seen=data["seen"])


def _decided(document) -> str:
    document.refresh_from_db(fields=["status"])
    if document.status == DocumentStatus.WITHDRAWN:
        return _("“%(title)s” was withdrawn. Upload a redacted version in its place") % {
            "title": document.title
        }
    if document.status == DocumentStatus.SHOWN:
        return _("Every finding is decided: “%(title)s” is shown to readers") % {
            "title": document.title
        }
    return _("Your decision is saved. The document is shown once every finding is decided")


@require_POST
@data_admin_required
def document_withdraw(request, pk: int, document_pk: int):
    document = selectors.document_for_user(user=request.user, case_pk=pk, pk=document_pk)
    try:
        services.document_withdraw(document=document, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("cases:document_detail", pk=pk, document_pk=document_pk)
    messages.success(
        request, _("“%(title)s” was withdrawn and its file deleted") % {"title": document.title}
    )
    return redirect("cases:case_detail", pk=pk)
