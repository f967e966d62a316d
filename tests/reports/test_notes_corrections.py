"""A closed meeting's record is reopened to fix what the notes' disclosure check found, or
to correct notes already published, and the notes published again show the correction.
Notes waiting for approval hold the record closed: what is approved is what is published."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import resolve, reverse

from accountability import services as accountability
from accountability.enums import AssuranceLevel
from accountability.enums import ScrutinyMeetingStatus as Status
from accountability.models import EvidenceSummary, FollowUp, ScrutinyMeeting
from core.models import AuditEntry
from core.workflow import TransitionNotAllowed
from reports import disclosure, services
from reports.accountability.services import notes_generate
from reports.enums import ReportStatus

from .conftest import approve
from .scrutiny import scrutiny_meeting, with_outcomes

pytestmark = pytest.mark.django_db
EMAIL = "pc.smith@example.com"
REASON = "To take an officer's email address out of the summaries."
NEW_RATIONALE = "The force's plan now shows a clear fall in reoffending."


@pytest.fixture
def meeting(olu):
    return with_outcomes(scrutiny_meeting(by=olu), by=olu, response="A plan is agreed.")


@pytest.fixture
def notes(meeting, olu):
    return notes_generate(meeting=meeting, by=olu)


def frozen_html(version) -> str:
    with version.html_file.open("rb") as stored:
        return stored.read().decode()


def reopen(meeting, by):
    accountability.scrutiny_meeting_reopen(meeting=meeting, by=by, reason=REASON)


def close(meeting, by):
    accountability.scrutiny_meeting_move(meeting=meeting, by=by, to=Status.CLOSED)


def test_a_disclosure_finding_is_fixed_through_its_link_and_the_notes_published(client, olu, nia):
    meeting = scrutiny_meeting(by=olu, summary=f"Contact the officer at {EMAIL}")
    notes = notes_generate(meeting=meeting, by=olu)
    client.force_login(olu)
    findings = disclosure.check(notes)
    detail = client.get(reverse("reports:report_detail", args=[notes.pk])).content.decode()
    assert findings[0].fix_url.split("#")[0] in detail

    client.post(reverse("accountability:meeting_reopen", args=[meeting.pk]), {"reason": REASON})
    for finding in findings:
        form = client.get(finding.fix_url.split("#")[0])
        assert EMAIL in form.content.decode()
        question_pk = resolve(finding.fix_url.split("#")[0]).kwargs["pk"]
        summary = EvidenceSummary.objects.get(question=question_pk)
        fixed = client.post(
            finding.fix_url.split("#")[0],
            {"text": "The force gave its figures for the year.", "version": summary.version},
        )
        assert fixed.status_code == 302
    client.post(reverse("accountability:meeting_move", args=[meeting.pk]), {"to": Status.CLOSED})
    approve(notes, author=olu, approver=nia)
    version = services.report_publish(report=notes, by=nia)

    assert (disclosure.check(notes), ScrutinyMeeting.objects.get().status) == ([], Status.CLOSED)
    assert EMAIL not in frozen_html(version)
    assert "The force gave its figures for the year." in frozen_html(version)


def test_a_correction_after_publication_shows_the_changed_decision(notes, meeting, olu, nia):
    approve(notes, author=olu, approver=nia)
    first = services.report_publish(report=notes, by=nia)
    services.report_correct(report=notes, by=olu)
    reopen(meeting, olu)
    decision = meeting.decisions.get()
    accountability.topic_decision_save(
        meeting=meeting,
        topic=decision.topic,
        by=olu,
        level=AssuranceLevel.ASSURED,
        rationale=NEW_RATIONALE,
        version=decision.version,
    )
    close(meeting, olu)
    approve(notes, author=olu, approver=nia)
    second = services.report_publish(report=notes, by=nia, change_note="The decision corrected.")

    assert (first.figures["topics"][0]["level"], second.figures["topics"][0]["level"]) == (
        AssuranceLevel.PARTLY_ASSURED,
        AssuranceLevel.ASSURED,
    )
    assert NEW_RATIONALE in frozen_html(second)
    assert NEW_RATIONALE not in frozen_html(first)
    assert second.change_note == "The decision corrected."


@pytest.mark.parametrize("approved", [False, True])
def test_the_record_is_not_reopened_under_notes_waiting_for_approval(
    notes, meeting, olu, nia, approved
):
    services.report_submit(report=notes, by=olu)
    if approved:
        services.report_approve(report=notes, by=nia)

    with pytest.raises(TransitionNotAllowed) as refused:
        reopen(meeting, olu)

    assert refused.value.messages == [
        "The meeting's notes are waiting for approval or to be published: return them to "
        "draft before reopening the record, so that what is approved is what is published."
    ]
    assert ScrutinyMeeting.objects.get().status == Status.CLOSED


def test_notes_returned_to_draft_let_the_record_reopen(notes, meeting, olu, nia):
    services.report_submit(report=notes, by=olu)
    services.report_return(report=notes, by=nia, note="A name in a summary.")

    reopen(meeting, olu)

    assert ScrutinyMeeting.objects.get().status == Status.DECIDED


@pytest.mark.parametrize("doing", ["submit", "approve", "publish"])
def test_notes_do_not_move_on_while_the_record_is_reopened(notes, meeting, olu, nia, doing):
    if doing == "approve":
        services.report_submit(report=notes, by=olu)
    if doing == "publish":
        approve(notes, author=olu, approver=nia)
    ScrutinyMeeting.objects.filter(pk=meeting.pk).update(status=Status.DECIDED)
    status = type(notes).objects.get(pk=notes.pk).status
    words = {"submit": "sent for approval", "approve": "approved", "publish": "published"}

    with pytest.raises(ValidationError) as refused:
        if doing == "submit":
            services.report_submit(report=notes, by=olu)
        elif doing == "approve":
            services.report_approve(report=notes, by=nia)
        else:
            services.report_publish(report=notes, by=nia)

    assert refused.value.messages == [
        f"The meeting's record is reopened, so its notes cannot be {words[doing]}. Close the "
        "meeting again once the record is correct."
    ]
    assert type(notes).objects.get(pk=notes.pk).status == status


def test_notes_are_not_written_with_a_question_unsummarised(olu):
    meeting = scrutiny_meeting(by=olu, questions=3)
    EvidenceSummary.objects.filter(question__number=2).delete()

    with pytest.raises(ValidationError) as refused:
        notes_generate(meeting=meeting, by=olu)

    assert refused.value.messages == [
        "Write the summary of evidence on every question sent to the force before the notes "
        "are written: question 2 has none."
    ]


def test_notes_are_not_sent_for_approval_with_a_question_unsummarised(notes, meeting, olu):
    EvidenceSummary.objects.filter(question__number=1).delete()

    with pytest.raises(ValidationError) as refused:
        services.report_submit(report=notes, by=olu)

    assert refused.value.messages == [
        "Write the summary of evidence on every question sent to the force before the notes "
        "are sent for approval: question 1 has none."
    ]
    assert type(notes).objects.get(pk=notes.pk).status == ReportStatus.DRAFT


def test_a_follow_up_is_checked_for_disclosure_with_a_link_to_change_it(notes, meeting):
    follow_up = FollowUp.objects.get()
    FollowUp.objects.filter(pk=follow_up.pk).update(text=f"An update to {EMAIL}")

    found = [(f.location, f.fix_url) for f in disclosure.check(notes)]

    assert found == [
        (
            "Follow-up on “Use of out of court resolutions and Outcome 16”",
            f"/accountability/follow-ups/{follow_up.pk}/edit/#id_text",
        )
    ]


def test_the_notes_title_follows_a_corrected_theme(notes, meeting, olu):
    reopen(meeting, olu)
    ScrutinyMeeting.objects.filter(pk=meeting.pk).update(theme="Reducing reoffending")
    close(meeting, olu)

    services.report_submit(report=notes, by=olu)

    notes.refresh_from_db()
    assert notes.title == (
        "Notes of the scrutiny meeting of 24 September 2025 (Reducing reoffending: "
        "Use of out of court resolutions and Outcome 16)"
    )
    entry = AuditEntry.objects.get(summary="Notes' title drawn again from the meeting")
    assert (entry.actor, entry.object_pk, entry.additional_data["title"][1]) == (
        olu,
        str(notes.pk),
        notes.title,
    )


def test_the_notes_page_says_a_reopened_record_still_changes(client, notes, meeting, olu):
    client.force_login(olu)
    closed = client.get(reverse("reports:report_detail", args=[notes.pk])).content.decode()
    reopen(meeting, olu)
    reopened = client.get(reverse("reports:report_detail", args=[notes.pk])).content.decode()

    assert "which is closed, so they no longer change" in closed
    assert "has had its record reopened to correct it" in reopened
