"""`manage.py purge_expired`: what goes after its retention period, what stays, and what
the audit trail says about it (docs/operations.md, "Retention")."""

import datetime
import io
import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import DatabaseError, connection, models, transaction
from django.db.models.deletion import ProtectedError
from django.utils import timezone

from cases import retention as cases_retention
from cases.enums import BatchStatus, CaseStatus
from cases.imports import storage
from cases.models import Case, CaseStatusChange, ExtractBatch, HeldChange
from core.audit import AuditEvent, record
from core.models import AuditEntry
from panels.enums import MeetingStatus
from panels.models import (
    CaseComment,
    ConflictDeclaration,
    CriterionAssessment,
    Decision,
    MeetingStatusChange,
    Rating,
    RatingVersion,
    ReviewedCase,
)
from reports.enums import ReportStatus
from reports.models import FindingsReport, PublishedVersion
from reports.retention import purge_expired
from tests import factories

NOW = timezone.now()
LONG_AGO = NOW - datetime.timedelta(days=8 * 365)
RECENTLY = NOW - datetime.timedelta(days=10)
NARRATIVE = "Fictional facts nobody may keep: the victim lives at 1 Test Street."

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the audit trigger exists on PostgreSQL only"
)


@pytest.fixture(autouse=True)
def private_uploads(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "uploads"
    return settings.PRIVATE_UPLOAD_ROOT


def backdate(queryset, **fields):
    """Set dates the models fill in themselves; history rows refuse update(), so go past it."""
    models.QuerySet.update(queryset, **fields)


def old_case(force, reference, **fields):
    case = factories.CaseFactory(
        force=force,
        reference=reference,
        offence_date=LONG_AGO.date() - datetime.timedelta(days=30),
        outcome_date=LONG_AGO.date(),
        facts_at_decision=NARRATIVE,
        **fields,
    )
    backdate(Case.objects.filter(pk=case.pk), created_at=LONG_AGO)
    return case


def finished_batch(force, user, *, finished_at):
    name, _sha, _size = storage.store([b"reference,offence\nX-1,Theft\n"])
    return factories.BatchFactory(
        force=force,
        uploaded_by=user,
        status=BatchStatus.COMMITTED,
        finished_at=finished_at,
        stored_name=name,
    )


def closed_meeting(panel, by, *, closed_at, date):
    meeting = factories.MeetingFactory(panel=panel, date=date)
    meeting.status = MeetingStatus.CLOSED
    meeting.save()
    change = MeetingStatusChange.objects.create(
        meeting=meeting,
        from_status=MeetingStatus.IN_DISCUSSION,
        to_status=MeetingStatus.CLOSED,
        changed_by=by,
    )
    backdate(MeetingStatusChange.objects.filter(pk=change.pk), changed_at=closed_at)
    return meeting


def rated_case(meeting, member_user, position):
    reviewed = factories.ReviewedCaseFactory(meeting=meeting, position=position)
    Case.objects.filter(pk=reviewed.case_id).update(status=CaseStatus.REVIEWED)
    membership = meeting.panel.memberships.get(user=member_user)
    rating = factories.RatingFactory(
        reviewed_case=reviewed, membership=membership, reasons="A member's own words."
    )
    RatingVersion.objects.create(
        rating=rating,
        number=1,
        saved_by=member_user,
        status="submitted",
        category=rating.category,
        reasons=rating.reasons,
    )
    criterion = meeting.panel.framework.criteria.first()
    CriterionAssessment.objects.create(rating=rating, criterion=criterion, value="met", note="N")
    ConflictDeclaration.objects.create(
        reviewed_case=reviewed, membership=membership, has_conflict=False, declared_by=member_user
    )
    CaseComment.objects.create(reviewed_case=reviewed, membership=membership, text="A comment.")
    factories.DecisionFactory(reviewed_case=reviewed, reasons="The panel's reasons.")
    return reviewed


def old_audit_entry(text="An old entry"):
    return AuditEntry.objects.create(
        event=AuditEvent.VIEWED,
        action=AuditEntry.Action.ACCESS,
        content_type=ContentType.objects.get_for_model(Case),
        object_repr=text,
        timestamp=LONG_AGO,
    )


def purge(*args) -> list[str]:
    out = io.StringIO()
    call_command("purge_expired", *args, stdout=out)
    return out.getvalue().splitlines()


@pytest.fixture
def expired_everything(panel, olu, mina, alice):
    """One of each kind past retention, and one of each kind still within it."""
    force = panel.force
    old_meeting = closed_meeting(panel, olu, closed_at=LONG_AGO, date=LONG_AGO.date())
    new_meeting = closed_meeting(panel, olu, closed_at=RECENTLY, date=RECENTLY.date())
    return {
        "old_case": old_case(force, "OLD-1"),
        "new_case": factories.CaseFactory(force=force, reference="NEW-1"),
        "old_batch": finished_batch(force, alice, finished_at=LONG_AGO),
        "new_batch": finished_batch(force, alice, finished_at=RECENTLY),
        "old_reviewed": rated_case(old_meeting, mina, 1),
        "new_reviewed": rated_case(new_meeting, mina, 1),
        "old_audit": old_audit_entry(),
    }


def row_counts() -> dict[str, int]:
    return {
        m._meta.label: m._base_manager.count()
        for m in (Case, ExtractBatch, Rating, RatingVersion, ConflictDeclaration, AuditEntry)
    }


def test_purge_dry_run_reports_counts_and_changes_nothing(expired_everything):
    before = row_counts()
    files = sorted(p.name for p in storage.root().iterdir())

    lines = purge("--dry-run")

    assert lines == [
        "Would erase 1 uploaded extract file (older than 30 days).",
        "Would erase 1 case never sampled (older than 3 years).",
        "Would erase 1 rating (older than 6 years).",
        "Would erase 0 evidence files of the force's responses (older than 6 years).",
        "Would erase 0 evidence files of the force's answers (older than 6 years).",
        "Would erase 1 audit entry (older than 7 years).",
        "Kept indefinitely: published reports and notes (a public record, with the decisions "
        "behind them and the force's responses and answers they quote).",
        "Dry run: nothing was changed.",
    ]
    assert row_counts() == before
    assert sorted(p.name for p in storage.root().iterdir()) == files
    assert AuditEntry.objects.filter(event=AuditEvent.ERASED).count() == 0


def test_purge_erases_what_expired_and_keeps_the_rest(
    expired_everything, django_capture_on_commit_callbacks
):
    data = expired_everything

    with django_capture_on_commit_callbacks(execute=True):
        lines = purge()

    assert lines[:6] == [
        "Erased 1 uploaded extract file (older than 30 days).",
        "Erased 1 case never sampled (older than 3 years).",
        "Erased 1 rating (older than 6 years).",
        "Erased 0 evidence files of the force's responses (older than 6 years).",
        "Erased 0 evidence files of the force's answers (older than 6 years).",
        "Erased 1 audit entry (older than 7 years).",
    ]
    assert list(Case.objects.order_by("reference").values_list("reference", flat=True)) == sorted(
        [
            data["new_case"].reference,
            data["old_reviewed"].case.reference,
            data["new_reviewed"].case.reference,
        ]
    )
    old_batch, new_batch = data["old_batch"], data["new_batch"]
    old_name = old_batch.stored_name
    old_batch.refresh_from_db()
    new_batch.refresh_from_db()
    assert (old_batch.stored_name, storage.path_for(old_name).exists()) == ("", False)
    assert storage.path_for(new_batch.stored_name).exists()
    assert list(Rating.objects.values_list("reviewed_case", flat=True)) == [data["new_reviewed"].pk]
    assert list(RatingVersion.objects.values_list("rating__reviewed_case", flat=True)) == [
        data["new_reviewed"].pk
    ]
    assert CriterionAssessment.objects.count() == 1
    assert list(CaseComment.objects.values_list("reviewed_case", flat=True)) == [
        data["new_reviewed"].pk
    ]
    assert list(ConflictDeclaration.objects.values_list("reviewed_case", flat=True)) == [
        data["new_reviewed"].pk
    ]
    # The decisions behind reports stay, with the reviewed cases and cases they are about.
    assert Decision.objects.count() == 2
    assert ReviewedCase.objects.count() == 2
    assert not AuditEntry.objects.filter(pk=data["old_audit"].pk).exists()


def test_purge_a_second_time_erases_nothing(expired_everything):
    purge()

    assert purge()[:6] == [
        "Erased 0 uploaded extract files (older than 30 days).",
        "Erased 0 cases never sampled (older than 3 years).",
        "Erased 0 ratings (older than 6 years).",
        "Erased 0 evidence files of the force's responses (older than 6 years).",
        "Erased 0 evidence files of the force's answers (older than 6 years).",
        "Erased 0 audit entries (older than 7 years).",
    ]


def test_purge_keeps_cases_that_were_ever_on_an_agenda_or_arrived_recently(panel, olu):
    force = panel.force
    erased = old_case(force, "OLD-POOL")
    # Drawn once, then released when the sample was drawn again: back in the pool.
    released = old_case(force, "OLD-RELEASED")
    CaseStatusChange.objects.create(case=released, to_status=CaseStatus.ON_AGENDA, changed_by=olu)
    CaseStatusChange.objects.create(
        case=released,
        from_status=CaseStatus.ON_AGENDA,
        to_status=CaseStatus.IN_POOL,
        changed_by=olu,
    )
    late = factories.CaseFactory(
        force=force,
        reference="OLD-OUTCOME-NEW-IMPORT",
        outcome_date=LONG_AGO.date(),
        offence_date=None,
    )
    # Withdrawn from the pool without ever being drawn: never sampled, so it goes too.
    withdrawn = old_case(force, "OLD-WITHDRAWN", status=CaseStatus.WITHDRAWN)

    purge()

    assert not Case.objects.filter(pk__in=[erased.pk, withdrawn.pk]).exists()
    assert sorted(Case.objects.values_list("reference", flat=True)) == sorted(
        [released.reference, late.reference]
    )


def test_purge_erases_a_case_with_its_status_history_and_held_changes(panel, olu, alice):
    """Status history and held changes CASCADE with the case; history rows refuse a
    queryset delete, and the deletion goes past that without removing any other row."""
    force = panel.force
    case = old_case(force, "OLD-HISTORY")
    CaseStatusChange.objects.create(case=case, to_status=CaseStatus.WITHDRAWN, changed_by=olu)
    CaseStatusChange.objects.create(
        case=case, from_status=CaseStatus.WITHDRAWN, to_status=CaseStatus.IN_POOL, changed_by=olu
    )
    batch = factories.BatchFactory(force=force, uploaded_by=alice)
    HeldChange.objects.create(batch=batch, case=case, row_number=2, fields=["Offence"])
    kept = factories.CaseFactory(force=force, reference="KEPT")
    CaseStatusChange.objects.create(case=kept, to_status=CaseStatus.WITHDRAWN, changed_by=olu)

    purge()

    assert list(Case.objects.values_list("reference", flat=True)) == ["KEPT"]
    assert list(CaseStatusChange.objects.values_list("case__reference", flat=True)) == ["KEPT"]
    assert HeldChange.objects.count() == 0
    assert ExtractBatch.objects.filter(pk=batch.pk).exists()


def test_purge_of_cases_is_all_or_nothing_when_a_case_is_protected(panel, meeting, monkeypatch):
    """Should a protected case ever be picked (an agenda row appearing mid-run), the
    deletion fails on PROTECT and the whole kind rolls back: no case goes, no entry."""
    force = panel.force
    free = old_case(force, "OLD-FREE")
    protected = old_case(force, "OLD-ON-AGENDA")
    ReviewedCase.objects.create(meeting=meeting, case=protected, position=1)
    monkeypatch.setattr(
        cases_retention,
        "expired_unsampled_cases",
        lambda now: Case.objects.filter(pk__in=[free.pk, protected.pk]).order_by("-pk"),
    )

    with pytest.raises(ProtectedError):
        purge()

    assert Case.objects.filter(pk__in=[free.pk, protected.pk]).count() == 2
    assert AuditEntry.objects.filter(event=AuditEvent.ERASED).count() == 0


def test_erasure_entries_hold_counts_and_ids_never_the_erased_content(expired_everything):
    data = expired_everything
    case = data["old_case"]

    purge()

    entries = AuditEntry.objects.filter(event=AuditEvent.ERASED).order_by("pk")
    assert [(e.content_type.model, e.summary, e.actor_id) for e in entries] == [
        ("extractbatch", "Erased after retention period (uploaded extract files, 30 days)", None),
        ("case", "Erased after retention period (cases never sampled, 3 years)", None),
        ("rating", "Erased after retention period (ratings, 6 years)", None),
        ("auditentry", "Erased after retention period (audit entries, 7 years)", None),
    ]
    case_entry = entries[1]
    assert (case_entry.object_repr, case_entry.additional_data["ids"]) == (
        "1 cases never sampled",
        [case.pk],
    )
    everything_written = json.dumps(
        [
            [e.object_repr, e.summary, e.additional_data, e.changes]
            for e in AuditEntry.objects.filter(event=AuditEvent.ERASED)
        ],
        default=str,
    )
    for content in (case.reference, case.offence, NARRATIVE, "A member's own words."):
        assert content not in everything_written
    # django-auditlog's per-row delete entries (which copy fields) were not written.
    assert (
        list(
            AuditEntry.objects.filter(action=AuditEntry.Action.DELETE).values_list(
                "event", flat=True
            )
        )
        == [AuditEvent.ERASED] * 4
    )


def test_published_reports_and_their_meetings_are_kept(panel, olu, mina):
    meeting = closed_meeting(panel, olu, closed_at=LONG_AGO, date=LONG_AGO.date())
    reviewed = rated_case(meeting, mina, 1)
    report = FindingsReport.objects.create(
        panel=panel,
        meeting=meeting,
        slug="old-report",
        title="Old findings",
        status=ReportStatus.PUBLISHED,
        created_by=olu,
        last_edited_by=olu,
    )
    PublishedVersion.objects.create(
        report=report,
        number=1,
        published_by=olu,
        approved_by=mina,
        title="Old findings",
        framework_name="OoCR",
        year=LONG_AGO.year,
        html_file="r/old.html",
        html_sha256="0" * 64,
        pdf_file="r/old.pdf",
        pdf_sha256="0" * 64,
        pdf_bytes=1,
        pdf_pages=1,
        figures={},
    )

    purge()

    assert FindingsReport.objects.filter(pk=report.pk, status=ReportStatus.PUBLISHED).exists()
    assert PublishedVersion.objects.filter(report=report).count() == 1
    assert Decision.objects.filter(reviewed_case=reviewed).exists()
    assert Case.objects.filter(pk=reviewed.case_id).exists()
    assert Rating.objects.count() == 0


def test_retention_periods_come_from_the_settings(settings, panel):
    settings.RETENTION_UNSAMPLED_CASE_DAYS = 10 * 365
    old_case(panel.force, "EIGHT-YEARS-OLD")

    assert purge("--dry-run")[1] == "Would erase 0 cases never sampled (older than 10 years)."


def test_audit_purge_deletes_old_entries_keeps_recent_ones_and_records_itself(olu):
    old = old_audit_entry()
    recent = record(AuditEvent.VIEWED, olu, summary="Recent")

    purge_expired(dry_run=False)

    assert not AuditEntry.objects.filter(pk=old.pk).exists()
    assert AuditEntry.objects.filter(pk=recent.pk).exists()
    purge_entry = AuditEntry.objects.get(event=AuditEvent.ERASED)
    assert (purge_entry.object_repr, purge_entry.additional_data["count"]) == (
        "1 audit entries",
        1,
    )


@postgres_only
def test_the_trigger_still_refuses_delete_and_update_after_a_purge(olu):
    old_audit_entry()
    kept = record(AuditEvent.VIEWED, olu, summary="Recent")

    purge_expired(dry_run=False)

    for sql in (
        "DELETE FROM core_auditentry WHERE id = %s",
        "UPDATE core_auditentry SET summary = 'changed' WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            connection.cursor().execute(sql, [kept.pk])
    assert AuditEntry.objects.get(pk=kept.pk).summary == "Recent"


@postgres_only
def test_the_trigger_refuses_a_delete_without_the_purge_setting(db):
    entry = old_audit_entry()

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        connection.cursor().execute("DELETE FROM core_auditentry WHERE id = %s", [entry.pk])

    assert AuditEntry.objects.filter(pk=entry.pk).exists()
