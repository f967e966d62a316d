"""Axe checks on the import pages (data admin) and the sampling pages (OPCC staff),
driven through the real forms."""

import pytest

from tests.browser.conftest import axe_violations, sign_in

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

    page.get_by_role("button", name="Upload and check").click()
    assert page.locator(".govuk-error-summary").get_by_text("Select a force").is_visible()
    assert axe_violations(page) == []

    page.get_by_label("Which force is this extract from?").select_option(label="Demoshire Police")
    page.get_by_label("Extract file").set_input_files(str(extract))
    page.get_by_role("button", name="Upload and check").click()
    assert page.get_by_text("Email address").first.is_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Decide").first.click()
    assert axe_violations(page) == []


def _upload(page, base_url: str, path) -> None:
    page.goto(f"{base_url}/cases/imports/")
    page.get_by_label("Which force is this extract from?").select_option(label="Demoshire Police")
    page.get_by_label("Extract file").set_input_files(str(path))
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
    assert page.get_by_role("heading", name="Reviewed cases this file would change").is_visible()
    assert axe_violations(page) == []

    page.get_by_role("button", name="Remove all 1 remaining").click()
    assert axe_violations(page) == []

    page.get_by_role("button", name="Import 2 cases").click()
    assert page.get_by_text("Imported", exact=True).first.is_visible()
    assert axe_violations(page) == []

    _upload(page, live_server.url, broken)
    assert page.get_by_text("Nothing was imported.").is_visible()
    assert axe_violations(page) == []


def test_sampling_pages_have_no_accessibility_violations(page, live_server, demo):
    from panels.models import Meeting

    meeting = Meeting.objects.get(status="planned")
    sign_in(page, live_server.url, "olu")

    page.goto(f"{live_server.url}/panels/meetings/{meeting.pk}/draw/")
    assert axe_violations(page) == []

    page.get_by_role("button", name="Draw the sample").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert axe_violations(page) == []

    page.get_by_label("How many cases should be drawn?").fill("8")
    page.get_by_role("button", name="Draw the sample").click()
    page.wait_for_url(f"{live_server.url}/panels/meetings/{meeting.pk}/**")
    assert page.get_by_text("How the cases were chosen").first.is_visible()
    assert axe_violations(page) == []
