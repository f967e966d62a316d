"""The Atom feed of published findings: text stays text, ids are absolute."""

import pytest
from defusedxml.ElementTree import fromstring

from reports import services
from tests.reports.conftest import closed_meeting, publish

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
PLANTED = "<img src=x onerror=alert(1)>"


@pytest.fixture
def published(olu, nia):
    meeting = closed_meeting({"consistent": 1, "inconsistent": 2})
    meeting.theme = PLANTED
    meeting.save()
    category = meeting.reviewed_cases.first().decision.category
    category.label = "<b>Bold</b> label"
    category.save()
    report = services.report_generate(meeting=meeting, by=olu)
    publish(report, author=olu, approver=nia)
    return report


def _entry(client):
    feed = fromstring(client.get("/en/findings/feed.atom").content)
    return feed.find(f"{ATOM}entry")


def test_a_theme_carrying_html_reaches_feed_readers_as_text(client, published):
    summary = _entry(client).find(f"{ATOM}summary")

    # What a reader gets after decoding the XML is the HTML it displays: the planted
    # theme must arrive escaped, not as an element with an event handler.
    assert summary.get("type") == "html"
    assert "<img" not in summary.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in summary.text
    assert "<b>" not in summary.text
    assert "&lt;b&gt;Bold&lt;/b&gt; label" in summary.text


def test_feed_entry_ids_are_absolute(client, published, settings):
    settings.SITE_URL = "https://scrutiny.example.org"

    entry_id = _entry(client).find(f"{ATOM}id").text

    assert entry_id == (
        f"https://scrutiny.example.org/en/findings/{published.panel.slug}/{published.slug}/#v1"
    )
