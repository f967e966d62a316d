"""Notes of a scrutiny meeting go through the findings reports' own workflow: drafted,
checked for disclosure, approved by a second person, frozen and published, corrected and
withdrawn."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from accountability.enums import AssuranceLevel, ScrutinyMeetingStatus
from accountability.models import Question
from panels.models import ActionResponse
from reports import disclosure, services
from reports.accountability.services import notes_generate
from reports.enums import ReportKind, ReportStatus
from reports.models import FindingsReport
from reports.presenters import present
from reports.publishing import body_html

from .conftest import approve
from .scrutiny import scrutiny_meeting, with_outcomes


@pytest.fixture
def meeting(olu):
    return with_outcomes(scrutiny_meeting(by=olu), by=olu, response="A plan is agreed.")


@pytest.fixture
def notes(meeting, olu):
    return notes_generate(meeting=meeting, by=olu)


def test_notes_are_drafted_as_a_report_of_their_own_kind(notes, meeting):
    assert (notes.kind, notes.status, notes.panel, notes.scrutiny_meeting) == (
        ReportKind.NOTES,
        ReportStatus.DRAFT,
        None,
        meeting,
    )
    assert notes.title == (
        "Notes of the scrutiny meeting of 24 September 2025 (Tackling offending and "
        "reoffending: Use of out of court resolutions and Outcome 16)"
    )


@pytest.mark.parametrize(
    "status", [ScrutinyMeetingStatus.EVIDENCE_RECEIVED, ScrutinyMeetingStatus.DECIDED]
)
def test_notes_are_refused_until_the_meeting_is_closed(olu, status):
    # A decided meeting may still be reopened and its decisions changed: notes drawn from
    # it could then differ from what the second person approved.
    meeting = scrutiny_meeting(by=olu, status=status)
    with pytest.raises(ValidationError) as refused:
        notes_generate(meeting=meeting, by=olu)
    assert refused.value.messages == [
        "Record the Commissioner's decision on each topic and close the meeting before "
        "writing the notes."
    ]
    assert FindingsReport.objects.count() == 0


def test_a_meeting_has_one_set_of_notes(notes, meeting, olu):
    with pytest.raises(ValidationError) as refused:
        notes_generate(meeting=meeting, by=olu)
    assert refused.value.messages == ["This scrutiny meeting already has notes."]


def test_notes_read_question_evidence_and_decision_then_other_areas_and_actions(notes):
    html = body_html(notes)
    order = [
        "Question 1 to the force?",
        "The force gave its figures for the year. (1)",
        "Improvement plans are in place but have yet to show an impact.",
        "Question 2 to the force?",
        "Other areas discussed",
        "Fixed-term recall",
        "Actions",
        "Develop a communications plan for the Community Remedy.",
        "A plan is agreed.",
    ]
    positions = [html.index(words) for words in order]
    assert positions == sorted(positions)
    # The force's latest approved response, not one still waiting for review.
    assert "A plan is agreed. (24 October 2025)" in html
    assert "Not yet reviewed." not in html


def test_the_decision_names_the_decision_before_it(olu):
    earlier = scrutiny_meeting(by=olu, date=datetime.date(2024, 9, 18))
    before = earlier.decisions.get()
    meeting = scrutiny_meeting(
        by=olu, topic=before.topic, level=AssuranceLevel.ASSURED, previous=before
    )
    presented = present(notes_generate(meeting=meeting, by=olu))
    topic = presented.topics[0]
    assert (topic.level_label, [(d.date.isoformat(), d.label) for d in topic.earlier]) == (
        "Assured",
        [("2024-09-18", "Partly assured")],
    )


def test_the_drafter_cannot_approve_the_notes(notes, olu):
    services.report_submit(report=notes, by=olu)
    with pytest.raises(ValidationError) as refused:
        services.report_approve(report=notes, by=olu)
    assert refused.value.messages == [
        "You made the last change to this report, so someone else must approve it."
    ]


def test_the_approver_is_emailed_about_the_notes_not_a_findings_report(notes, olu, nia, sent):
    sent(services.report_submit, report=notes, by=olu)

    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([nia.email], "Scrutiny meeting notes are waiting for your approval")
    ]
    assert f'for the scrutiny meeting notes "{notes.title}" to be approved' in mail.outbox[0].body


def test_published_notes_are_frozen_with_their_decisions(notes, olu, nia):
    approve(notes, author=olu, approver=nia)
    version = services.report_publish(report=notes, by=nia)
    assert (version.framework_name, version.meeting_date.isoformat(), version.year) == (
        "The Police and Crime Commissioner's scrutiny of the force",
        "2025-09-24",
        2025,
    )
    topic = version.figures["topics"][0]
    assert (topic["topic"], topic["level"], topic["questions"]) == (
        "Use of out of court resolutions and Outcome 16",
        "partly_assured",
        2,
    )
    assert version.figures["actions"][0]["force_response"] == "A plan is agreed."
    assert version.file_path("report.pdf").startswith("reports/accountability/2025-09-24-demo/v1/")


def test_a_disclosure_finding_in_a_summary_blocks_publication(olu, nia):
    meeting = scrutiny_meeting(by=olu, summary="Contact the officer at pc.smith@example.com")
    notes = notes_generate(meeting=meeting, by=olu)
    approve(notes, author=olu, approver=nia)
    with pytest.raises(ValidationError) as refused:
        services.report_publish(report=notes, by=nia)
    assert refused.value.messages == [
        "The disclosure check found 2 things to fix or accept before publishing."
    ]
    first = meeting.questions.get(number=1)
    assert [(f.location, f.fix_url) for f in disclosure.check(notes)][0] == (
        "Question 1, summary of evidence",
        f"/accountability/questions/{first.pk}/summary/#id_text",
    )


def test_a_finding_in_the_forces_response_links_to_withdrawing_its_approval(olu):
    meeting = scrutiny_meeting(by=olu)
    with_outcomes(meeting, by=olu, response="Ring the sergeant on 07700 900123.")
    notes = notes_generate(meeting=meeting, by=olu)

    found = [f for f in disclosure.check(notes) if f.location.endswith("the force's response")]

    reply = ActionResponse.objects.get(text="Ring the sergeant on 07700 900123.")
    assert [f.fix_url for f in found] == [
        reverse("panels:response_withdraw", args=[reply.pk]) + "#id_reason"
    ]


def test_published_notes_can_be_corrected_and_withdrawn(notes, olu, nia):
    approve(notes, author=olu, approver=nia)
    services.report_publish(report=notes, by=nia)
    services.report_correct(report=notes, by=olu)
    approve(notes, author=olu, approver=nia)
    second = services.report_publish(report=notes, by=nia, change_note="A date corrected.")
    services.report_withdraw(report=notes, by=nia, reason="Published in error.")
    notes.refresh_from_db()
    assert (second.number, notes.status, notes.withdrawn_reason) == (
        2,
        ReportStatus.WITHDRAWN,
        "Published in error.",
    )


def test_a_question_never_sent_to_the_force_is_left_out_of_the_notes(meeting, olu):
    Question.objects.create(
        meeting=meeting, topic=meeting.topics.get(), number=3, text="A draft never sent?"
    )

    html = body_html(notes_generate(meeting=meeting, by=olu))
    page = html.decode() if isinstance(html, bytes) else html

    assert ("A draft never sent?" in page, "2 questions were put to the force" in page) == (
        False,
        True,
    )
