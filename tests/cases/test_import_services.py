"""The import services: preview then commit, all or nothing, idempotent re-import,
reviewed cases kept, privacy findings resolved, and uploaded files handled safely."""

import datetime
import hashlib
import io
import logging
import os
import pathlib
import stat

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from cases import services
from cases.enums import BatchStatus, CaseStatus, FindingStatus
from cases.imports import writers
from cases.models import Case, ExtractBatch
from cases.reference_data import seed as seed_reference_data
from core.roles import StaffRole
from tests import factories
from tests.cases.conftest import csv_bytes, messages_of, row, upload

PERSONAL = {"Facts at decision": "Mr Smith phoned from 07700 900123 about the damage."}


def confirm(batch, user):
    return services.batch_confirm(batch=batch, user=user)


def stored_files(settings) -> list:
    root = settings.PRIVATE_UPLOAD_ROOT
    return sorted(root.iterdir()) if root.exists() else []


def test_confirm_imports_every_row_as_new_cases_in_the_pool(alice, force):
    batch = upload(alice, force, csv_bytes([row("CR-1"), row("CR-2")]))

    batch = confirm(batch, alice)

    assert (batch.status, batch.created_count, batch.finished_by) == (
        BatchStatus.COMMITTED,
        2,
        alice,
    )
    assert list(Case.objects.values_list("reference", "status", "batch")) == [
        ("CR-1", CaseStatus.IN_POOL, batch.pk),
        ("CR-2", CaseStatus.IN_POOL, batch.pk),
    ]


def test_batch_records_who_when_file_name_hash_and_size(alice, force):
    data = csv_bytes([row("CR-1")])

    batch = upload(alice, force, data, file_name="Testshire Q1.csv")

    assert (batch.uploaded_by, batch.file_name, batch.sha256, batch.file_size) == (
        alice,
        "Testshire Q1.csv",
        hashlib.sha256(data).hexdigest(),
        len(data),
    )
    assert batch.uploaded_at is not None


def test_reimporting_the_same_file_changes_nothing(alice, force):
    data = csv_bytes([row("CR-1"), row("CR-2")])
    confirm(upload(alice, force, data), alice)
    before = list(Case.objects.values_list("pk", "updated_at"))

    again = confirm(upload(alice, force, data), alice)

    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 2)
    assert list(Case.objects.values_list("pk", "updated_at")) == before


def test_reimport_counts_new_changed_and_unchanged_cases(alice, force):
    confirm(upload(alice, force, csv_bytes([row("CR-1"), row("CR-2")])), alice)
    rows = [row("CR-1"), row("CR-2", Offence="Criminal damage"), row("CR-3")]

    preview = upload(alice, force, csv_bytes(rows))
    batch = confirm(preview, alice)

    assert (preview.created_count, preview.updated_count, preview.unchanged_count) == (1, 1, 1)
    assert (batch.created_count, batch.updated_count, batch.unchanged_count) == (1, 1, 1)
    assert Case.objects.get(reference="CR-2").offence == "Criminal damage"
    assert Case.objects.count() == 3


def test_reimport_of_a_case_from_another_force_is_a_new_case(alice, force):
    other = factories.ForceFactory(code="OTHER", name="Otherton Police")
    confirm(upload(alice, force, csv_bytes([row("CR-1")])), alice)

    batch = confirm(upload(alice, other, csv_bytes([row("CR-1")])), alice)

    assert (batch.created_count, Case.objects.count()) == (1, 2)


@pytest.mark.parametrize("status", [CaseStatus.REVIEWED, CaseStatus.ON_AGENDA])
def test_reimport_keeps_the_facts_of_a_reviewed_case_and_lists_the_change(alice, force, status):
    confirm(upload(alice, force, csv_bytes([row("CR-1")])), alice)
    Case.objects.filter(reference="CR-1").update(status=status)
    changed = row("CR-1", Offence="Criminal damage", **{"Gravity score": "3"})

    batch = confirm(upload(alice, force, csv_bytes([changed])), alice)

    case = Case.objects.get()
    assert (case.offence, case.gravity_score) == ("Harassment without violence", 2)
    assert (batch.held_count, batch.updated_count) == (1, 0)
    assert list(batch.held_changes.values_list("case__reference", "row_number", "fields")) == [
        ("CR-1", 2, ["Offence", "Gravity score"])
    ]


def test_reviewed_case_without_a_fingerprint_that_matches_is_unchanged(alice, force):
    factories.CaseFactory(
        force=force,
        reference="CR-1",
        status=CaseStatus.REVIEWED,
        facts_at_decision=row()["Facts at decision"],
        admission="full",
    )

    batch = upload(alice, force, csv_bytes([row("CR-1")]))

    assert (batch.unchanged_count, batch.held_count) == (1, 0)


def test_a_bad_row_anywhere_means_nothing_is_imported(alice, force):
    rows = [row(f"CR-{n}") for n in range(50)] + [row("CR-X", **{"Outcome date": "soon"})]

    batch = upload(alice, force, csv_bytes(rows))

    assert (batch.status, Case.objects.count()) == (BatchStatus.REJECTED, 0)
    with pytest.raises(ValidationError):
        confirm(batch, alice)


def test_failure_part_way_through_the_commit_leaves_nothing_written(alice, force, monkeypatch):
    batch = upload(alice, force, csv_bytes([row(f"CR-{n:04d}") for n in range(2500)]))
    real = writers.write_rows

    def fail_after_some_rows(rows, **kwargs):
        def some_then_fail():
            for count, item in enumerate(rows):
                if count == 1500:
                    raise RuntimeError("disk full")
                yield item

        return real(some_then_fail(), **kwargs)

    monkeypatch.setattr("cases.imports.engine.write_rows", fail_after_some_rows)

    with pytest.raises(RuntimeError):
        confirm(batch, alice)

    batch.refresh_from_db()
    assert (Case.objects.count(), batch.status) == (0, BatchStatus.PREVIEWED)


def test_personal_data_is_listed_by_row_column_and_kind_and_holds_the_batch(alice, force):
    batch = upload(alice, force, csv_bytes([row("CR-1"), row("CR-2", **PERSONAL)]))

    assert batch.status == BatchStatus.PREVIEWED
    assert list(batch.findings.values_list("row_number", "column", "kind", "status")) == [
        (3, "Facts at decision", "phone", FindingStatus.OPEN),
        (3, "Facts at decision", "titled_name", FindingStatus.OPEN),
    ]
    with pytest.raises(ValidationError, match="Decide what to do with the 2 possible"):
        confirm(batch, alice)
    assert Case.objects.count() == 0


def test_redacted_cells_are_masked_when_the_batch_is_imported(alice, force):
    batch = upload(alice, force, csv_bytes([row("CR-1", **PERSONAL)]))
    for finding in batch.findings.all():
        services.finding_redact(finding=finding, user=alice)

    confirm(batch, alice)

    assert Case.objects.get().facts_at_decision == (
        "[name removed] phoned from [phone number removed] about the damage."
    )


def test_only_the_redacted_kind_is_masked_when_another_is_accepted(alice, force):
    batch = upload(alice, force, csv_bytes([row("CR-1", **PERSONAL)]))
    services.finding_redact(finding=batch.findings.get(kind="phone"), user=alice)
    name = batch.findings.get(kind="titled_name")

    services.finding_accept(finding=name, user=alice, reason="A public figure, named in court.")
    confirm(batch, alice)

    name.refresh_from_db()
    assert Case.objects.get().facts_at_decision == (
        "Mr Smith phoned from [phone number removed] about the damage."
    )
    assert (name.status, name.resolved_by, name.reason) == (
        FindingStatus.ACCEPTED,
        alice,
        "A public figure, named in court.",
    )


def test_accepting_a_finding_needs_a_reason(alice, force):
    batch = upload(alice, force, csv_bytes([row("CR-1", **PERSONAL)]))

    with pytest.raises(ValidationError, match="Enter why this cell can be kept"):
        services.finding_accept(finding=batch.findings.first(), user=alice, reason=" ")


def test_redact_all_resolves_every_open_finding(alice, force):
    batch = upload(alice, force, csv_bytes([row("CR-1", **PERSONAL), row("CR-2", **PERSONAL)]))

    count = services.findings_redact_all(batch=batch, user=alice)

    assert count == 4
    assert set(batch.findings.values_list("status", flat=True)) == {FindingStatus.REDACTED}


def test_findings_never_store_or_log_the_personal_data(alice, force, caplog):
    caplog.set_level(logging.DEBUG)

    batch = upload(alice, force, csv_bytes([row("CR-1", **PERSONAL)]))

    recorded = repr(list(batch.findings.values())) + repr(messages_of(batch)) + batch.summary
    assert "07700" not in recorded + caplog.text
    assert "Smith" not in recorded + caplog.text


def test_uploaded_file_is_stored_privately_with_a_random_name(alice, force, settings):
    batch = upload(alice, force, csv_bytes([row("CR-1")]), file_name="Testshire.csv")

    path, staged = stored_files(settings)
    assert (path.name, staged.name) == (batch.stored_name, f"{batch.stored_name}.rows")
    assert stat.S_IMODE(staged.stat().st_mode) == 0o600
    assert "Testshire" not in path.name and len(path.name) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    static_roots = [settings.STATIC_ROOT, *settings.STATICFILES_DIRS]
    assert not any(path.is_relative_to(root) for root in static_roots)


def test_uploaded_file_is_deleted_once_the_batch_is_committed(alice, force, settings):
    batch = confirm(upload(alice, force, csv_bytes([row("CR-1")])), alice)

    assert (stored_files(settings), batch.stored_name) == ([], "")


def test_uploaded_file_is_deleted_when_the_batch_is_rejected(alice, force, settings):
    batch = upload(alice, force, csv_bytes([row("CR-1", Offence="")]))

    assert (batch.status, stored_files(settings)) == (BatchStatus.REJECTED, [])


def test_abandoning_deletes_the_file_and_writes_nothing(alice, force, settings):
    batch = upload(alice, force, csv_bytes([row("CR-1")]))

    batch = services.batch_abandon(batch=batch, user=alice)

    assert (batch.status, batch.finished_by, stored_files(settings)) == (
        BatchStatus.ABANDONED,
        alice,
        [],
    )
    assert Case.objects.count() == 0
    with pytest.raises(ValidationError, match="already finished"):
        services.batch_abandon(batch=batch, user=alice)


def test_confirm_refuses_rows_changed_since_they_were_checked(alice, force, settings):
    batch = upload(alice, force, csv_bytes([row("CR-1")]))
    _, staged = stored_files(settings)
    staged.write_text(staged.read_text().replace("CR-1", "CR-6"))

    with pytest.raises(ValidationError, match="changed since it was checked"):
        confirm(batch, alice)

    assert Case.objects.count() == 0


def test_confirm_of_a_committed_batch_is_refused(alice, force):
    batch = confirm(upload(alice, force, csv_bytes([row("CR-1")])), alice)

    with pytest.raises(ValidationError, match="has finished"):
        confirm(batch, alice)


def test_reference_data_removed_between_check_and_confirm_rejects_the_batch(alice, force):
    batch = upload(alice, force, csv_bytes([row("CR-1", **{"Crime code": "46"})]))
    Case.objects.all().delete()
    factories.crime_code("46").delete()

    batch = confirm(batch, alice)

    assert (batch.status, Case.objects.count()) == (BatchStatus.REJECTED, 0)
    assert messages_of(batch) == [
        (
            2,
            "",
            "An outcome type or crime code this row uses has been removed or switched off "
            "since the file was checked. Upload the file again.",
        )
    ]


def test_batch_import_commits_in_one_pass(alice, force, tmp_path):
    path = tmp_path / "extract.csv"
    path.write_bytes(csv_bytes([row("CR-1"), row("CR-2")]))

    batch = services.batch_import(force=force, user=alice, path=path)

    assert (batch.status, batch.created_count, Case.objects.count()) == (
        BatchStatus.COMMITTED,
        2,
        2,
    )


def test_batch_import_with_personal_data_leaves_the_batch_for_decisions(alice, force, tmp_path):
    path = tmp_path / "extract.csv"
    path.write_bytes(csv_bytes([row("CR-1"), row("CR-2", **PERSONAL)]))

    batch = services.batch_import(force=force, user=alice, path=path)

    assert (batch.status, batch.finding_count, Case.objects.count()) == (
        BatchStatus.PREVIEWED,
        2,
        0,
    )
    services.findings_redact_all(batch=batch, user=alice)
    assert confirm(batch, alice).status == BatchStatus.COMMITTED


def test_batch_import_can_redact_findings_itself(alice, force, tmp_path):
    path = tmp_path / "extract.csv"
    path.write_bytes(csv_bytes([row("CR-1", **PERSONAL)]))

    batch = services.batch_import(force=force, user=alice, path=path, redact_findings=True)

    assert batch.status == BatchStatus.COMMITTED
    assert set(batch.findings.values_list("status", "resolved_by")) == {
        (FindingStatus.REDACTED, alice.pk)
    }
    assert "07700" not in Case.objects.get().facts_at_decision


def test_batch_import_with_problems_is_rejected_and_writes_nothing(alice, force, tmp_path):
    path = tmp_path / "extract.csv"
    path.write_bytes(csv_bytes([row("CR-1"), row("CR-2", **{"Gravity score": "7"})]))

    batch = services.batch_import(force=force, user=alice, path=path)

    assert (batch.status, batch.error_count, Case.objects.count()) == (
        BatchStatus.REJECTED,
        1,
        0,
    )
    assert ExtractBatch.objects.get().stored_name == ""


def test_confirm_screens_a_row_that_changed_after_the_check_saw_it_unchanged(alice, force):
    first = upload(alice, force, csv_bytes([row("CR-1", **PERSONAL)]))
    for finding in first.findings.all():
        services.finding_accept(finding=finding, user=alice, reason="Public information.")
    confirm(first, alice)
    again = upload(alice, force, csv_bytes([row("CR-1", **PERSONAL)]))
    Case.objects.update(content_hash="edited since")

    batch = confirm(again, alice)

    assert (again.unchanged_count, again.finding_count, batch.status) == (
        1,
        0,
        BatchStatus.REJECTED,
    )
    assert messages_of(batch) == [
        (None, "", "The file has personal data that was not found when it was checked.")
    ]


def _age(batch, days: int) -> None:
    ExtractBatch.objects.filter(pk=batch.pk).update(
        uploaded_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_stale_uploads_are_abandoned_with_their_files_and_fresh_ones_kept(alice, force, settings):
    stale = upload(alice, force, csv_bytes([row("CR-1")]))
    fresh = upload(alice, force, csv_bytes([row("CR-2")]))
    finished = confirm(upload(alice, force, csv_bytes([row("CR-3")])), alice)
    _age(stale, 8)
    _age(finished, 30)

    call_command("abandon_stale_imports", "--days", "7", stdout=io.StringIO())

    stale.refresh_from_db()
    assert (stale.status, stale.finished_by, stale.stored_name) == (BatchStatus.ABANDONED, None, "")
    assert (
        stale.summary
        == "Abandoned automatically: not confirmed within 7 days; nothing was written."
    )
    assert ExtractBatch.objects.get(pk=fresh.pk).status == BatchStatus.PREVIEWED
    assert ExtractBatch.objects.get(pk=finished.pk).status == BatchStatus.COMMITTED
    assert [path.name for path in stored_files(settings)] == [
        fresh.stored_name,
        fresh.stored_name + ".rows",
    ]
    assert list(Case.objects.values_list("reference", flat=True)) == ["CR-3"]


def test_stray_upload_files_are_deleted_once_old(alice, force, settings):
    kept = upload(alice, force, csv_bytes([row("CR-1")]))
    root = pathlib.Path(settings.PRIVATE_UPLOAD_ROOT)
    old, new = root / ("0" * 32), root / ("f" * 32)
    old.write_bytes(b"left by a crash")
    new.write_bytes(b"being uploaded now")
    week_ago = (timezone.now() - datetime.timedelta(days=8)).timestamp()
    os.utime(old, (week_ago, week_ago))
    for name in [kept.stored_name, kept.stored_name + ".rows"]:
        os.utime(root / name, (week_ago, week_ago))  # named by an open batch: kept
    output = io.StringIO()

    call_command("abandon_stale_imports", stdout=output)

    assert not old.exists() and new.exists()
    assert (root / kept.stored_name).exists()
    assert "deleted 1 stray file(s)" in output.getvalue()


def test_abandon_stale_imports_refuses_a_days_value_below_one(db):
    with pytest.raises(CommandError, match="--days must be 1 or more"):
        call_command("abandon_stale_imports", "--days", "0")


def _all_visible_pages() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relallvisible FROM pg_class WHERE oid = %s::regclass", [Case._meta.db_table]
        )
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's visibility map")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_committed_import_settles_the_case_table_for_the_next_draw():
    # Outside a transaction, as in a request: the new rows are marked visible to
    # all, which is what lets a draw read the pool from its index alone.
    seed_reference_data(django_apps)  # an earlier test's flush may have emptied it
    alice = factories.UserFactory(username="alice-settle", roles=[StaffRole.DATA_ADMIN])
    force = factories.ForceFactory(code="SETTLE")
    assert _all_visible_pages() == 0

    batch = upload(alice, force, csv_bytes([row(f"CR-{n}") for n in range(50)]))
    assert batch.status == BatchStatus.PREVIEWED, (batch.summary, messages_of(batch)[:3])

    confirm(batch, alice)

    assert Case.objects.filter(force=force).count() == 50
    assert _all_visible_pages() >= 1
