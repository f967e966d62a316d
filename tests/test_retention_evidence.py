"""`manage.py purge_expired` and the force's evidence files: the PDFs sent with its
responses to actions, and with its answers to the Commissioner's questions. The files go
after the retention period; the responses, answers, summaries and decisions stay, and the
pages that list the evidence still work (docs/operations.md, "Retention")."""

import datetime
import json

import pytest
from django.db import models
from django.urls import reverse
from django.utils import timezone

from accountability.enums import ScrutinyMeetingStatus
from accountability.models import (
    EvidenceDocument,
    EvidenceSummary,
    ScrutinyMeeting,
    ScrutinyMeetingStatusChange,
)
from cases.documents import storage
from core.audit import AuditEvent
from core.models import AuditEntry
from panels.enums import ActionStatus
from panels.models import Action, ActionResponse, ResponseEvidence
from reports import retention as reports_retention
from reports.retention import purge_expired
from tests.accountability.factories import (
    QuestionAnswerFactory,
    QuestionFactory,
    ScrutinyMeetingFactory,
    TopicFactory,
)
from tests.cases import pdfs
from tests.panels.liaison_setup import force_action, response_from

NOW = timezone.now()
SIX_YEARS = datetime.timedelta(days=6 * 365)
EXPIRED = NOW - SIX_YEARS - datetime.timedelta(seconds=1)
NOT_YET = NOW - SIX_YEARS + datetime.timedelta(seconds=1)
ERASED_TEXT = "(PDF erased after the retention period)"


@pytest.fixture(autouse=True)
def private_uploads(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "uploads"


def stored_pdf() -> tuple[str, str, int]:
    return storage.store([pdfs.text_pdf()])


def file_exists(stored_name: str) -> bool:
    return (storage.root() / stored_name).exists()


def action_with_evidence(meeting, lee, *, status, changed_at, title="Briefing note"):
    action = force_action(meeting, status=status, force_response="Supervisors were briefed.")
    response = response_from(lee, action, state="approved")
    name, sha256, size = stored_pdf()
    evidence = ResponseEvidence.objects.create(
        response=response, title=title, stored_name=name, sha256=sha256, size=size, page_count=1
    )
    # `updated_at` is set on every save; the purge counts from the action's last change.
    Action.objects.filter(pk=action.pk).update(updated_at=changed_at)
    return evidence


def closed_scrutiny(scrutiny, olu, *, closed_at):
    scrutiny.status = ScrutinyMeetingStatus.CLOSED
    scrutiny.save()
    change = ScrutinyMeetingStatusChange.objects.create(
        meeting=scrutiny,
        from_status=ScrutinyMeetingStatus.DECIDED,
        to_status=ScrutinyMeetingStatus.CLOSED,
        changed_by=olu,
    )
    # History rows refuse update(); go past that to date the closing.
    models.QuerySet.update(
        ScrutinyMeetingStatusChange.objects.filter(pk=change.pk), changed_at=closed_at
    )
    return scrutiny


def answer_with_evidence(meeting, lee, olu, *, number, title="Dashboard"):
    question = QuestionFactory(
        meeting=meeting, topic=meeting.topics.first(), number=number, sent_at=timezone.now()
    )
    answer = QuestionAnswerFactory(question=question, submitted_by=lee, text="Our answer.")
    EvidenceSummary.objects.create(question=question, text="The summary.", written_by=olu)
    name, sha256, size = stored_pdf()
    return EvidenceDocument.objects.create(
        answer=answer,
        title=title,
        stored_name=name,
        sha256=sha256,
        size=size,
        page_count=1,
        uploaded_by=lee,
    )


def purge(django_capture_on_commit_callbacks, now=NOW):
    with django_capture_on_commit_callbacks(execute=True):
        return [str(outcome) for outcome in purge_expired(dry_run=False, now=now)]


# The force's responses to actions ------------------------------------------------------


@pytest.fixture
def response_evidence(meeting, lee):
    return {
        "done_long_ago": action_with_evidence(
            meeting, lee, status=ActionStatus.COMPLETED, changed_at=EXPIRED
        ),
        "dropped_long_ago": action_with_evidence(
            meeting, lee, status=ActionStatus.CLOSED, changed_at=EXPIRED
        ),
        "done_within": action_with_evidence(
            meeting, lee, status=ActionStatus.COMPLETED, changed_at=NOT_YET
        ),
        "open_long_ago": action_with_evidence(
            meeting, lee, status=ActionStatus.IN_PROGRESS, changed_at=EXPIRED
        ),
    }


def test_response_evidence_goes_six_years_after_its_action_closed(
    response_evidence, django_capture_on_commit_callbacks
):
    names = {key: e.stored_name for key, e in response_evidence.items()}

    lines = purge(django_capture_on_commit_callbacks)

    assert "Erased 2 evidence files of the force's responses (older than 6 years)." in lines
    kept = dict(ResponseEvidence.objects.values_list("pk", "stored_name"))
    assert {key: kept[e.pk] != "" for key, e in response_evidence.items()} == {
        "done_long_ago": False,
        "dropped_long_ago": False,
        "done_within": True,
        "open_long_ago": True,
    }
    assert {key: file_exists(name) for key, name in names.items()} == {
        "done_long_ago": False,
        "dropped_long_ago": False,
        "done_within": True,
        "open_long_ago": True,
    }


def test_response_evidence_purge_keeps_the_responses_and_the_actions(
    response_evidence, django_capture_on_commit_callbacks
):
    purge(django_capture_on_commit_callbacks)

    assert (
        ResponseEvidence.objects.count(),
        set(ActionResponse.objects.values_list("text", flat=True)),
        set(Action.objects.values_list("force_response", flat=True)),
        ResponseEvidence.objects.get(pk=response_evidence["done_long_ago"].pk).title,
    ) == (
        4,
        {"Supervisors were briefed in February."},
        {"Supervisors were briefed."},
        "Briefing note",
    )
    assert ActionResponse.objects.count() == 4


def test_the_retention_period_for_evidence_comes_from_the_settings(
    settings, response_evidence, django_capture_on_commit_callbacks
):
    settings.RETENTION_EVIDENCE_DAYS = 7 * 365

    lines = purge(django_capture_on_commit_callbacks)

    assert "Erased 0 evidence files of the force's responses (older than 7 years)." in lines
    assert ResponseEvidence.objects.filter(stored_name="").count() == 0


def test_the_action_page_says_the_evidence_was_erased_and_its_download_is_not_found(
    client, lee, response_evidence, django_capture_on_commit_callbacks
):
    erased = response_evidence["done_long_ago"]
    purge(django_capture_on_commit_callbacks)
    client.force_login(lee)

    page = client.get(reverse("panels:force_action", args=[erased.response.action_id]))
    download = client.get(reverse("panels:response_evidence", args=[erased.pk]))

    assert (page.status_code, download.status_code) == (200, 404)
    assert f"Briefing note {ERASED_TEXT}" in page.content.decode()


def test_evidence_within_its_period_still_downloads(
    client, lee, response_evidence, django_capture_on_commit_callbacks
):
    kept = response_evidence["done_within"]
    purge(django_capture_on_commit_callbacks)
    client.force_login(lee)

    response = client.get(reverse("panels:response_evidence", args=[kept.pk]))

    assert (response.status_code, b"".join(response.streaming_content)) == (200, pdfs.text_pdf())


# The force's answers to the Commissioner's questions -----------------------------------


@pytest.fixture
def answer_evidence(scrutiny, lee, olu, force, topic):
    later = ScrutinyMeetingFactory(force=force, topics=[topic])
    open_one = ScrutinyMeetingFactory(force=force, topics=[topic])
    ScrutinyMeeting.objects.filter(pk=open_one.pk).update(status=ScrutinyMeetingStatus.DECIDED)
    closed_scrutiny(scrutiny, olu, closed_at=EXPIRED)
    closed_scrutiny(later, olu, closed_at=NOT_YET)
    return {
        "closed_long_ago": answer_with_evidence(scrutiny, lee, olu, number=1),
        "closed_within": answer_with_evidence(later, lee, olu, number=1),
        "not_closed": answer_with_evidence(open_one, lee, olu, number=1),
    }


@pytest.fixture
def force(panel):
    return panel.force


@pytest.fixture
def topic(force):
    return TopicFactory(force=force, title="Use of out of court resolutions and Outcome 16")


@pytest.fixture
def scrutiny(force, topic):
    return ScrutinyMeetingFactory(force=force, topics=[topic])


def test_answer_evidence_goes_six_years_after_the_meeting_closed(
    answer_evidence, django_capture_on_commit_callbacks
):
    names = {key: d.stored_name for key, d in answer_evidence.items()}

    lines = purge(django_capture_on_commit_callbacks)

    assert "Erased 1 evidence file of a force's answer (older than 6 years)." in lines
    assert {key: file_exists(name) for key, name in names.items()} == {
        "closed_long_ago": False,
        "closed_within": True,
        "not_closed": True,
    }
    assert list(EvidenceDocument.objects.filter(stored_name="").values_list("pk", flat=True)) == [
        answer_evidence["closed_long_ago"].pk
    ]


def test_answer_evidence_purge_keeps_answers_summaries_and_titles(
    answer_evidence, django_capture_on_commit_callbacks
):
    erased = answer_evidence["closed_long_ago"]

    purge(django_capture_on_commit_callbacks)

    erased.refresh_from_db()
    question = erased.answer.question
    assert (erased.title, question.answer.text, question.evidence_summary.text) == (
        "Dashboard",
        "Our answer.",
        "The summary.",
    )


def test_the_question_pages_say_the_evidence_was_erased_and_its_download_is_not_found(
    client, lee, olu, answer_evidence, django_capture_on_commit_callbacks
):
    erased = answer_evidence["closed_long_ago"]
    question = erased.answer.question
    purge(django_capture_on_commit_callbacks)
    download = reverse("accountability:evidence_download", args=[erased.pk])

    client.force_login(olu)
    summary = client.get(reverse("accountability:summary", args=[question.pk]))
    detail = client.get(reverse("accountability:question_detail", args=[question.pk]))
    staff_download = client.get(download)
    client.force_login(lee)
    answer = client.get(reverse("accountability:answer", args=[question.pk]))
    liaison_download = client.get(download)

    assert (summary.status_code, answer.status_code) == (200, 200)
    assert (staff_download.status_code, liaison_download.status_code) == (404, 404)
    assert f"Dashboard {ERASED_TEXT}" in summary.content.decode()
    assert f"Dashboard {ERASED_TEXT}" in detail.content.decode()
    assert download not in detail.content.decode()
    assert f"Dashboard {ERASED_TEXT}" in answer.content.decode()


# Both kinds: the dry run, the audit trail, a second run --------------------------------


def test_the_dry_run_counts_the_evidence_and_erases_nothing(
    response_evidence, answer_evidence, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        lines = [str(o) for o in purge_expired(dry_run=True, now=NOW)]

    assert [line for line in lines if "evidence" in line] == [
        "Would erase 2 evidence files of the force's responses (older than 6 years).",
        "Would erase 1 evidence file of a force's answer (older than 6 years).",
    ]
    assert ResponseEvidence.objects.filter(stored_name="").count() == 0
    assert EvidenceDocument.objects.filter(stored_name="").count() == 0


def test_each_kind_of_evidence_erased_is_one_audit_entry_without_its_content(
    response_evidence, answer_evidence, django_capture_on_commit_callbacks
):
    purge(django_capture_on_commit_callbacks)

    entries = AuditEntry.objects.filter(event=AuditEvent.ERASED).order_by("pk")
    assert [
        (e.content_type.model, e.summary, e.actor_id, e.additional_data["ids"]) for e in entries
    ] == [
        (
            "responseevidence",
            "Erased after retention period (evidence files of the force's responses, 6 years)",
            None,
            sorted(
                [response_evidence["done_long_ago"].pk, response_evidence["dropped_long_ago"].pk]
            ),
        ),
        (
            "evidencedocument",
            "Erased after retention period (evidence files of the force's answers, 6 years)",
            None,
            [answer_evidence["closed_long_ago"].pk],
        ),
    ]
    written = json.dumps([[e.object_repr, e.summary, e.additional_data] for e in entries])
    for content in ("Briefing note", "Dashboard", response_evidence["done_long_ago"].stored_name):
        assert content not in written


def test_a_second_purge_erases_no_more_evidence(
    response_evidence, answer_evidence, django_capture_on_commit_callbacks
):
    purge(django_capture_on_commit_callbacks)

    lines = purge(django_capture_on_commit_callbacks)

    assert [line for line in lines if "evidence" in line] == [
        "Erased 0 evidence files of the force's responses (older than 6 years).",
        "Erased 0 evidence files of the force's answers (older than 6 years).",
    ]
    assert AuditEntry.objects.filter(event=AuditEvent.ERASED).count() == 2


def test_a_kind_rolled_back_keeps_its_evidence_files(
    response_evidence, answer_evidence, monkeypatch, django_capture_on_commit_callbacks
):
    """Each kind is its own transaction: its files go only once its erasure and audit entry
    are committed together. Here the answers' entry fails; the responses' kind stands."""
    record_erasure = reports_retention._record_erasure

    def failing_for_answers(**kwargs):
        if kwargs["key"] == "answer_evidence":
            raise RuntimeError("the audit trail could not be written")
        record_erasure(**kwargs)

    monkeypatch.setattr(reports_retention, "_record_erasure", failing_for_answers)
    with pytest.raises(RuntimeError), django_capture_on_commit_callbacks(execute=True):
        purge_expired(dry_run=False, now=NOW)

    response, answer = response_evidence["done_long_ago"], answer_evidence["closed_long_ago"]
    assert (file_exists(response.stored_name), file_exists(answer.stored_name)) == (False, True)
    assert EvidenceDocument.objects.get(pk=answer.pk).stored_name == answer.stored_name
    assert list(
        AuditEntry.objects.filter(event=AuditEvent.ERASED).values_list("summary", flat=True)
    ) == ["Erased after retention period (evidence files of the force's responses, 6 years)"]
