"""A scrutiny meeting's notes as the template needs them, built from the live rows until a
version is published and frozen: per topic, its questions with the summaries of evidence
and the Commissioner's decision; then the other areas discussed, and the numbered actions
with the force's latest approved response."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from accountability.enums import AssuranceLevel
from accountability.models import ScrutinyMeeting, TopicDecision
from core.bilingual import shown, welsh_of
from panels.queries import approved_responses

from .. import markup
from ..models import FindingsReport
from . import responses

APPROVED = "approved_responses"


@dataclass
class Section:
    key: str
    heading: str
    body: str

    @property
    def html(self):
        return markup.render_marked(self.body)


@dataclass
class QuestionRow:
    number: int
    text: str
    summary: str
    pk: int = 0

    @property
    def summary_html(self):
        return markup.render_marked(self.summary)


@dataclass
class Decided:
    """A decision on the topic, as the history lists it."""

    date: datetime.date
    level: str

    @property
    def label(self) -> str:
        return AssuranceLevel(self.level).label


@dataclass
class TopicNotes:
    pk: int
    title: str
    questions: list[QuestionRow]
    level: str = ""  # blank until the Commissioner's decision is recorded
    rationale: str = ""
    earlier: list[Decided] = field(default_factory=list)  # oldest first
    follow_ups: list[tuple[datetime.date, str]] = field(default_factory=list)
    follow_up_ids: list[int] = field(default_factory=list)  # where each is changed

    @property
    def level_label(self) -> str:
        return AssuranceLevel(self.level).label if self.level else _("No decision recorded")

    @property
    def rationale_html(self):
        return markup.render_marked(self.rationale)


@dataclass
class NotesAction:
    number: int
    description: str
    owner: str
    due_date: datetime.date | None
    response: str = ""
    responded_on: datetime.date | None = None
    link_pk: int = 0  # the meeting's numbered action, where it is changed
    response_pk: int = 0  # the approved response shown, whose approval can be withdrawn
    owner_lang: str = ""  # "en-GB" when a page in Welsh can show only the English owner
    response_lang: str = ""  # the same for the force's response


@dataclass
class MeetingNotes:
    report: FindingsReport
    meeting: ScrutinyMeeting
    sections: dict[str, Section]
    topics: list[TopicNotes]
    other_areas: list[tuple[str, str]]
    actions: list[NotesAction]
    other_area_ids: list[int] = field(default_factory=list)
    title: str = ""  # the report's title, or in the page's language when it is not English

    @property
    def question_count(self) -> int:
        return sum(len(topic.questions) for topic in self.topics)


def meeting_notes(report: FindingsReport) -> MeetingNotes:
    meeting = report.scrutiny_meeting
    areas = list(meeting.other_areas.order_by("pk"))
    return MeetingNotes(
        report=report,
        meeting=meeting,
        sections={
            s.key: Section(s.key, shown(s, "heading"), shown(s, "body"))
            for s in report.sections.all()
        },
        topics=_topics(meeting),
        other_areas=[(shown(area, "heading"), shown(area, "text")) for area in areas],
        actions=_actions(meeting),
        other_area_ids=[area.pk for area in areas],
        title=_title(report, meeting),
    )


def _title(report: FindingsReport, meeting: ScrutinyMeeting) -> str:
    """The notes' title (reports.accountability.services.notes_title) in the page's
    language: the theme's and topics' words are read in it too."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language.split("-")[0] == settings.LANGUAGE_CODE:
        return report.title
    topics = "; ".join(t.title for t in meeting.topics.order_by("title", "pk"))
    date = date_format(meeting.date, "j F Y")
    if meeting.theme and topics:
        return _("Notes of the scrutiny meeting of %(date)s (%(theme)s: %(topics)s)") % {
            "date": date,
            "theme": meeting.theme,
            "topics": topics,
        }
    return _("Notes of the scrutiny meeting of %(date)s") % {"date": date}


def _topics(meeting: ScrutinyMeeting) -> list[TopicNotes]:
    # Only the questions put to the force: a draft never sent is not part of the record.
    questions = list(
        meeting.questions.filter(sent_at__isnull=False)
        .select_related("evidence_summary")
        .order_by("number")
    )
    decisions = {d.topic_id: d for d in meeting.decisions.select_related("previous__meeting")}
    follow_ups = list(meeting.follow_ups.order_by("due_date", "pk"))
    topics = []
    for topic in meeting.topics.order_by("title", "pk"):
        rows = [
            QuestionRow(q.number, shown(q, "text"), _summary(q), q.pk)
            for q in questions
            if q.topic_id == topic.pk
        ]
        notes = TopicNotes(topic.pk, shown(topic, "title"), rows)
        its = [f for f in follow_ups if f.topic_id == topic.pk]
        notes.follow_ups = [(f.due_date, shown(f, "text")) for f in its]
        notes.follow_up_ids = [f.pk for f in its]
        decision = decisions.get(topic.pk)
        if decision is not None:
            notes.level, notes.rationale = decision.level, shown(decision, "rationale")
            notes.earlier = _earlier(decision)
        topics.append(notes)
    return topics


def _summary(question) -> str:
    summary = getattr(question, "evidence_summary", None)
    return shown(summary, "text") if summary is not None else ""


def _earlier(decision: TopicDecision) -> list[Decided]:
    """The decisions before this one on the topic, oldest first (a chain kept by `previous`;
    it is short: one a meeting, a meeting or two a year)."""
    earlier, seen = [], {decision.pk}
    previous = decision.previous
    while previous is not None and previous.pk not in seen:
        seen.add(previous.pk)
        earlier.append(Decided(previous.meeting.date, previous.level))
        previous = previous.previous
    return list(reversed(earlier))


def _actions(meeting: ScrutinyMeeting) -> list[NotesAction]:
    actions = []
    numbered_actions = meeting.actions.select_related("action").prefetch_related(
        Prefetch("action__responses", queryset=approved_responses().queryset, to_attr=APPROVED)
    )
    for numbered in numbered_actions.order_by("number"):
        action = numbered.action
        response = responses.latest_approved(action)
        actions.append(
            NotesAction(
                numbered.number,
                shown(action, "description"),
                action.owner,
                action.due_date,
                response[0] if response else "",
                response[1] if response else None,
                numbered.pk,
                action.approved_responses[0].pk if response else 0,
                _english_only(action, "owner"),
                _english_only(action.approved_responses[0], "text") if response else "",
            )
        )
    return actions


def _english_only(row, name: str) -> str:
    """ "en-GB" when the page is not in English and `row.<name>` has no Welsh to show."""
    if (translation.get_language() or "en").split("-")[0] == "en" or welsh_of(row, name):
        return ""
    return "en-GB"
