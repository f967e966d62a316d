"""OPCC staff's report pages: who may use them, and what they do."""

import pytest

from reports.enums import ReportStatus
from reports.models import FindingsReport
from tests import factories

pytestmark = pytest.mark.django_db


def pages(report):
    base = f"/reports/{report.pk}/"
    category = factories.category("inconsistent")
    return [
        base,
        f"{base}preview/",
        f"{base}sections/why/",
        f"{base}reasons/{category.pk}/",
        f"{base}move/submit/",
    ]


def test_signed_out_visitors_are_sent_to_sign_in(client, draft):
    for url in ["/reports/", *pages(draft)]:
        assert client.get(url).status_code == 302


def test_panel_members_may_not_see_drafts(client, draft, eve):
    member = factories.MembershipFactory(panel=draft.panel).user
    client.force_login(member)

    assert client.get("/reports/").status_code == 403
    assert [client.get(url).status_code for url in pages(draft)] == [403] * 5
    client.force_login(eve)
    assert [client.get(url).status_code for url in pages(draft)] == [404] * 5


def test_staff_pages_open_for_opcc_staff(client, draft, olu):
    client.force_login(olu)

    assert [client.get(url).status_code for url in ["/reports/", *pages(draft)]] == [200] * 6


def test_staff_create_a_draft_from_a_closed_meeting(client, build_meeting, olu):
    meeting = build_meeting({"inconsistent": 2})
    client.force_login(olu)

    listed = client.get("/reports/").content.decode()
    response = client.post(f"/reports/meetings/{meeting.pk}/new/")

    report = FindingsReport.objects.get(meeting=meeting)
    assert "Write the findings report" in listed
    assert response["Location"] == f"/reports/{report.pk}/"


def test_a_section_edit_saves_and_renders_only_the_markdown_subset(client, draft, olu):
    client.force_login(olu)

    client.post(
        f"/reports/{draft.pk}/sections/why/",
        {
            "version": draft.version,
            "heading": "Why we scrutinise",
            "body": "**Open** justice.\n\n<script>alert(1)</script>\n\n- [link](javascript:x)",
        },
    )
    preview = client.get(f"/reports/{draft.pk}/preview/").content.decode()

    assert "<strong>Open</strong> justice." in preview
    assert "<script>alert(1)</script>" not in preview
    assert "&lt;script&gt;" in preview
    assert "javascript:" not in preview


def test_an_empty_heading_is_refused_with_a_message(client, draft, olu):
    client.force_login(olu)

    response = client.post(
        f"/reports/{draft.pk}/sections/why/",
        {"version": draft.version, "heading": "", "body": "Text"},
    )

    assert response.status_code == 200
    assert "Enter a heading" in response.content.decode()
    assert draft.sections.get(key="why").body != "Text"


def test_merging_on_the_reasons_page(client, draft, olu):
    category = factories.category("inconsistent")
    ids = [str(d.pk) for d in category.decisions.all()[:2]]
    client.force_login(olu)

    client.post(
        f"/reports/{draft.pk}/reasons/{category.pk}/",
        {
            "version": draft.version,
            "decisions": ids,
            "text": "the gravity score was missing.",
            "lead_with_count": "on",
        },
    )
    page = client.get(f"/reports/{draft.pk}/reasons/{category.pk}/").content.decode()

    assert "In two cases the gravity score was missing." in page
    assert "Reworded" in page


def test_merging_without_wording_is_refused(client, draft, olu):
    category = factories.category("inconsistent")
    ids = [str(d.pk) for d in category.decisions.all()[:2]]
    client.force_login(olu)

    response = client.post(
        f"/reports/{draft.pk}/reasons/{category.pk}/",
        {"version": draft.version, "decisions": ids, "text": ""},
    )

    assert "Enter the wording for the merged reasons" in response.content.decode()
    assert draft.bullets.count() == 0


def test_the_last_editor_is_told_someone_else_must_approve(client, draft, olu):
    client.force_login(olu)
    client.post(f"/reports/{draft.pk}/move/submit/")

    page = client.get(f"/reports/{draft.pk}/move/approve/").content.decode()
    client.post(f"/reports/{draft.pk}/move/approve/")

    draft.refresh_from_db()
    assert "someone else must approve it" in page
    assert draft.status == ReportStatus.AWAITING_APPROVAL


def test_the_report_says_how_the_sample_was_drawn_from_the_draw_record(client, draft, olu):
    from panels.models import SampleDraw

    SampleDraw.objects.create(
        meeting=draft.meeting,
        drawn_by=olu,
        seed="a1b2c3d4e5f6",
        algorithm_version="sha256-v1",
        filters={"force": draft.panel.force.code, "exclude_previously_reviewed": True},
        pool_size=1234,
        pool_fingerprint="f" * 64,
        sample_size=5,
        selected_references=[],
    )
    client.force_login(olu)

    page = client.get(f"/reports/{draft.pk}/preview/").content.decode()

    assert "from the 1,234 cases that could be chosen" in page
    assert "<code>a1b2c3d4e5f6</code>" in page and f"<code>{'f' * 64}</code>" in page
    assert "<code>sha256-v1</code>" in page and "Not reviewed by a panel before" in page
    assert f"verify_sample {draft.meeting.pk}" in page


def test_a_meeting_without_a_draw_says_its_cases_were_chosen_by_staff(client, draft, olu):
    client.force_login(olu)

    page = client.get(f"/reports/{draft.pk}/preview/").content.decode()

    assert "not drawn at random by the service" in page


def test_the_author_is_not_offered_an_approve_button_they_cannot_use(client, draft, olu, nia):
    client.force_login(olu)
    client.post(f"/reports/{draft.pk}/move/submit/")

    own = client.get(f"/reports/{draft.pk}/").content.decode()
    client.force_login(nia)
    other = client.get(f"/reports/{draft.pk}/").content.decode()

    assert "Approve the report" not in own
    assert "someone else must approve it" in own
    assert "Approve the report" in other


def test_a_published_report_offers_no_draft_pdf_and_its_history_reads_plainly(
    client, draft, olu, nia
):
    from tests.reports.conftest import publish

    publish(draft, author=olu, approver=nia)
    client.force_login(olu)

    page = client.get(f"/reports/{draft.pk}/").content.decode()

    assert "draft PDF" not in page
    assert "moved it to" not in page
    for phrase in ("started the draft", "sent it for approval", "approved it", "published it"):
        assert phrase in page


@pytest.mark.parametrize(
    "body, claim",
    [
        (
            "The panel looks at cases randomly selected from the force's records.",
            "randomly selected",
        ),
        ("Cases are selected at random.", "selected at random"),
        ("The cases were chosen by the OPCC.", "chosen by"),
    ],
)
def test_section_text_may_not_say_how_the_cases_were_chosen(client, draft, olu, body, claim):
    client.force_login(olu)

    response = client.post(
        f"/reports/{draft.pk}/sections/how/",
        {"version": draft.version, "heading": "How", "body": body, "keep": "on"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert f"Remove “{claim}”" in page and "govuk-error-summary" in page
    assert draft.sections.get(key="how").body != body
    assert not draft.panel.standing_texts.filter(body=body).exists()


DECIDED = {
    "oocr-four-way": "inconsistent",
    "vcop-seven-way": "fully-compliant",
    "stop-search-three-way": "concern",
    "use-of-force-three-way": "adequate",
}


@pytest.mark.parametrize("framework_slug", DECIDED)
def test_the_starting_text_makes_no_claim_about_how_cases_were_chosen(
    client, build_meeting, olu, framework_slug
):
    from reports import services

    meeting = build_meeting({DECIDED[framework_slug]: 1}, framework_slug=framework_slug)
    report = services.report_generate(meeting=meeting, by=olu)
    client.force_login(olu)

    page = client.get(f"/reports/{report.pk}/preview/").content.decode()

    assert "selected at random" not in page and "randomly" not in page
    assert page.count("at random") == 1  # the service's own sentence about the sample


def test_a_section_edit_from_a_stale_page_keeps_the_text_and_answers_409(client, draft, olu):
    opened_at = draft.version
    FindingsReport.objects.filter(pk=draft.pk).update(version=opened_at + 1)
    client.force_login(olu)

    response = client.post(
        f"/reports/{draft.pk}/sections/why/",
        {"version": opened_at, "heading": "Mine", "body": "My text."},
    )

    body = response.content.decode()
    assert response.status_code == 409
    assert "Someone else changed this report while you were editing" in body
    assert response.context["form"]["body"].value() == "My text."
    assert response.context["form"]["version"].value() == str(opened_at + 1)
    assert draft.sections.get(key="why").body != "My text."


def test_a_merge_from_a_stale_page_keeps_the_wording_and_answers_409(client, draft, olu):
    category = factories.category("inconsistent")
    ids = [str(d.pk) for d in category.decisions.all()[:2]]
    FindingsReport.objects.filter(pk=draft.pk).update(version=draft.version + 1)
    client.force_login(olu)

    response = client.post(
        f"/reports/{draft.pk}/reasons/{category.pk}/",
        {"version": draft.version, "decisions": ids, "text": "my wording."},
    )

    assert response.status_code == 409
    assert "Someone else changed this report while you were editing" in (response.content.decode())
    assert response.context["form"]["text"].value() == "my wording."
    assert draft.bullets.count() == 0


@pytest.mark.parametrize(
    ("framework_slug", "heading"),
    [
        ("oocr-four-way", "What are Out of Court Resolutions?"),
        ("vcop-seven-way", "The Victims' Code of Practice"),
        ("stop-search-three-way", "What is stop and search?"),
        ("use-of-force-three-way", "What is police use of force?"),
    ],
)
def test_the_starting_text_is_about_the_records_the_panel_reviews(
    build_meeting, olu, framework_slug, heading
):
    from reports import services

    meeting = build_meeting({DECIDED[framework_slug]: 1}, framework_slug=framework_slug)

    report = services.report_generate(meeting=meeting, by=olu)

    assert report.sections.get(key="introduction").heading == heading


def test_a_framework_of_another_kind_starts_with_blank_sections_not_another_kinds_text(
    build_meeting, olu
):
    from reports import services

    framework = factories.framework("stop-search-three-way")
    framework.record_kind = factories.record_kind(
        {"code": "hate", "name": "Hate crime", "sections": [("Police", [])]}
    )
    framework.save()
    meeting = build_meeting({"concern": 1}, framework_slug="stop-search-three-way")

    report = services.report_generate(meeting=meeting, by=olu)

    introduction = report.sections.get(key="introduction")
    assert (introduction.heading, introduction.body) == ("What the panel looks at", "")
