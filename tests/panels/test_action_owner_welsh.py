"""An action's owner in Welsh beside the English (docs/welsh.md): written on the action's
page, asked for before a report goes for approval in Welsh too, shown on Welsh pages; and
a page read in Welsh saves over the same action the English page sees."""

import re

import pytest
from django.utils import translation

from panels.meetings.services import action_save
from reports import services as report_services
from reports import welsh
from reports.publishing import body_html
from tests.reports.conftest import closed_meeting

from . import test_meeting_pages
from .test_meeting_pages import action_form_posted

pytestmark = pytest.mark.django_db
# A meeting in discussion, whose chair keeps its record.
rating_open, discussing = test_meeting_pages.rating_open, test_meeting_pages.discussing


def seen_on(page: str) -> str:
    return re.search(r'name="seen" value="([0-9a-f]+)"', page).group(1)


def test_the_action_page_saves_the_owners_welsh_from_a_page_read_in_welsh(
    client, welsh, discussing, chris
):
    action = action_save(
        meeting=discussing,
        by=chris,
        description="Brief officers.",
        description_cy="Briffio swyddogion.",
        owner="Force Victim Care Unit",
    )
    client.force_login(chris)
    client.cookies["django_language"] = "cy"
    form = client.get(f"/panels/actions/{action.pk}/").content.decode()

    response = client.post(
        f"/panels/actions/{action.pk}/",
        action_form_posted(
            action,
            seen=seen_on(form),
            description="Brief officers.",
            description_cy="Briffio swyddogion.",
            owner="Force Victim Care Unit",
            owner_cy="Uned Gofal Dioddefwyr yr Heddlu",
        ),
    )

    action.refresh_from_db()
    assert 'lang="cy"' in form and 'name="owner_cy"' in form
    assert response.status_code == 302  # not refused as changed since it was opened
    assert (action.owner_en, action.owner_cy) == (
        "Force Victim Care Unit",
        "Uned Gofal Dioddefwyr yr Heddlu",
    )


def test_a_post_without_the_welsh_box_keeps_the_owners_welsh(client, discussing, chris):
    action = action_save(
        meeting=discussing,
        by=chris,
        description="Brief officers.",
        owner="OoCR lead",
        owner_cy="Arweinydd OoCR",
    )
    client.force_login(chris)
    form = client.get(f"/panels/actions/{action.pk}/").content.decode()

    client.post(
        f"/panels/actions/{action.pk}/",
        action_form_posted(action, seen=seen_on(form), owner="OoCR lead (north)"),
    )

    action.refresh_from_db()
    assert (action.owner_en, action.owner_cy) == ("OoCR lead (north)", "Arweinydd OoCR")


@pytest.fixture
def bilingual(settings, welsh):
    settings.PUBLISH_LANGUAGES = ("en", "cy")


def test_approval_in_welsh_asks_for_each_owners_welsh_linked_to_its_box(bilingual, olu):
    meeting = closed_meeting({"inconsistent": 1})
    action = action_save(
        meeting=meeting,
        by=olu,
        description="Brief officers.",
        description_cy="Briffio swyddogion.",
        owner="OoCR lead",
    )
    report = report_services.report_generate(meeting=meeting, by=olu)

    missing = {text.location: text.fix_url for text in welsh.missing_welsh(report)}

    assert missing["Action 1, owner"] == f"/panels/actions/{action.pk}/#id_owner_cy"
    assert "Action 1" not in missing  # its wording has its Welsh


def test_a_welsh_report_shows_the_owners_welsh(olu):
    meeting = closed_meeting({"inconsistent": 1})
    action_save(
        meeting=meeting,
        by=olu,
        description="Brief officers.",
        owner="OoCR lead",
        owner_cy="Arweinydd OoCR",
    )
    report = report_services.report_generate(meeting=meeting, by=olu)

    with translation.override("cy"):
        page = body_html(report)
    english = body_html(report)

    assert '<td class="govuk-table__cell">Arweinydd OoCR</td>' in page
    assert '<td class="govuk-table__cell">OoCR lead</td>' in english


def test_the_meeting_page_and_action_list_read_in_welsh_mark_what_has_no_welsh(
    client, welsh, discussing, chris, olu
):
    action_save(
        meeting=discussing,
        by=chris,
        description="Brief officers.",
        description_cy="Briffio swyddogion.",
        owner="Force Victim Care Unit",
    )
    client.force_login(olu)
    client.cookies["django_language"] = "cy"

    for url in (f"/panels/meetings/{discussing.pk}/", "/panels/actions/"):
        page = client.get(url).content.decode()
        assert "Briffio swyddogion." in page and "Brief officers." not in page
        assert '<span lang="en-GB">Force Victim Care Unit</span>' in page
