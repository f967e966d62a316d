"""The force liaison's pages: the questions put to their force, answering one with its
evidence; and the evidence download, for them and OPCC staff. Every view and download is
recorded in the audit trail."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cases.documents import storage
from core.audit import AuditEvent, record
from core.form_pages import handle_form
from core.permissions import by_rule
from core.request_size import allows_large_body

from .. import presenters, selectors, services
from ..forms import AnswerForm, EvidenceForm
from ..workflow import ANSWERING
from .common import posted, rule_required

liaison_view = rule_required("accountability.view_force_questions")


@liaison_view
def force_questions(request):
    today = timezone.localdate()
    questions = selectors.force_questions(user=request.user)
    record(AuditEvent.VIEWED, None, request=request, summary="The force's questions")
    context = {
        "questions": presenters.force_questions(questions, today=today),
        "follow_ups": [
            (follow_up, presenters.follow_up_tag(follow_up, today=today))
            for follow_up in selectors.force_follow_ups(user=request.user, today=today)
        ],
        "page_title": _("Questions from the Commissioner"),
    }
    return render(request, "accountability/force_questions.html", context)


def _answer_context(question) -> dict:
    return {
        "question": question,
        "meeting": question.meeting,
        "answer": getattr(question, "answer", None),
        "documents": selectors.answer_documents(question=question),
        "open": question.meeting.status in ANSWERING,
        "page_title": _("Question %(number)s") % {"number": question.number},
    }


@liaison_view
def answer(request, pk: int):
    question = selectors.force_question(user=request.user, pk=pk)
    if request.method == "GET":
        record(AuditEvent.VIEWED, question, request=request, summary="A question to the force")
    current = getattr(question, "answer", None)

    def build(data):
        return AnswerForm(data, current=current)

    def show(form, status, stale):
        page = {**_answer_context(question), "form": form}
        return render(request, "accountability/answer.html", page, status=status)

    return handle_form(
        request,
        build(posted(request)),
        save=lambda form: services.question_answer_save(
            question=question, by=request.user, **form.cleaned_data
        ),
        message=_("Your answer has been saved and the Commissioner's office told"),
        success=reverse("accountability:answer", args=[question.pk]),
        render=show,
        rebind=build,
        what="answer",
    )


@allows_large_body(lambda: settings.DOCUMENT_LIMITS.max_bytes + 1024 * 1024)
@liaison_view
def evidence_add(request, pk: int):
    question = selectors.force_question(user=request.user, pk=pk)
    if request.method == "GET":
        record(AuditEvent.VIEWED, question, request=request, summary="Adding evidence")
    answer = getattr(question, "answer", None)
    posted = request.method == "POST"
    form = EvidenceForm(request.POST if posted else None, request.FILES if posted else None)
    context = {
        **_answer_context(question),
        "page_title": _("Add evidence: question %(number)s") % {"number": question.number},
    }
    if answer is None:
        context["reason"] = _("Save the force's answer first, then add its evidence.")
        return render(request, "accountability/evidence_add.html", context, status=409)
    return handle_form(
        request,
        form,
        save=lambda form: services.evidence_upload(
            answer=answer,
            by=request.user,
            title=form.cleaned_data["title"],
            chunks=form.cleaned_data["file"].chunks(),
        ),
        message=lambda document: _("%(title)s added to the answer") % {"title": document.title},
        success=reverse("accountability:answer", args=[question.pk]),
        render=lambda form, status, stale: render(
            request, "accountability/evidence_add.html", {**context, "form": form}, status=status
        ),
    )


@login_required
def evidence_download(request, pk: int):
    staff = by_rule("accountability.view_scrutiny", request.user)
    if not staff and not by_rule("accountability.view_force_questions", request.user):
        raise PermissionDenied
    document = selectors.evidence_for_user(user=request.user, pk=pk, staff=staff)
    question = document.answer.question
    if not by_rule("accountability.view_evidence", request.user, question.meeting):
        raise Http404
    # Only after the checks, so a refused post says no more than a refused read.
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    # An empty name: the file was erased after the retention period (accountability/retention.py).
    path = storage.path_for(document.stored_name) if document.stored_name else None
    if path is None or not path.exists():
        raise Http404
    record(
        AuditEvent.DOWNLOADED,
        document,
        request=request,
        summary=f"Evidence: question {question.number} of {question.meeting}",
    )
    name = f"question-{question.number}-{slugify(document.title)[:60] or 'evidence'}.pdf"
    response = FileResponse(
        path.open("rb"), as_attachment=True, filename=name, content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
