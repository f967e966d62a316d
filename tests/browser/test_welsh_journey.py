"""Two journeys in Welsh on the demo data, each switched to Welsh with the header's link.

A member of the public reads the published findings and the Victims' Code report, which
the demo publishes in Welsh and English; a panel member rates a case end to end. Every
page is checked by `Journey`: axe finds nothing at desktop width and at 375 px.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.journeys import Journey

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("welsh"),
]

REASONS = "Cafodd barn y dioddefwr ei cheisio a'i chofnodi cyn dewis y canlyniad."


@pytest.fixture
def journey(page: Page, live_server) -> Journey:
    return Journey(page, live_server.url)


@pytest.fixture(autouse=True)
def stored_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "uploads"


def in_welsh(page: Page) -> None:
    expect(page.locator("html")).to_have_attribute("lang", "cy")


def switch_to_welsh(journey: Journey) -> None:
    """Follow the header's link to the page in Welsh."""
    journey.follow(journey.page.locator("header").get_by_role("link", name="Cymraeg"))
    in_welsh(journey.page)


def test_public_reads_the_findings_and_the_victims_code_report_in_welsh(journey, demo):
    from reports.demo import load_reports
    from reports.models import PublishedVersion

    load_reports(demo["users"])
    report = PublishedVersion.objects.get(report__panel__slug="victims-code").report
    page = journey.page

    journey.goto("/en/findings/")
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")
    switch_to_welsh(journey)
    assert journey.path == "/cy/findings/"
    assert journey.heading() == "Canfyddiadau a gyhoeddwyd"

    journey.follow(page.locator(f"main a[href='/cy/findings/victims-code/{report.slug}/']"))
    assert journey.path == f"/cy/findings/victims-code/{report.slug}/"
    in_welsh(page)
    expect(page.locator("article.app-report[lang=cy]")).to_be_visible()
    for heading in (
        "Canfyddiadau craffu",
        "Pam mae'r Bwrdd Cyfiawnder Troseddol Lleol yn craffu ar hawliau dioddefwyr",
        "Stelcio ac aflonyddu",
        "Defnyddio canfyddiadau'r panel i wneud gwahaniaeth",
    ):
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(page.locator("main")).to_contain_text("Nododd y panel fod gan yr heddlu hyrwyddwyr")

    assert journey.checked == [
        "/en/findings/",
        "/cy/findings/",
        f"/cy/findings/victims-code/{report.slug}/",
    ]
    journey.finish()


def test_member_rates_a_case_end_to_end_in_welsh(journey, demo):
    from panels.enums import MeetingStatus
    from panels.models import Meeting, Rating

    meeting = Meeting.objects.select_related("panel__framework").get(
        status=MeetingStatus.RATING_OPEN
    )
    framework = meeting.panel.framework
    category = framework.categories.get(code="consistent-with-observations")
    criteria = list(framework.criteria.all())
    assert category.label_cy and category.label_cy != category.label_en
    page = journey.page

    journey.sign_in("mina")
    switch_to_welsh(journey)
    assert journey.path == "/"
    main = page.locator("main")
    expect(page.locator(f"#progress-{meeting.pk}")).to_have_text("1 o 6 achos wedi'u hasesu")
    expect(page.locator(f"#task-{meeting.pk}-4-status")).to_have_text("Heb ddechrau")

    journey.follow(main.get_by_role("link", name=re.compile(r"^Achos 4:")))
    in_welsh(page)
    assert journey.heading() == "Achos 4: gwrthdaro buddiannau"
    page.get_by_label("Nid oes gennyf wrthdaro buddiannau").check()
    journey.follow(page.get_by_role("button", name="Parhau"))

    in_welsh(page)
    assert journey.heading().startswith("Achos 4:")
    expect(page.get_by_role("heading", name="Eich asesiad", exact=True)).to_be_visible()
    for criterion in criteria:
        assert criterion.label_cy, f"no Welsh for the criterion {criterion.label_en!r}"
        group = page.get_by_role("group", name=criterion.label_cy, exact=True)
        group.get_by_label("Wedi'i fodloni", exact=True).check()
    outcome = page.get_by_role("group", name="Categori canlyniad")
    outcome.get_by_label(f"{category.position}. {category.label_cy}", exact=True).check()
    page.get_by_label("Eich rhesymau").fill(REASONS)
    journey.follow(page.get_by_role("button", name="Cyflwyno'r asesiad"))

    assert journey.path == "/"
    in_welsh(page)
    assert journey.banner() == "Mae eich asesiad o achos 4 wedi'i gyflwyno"
    expect(page.locator(f"#task-{meeting.pk}-4-status")).to_have_text("Wedi'i gwblhau")

    rating = Rating.objects.get(
        reviewed_case__meeting=meeting, reviewed_case__position=4, membership__user__username="mina"
    )
    assert (rating.status, rating.category, rating.reasons) == ("submitted", category, REASONS)
    assert journey.view_names() == [
        "login",
        "home",
        "home",
        "panels:conflict_declare",
        "panels:case_papers",
        "home",
    ]
    journey.finish()
