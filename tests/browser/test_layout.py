"""The signed-in header menu takes one line at 1280 px for every role. Pages fit a 375 px
phone: tables scroll inside their own box, the header's Menu button
sits inside the header and holds Sign out, short status tags and case links stay on one
line, and the privacy-finding question reveals "Why can it be kept?" only under "Keep"."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.browser.conftest import CHROMIUM_ARGS, PHONE, assert_accessible, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EXTRACT = (
    "Reference,Offence,Outcome type,Outcome date,Facts at decision\n"
    "LY-1,Harassment without violence,Community Resolution,01/03/2025,"
    "Call Mr Smith on 07700 900123\n"
    "LY-2,Shoplifting,Simple Caution,04/03/2025,Took goods from a shop\n"
)


@pytest.fixture
def batch(demo, tmp_path):
    from cases import services
    from cases.models import Force

    return services.batch_upload(
        force=Force.objects.get(),
        user=demo["users"]["alice"],
        file_name="layout.csv",
        chunks=[EXTRACT.encode()],
    )


def _meetings():
    from panels.enums import MeetingStatus
    from panels.models import Meeting

    return (
        Meeting.objects.get(status=MeetingStatus.RATING_OPEN),
        Meeting.objects.filter(status=MeetingStatus.CLOSED).first(),
    )


def _pages(batch) -> dict[str, list[str]]:
    open_meeting, closed = _meetings()
    finding = batch.findings.first()
    return {
        "olu": [
            reverse("home"),
            reverse("panels:meeting_list"),
            reverse("panels:meeting_list") + "?status=closed",
            reverse("panels:meeting_detail", args=[open_meeting.pk]),
            reverse("panels:meeting_detail", args=[closed.pk]),
            reverse("panels:action_list"),
            reverse("reports:report_list"),
        ],
        "alice": [
            reverse("home"),
            reverse("cases:upload"),
            reverse("cases:batch_detail", args=[batch.pk]),
            reverse("cases:finding_resolve", args=[batch.pk, finding.pk]),
        ],
        "chris": [reverse("home"), reverse("panels:meeting_detail", args=[open_meeting.pk])],
        "mina": [reverse("home"), reverse("panels:case_papers", args=[open_meeting.pk, 1])],
    }


def test_pages_with_tables_fit_a_phone_and_pass_axe(page: Page, live_server, batch):
    for who, paths in _pages(batch).items():
        page.context.clear_cookies()
        sign_in(page, live_server.url, who)
        for path in paths:
            response = page.goto(live_server.url + path)
            assert response.status == 200, path
            assert_accessible(page)


def test_wide_table_scrolls_in_its_own_box_on_a_phone(page: Page, live_server, demo):
    sign_in(page, live_server.url, "olu")
    page.set_viewport_size({"width": PHONE, "height": 800})

    page.goto(live_server.url + reverse("panels:meeting_list"))

    region = page.get_by_role("region", name="Panel meetings you can see")
    sizes = region.evaluate("e => [e.clientWidth, e.scrollWidth]")
    assert sizes[1] > sizes[0]  # the table is wider than the phone, so its box scrolls
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE


def _box(locator) -> dict:
    return locator.evaluate(
        "e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom} }"
    )


def test_menu_button_sits_inside_the_header_beside_the_service_name(page: Page, live_server, demo):
    sign_in(page, live_server.url, "olu")
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(live_server.url + "/")

    header = _box(page.locator(".govuk-header__container"))
    border = page.locator(".govuk-header__container").evaluate(
        "e => parseFloat(getComputedStyle(e).borderBottomWidth)"
    )
    button = _box(page.get_by_role("button", name="Menu"))
    name = _box(page.locator(".app-header__service-name"))

    assert header["top"] <= button["top"] and button["bottom"] <= header["bottom"] - border
    assert button["top"] < name["bottom"] and name["top"] < button["bottom"]


def test_sign_out_from_the_header_menu_on_a_phone_confirms_it(page: Page, live_server, demo):
    sign_in(page, live_server.url, "mina")
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(live_server.url + "/")
    sign_out = page.locator("header").get_by_role("button", name="Sign out")
    expect(sign_out).to_be_hidden()

    page.get_by_role("button", name="Menu").click()
    expect(sign_out).to_be_visible()
    assert_accessible(page, widths=(PHONE,))
    with page.expect_navigation():
        sign_out.click()

    expect(page.get_by_role("alert")).to_contain_text("You have signed out")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert page.locator("footer").get_by_role("button", name="Sign out").count() == 0
    assert_accessible(page)
    page.goto(live_server.url + reverse("panels:meeting_list"))
    expect(page).to_have_url(re.compile("^" + re.escape(live_server.url + reverse("login"))))


def _lines(locator) -> list[int]:
    """How many lines each matching element's text takes."""
    return locator.evaluate_all(
        """els => els.map(e => {
            const h = parseFloat(getComputedStyle(e).lineHeight);
            const r = e.getBoundingClientRect();
            return Math.round((r.height - parseFloat(getComputedStyle(e).paddingTop)
                - parseFloat(getComputedStyle(e).paddingBottom)) / h);
        })"""
    )


def test_status_tags_and_case_links_stay_on_one_line_on_a_phone(page: Page, live_server, batch):
    open_meeting, _ = _meetings()
    sign_in(page, live_server.url, "alice")
    page.set_viewport_size({"width": PHONE, "height": 800})

    page.goto(live_server.url + reverse("cases:batch_detail", args=[batch.pk]))
    tags = page.locator("main .govuk-tag")
    assert tags.count() >= 3  # the batch's status and a finding's "Needs a decision"
    assert set(_lines(tags)) == {1}

    page.context.clear_cookies()
    sign_in(page, live_server.url, "olu")
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(live_server.url + reverse("panels:meeting_detail", args=[open_meeting.pk]))
    links = page.get_by_role("region", name="Agenda").get_by_role("link", name="Case ")
    assert links.count() == 6
    assert set(_lines(links)) == {1}
    assert set(_lines(page.locator("main .govuk-tag"))) == {1}


def test_why_it_can_be_kept_is_asked_only_once_keep_is_chosen(page: Page, live_server, batch):
    finding = batch.findings.first()
    url = live_server.url + reverse("cases:finding_resolve", args=[batch.pk, finding.pk])
    sign_in(page, live_server.url, "alice")

    page.goto(url)
    reason = page.get_by_label("Why can it be kept?", exact=True)
    expect(reason).to_be_hidden()
    assert_accessible(page)

    page.get_by_label("Keep it as it is", exact=True).check()
    expect(reason).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Remove it", exact=False).check()
    expect(reason).to_be_hidden()


def test_why_it_can_be_kept_is_asked_without_javascript(browser, live_server, batch):
    finding = batch.findings.first()
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    try:
        sign_in(page, live_server.url, "alice")
        page.goto(live_server.url + reverse("cases:finding_resolve", args=[batch.pk, finding.pk]))
        page.get_by_label("Keep it as it is", exact=True).check()
        page.get_by_label("Why can it be kept?", exact=True).fill("A public phone number")
        with page.expect_navigation():
            page.get_by_role("button", name="Save decision").click()
    finally:
        context.close()

    finding.refresh_from_db()
    assert (finding.status, finding.reason) == ("accepted", "A public phone number")


assert CHROMIUM_ARGS  # the harness's browser, launched once per session


WIDE = 1280


@pytest.mark.parametrize("who", ["alice", "olu", "chris", "mina"])
def test_the_signed_in_header_menu_takes_one_line_at_1280_px(page: Page, live_server, demo, who):
    sign_in(page, live_server.url, who)
    page.set_viewport_size({"width": WIDE, "height": 800})
    page.goto(live_server.url + "/")

    items = page.locator(".govuk-header__navigation-item")
    tops = items.evaluate_all("els => els.map(e => Math.round(e.getBoundingClientRect().top))")
    line = items.first.evaluate("e => e.getBoundingClientRect().height")
    menu = page.locator("#navigation").evaluate("e => e.getBoundingClientRect().height")

    assert len(set(tops)) == 1, f"the menu wraps onto {len(set(tops))} lines"
    assert menu < 1.5 * line
    expect(page.locator("header").get_by_role("button", name="Sign out")).to_be_visible()
