"""Extract batches change status only through `batch_transition`, which records who."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases import services
from cases.enums import BatchStatus
from cases.models import ExtractBatch, ExtractBatchStatusChange
from cases.workflow import batch_transition
from core.workflow import TransitionNotAllowed
from tests.cases.conftest import csv_bytes, row, upload


def _history(batch) -> list[tuple]:
    return list(batch.status_history.values_list("from_status", "to_status", "changed_by"))


def test_batch_transition_moves_an_uploaded_batch_and_records_who(alice, force):
    batch = ExtractBatch.objects.create(force=force, uploaded_by=alice, file_name="x.csv")

    batch_transition(batch=batch, to=BatchStatus.PREVIEWED, by=alice, note="Checked.")

    batch.refresh_from_db()
    change = ExtractBatchStatusChange.objects.get()
    assert (batch.status, change.from_status, change.to_status, change.changed_by, change.note) == (
        BatchStatus.PREVIEWED,
        BatchStatus.UPLOADED,
        BatchStatus.PREVIEWED,
        alice,
        "Checked.",
    )


@pytest.mark.parametrize(
    "finished", [BatchStatus.COMMITTED, BatchStatus.REJECTED, BatchStatus.ABANDONED]
)
def test_batch_transition_refuses_to_reopen_a_finished_batch(alice, force, finished):
    batch = ExtractBatch.objects.create(
        force=force, uploaded_by=alice, file_name="x.csv", status=finished
    )

    with pytest.raises(TransitionNotAllowed):
        batch_transition(batch=batch, to=BatchStatus.PREVIEWED, by=alice)

    batch.refresh_from_db()
    assert (batch.status, batch.status_history.count()) == (finished, 0)


def test_batch_transition_refuses_going_back_to_uploaded(alice, force):
    batch = ExtractBatch.objects.create(
        force=force, uploaded_by=alice, file_name="x.csv", status=BatchStatus.PREVIEWED
    )

    with pytest.raises(TransitionNotAllowed):
        batch_transition(batch=batch, to=BatchStatus.UPLOADED, by=alice)

    assert ExtractBatch.objects.get().status == BatchStatus.PREVIEWED


def test_upload_and_confirm_record_each_move_by_the_admin(alice, force):
    batch = upload(alice, force, csv_bytes([row("CR-1")]))

    services.batch_confirm(batch=batch, user=alice)

    assert _history(batch) == [
        (BatchStatus.UPLOADED, BatchStatus.PREVIEWED, alice.pk),
        (BatchStatus.PREVIEWED, BatchStatus.COMMITTED, alice.pk),
    ]


def test_rejected_upload_records_one_move(alice, force):
    batch = upload(alice, force, b"Reference\r\nCR-1\r\n")

    assert (batch.status, _history(batch)) == (
        BatchStatus.REJECTED,
        [(BatchStatus.UPLOADED, BatchStatus.REJECTED, alice.pk)],
    )


def test_abandon_records_the_move_and_why(alice, force):
    batch = upload(alice, force, csv_bytes([row("CR-1")]))

    services.batch_abandon(batch=batch, user=alice)

    last = batch.status_history.last()
    assert (last.to_status, last.changed_by, last.note) == (
        BatchStatus.ABANDONED,
        alice,
        "Abandoned before import; nothing was written.",
    )


def test_abandoning_a_finished_batch_is_refused_and_records_nothing(alice, force):
    batch = upload(alice, force, b"Reference\r\nCR-1\r\n")

    with pytest.raises(ValidationError):
        services.batch_abandon(batch=batch, user=alice)

    assert batch.status_history.count() == 1


def test_stale_sweep_records_a_move_by_no_one(alice, force):
    batch = upload(alice, force, csv_bytes([row("CR-1")]))
    ExtractBatch.objects.filter(pk=batch.pk).update(
        uploaded_at=timezone.now() - datetime.timedelta(days=10)
    )

    services.abandon_stale_batches(days=7)

    assert _history(batch)[-1] == (BatchStatus.PREVIEWED, BatchStatus.ABANDONED, None)


def test_command_line_import_moves_straight_to_committed(alice, force, tmp_path):
    path = tmp_path / "march.csv"
    path.write_bytes(csv_bytes([row("CR-1")]))

    batch = services.batch_import(force=force, user=alice, path=path)

    assert _history(batch) == [(BatchStatus.UPLOADED, BatchStatus.COMMITTED, alice.pk)]
