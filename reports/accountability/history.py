"""Each topic's assurance decisions over time, from the frozen figures of the published
notes only: a decision from a set of notes links to them; one named only as an earlier
decision (published before the service was used, say) is listed without a link.

A decision whose own notes were withdrawn is left out, though later notes name it as an
earlier decision: it would otherwise come back as if published. Those later notes keep
naming it in their own frozen text, which is what was published."""

import datetime
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import dateformat, translation
from django.utils.html import format_html
from django.utils.translation import gettext

from accountability.enums import AssuranceLevel
from core import charts

from ..models import NOTES_PATH

LEVELS = list(AssuranceLevel)  # the best first, as the chart's lanes run


def _welsh() -> bool:
    return translation.get_language() == "cy"


@dataclass
class Point:
    date: datetime.date
    level: str
    label: str  # the English, as the notes published it
    url: str = ""
    notes_title: str = ""

    @property
    def wording(self) -> str:
        """The decision in the page's language: in English as published; in Welsh the
        assurance level's Welsh, the same code list's words."""
        return gettext(AssuranceLevel(self.level).label) if _welsh() else self.label


@dataclass
class TopicHistory:
    key: int
    title: str  # as the latest notes name it, in English
    by_date: dict = field(default_factory=dict)
    title_cy: str = ""  # as the latest notes name it in Welsh, if they were published in Welsh

    @property
    def shown_title(self) -> str:
        return self.title_cy if _welsh() and self.title_cy else self.title

    @property
    def title_lang(self) -> str:
        """The language a Welsh page declares on the title when it can show only the English."""
        return "en-GB" if _welsh() and not self.title_cy else ""

    @property
    def marked_title(self) -> str:
        """`shown_title` for inside a Welsh sentence: the English in `<span lang>`."""
        if self.title_lang:
            return format_html('<span lang="{}">{}</span>', self.title_lang, self.title)
        return self.shown_title

    @property
    def points(self) -> list[Point]:
        return [self.by_date[day] for day in sorted(self.by_date)]

    @property
    def current(self) -> Point:
        return self.points[-1]

    @property
    def chart(self) -> dict:
        lanes = [
            gettext(level.label) for level in LEVELS
        ]  # the levels' words in the page's language
        points = [
            (dateformat.format(p.date, "M Y"), LEVELS.index(AssuranceLevel(p.level)))
            for p in self.points
        ]
        return charts.level_timeline(points, lanes)


def _decided(versions) -> set[tuple[int, str]]:
    """(topic, ISO date) of each decision recorded in these notes."""
    return {
        (topic["topic_id"], topic["decided_on"])
        for version in versions
        for topic in version.figures["topics"]
        if topic["level"]
    }


def topic_histories(versions, *, withdrawn=()) -> list[TopicHistory]:
    """`versions`: the public versions of published notes; `withdrawn`: the last versions
    of withdrawn notes, whose decisions are left out. Topics in title order."""
    gone = _decided(withdrawn)
    topics: dict[int, TopicHistory] = {}
    for version in sorted(versions, key=lambda v: (v.meeting_date, v.published_at)):
        url = reverse("public:report", args=[NOTES_PATH, version.report.slug])
        for topic in version.figures["topics"]:
            history = topics.setdefault(topic["topic_id"], TopicHistory(topic["topic_id"], ""))
            history.title = topic["topic"]  # as the latest notes name it
            history.title_cy = topic.get("topic_cy", "")
            for earlier in topic["earlier"]:
                if (topic["topic_id"], earlier["date"]) in gone:
                    continue
                day = datetime.date.fromisoformat(earlier["date"])
                point = Point(day, earlier["level"], earlier["level_label"])
                history.by_date.setdefault(day, point)
            if topic["level"]:
                day = datetime.date.fromisoformat(topic["decided_on"])
                history.by_date[day] = Point(
                    day, topic["level"], topic["level_label"], url, version.title
                )
    found = [history for history in topics.values() if history.by_date]
    return sorted(found, key=lambda history: history.shown_title.lower())
