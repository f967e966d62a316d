"""The evidence sent with the force's response to an action has the checks a question's
evidence has: a title without personal data, and a refused file recorded in the audit
trail against the action."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from core.models import AuditEntry, AuditEvent
from panels.liaison.services import action_response_submit
from panels.models import Action, ActionResponse
from tests.cases.pdfs import phone_pdf, text_pdf


@pytest.fixture(autouse=True)
def private_uploads(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "uploads"


@pytest.fixture
def action(meeting):
    return Action.objects.create(
        meeting=meeting,
        force=meeting.panel.force,
        description="Brief supervisors on recording admissions.",
        owner="Force OoCR lead",
        due_date=datetime.date(2026, 3, 1),
    )


def submit(action, by, **evidence):
    return action_response_submit(
        action=action,
        by=by,
        text="Supervisors were briefed in February.",
        proposed_status="completed",
        **evidence,
    )


def kept_files(tmp_path):
    folder = tmp_path / "uploads" / "documents"
    return list(folder.iterdir()) if folder.exists() else []


def test_evidence_titled_with_personal_data_is_refused_and_nothing_is_kept(action, lee, tmp_path):
    with pytest.raises(ValidationError) as refused:
        submit(action, lee, evidence_title="Letter to Mr Smith", evidence=[text_pdf()])

    assert (refused.value.message_dict, ActionResponse.objects.count(), kept_files(tmp_path)) == (
        {
            "evidence_title": [
                "Enter a title without personal data: this one looks like it holds a title "
                "followed by a name"
            ]
        },
        0,
        [],
    )


def test_refused_evidence_is_recorded_in_the_audit_trail_against_the_action(action, lee):
    with pytest.raises(ValidationError):
        submit(action, lee, evidence_title="Letter", evidence=[phone_pdf()])

    entries = AuditEntry.objects.filter(event=AuditEvent.REFUSED)
    assert [(e.object_pk, e.actor, e.summary[:80]) for e in entries] == [
        (
            str(action.pk),
            lee,
            "Evidence refused: Page 2 of the selected PDF looks like it holds a phone number.",
        )
    ]


def test_evidence_with_a_clean_title_is_kept(action, lee):
    response = submit(action, lee, evidence_title="Briefing note", evidence=[text_pdf()])

    assert [e.title for e in response.evidence.all()] == ["Briefing note"]
