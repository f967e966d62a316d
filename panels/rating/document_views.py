"""A case's documents, downloaded by those who may read its papers: behind the same rule
and conflict gate as the papers, as an attachment the browser never renders in our
origin, and recorded in the audit trail."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponseNotAllowed
from django.utils.text import slugify

from cases.documents import selectors as documents
from core.audit import AuditEvent, record

from .views import _case_context, _papers_gate


@login_required
def case_document(request, pk: int, position: int, document_pk: int):
    meeting, reviewed, access = _case_context(request, pk, position)
    refused = _papers_gate(request, meeting, access)
    if refused is not None:
        return refused
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    document = documents.shown_document(case=reviewed.case, pk=document_pk)
    path = documents.document_file(document=document)
    record(
        AuditEvent.DOWNLOADED,
        document,
        request=request,
        summary=f"Case document: case {position} of {meeting}",
    )
    name = f"case-{position}-{slugify(document.title)[:60] or 'document'}.pdf"
    response = FileResponse(
        path.open("rb"), as_attachment=True, filename=name, content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
