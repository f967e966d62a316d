"""OPCC staff's pages for the questions: drafting them, sending them to the force, and
summarising the force's evidence on each; and the question's own page, where those the
rules allow read the force's answer, its evidence and the summary in any status."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.audit import AuditEvent, record
from core.bilingual import english_of
from core.form_pages import handle_form
from core.permissions import by_rule

from .. import presenters, selectors, services
from ..enums import ScrutinyMeetingStatus
from ..forms import QuestionForm, RemoveDraftForm, SendForm, SummaryForm, WelshForm
from ..workflow import DECIDING, SENDING
from .common import (
    form_page,
    liaison_warning,
    posted,
    staff_edit,
    staff_view,
    with_liaison_note,
)


def _meeting_url(meeting) -> str:
    return reverse("accountability:meeting_detail", args=[meeting.pk])


@staff_edit
def question_add(request, pk: int):
    meeting = selectors.meeting_get(pk=pk)
    return _question_form(request, meeting, None)


@staff_edit
def question_edit(request, pk: int):
    question = selectors.question_get(pk=pk)
    if question.sent_at is not None:
        return _question_welsh(request, question)
    return _question_form(request, question.meeting, question)


def _question_welsh(request, question):
    """A question sent to the force is final in English; its Welsh, which the notes
    published in Welsh need, can still be added or changed until the meeting closes."""
    meeting = question.meeting

    def build(data):
        return WelshForm(data, name="text", label=_("Question (Welsh)"), row=question)

    return handle_form(
        request,
        build(posted(request)),
        save=lambda form: services.question_welsh_save(
            question=question, by=request.user, **form.cleaned_data
        ),
        message=_("The Welsh of question %(number)s saved") % {"number": question.number},
        success=_meeting_url(meeting) + "#questions",
        render=form_page(
            request,
            {
                "page_title": _("Question %(number)s in Welsh") % {"number": question.number},
                "intro": _("Sent to the force, so its English is final: %(text)s")
                % {"text": english_of(question, "text")},
            },
            back_url=_meeting_url(meeting),
            back_text=_("Back to the meeting"),
        ),
        rebind=build,
        what="question",
    )


def _question_form(request, meeting, question):
    topics = meeting.topics.order_by("title", "pk")

    def build(data):
        return QuestionForm(data, topics=topics, question=question)

    title = (
        _("Change question %(number)s") % {"number": question.number}
        if question
        else _("Add a question")
    )
    return handle_form(
        request,
        build(posted(request)),
        save=lambda form: services.question_save(
            meeting=meeting, by=request.user, question=question, **form.cleaned_data
        ),
        message=lambda saved: _("Question %(number)s saved") % {"number": saved.number},
        success=_meeting_url(meeting) + "#questions",
        render=form_page(
            request,
            {"page_title": title, "intro": str(meeting)},
            back_url=_meeting_url(meeting),
            back_text=_("Back to the meeting"),
        ),
        rebind=build,
        what="question",
    )


@staff_edit
def questions_send(request, pk: int):
    meeting = selectors.meeting_get(pk=pk)
    unsent = meeting.questions.filter(sent_at__isnull=True).count()
    warning = liaison_warning(request, meeting.force)
    return handle_form(
        request,
        SendForm(posted(request)),
        save=lambda form: services.questions_send(
            meeting=meeting, by=request.user, **form.cleaned_data
        ),
        message=lambda sent: with_liaison_note(
            meeting.force,
            ngettext(
                "%(count)s question sent to the force.",
                "%(count)s questions sent to the force.",
                len(sent),
            )
            % {"count": len(sent)},
        ),
        success=_meeting_url(meeting) + "#questions",
        render=form_page(
            request,
            {
                "page_title": _("Send the questions to the force"),
                "intro": ngettext(
                    "%(count)s question not yet sent, for %(meeting)s with %(force)s.",
                    "%(count)s questions not yet sent, for %(meeting)s with %(force)s.",
                    unsent,
                )
                % {"count": unsent, "meeting": meeting, "force": meeting.force}
                + ("" if warning else " " + _("The force's liaisons are emailed.")),
                **warning,
            },
            back_url=_meeting_url(meeting),
            back_text=_("Back to the meeting"),
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
            "page_title": _("Summary of evidence: question %(number)s")
            % {"number": question.number},
        }
        return render(request, "accountability/summary.html", context, status=status)

    return handle_form(
        request,
        build(posted(request)),
        save=lambda form: services.evidence_summary_save(
            question=question, by=request.user, **form.cleaned_data
        ),
        message=_("Summary of evidence on question %(number)s saved") % {"number": question.number},
        success=_meeting_url(question.meeting) + "#questions",
        render=show,
        rebind=build,
        what="summary",
    )


@staff_view
def question_detail(request, pk: int):
    """The question, its due date, the force's answer with who and when, the evidence and
    the summary: read-only, in every status of the meeting."""
    question = selectors.question_get(pk=pk)
    meeting = question.meeting
    if not by_rule("accountability.view_evidence", request.user, meeting):
        raise Http404
    record(AuditEvent.VIEWED, question, request=request, summary="The question and its evidence")
    can_manage = by_rule("accountability.manage", request.user)
    closed = meeting.status == ScrutinyMeetingStatus.CLOSED
    draft = question.sent_at is None
    context = {
        "question": question,
        "meeting": meeting,
        "state": presenters.question_state(question),
        "answer": getattr(question, "answer", None),
        "documents": selectors.answer_documents(question=question),
        "summary": getattr(question, "evidence_summary", None),
        "can_summarise": can_manage and not draft and meeting.status in DECIDING,
        "can_change": can_manage and draft and meeting.status in SENDING,
        "can_remove": can_manage and draft and not closed,
        "page_title": _("Question %(number)s") % {"number": question.number},
    }
    return render(request, "accountability/question_detail.html", context)


@staff_edit
def question_remove(request, pk: int):
    """Remove a draft never sent to the force, after a confirmation page."""
    question = selectors.question_get(pk=pk)
    meeting = question.meeting

    reason = presenters.not_removable(question)

    def show(form, status, stale):
        context = {
            "form": form,
            "question": question,
            "meeting": meeting,
            "reason": reason,
            "page_title": _("Remove the draft of question %(number)s")
            % {"number": question.number},
        }
        return render(request, "accountability/question_remove.html", context, status=status)

    if reason:
        return show(None, 409, None)

    return handle_form(
        request,
        RemoveDraftForm(posted(request), question=question),
        save=lambda form: services.question_remove(
            question=question, by=request.user, **form.cleaned_data
        ),
        message=_("The draft of question %(number)s has been removed")
        % {"number": question.number},
        success=_meeting_url(meeting) + "#questions",
        render=show,
        what="question",
    )
