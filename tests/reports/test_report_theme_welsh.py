"""A findings meeting's theme in Welsh (docs/welsh.md): asked for before approval when
reports are published in Welsh too, read beside the English and by the disclosure check,
shown on the Welsh pages and frozen with the version for the /cy/ list, feed and period
report; the English theme stays the key of the slug, kept background and support
services, whatever the language of the page or the person."""

import datetime
import re

import pytest
from defusedxml.ElementTree import fromstring
from django.utils import translation

from reports import disclosure, services, welsh
from reports.enums import SectionKey
from reports.models import SupportService, ThemeBackground
from reports.presenters import present
from reports.publishing import body_html
from tests.reports.conftest import publish

pytestmark = pytest.mark.django_db

THEME, THEMA = "Stalking or Harassment", "Stelcio neu Aflonyddu"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def bilingual(settings, request):
    request.getfixturevalue("welsh")
    settings.PUBLISH_LANGUAGES = ("en", "cy")


def with_welsh_theme(meeting, words=THEMA):
    meeting.theme_cy = words
    meeting.save()
    return meeting


def test_a_welsh_speaking_user_gets_the_english_slug_kept_background_and_services(
    build_meeting, draft, olu
):
    with translation.override("cy"):
        services.section_save(
            report=draft,
            key=SectionKey.THEME_BACKGROUND,
            heading="Stalking",
            body="What stalking is.",
            by=olu,
            version=draft.version,
            keep=True,
        )
    service = SupportService.objects.create(name="Paladin", phone="0100", theme=THEME.upper())
    service.panels.add(draft.panel)
    later = with_welsh_theme(build_meeting({"inconsistent": 1}, panel=draft.panel))

    with translation.override("cy"):
        report = services.report_generate(meeting=later, by=olu)
        support = present(report).support

    assert ThemeBackground.objects.get().theme_key == "stalking or harassment"
    assert report.slug == f"{later.date:%Y-%m-%d}-stalking-or-harassment"
    assert report.sections.get(key="theme_background").body_en == "What stalking is."
    assert [s.name for services_ in support.values() for s in services_] == ["Paladin"]


def test_a_new_reports_theme_heading_starts_from_the_themes_welsh(build_meeting, olu):
    meeting = with_welsh_theme(build_meeting({"inconsistent": 1}))

    report = services.report_generate(meeting=meeting, by=olu)

    section = report.sections.get(key="theme_background")
    assert (section.heading_en, section.heading_cy) == (THEME, THEMA)


def test_approval_in_welsh_asks_for_the_themes_welsh_linked_to_the_meetings_box(
    client, bilingual, draft, olu
):
    missing = {t.location: t.fix_url for t in welsh.missing_welsh(draft)}
    client.force_login(olu)
    page = client.get(f"/reports/{draft.pk}/move/submit/").content.decode()

    url = f"/panels/meetings/{draft.meeting_id}/edit/#id_theme_cy"
    assert missing["The meeting’s theme"] == url
    assert f'href="{url}"' in page
    with_welsh_theme(draft.meeting)
    assert "The meeting’s theme" not in {t.location for t in welsh.missing_welsh(draft)}


def test_english_only_publishing_asks_for_no_welsh_theme(draft):
    assert welsh.missing_welsh(draft) == []


def test_the_approver_reads_the_theme_in_both_languages_and_the_check_reads_its_welsh(
    bilingual, draft
):
    with_welsh_theme(draft.meeting, "Stelcio: ffoniwch 07700 900123")

    pairs = {t.location: (t.english, t.welsh) for t in welsh.side_by_side(draft)}
    found = [(f.kind, f.location, f.fix_url) for f in disclosure.check(draft)]

    assert pairs["The meeting’s theme"] == (THEME, "Stelcio: ffoniwch 07700 900123")
    assert (
        "phone",
        "The meeting’s theme (Welsh)",
        f"/panels/meetings/{draft.meeting_id}/edit/#id_theme_cy",
    ) in found


def test_the_welsh_report_page_shows_the_welsh_theme_and_the_english_page_the_english(welsh, draft):
    with_welsh_theme(draft.meeting)

    with translation.override("cy"):
        page = body_html(draft)
    english = body_html(draft)

    assert f"Thema: {THEMA}" in page and THEME not in page
    assert THEMA.lower() in page
    assert f"Theme: {THEME}" in english and THEMA not in english


def test_a_theme_without_its_welsh_is_marked_english_on_the_welsh_page(welsh, draft):
    with translation.override("cy"):
        page = body_html(draft)

    assert f'Thema: <span lang="en-GB">{THEME}</span>' in page
    assert f'<span lang="en-GB">{THEME.lower()}</span>' in page


def test_the_staff_list_in_welsh_shows_a_meetings_welsh_theme(client, welsh, olu, build_meeting):
    with_welsh_theme(build_meeting({"inconsistent": 1}))
    client.force_login(olu)
    client.cookies["django_language"] = "cy"

    page = client.get("/reports/").content.decode()

    assert f"({THEMA})" in page


def test_publishing_freezes_the_welsh_theme_for_the_welsh_list_and_feed(
    client, bilingual, draft, olu, nia
):
    with_welsh_theme(draft.meeting)
    version = publish(draft, author=olu, approver=nia)
    with_welsh_theme(draft.meeting, "Geiriau diweddarach")  # later words: not the frozen ones

    welsh_list = client.get("/cy/findings/").content.decode()
    english_list = client.get("/en/findings/").content.decode()
    filtered = client.get("/cy/findings/", {"theme": THEME}).content.decode()
    feed = fromstring(client.get("/cy/findings/feed.atom").content).find(f"{ATOM}entry")

    assert (version.theme, version.theme_cy) == (THEME, THEMA)
    # The filter's value stays the English key; its words are Welsh.
    assert f'<option value="{THEME}">{THEMA}</option>' in welsh_list
    assert f"Thema: {THEMA}. Cyhoeddwyd" in welsh_list
    assert f'<option value="{THEME}">{THEME}</option>' in english_list
    assert f"Theme: {THEME}. Published" in english_list
    assert "Geiriau diweddarach" not in welsh_list
    assert f"Thema: {THEMA}." in filtered
    assert feed.find(f"{ATOM}title").text == draft.title_cy
    assert feed.find(f"{ATOM}summary").text.startswith(f"Thema: {THEMA}.")


def test_a_version_published_in_english_only_keeps_its_theme_english_on_the_welsh_list(
    client, welsh, draft, olu, nia
):
    with_welsh_theme(draft.meeting)
    version = publish(draft, author=olu, approver=nia)

    welsh_list = client.get("/cy/findings/").content.decode()

    assert version.theme_cy == ""
    assert f'<option value="{THEME}" lang="en-GB">{THEME}</option>' in welsh_list
    assert f'Thema: <span lang="en-GB">{THEME}</span>' in welsh_list


def test_the_welsh_lists_panel_filter_gives_welsh_names_and_marks_english_ones(
    client, welsh, draft, olu, nia
):
    publish(draft, author=olu, approver=nia)
    panel = draft.panel

    welsh_list = client.get("/cy/findings/").content.decode()
    english_list = client.get("/en/findings/").content.decode()

    assert f'<option value="{panel.slug}" lang="en-GB">{panel.name}</option>' in welsh_list
    assert f'<option value="{panel.slug}">{panel.name}</option>' in english_list

    # Given its Welsh name on the panel's page, the Welsh list says it in Welsh.
    from panels.people.services import panel_update

    panel.refresh_from_db()
    panel_update(panel=panel, by=olu, version=panel.version, name_cy="Panel Prawf")
    welsh_list = client.get("/cy/findings/").content.decode()
    english_list = client.get("/en/findings/").content.decode()

    assert f'<option value="{panel.slug}">Panel Prawf</option>' in welsh_list
    assert f'<option value="{panel.slug}">{panel.name}</option>' in english_list


def test_the_period_report_in_welsh_shows_each_meetings_frozen_welsh_theme(
    bilingual, draft, olu, nia
):
    with_welsh_theme(draft.meeting)
    publish(draft, author=olu, approver=nia)
    day = draft.meeting.date
    period = services.report_generate_period(
        panel=draft.panel,
        start=day - datetime.timedelta(days=1),
        end=day + datetime.timedelta(days=1),
        by=olu,
    )

    with translation.override("cy"):
        page = body_html(period)
    english = body_html(period)

    assert re.search(rf'<span class="govuk-body-s">{THEMA}</span>', page)
    assert re.search(rf'<span class="govuk-body-s">{THEME}</span>', english)
