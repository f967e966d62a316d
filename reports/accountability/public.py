"""The public accountability page, its Atom feed and the notes' own figures: all read from
the frozen published versions of notes, never the live scrutiny rows."""

import csv
import io

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accountability.enums import AssuranceLevel
from core.spreadsheets import neutralise

from .. import selectors
from ..enums import ReportKind
from ..models import NOTES_PATH
from ..permissions import is_withdrawn
from .figures import notes_csv_rows
from .history import topic_histories


def published_notes():
    """The version the public sees of each published, not withdrawn, set of notes."""
    return (
        selectors.public_versions_of_any_kind()
        .filter(report__kind=ReportKind.NOTES)
        .select_related("report")
    )


def notes_versions() -> tuple[list, list]:
    """The public version of each published set of notes, and the last version of each
    withdrawn set (whose decisions leave the history), from one query."""
    found = list(selectors.current_notes_versions())
    withdrawn = [version for version in found if is_withdrawn(version.report)]
    return [version for version in found if not is_withdrawn(version.report)], withdrawn


def in_page_language(versions) -> None:
    """Give each version the title the page shows (`shown_title`), and `title_lang` when a
    Welsh page can show only the English: notes published in Welsh have a Welsh title of
    their own (one query, on Welsh pages only)."""
    in_welsh = translation.get_language() == "cy"
    welsh = selectors.titles_in(versions, "cy") if in_welsh else {}
    for version in versions:
        version.shown_title = welsh.get(version.pk) or version.title
        version.title_lang = "en-GB" if in_welsh and version.pk not in welsh else ""


def accountability(request):
    versions, withdrawn = notes_versions()
    in_page_language(versions)
    context = {
        "page_title": _("The Commissioner's scrutiny of the force"),
        "topics": topic_histories(versions, withdrawn=withdrawn),
        "versions": versions,
    }
    return render(request, "reports/accountability/public_page.html", context)


def notes_csv(figures: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in notes_csv_rows(figures):
        writer.writerow([neutralise(value) for value in row])
    return out.getvalue()


class NotesFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("The Commissioner's scrutiny of the force: published notes")
    subtitle = gettext_lazy(
        "New and corrected notes of the Police and Crime Commissioner's scrutiny meetings."
    )

    def link(self):
        return reverse("public:accountability")

    def items(self):
        found = list(published_notes()[:50])
        in_page_language(found)
        return found

    def item_title(self, item):
        title = item.shown_title
        return title if item.number == 1 else _("%(title)s (corrected)") % {"title": title}

    def item_description(self, item):
        """Escaped as the findings feed escapes its summaries (reports/public.py); in the
        feed's language, where the notes were published in it."""
        welsh = translation.get_language() == "cy"
        decisions = "; ".join(
            f"{_topic_title(t, welsh)}: {_level_words(t, welsh)}"
            for t in item.figures["topics"]
            if t["level"]
        )
        return escape(_("Decisions: %(decisions)s.") % {"decisions": decisions})

    def item_link(self, item):
        return reverse("public:report", args=[NOTES_PATH, item.report.slug])

    def item_pubdate(self, item):
        return item.published_at

    def item_guid(self, item):
        return f"{settings.SITE_URL}{self.item_link(item)}#v{item.number}"


def _topic_title(topic: dict, welsh: bool) -> str:
    return (topic.get("topic_cy") if welsh else "") or topic["topic"]


def _level_words(topic: dict, welsh: bool) -> str:
    return _(AssuranceLevel(topic["level"]).label) if welsh else topic["level_label"]
