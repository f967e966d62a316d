"""Axe checks on the import pages (data admin) and the sampling pages (OPCC staff),
driven through the real forms."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, assert_accessible, axe_violations, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EXTRACT = (
    "Crime Ref,Offence,Crime code,Disposal,Offence date,Outcome date,Facts\n"
    "BR-0001,Harassment without violence,8L,Community Resolution,01/02/2025,01/03/2025,"
    "Messages sent to a neighbour; contact them at someone@example.org\n"
    "BR-0002,Shoplifting,46,Simple Caution,03/02/2025,04/03/2025,Took goods from a shop\n"
)


def test_import_pages_have_no_accessibility_violations(page, live_server, demo, tmp_path):
    extract = tmp_path / "extract.csv"
    extract.write_text(EXTRACT, encoding="utf-8")
    sign_in(page, live_server.url, "alice")

    page.goto(f"{live_server.url}/cases/imports/")
    assert axe_violations(page) == []

    with page.expect_navigation():
        page.get_by_role("button", name="Upload and check").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose a file to upload")
    assert axe_violations(page) == []

    page.get_by_label("Which force is this extract from?").select_option(label="Demoshire Police")
    page.get_by_label("Extract file").set_input_files(str(extract))
    with page.expect_navigation():
        page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_text("Email address").first).to_be_visible()
    assert axe_violations(page) == []

    with page.expect_navigation():
        page.get_by_role("link", name="Decide").first.click()
    assert axe_violations(page) == []


def _upload(page, base_url: str, path) -> None:
    page.goto(f"{base_url}/cases/imports/")
    page.get_by_label("Which force is this extract from?").select_option(label="Demoshire Police")
    page.get_by_label("Extract file").set_input_files(str(path))
    with page.expect_navigation():
        page.get_by_role("button", name="Upload and check").click()


def test_import_outcome_pages_have_no_accessibility_violations(page, live_server, demo, tmp_path):
    # A reviewed demo case with new facts: listed as a held change, not applied.
    held = "DS-25-0411,Shoplifting,46,Simple Caution,03/02/2025,04/03/2025,Facts changed later\n"
    extract = tmp_path / "extract.csv"
    extract.write_text(EXTRACT + held, encoding="utf-8")
    broken = tmp_path / "broken.csv"
    broken.write_text(EXTRACT.replace("01/03/2025", "soon"), encoding="utf-8")
    sign_in(page, live_server.url, "alice")

    _upload(page, live_server.url, extract)
    expect(
        page.get_by_role("heading", name="Reviewed cases this file would change")
    ).to_be_visible()
    assert axe_violations(page) == []

    with page.expect_navigation():
        page.get_by_role("button", name="Remove all 1 remaining").click()
    assert axe_violations(page) == []

    with page.expect_navigation():
        page.get_by_role("button", name="Import 2 cases").click()
    expect(page.get_by_text("Imported", exact=True).first).to_be_visible()
    assert axe_violations(page) == []

    _upload(page, live_server.url, broken)
    expect(page.get_by_text("Nothing was imported.")).to_be_visible()
    assert axe_violations(page) == []


# Each question page should fit in about two screens of a 1024 px wide browser, down to
# the end of its main content: the footer (the office's contact details) is on every page.
MAX_STEP_HEIGHT = 1700


def _height(page) -> int:
    page.set_viewport_size({"width": DESKTOP, "height": 800})
    return page.evaluate(
        "Math.ceil(document.querySelector('main').getBoundingClientRect().bottom + scrollY)"
    )


def _continue(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()


def test_sampling_pages_have_no_accessibility_violations(page, live_server, demo):
    from panels.models import Meeting

    meeting = Meeting.objects.get(status="planned")
    sign_in(page, live_server.url, "olu")
    heights = {}

    page.goto(f"{live_server.url}/panels/meetings/{meeting.pk}/draw/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Which offences can be drawn?")
    heights["offences"] = _height(page)
    assert_accessible(page)
    _continue(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Which outcomes can be drawn?")
    heights["outcomes"] = _height(page)
    assert_accessible(page)
    _continue(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("When were the outcomes? (optional)")
    heights["dates"] = _height(page)
    assert_accessible(page)
    _continue(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Narrow the cases down (optional)")
    heights["narrow"] = _height(page)
    assert_accessible(page)
    page.get_by_label("Home Office crime codes (optional)", exact=True).fill("99Z")
    _continue(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("99Z is not known")
    heights["narrow with an error"] = _height(page)
    assert_accessible(page)
    page.get_by_label("Home Office crime codes (optional)", exact=True).fill("")
    _continue(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Sample size")
    _continue(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a sample size")
    heights["size with an error"] = _height(page)
    assert_accessible(page)
    page.get_by_label("How many cases should be drawn?", exact=True).fill("8")
    _continue(page)

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before drawing the sample"
    )
    heights["check"] = _height(page)
    assert_accessible(page)

    # Back keeps the answers given.
    with page.expect_navigation():
        page.get_by_role("link", name="Back", exact=True).click()
    expect(page.get_by_label("How many cases should be drawn?", exact=True)).to_have_value("8")
    _continue(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Draw the sample").click()
    expect(page).to_have_url(f"{live_server.url}/panels/meetings/{meeting.pk}/")
    expect(page.get_by_text("How the cases were chosen").first).to_be_visible()
    assert_accessible(page)
    assert {step: h for step, h in heights.items() if h > MAX_STEP_HEIGHT} == {}
