"""OPCC staff's pages for a scrutiny meeting's notes: drafting them from the report list, and
the findings reports' own pages (the draft, its preview and PDF, its text, its moves), which
the notes use as any report does."""

import pytest

from accountability.enums import ScrutinyMeetingStatus
from reports.accountability.services import notes_generate
from reports.enums import ReportStatus
from reports.models import FindingsReport
from tests import factories

from .scrutiny import scrutiny_meeting, with_outcomes

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(olu):
    return with_outcomes(scrutiny_meeting(by=olu), by=olu)


@pytest.fixture
def notes(meeting, olu):
    return notes_generate(meeting=meeting, by=olu)


def draft_pages(notes) -> list[str]:
    base = f"/reports/{notes.pk}"
    return [f"{base}/", f"{base}/preview/", f"{base}/sections/introduction/"]


def test_signed_out_visitors_are_sent_to_sign_in(client, meeting, notes):
    response = client.post(f"/reports/scrutiny-meetings/{meeting.pk}/notes/new/")

    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")
    assert [client.get(url).status_code for url in draft_pages(notes)] == [302] * 3


def test_panel_members_and_others_may_not_draft_or_see_notes(client, meeting, notes, eve):
    member = factories.MembershipFactory().user
    for user in (member, eve):
        client.force_login(user)
        assert client.post(f"/reports/scrutiny-meetings/{meeting.pk}/notes/new/").status_code == 403
        # The notes belong to no panel: to anyone but OPCC staff they are not there.
        assert [client.get(url).status_code for url in draft_pages(notes)] == [404] * 3


def test_an_unknown_meeting_is_not_found(client, olu, db):
    client.force_login(olu)

    assert client.post("/reports/scrutiny-meetings/999999/notes/new/").status_code == 404


def test_staff_draft_the_notes_from_the_report_list(client, meeting, olu):
    client.force_login(olu)

    listed = client.get("/reports/").content.decode()
    response = client.post(f"/reports/scrutiny-meetings/{meeting.pk}/notes/new/")

    notes = FindingsReport.objects.get(scrutiny_meeting=meeting)
    assert "Scrutiny meetings without notes" in listed and "Write the notes" in listed
    assert response["Location"] == f"/reports/{notes.pk}/"


def test_notes_before_the_decision_are_refused_with_a_message_and_nothing_written(client, olu):
    meeting = scrutiny_meeting(by=olu, status=ScrutinyMeetingStatus.QUESTIONS_SENT)
    client.force_login(olu)

    page = client.post(
        f"/reports/scrutiny-meetings/{meeting.pk}/notes/new/", follow=True
    ).content.decode()

    assert (
        "Record the Commissioner&#x27;s decision on each topic and close the meeting before "
        "writing the notes." in page
    )
    assert FindingsReport.objects.count() == 0


def test_the_draft_pages_open_for_staff_with_what_the_notes_are_drawn_from(client, notes, olu):
    client.force_login(olu)

    statuses = [client.get(url).status_code for url in draft_pages(notes)]
    detail = client.get(f"/reports/{notes.pk}/").content.decode()

    assert statuses == [200] * 3
    assert "Notes of a scrutiny meeting" in detail
    assert "2 questions; decision: Partly assured" in detail
    assert "Use this text in this panel" not in client.get(draft_pages(notes)[2]).content.decode()


def test_an_empty_heading_is_refused_and_the_text_kept(client, notes, olu):
    client.force_login(olu)

    response = client.post(
        f"/reports/{notes.pk}/sections/introduction/",
        {"version": notes.version, "heading": "", "body": "Changed"},
    )

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert notes.sections.get().body != "Changed"


def test_the_drafter_is_not_offered_approval_and_a_second_officer_approves(client, notes, olu, nia):
    client.force_login(olu)
    client.post(f"/reports/{notes.pk}/move/submit/")
    refused = client.get(f"/reports/{notes.pk}/move/approve/").content.decode()
    client.force_login(nia)
    client.post(f"/reports/{notes.pk}/move/approve/")

    notes.refresh_from_db()
    assert "someone else must approve it" in refused
    assert notes.status == ReportStatus.APPROVED


def test_the_notes_page_costs_a_fixed_number_of_queries(
    client, notes, olu, django_assert_num_queries
):
    client.force_login(olu)
    with django_assert_num_queries(26):
        assert client.get(f"/reports/{notes.pk}/").status_code == 200


def test_pages_about_a_panels_findings_are_not_found_for_notes(client, notes, olu):
    client.force_login(olu)
    base = f"/reports/{notes.pk}"

    pages = [f"{base}/criteria/", f"{base}/figures/", f"{base}/reasons/1/", f"{base}/sections/why/"]

    assert [client.get(url).status_code for url in pages] == [404] * 4
    assert client.post(f"{base}/reasons/1/bullets/1/remove/").status_code == 404
