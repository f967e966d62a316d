"""The notes' public texts in English and Welsh (docs/adr/0017), as reports/welsh lists a
findings report's: the meeting's theme, the notes' sections, and what OPCC staff recorded
of the meeting (topics' titles, the questions sent to the force, the summaries of
evidence, the decisions' rationale, follow-ups, other areas and the actions' wording),
each with the page and Welsh box where its Welsh is written.

The force's response to an action, when the notes publish one, is listed too: the force
may send its Welsh, or OPCC staff add it on the response's own page."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _

from core.bilingual import english_of
from panels.queries import approved_responses

from ..public_texts import PublicText, pair, response_text, section_texts
from .presenters import APPROVED


def _at(name: str, args: list) -> str:
    return reverse(f"accountability:{name}", args=args)


def notes_public_texts(report) -> list[PublicText]:
    """Read under English (the caller's `english()`): the rows as recorded."""
    meeting = report.scrutiny_meeting
    texts = [pair(_("The meeting's theme"), meeting, "theme", _at("meeting_edit", [meeting.pk]))]
    texts += section_texts(report)
    questions = list(
        meeting.questions.filter(sent_at__isnull=False)
        .select_related("evidence_summary")
        .order_by("number")
    )
    decisions = {d.topic_id: d for d in meeting.decisions.all()}
    follow_ups = list(meeting.follow_ups.order_by("due_date", "pk"))
    for topic in meeting.topics.order_by("title", "pk"):
        texts += _topic_texts(meeting, topic, questions, decisions.get(topic.pk), follow_ups)
    texts += _other_area_texts(meeting)
    texts += _action_texts(meeting)
    return texts


def _topic_texts(meeting, topic, questions, decision, follow_ups):
    title = english_of(topic, "title")
    yield pair(
        _("Topic “%(title)s”") % {"title": title}, topic, "title", _at("topic_welsh", [topic.pk])
    )
    for question in [q for q in questions if q.topic_id == topic.pk]:
        where = _("Question %(number)s") % {"number": question.number}
        yield pair(where, question, "text", _at("question_edit", [question.pk]))
        summary = getattr(question, "evidence_summary", None)
        if summary is not None:
            about = _("%(where)s, summary of evidence") % {"where": where}
            yield pair(about, summary, "text", _at("summary", [question.pk]))
    if decision is not None:
        where = _("Decision on “%(title)s”") % {"title": title}
        yield pair(where, decision, "rationale", _at("decision", [meeting.pk, topic.pk]))
    for follow_up in [f for f in follow_ups if f.topic_id == topic.pk]:
        where = _("Follow-up on “%(title)s”") % {"title": title}
        yield pair(where, follow_up, "text", _at("follow_up_edit", [follow_up.pk]))


def _other_area_texts(meeting):
    for n, area in enumerate(meeting.other_areas.order_by("pk"), start=1):
        where = _("Other area %(n)s") % {"n": n}
        url = _at("other_area_edit", [area.pk])
        yield pair(where, area, "heading", url)
        yield pair(_("%(where)s, more detail") % {"where": where}, area, "text", url)


def _action_texts(meeting):
    links = meeting.actions.select_related("action").prefetch_related(
        Prefetch("action__responses", queryset=approved_responses().queryset, to_attr=APPROVED)
    )
    for link in links.order_by("number"):
        where = _("Action %(n)s") % {"n": link.number}
        url = _at("action_edit", [link.pk])
        yield pair(where, link.action, "description", url)
        yield pair(_("%(where)s, owner") % {"where": where}, link.action, "owner", url)
        yield from response_text(where, link.action)
