"""The audit trail: what is recorded, what is left out, who reads it, and that it cannot change."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from cases import services as case_services
from cases.models import Case
from cases.resources import CaseResource
from core.audit import client_address, record
from core.models import AuditEntry, AuditEvent
from panels.enums import MeetingStatus
from panels.models import Panel
from panels.rating.services import conflict_declare
from panels.sampling import PoolFilters
from panels.sampling.services import sample_draw
from panels.workflow import meeting_transition
from tests import factories
from tests.cases import conftest as case_fixtures
from tests.cases.conftest import csv_bytes, row, upload

# The import tests' fixtures: a force, and a private upload folder per test.
force = case_fixtures.force
private_uploads = case_fixtures.private_uploads

NARRATIVE = "Neighbour dispute over a hedge; words exchanged at the gate."


def entries(event, **filters):
    return list(AuditEntry.objects.filter(event=event, **filters))


@pytest.fixture
def open_case(meeting, olu, mina):
    case = factories.CaseFactory(facts_at_decision=NARRATIVE)
    factories.ReviewedCaseFactory(meeting=meeting, position=1, case=case)
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    conflict_declare(
        reviewed_case=meeting.reviewed_cases.get(position=1), user=mina, has_conflict=False
    )
    return case


# What is recorded --------------------------------------------------------------------


def test_a_change_is_recorded_with_who_when_and_before_and_after(client, olu):
    panel = factories.PanelFactory(name="Youth panel")
    panel.name = "Youth OoCR panel"
    panel.save()

    created, changed = (
        entries(AuditEvent.CREATED, object_pk=str(panel.pk))[0],
        entries(AuditEvent.CHANGED, object_pk=str(panel.pk))[0],
    )
    assert created.changes["name"] == [None, "Youth panel"]
    # Only the panel's own fields: no reverse relations listed as "Meeting.None".
    assert "meetings" not in created.changes
    # The name and its English column (the panel's name has a Welsh version beside it).
    assert changed.changes == {
        "name": ["Youth panel", "Youth OoCR panel"],
        "name_en": ["Youth panel", "Youth OoCR panel"],
    }
    assert changed.content_type.model_class() is Panel
    assert timezone.now() - changed.timestamp < datetime.timedelta(minutes=1)


def test_a_deletion_is_recorded(db):
    force = factories.ForceFactory(code="ZZ", name="Zed Police")
    pk = force.pk
    force.delete()

    (deleted,) = entries(AuditEvent.DELETED, object_pk=str(pk))
    assert deleted.object_repr == "Zed Police"


def test_viewing_case_papers_is_recorded_with_the_user_and_address(client, mina, open_case):
    client.force_login(mina)

    client.get(reverse("panels:case_papers", args=[open_case.reviews.first().meeting_id, 1]))

    (viewed,) = entries(AuditEvent.VIEWED, object_pk=str(open_case.pk))
    assert viewed.actor == mina
    assert viewed.remote_addr == "127.0.0.1"
    assert "Case papers" in viewed.summary
    assert NARRATIVE not in str(viewed.__dict__)


def test_the_forwarded_address_is_not_believed_without_a_proxy(client, mina, open_case):
    client.force_login(mina)

    client.get(
        reverse("panels:case_papers", args=[open_case.reviews.first().meeting_id, 1]),
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )

    assert entries(AuditEvent.VIEWED)[0].remote_addr == "127.0.0.1"


def test_case_narrative_never_reaches_the_trail(alice, force, private_uploads):
    batch = upload(alice, force, csv_bytes([row("CR-9", **{"Facts at decision": NARRATIVE})]))
    case_services.batch_confirm(batch=batch, user=alice)
    case = Case.objects.get(reference="CR-9")
    case.facts_at_decision = NARRATIVE + " Later: apology given."
    case.offence = "Public order"
    case.save()

    text = str(list(AuditEntry.objects.values()))
    assert "Neighbour dispute" not in text
    changed = entries(AuditEvent.CHANGED, object_pk=str(case.pk))[0]
    assert set(changed.changes) == {"offence"}


def test_a_rating_is_recorded_without_its_assessment(mina, open_case):
    reviewed = open_case.reviews.first()
    membership = reviewed.meeting.panel.memberships.get(user=mina)
    rating = factories.RatingFactory(
        reviewed_case=reviewed, membership=membership, reasons="Should have been charged."
    )

    (created,) = entries(AuditEvent.CREATED, object_pk=str(rating.pk), content_type__model="rating")
    assert set(created.changes) <= {"status", "version", "submitted_at"}
    assert "charged" not in str(created.__dict__)


def test_an_import_is_recorded_once_for_the_batch(alice, force, private_uploads):
    batch = upload(alice, force, csv_bytes([row("CR-1"), row("CR-2"), row("CR-3")]))

    case_services.batch_confirm(batch=batch, user=alice)

    (imported,) = entries(AuditEvent.IMPORTED)
    assert imported.object_pk == str(batch.pk)
    assert imported.actor == alice
    assert imported.additional_data["created"] == 3
    # The rows went in through COPY: no entry per case.
    assert not entries(AuditEvent.CREATED, content_type__model="case")


def test_a_sample_draw_is_recorded_with_its_seed(meeting, olu):
    factories.CaseFactory.create_batch(6, force=meeting.panel.force)

    draw = sample_draw(meeting=meeting, by=olu, filters=PoolFilters(), size=3, seed="abc123")

    (drawn,) = entries(AuditEvent.DRAWN)
    assert drawn.object_pk == str(meeting.pk)
    assert drawn.additional_data == {"draw": draw.pk, "seed": "abc123", "pool_size": 6}
    assert drawn.summary == "3 of 6 cases drawn at random"


def test_exports_and_the_unredacted_cell_are_recorded(client, alice, force, private_uploads):
    personal = {"Facts at decision": "Call Mr Smith on 07700 900123."}
    batch = upload(alice, force, csv_bytes([row("CR-1", **personal)]))
    finding = batch.findings.first()
    client.force_login(alice)

    client.get(reverse("cases:batch_problems", args=[batch.pk]))
    client.get(reverse("cases:finding_resolve", args=[batch.pk, finding.pk]))

    assert [e.object_pk for e in entries(AuditEvent.EXPORTED)] == [str(batch.pk)]
    (viewed,) = entries(AuditEvent.VIEWED, content_type__model="privacyfinding")
    assert "07700" not in viewed.summary + viewed.object_repr


def test_the_admin_case_page_and_admin_exports_are_recorded(client, alice):
    case = factories.CaseFactory()
    client.force_login(alice)

    assert client.get(reverse("admin:cases_case_change", args=[case.pk])).status_code == 200
    chosen = {f"caseresource_{name}": "on" for name in CaseResource.Meta.fields}
    response = client.post(
        reverse("admin:cases_case_export"), {"format": "0", "resource": "0", **chosen}
    )

    assert entries(AuditEvent.VIEWED, object_pk=str(case.pk))[0].summary == (
        "Case page in the admin"
    )
    assert response.status_code == 200
    (exported,) = entries(AuditEvent.EXPORTED)
    assert exported.summary.startswith("1 rows as")


# Append-only ---------------------------------------------------------------------------


def test_entries_cannot_be_changed_or_deleted_through_the_service(db):
    entry = record(AuditEvent.SECURITY, None, object_repr="someone")

    entry.summary = "rewritten"
    with pytest.raises(ValidationError):
        entry.save()
    with pytest.raises(ValidationError):
        entry.delete()
    with pytest.raises(ValidationError):
        AuditEntry.objects.filter(pk=entry.pk).update(summary="rewritten")
    with pytest.raises(ValidationError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).summary == ""


def test_the_admin_shows_entries_but_cannot_change_or_delete_them(client, alice):
    entry = record(AuditEvent.SECURITY, None, object_repr="someone")
    admin_client = client
    admin_client.force_login(alice)

    assert admin_client.get(reverse("admin:core_auditentry_changelist")).status_code == 200
    admin_client.post(reverse("admin:core_auditentry_change", args=[entry.pk]), {"summary": "x"})
    response = admin_client.post(
        reverse("admin:core_auditentry_delete", args=[entry.pk]), {"post": "yes"}
    )

    assert response.status_code == 403
    assert AuditEntry.objects.get(pk=entry.pk).summary == ""


def test_a_person_with_audit_entries_cannot_be_deleted(olu):
    record(AuditEvent.SIGNED_IN, olu, actor=olu)

    with pytest.raises(Exception, match="protected"):
        olu.delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_postgresql_refuses_update_and_delete_of_audit_rows(db):
    entry = record(AuditEvent.SECURITY, None, object_repr="someone")

    for statement in (
        "UPDATE core_auditentry SET summary = 'rewritten' WHERE id = %s",
        "DELETE FROM core_auditentry WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, [entry.pk])

    assert AuditEntry.objects.filter(pk=entry.pk, summary="").exists()


# Reading the trail ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["olu", "chris", "mina", "pat", "nadia", "eve"])
def test_only_data_admins_read_the_trail(client, db, name, request):
    entry = record(AuditEvent.SECURITY, None, object_repr="someone")
    client.force_login(request.getfixturevalue(name))

    for url in (
        reverse("audit:list"),
        reverse("audit:entry", args=[entry.pk]),
        reverse("audit:export"),
    ):
        assert client.get(url).status_code == 403, url


def test_signed_out_visitors_are_sent_to_sign_in(client, db):
    response = client.get(reverse("audit:list"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_data_admins_filter_the_trail_by_event_user_and_date(client, alice, olu, mina):
    record(AuditEvent.SIGNED_IN, olu, actor=olu)
    record(AuditEvent.SIGNED_IN, mina, actor=mina)
    record(AuditEvent.SIGNED_OUT, mina, actor=mina)
    client.force_login(alice)

    page = client.get(reverse("audit:list"), {"event": "signed_in", "user": "mina"})

    rows = page.context["page"].object_list
    assert {e.actor.username for e in rows} == {"mina"}
    assert len(rows) == 1
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    later = client.get(reverse("audit:list"), {"since": tomorrow.isoformat()})
    assert list(later.context["page"].object_list) == []


def test_a_backwards_date_range_gets_a_clear_error(client, alice):
    client.force_login(alice)

    response = client.get(reverse("audit:list"), {"since": "2026-12-03", "until": "2026-12-01"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "must be the same as or after" in page


def test_the_trail_is_paginated(client, alice):
    for n in range(55):
        record(AuditEvent.SECURITY, None, object_repr=f"entry {n}")
    client.force_login(alice)

    first = client.get(reverse("audit:list"), {"event": "security"})
    second = client.get(reverse("audit:list"), {"event": "security", "page": 2})

    assert len(first.context["page"].object_list) == 50
    assert len(second.context["page"].object_list) == 5
    assert "event=security&amp;page=2" in first.content.decode()


def test_an_entry_page_shows_before_and_after(client, alice):
    panel = factories.PanelFactory(name="Youth panel")
    panel.name = "Youth OoCR panel"
    panel.save()
    changed = entries(AuditEvent.CHANGED, object_pk=str(panel.pk))[0]
    client.force_login(alice)

    page = client.get(reverse("audit:entry", args=[changed.pk])).content.decode()

    assert "Youth panel" in page and "Youth OoCR panel" in page


def test_the_export_is_a_formula_safe_csv_and_is_itself_recorded(client, alice):
    record(AuditEvent.SIGN_IN_FAILED, None, object_repr="=HYPERLINK(1)")
    client.force_login(alice)

    response = client.get(reverse("audit:export"), {"event": "sign_in_failed"})

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Time (UTC)", "Event", "User"]
    assert rows[1][6] == "'=HYPERLINK(1)"
    assert response["Content-Disposition"].startswith('attachment; filename="audit-trail-')
    (exported,) = entries(AuditEvent.EXPORTED)
    assert exported.actor == alice
    assert exported.additional_data == {"filters": {"event": "sign_in_failed"}}


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "127.0.0.1"),  # no proxy: the header is the client's invention
        (1, "203.0.113.9", "203.0.113.9"),  # what our proxy saw
        (1, "198.51.100.7, 203.0.113.9", "203.0.113.9"),  # the left entry was the client's
        (2, "198.51.100.7, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (1, "not-an-address", "127.0.0.1"),
        (2, "203.0.113.9", "127.0.0.1"),  # fewer hops than proxies: the connection
    ],
)
def test_the_address_is_the_one_the_nearest_trusted_proxy_saw(
    rf, settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="127.0.0.1")

    assert client_address(request) == expected
