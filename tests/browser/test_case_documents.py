"""A data admin attaches documents to a case and decides what their screen found; a member
with no conflict reads them with the case papers. Every page passes axe and the HTML
checker, on a desktop and a 375 px phone."""

import pytest
from playwright.sync_api import Page, expect

from panels.enums import MeetingStatus
from panels.models import Meeting
from tests.browser.conftest import assert_accessible, sign_in, sign_in_as
from tests.cases import pdfs

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def private_uploads(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "uploads"


def _attach(page: Page, title: str, path) -> None:
    page.get_by_label("Title").fill(title)
    page.get_by_label("PDF file").set_input_files(str(path))
    with page.expect_navigation():
        page.get_by_role("button", name="Upload and check").click()


def test_documents_are_attached_screened_and_read_behind_the_gate(
    page: Page, live_server, demo, tmp_path
):
    meeting = Meeting.objects.get(status=MeetingStatus.RATING_OPEN)
    # Mina has said she has no conflict in the third case (panels/demo/loader.py).
    reviewed = meeting.reviewed_cases.get(position=3)
    files = {
        "letter.pdf": pdfs.text_pdf(),
        "log.pdf": pdfs.phone_pdf(),
        "archive.pdf": pdfs.zip_renamed(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)

    sign_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/cases/{reviewed.case_id}/")
    expect(page.get_by_role("heading", name="Documents", exact=True)).to_be_visible()
    assert_accessible(page)

    _attach(page, "CPS decision letter", tmp_path / "letter.pdf")
    expect(page.get_by_role("heading", level=1)).to_have_text("CPS decision letter")
    expect(page.get_by_text("Shown to readers", exact=True)).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/cases/{reviewed.case_id}/documents/add/")
    _attach(page, "Witness care log", tmp_path / "archive.pdf")
    expect(page.locator(".govuk-error-summary")).to_contain_text("a zip archive, not a PDF")
    assert_accessible(page)

    _attach(page, "Witness care log", tmp_path / "log.pdf")
    expect(page.get_by_role("cell", name="Phone number", exact=True)).to_be_visible()
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("link", name="Decide").click()
    expect(page.locator("mark")).to_have_text("07700 900123")
    assert_accessible(page)

    page.get_by_label("Keep it as it is").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why this page")
    assert_accessible(page)

    page.get_by_label("Keep it as it is").check()
    page.get_by_label("Why can it be kept?").fill("The witness care unit's public number.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save decision").click()
    expect(page.get_by_text("Every finding is decided")).to_be_visible()

    sign_in_as(page, live_server.url, "mina")
    page.goto(f"{live_server.url}/panels/meetings/{meeting.pk}/cases/3/")
    documents = page.get_by_role("heading", name="Documents", exact=True)
    expect(documents).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Witness care log").click()
    assert download.value.suggested_filename == "case-3-witness-care-log.pdf"
