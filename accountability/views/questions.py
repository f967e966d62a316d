"""OPCC staff's pages for the questions: drafting them, sending them to the force, and
summarising the force's evidence on each."""

from django.shortcuts import render
from django.urls import reverse

from core.audit import AuditEvent, record
from core.form_pages import handle_form

from .. import selectors, services
from ..forms import QuestionForm, SendForm, SummaryForm
from .common import form_page, posted, staff_edit


def _meeting_url(meeting) -> str:
    return reverse("accountability:meeting_detail", args=[meeting.pk])


@staff_edit
def question_add(request, pk: int):
    meeting = selectors.meeting_get(pk=pk)
    return _question_form(request, meeting, None)


@staff_edit
def question_edit(request, pk: int):
    question = selectors.question_get(pk=pk)
    return _question_form(request, question.meeting, question)


def _question_form(request, meeting, question):
    topics = meeting.topics.order_by("title", "pk")

    def build(data):
        return QuestionForm(data, topics=topics, question=question)

    title = f"Change question {question.number}" if question else "Add a question"
    return handle_form(
        request,
        build(posted(request)),
        save=lambda form: services.question_save(
            meeting=meeting, by=request.user, question=question, **form.cleaned_data
        ),
        message=lambda saved: f"Question {saved.number} saved",
        success=_meeting_url(meeting) + "#questions",
        render=form_page(
            request,
            {"page_title": title, "intro": str(meeting)},
            back_url=_meeting_url(meeting),
            back_text="Back to the meeting",
        ),
        rebind=build,
        what="question",
    )


@staff_edit
def questions_send(request, pk: int):
    meeting = selectors.meeting_get(pk=pk)
    unsent = meeting.questions.filter(sent_at__isnull=True).count()
    return handle_form(
        request,
        SendForm(posted(request)),
        save=lambda form: services.questions_send(
            meeting=meeting, by=request.user, **form.cleaned_data
        ),
        message=lambda sent: (
            f"{len(sent)} question{'s' if len(sent) != 1 else ''} sent to the force"
        ),
        success=_meeting_url(meeting) + "#questions",
        render=form_page(
            request,
            {
                "page_title": "Send the questions to the force",
                "intro": f"{unsent} question{'s' if unsent != 1 else ''} not yet sent, for "
                f"{meeting} with {meeting.force}. The force's liaisons are emailed.",
            },
            back_url=_meeting_url(meeting),
            back_text="Back to the meeting",
        ),
    )


@staff_edit
def summary(request, pk: int):
    """The force's answer and evidence on one question, and the summary to be published."""
    question = selectors.question_get(pk=pk)
    if request.method == "GET":
        # The force's answer and its evidence are on this page, as on the liaison's.
        record(AuditEvent.VIEWED, question, request=request, summary="The force's answer")
    current = getattr(question, "evidence_summary", None)

    def build(data):
        return SummaryForm(data, current=current)

    def show(form, status, stale):
        context = {
            "question": question,
            "meeting": question.meeting,
            "answer": getattr(question, "answer", None),
            "documents": selectors.answer_documents(question=question),
            "form": form,
            "page_title": f"Summary of evidence: question {question.number}",
        }
        return render(request, "accountability/summary.html", context, status=status)

    return handle_form(
        request,
        build(posted(request)),
        save=lambda form: services.evidence_summary_save(
            question=question, by=request.user, **form.cleaned_data
        ),
        message=f"Summary of evidence on question {question.number} saved",
        success=_meeting_url(question.meeting) + "#questions",
        render=show,
        rebind=build,
        what="summary",
    )
