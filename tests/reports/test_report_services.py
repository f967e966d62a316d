"""Drafting, merging, approving, publishing, correcting and withdrawing a report."""

import datetime
import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage

from core.stale import StaleEdit
from panels.models import Decision
from reports import bullets, services
from reports.enums import ReportStatus, SectionKey
from reports.models import ReportStatusChange, StandingText, ThemeBackground
from reports.presenters import meeting_report
from tests import factories
from tests.reports.conftest import approve, publish, write

pytestmark = pytest.mark.django_db


def inconsistent(report):
    return next(f for f in meeting_report(report).findings if f.category.code == "inconsistent")


def test_a_draft_needs_a_closed_meeting(olu):
    meeting = factories.MeetingFactory()

    with pytest.raises(ValidationError, match="Close the meeting"):
        services.report_generate(meeting=meeting, by=olu)


def test_a_meeting_has_one_report(draft, olu):
    with pytest.raises(ValidationError, match="already has a findings report"):
        services.report_generate(meeting=draft.meeting, by=olu)


def test_merged_reasons_count_the_cases_merged(draft, olu):
    category = factories.category("inconsistent")
    decisions = list(Decision.objects.filter(category=category))[:2]

    bullets.bullet_save(
        report=draft,
        category=category,
        decisions=decisions,
        text="the victim's views were not sought.",
        by=olu,
        version=draft.version,
    )

    shown = inconsistent(draft).bullets
    assert [b.sentence for b in shown] == [
        "In two cases the victim's views were not sought.",
        "Reason for case 5.",
    ]
    assert [b.reworded for b in shown] == [True, False]


def test_a_theme_bullet_counts_every_case_tagged_with_it(build_meeting, olu):
    meeting = build_meeting(
        {"inconsistent": 3}, themes={1: ["no-clear-admission"], 3: ["no-clear-admission"]}
    )
    report = services.report_generate(meeting=meeting, by=olu)

    bullets.bullet_save(
        report=report,
        category=factories.category("inconsistent"),
        decisions=[],
        theme=factories.theme("no-clear-admission"),
        text="there was no clear admission.",
        by=olu,
        version=report.version,
    )

    assert [b.sentence for b in inconsistent(report).bullets] == [
        "In two cases there was no clear admission.",
        "Reason for case 2.",
    ]


def test_merged_count_stays_right_when_a_decision_changes(draft, olu):
    category = factories.category("inconsistent")
    decisions = list(Decision.objects.filter(category=category))
    bullets.bullet_save(
        report=draft,
        category=category,
        decisions=decisions,
        text="recording was wrong.",
        by=olu,
        version=draft.version,
    )

    Decision.objects.filter(pk=decisions[0].pk).update(
        category=factories.category("consistent-with-observations")
    )

    assert inconsistent(draft).bullets[0].sentence == "In both cases recording was wrong."
    assert inconsistent(draft).count == 2


def test_rewording_keeps_the_recorded_decision(draft, olu):
    category = factories.category("inconsistent")
    decision = Decision.objects.filter(category=category).first()

    bullets.bullet_save(
        report=draft,
        category=category,
        decisions=[decision],
        text="The panel found the gravity score missing.",
        lead_with_count=False,
        by=olu,
        version=draft.version,
    )

    decision.refresh_from_db()
    assert decision.reasons == "Reason for case 3."
    assert inconsistent(draft).bullets[0].sentence == "The panel found the gravity score missing."


def test_a_bullet_refuses_cases_of_another_category(draft, olu):
    other = Decision.objects.exclude(category=factories.category("inconsistent")).first()

    with pytest.raises(ValidationError, match="placed in this category"):
        bullets.bullet_save(
            report=draft,
            category=factories.category("inconsistent"),
            decisions=[other],
            text="x",
            by=olu,
            version=draft.version,
        )


def test_an_edit_from_a_stale_page_is_refused(draft, olu, nia):
    opened_at = draft.version
    services.section_save(
        report=draft, key=SectionKey.WHY, heading="Why", body="First.", by=nia, version=opened_at
    )

    with pytest.raises(StaleEdit):
        services.section_save(
            report=draft,
            key=SectionKey.WHY,
            heading="Why",
            body="Second.",
            by=olu,
            version=opened_at,
        )
    assert draft.sections.get(key=SectionKey.WHY).body == "First."


def test_kept_text_starts_the_next_draft(draft, olu, build_meeting):
    services.section_save(
        report=draft,
        key=SectionKey.HOW,
        heading="How we look",
        body="Our way.",
        by=olu,
        version=draft.version,
        keep=True,
    )
    services.section_save(
        report=draft,
        key=SectionKey.THEME_BACKGROUND,
        heading="Stalking",
        body="What stalking is.",
        by=olu,
        version=draft.version,
        keep=True,
    )
    later = build_meeting({"inconsistent": 1}, panel=draft.panel)

    report = services.report_generate(meeting=later, by=olu)

    assert StandingText.objects.get(panel=draft.panel, key="how").body == "Our way."
    assert ThemeBackground.objects.get().theme == "Stalking or Harassment"
    assert report.sections.get(key="how").body == "Our way."
    assert report.sections.get(key="theme_background").body == "What stalking is."


def test_the_last_editor_cannot_approve(draft, olu):
    services.report_submit(report=draft, by=olu)

    with pytest.raises(ValidationError, match="someone else must approve"):
        services.report_approve(report=draft, by=olu)
    draft.refresh_from_db()
    assert draft.status == ReportStatus.AWAITING_APPROVAL


def test_approval_and_publication_write_history(draft, olu, nia):
    publish(draft, author=olu, approver=nia)

    steps = list(
        ReportStatusChange.objects.filter(report=draft).values_list(
            "from_status", "to_status", "changed_by__username"
        )
    )
    assert steps == [
        ("", "draft", "olu"),
        ("draft", "awaiting_approval", "olu"),
        ("awaiting_approval", "approved", "nia"),
        ("approved", "published", "olu"),
    ]


def test_only_a_draft_can_change(draft, olu, nia):
    approve(draft, author=olu, approver=nia)

    with pytest.raises(ValidationError, match="Only a draft"):
        write(draft, "Late.", by=olu, key=SectionKey.WHY, heading="Why")


def test_publishing_freezes_html_pdf_and_their_hashes(draft, olu, nia):
    version = publish(draft, author=olu, approver=nia)

    html = default_storage.open(version.html_file.name).read()
    pdf = default_storage.open(version.pdf_file.name).read()
    assert hashlib.sha256(html).hexdigest() == version.html_sha256
    assert hashlib.sha256(pdf).hexdigest() == version.pdf_sha256
    assert pdf.startswith(b"%PDF")
    assert version.pdf_bytes == len(pdf)
    assert version.approved_by.username == "nia"
    assert [c["cases"] for c in version.figures["categories"]] == [0, 2, 3, 0]


def test_a_frozen_version_does_not_change_with_the_meeting(draft, olu, nia):
    version = publish(draft, author=olu, approver=nia)
    before = default_storage.open(version.html_file.name).read()

    Decision.objects.update(category=factories.category("consistent"))

    version.refresh_from_db()
    assert default_storage.open(version.html_file.name).read() == before
    assert [c["cases"] for c in version.figures["categories"]] == [0, 2, 3, 0]


def test_a_correction_makes_a_new_version_with_a_change_note(draft, olu, nia):
    first = publish(draft, author=olu, approver=nia)
    services.report_correct(report=draft, by=olu)
    write(draft, "Fixed.", by=olu, key=SectionKey.WHY, heading="Why")
    approve(draft, author=olu, approver=nia)

    with pytest.raises(ValidationError):
        services.report_publish(report=draft, by=olu, change_note="")
    second = services.report_publish(report=draft, by=olu, change_note="Corrected a heading.")

    draft.refresh_from_db()
    assert (first.number, second.number) == (1, 2)
    assert draft.current_version == second
    assert default_storage.exists(first.html_file.name)


def test_withdrawal_needs_a_public_reason(draft, olu, nia):
    publish(draft, author=olu, approver=nia)

    with pytest.raises(ValidationError):
        services.report_withdraw(report=draft, by=olu, reason=" ")
    services.report_withdraw(report=draft, by=olu, reason="Published in error.")

    draft.refresh_from_db()
    assert (draft.status, draft.withdrawn_reason) == ("withdrawn", "Published in error.")


def test_publishing_is_blocked_until_disclosure_findings_are_accepted(build_meeting, olu, nia):
    meeting = build_meeting({"inconsistent": 1}, reasons={1: "The victim lives at LS6 2QT."})
    report = services.report_generate(meeting=meeting, by=olu)
    approve(report, author=olu, approver=nia)

    with pytest.raises(ValidationError, match="disclosure check found 1 thing"):
        services.report_publish(report=report, by=olu)

    from reports import disclosure

    (finding,) = disclosure.check(report)
    assert finding.kind == "postcode"
    assert "LS6" not in finding.excerpt
    services.disclosure_accept(
        report=report, fingerprint=finding.fingerprint, reason="A fictional test postcode.", by=olu
    )
    assert services.report_publish(report=report, by=olu).number == 1


def test_a_report_cannot_be_sent_approved_or_published_before_its_meetings_date(
    client, build_meeting, olu, nia
):
    from django.utils import timezone

    from panels.models import Meeting

    ahead = timezone.localdate() + datetime.timedelta(days=7)
    meeting = build_meeting({"inconsistent": 2}, date=ahead)
    report = services.report_generate(meeting=meeting, by=olu)
    client.force_login(olu)

    page = client.get(f"/reports/{report.pk}/move/submit/").content.decode()
    client.post(f"/reports/{report.pk}/move/submit/")
    with pytest.raises(ValidationError, match="cannot be sent for approval before then"):
        services.report_submit(report=report, by=olu)

    when = f"{ahead:%-d %B %Y}"
    assert f"The meeting is dated {when}, so its report cannot be sent" in page
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT

    # Approved while the date was right, then the meeting moved later: still refused.
    Meeting.objects.filter(pk=meeting.pk).update(date=timezone.localdate())
    services.report_submit(report=report, by=olu)
    Meeting.objects.filter(pk=meeting.pk).update(date=ahead)
    report.meeting.refresh_from_db()
    with pytest.raises(ValidationError, match="cannot be approved before then"):
        services.report_approve(report=report, by=nia)
    Meeting.objects.filter(pk=meeting.pk).update(date=timezone.localdate())
    report.meeting.refresh_from_db()
    services.report_approve(report=report, by=nia)
    Meeting.objects.filter(pk=meeting.pk).update(date=ahead)
    report.meeting.refresh_from_db()
    with pytest.raises(ValidationError, match="cannot be published before then"):
        services.report_publish(report=report, by=olu)
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED and report.current_version is None
