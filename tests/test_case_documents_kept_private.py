"""Case documents stay private: nothing published or exported picks them up, and when
retention erases a case its documents' rows and files go with it."""

import datetime
import io
from pathlib import Path

import pypdf
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cases.documents import services, storage
from cases.models import Case, CaseDocument, DocumentFinding
from cases.resources import CaseResource
from core.roles import StaffRole
from panels.meetings import resources
from reports import services as report_services
from tests import factories
from tests.cases import pdfs
from tests.reports.conftest import closed_meeting, publish

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Witness care log QZX-DOC-TITLE"
LINE = "The witness was told of the hearing QZX-DOC-TEXT."
LONG_AGO = timezone.now() - datetime.timedelta(days=8 * 365)


@pytest.fixture(autouse=True)
def stored_files(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "uploads"
    settings.MEDIA_ROOT = tmp_path / "media"


def attach(case, user, *lines, title=TITLE) -> CaseDocument:
    data = pdfs.text_pdf(list(lines) or [LINE])
    return services.document_upload(case=case, user=user, title=title, chunks=[data])


def readable(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content.startswith(b"%PDF"):
        return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)
    return content.decode(errors="replace")


# --- never published or exported ----------------------------------------------------------


def test_nothing_published_or_exported_holds_a_document(client, olu, alice, db):
    nia = factories.UserFactory(username="nia", roles=[StaffRole.OPCC_STAFF])
    meeting = closed_meeting({"inconsistent": 2})
    document = attach(meeting.reviewed_cases.order_by("position").first().case, alice)
    report = report_services.report_generate(meeting=meeting, by=olu)
    publish(report, author=olu, approver=nia)
    report.refresh_from_db()
    public = {"panel": meeting.panel.slug, "slug": report.slug}
    addresses = [
        reverse("public:report", kwargs=public),
        reverse("public:report_pdf", kwargs=public),
        *(reverse("public:report_data", kwargs={**public, "fmt": f}) for f in ("csv", "json")),
        reverse("public:all_data", kwargs={"fmt": "csv"}),
        reverse("public:feed"),
    ]
    answers = [client.get(url) for url in addresses]
    client.force_login(olu)
    addresses = [
        reverse("reports:report_detail", args=[report.pk]),
        *(
            reverse("panels:meeting_export", args=[meeting.pk, table, fmt])
            for table in resources.TABLES
            for fmt in ("csv", "json")
        ),
    ]
    answers += [client.get(url) for url in addresses]
    shown = [readable(answer) for answer in answers]
    shown.append(CaseResource().export(queryset=Case.objects.all()).csv)

    assert [text for text in shown if "QZX-DOC" in text or document.stored_name in text] == []
    # Each was there to search: shown in full, with the case it is about.
    reference = document.case.reference
    assert {answer.status_code for answer in answers} == {200}
    assert reference in shown[-1]
    assert [text for text in shown[7:-1] if reference in text] != []  # the meeting's tables


def test_no_publishing_or_export_code_knows_of_documents():
    """The publishing and export code names neither the documents' model nor their app
    module, so a later change cannot pick them up by accident without this failing."""
    modules = [
        *(ROOT / "reports").rglob("*.py"),
        *(ROOT / "panels" / "meetings").rglob("*.py"),
        ROOT / "cases" / "resources.py",
        ROOT / "cases" / "admin.py",
    ]
    naming = [
        str(path.relative_to(ROOT))
        for path in modules
        if "migrations" not in path.parts
        and any(
            word in path.read_text(encoding="utf-8")
            for word in ("CaseDocument", "DocumentFinding", "cases.documents", "documents.")
        )
    ]

    assert naming == []


# --- erased by retention ------------------------------------------------------------------


def test_erasing_a_case_erases_its_documents_rows_and_files(
    alice, db, django_capture_on_commit_callbacks
):
    old = factories.CaseFactory(
        reference="OLD-1",
        offence_date=LONG_AGO.date() - datetime.timedelta(days=30),
        outcome_date=LONG_AGO.date(),
    )
    Case.objects.filter(pk=old.pk).update(created_at=LONG_AGO)
    gone = [attach(old, alice), attach(old, alice, "Call 07700 900123.", title="Log")]
    recent = factories.CaseFactory(reference="NEW-1")
    kept = attach(recent, alice)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_expired", stdout=io.StringIO())

    assert list(CaseDocument.objects.values_list("pk", flat=True)) == [kept.pk]
    assert DocumentFinding.objects.filter(document__in=[d.pk for d in gone]).count() == 0
    assert sorted(p.name for p in storage.root().iterdir()) == [kept.stored_name]


def test_a_purge_rolled_back_keeps_the_documents_files(alice, db, monkeypatch):
    old = factories.CaseFactory(
        reference="OLD-2",
        offence_date=LONG_AGO.date() - datetime.timedelta(days=30),
        outcome_date=LONG_AGO.date(),
    )
    Case.objects.filter(pk=old.pk).update(created_at=LONG_AGO)
    document = attach(old, alice)

    from cases import retention

    def broken(**kwargs):
        retention_erase(**kwargs)
        raise RuntimeError("the purge failed")

    retention_erase = retention.erase_cases
    monkeypatch.setattr(retention, "erase_cases", broken)
    with pytest.raises(RuntimeError):
        call_command("purge_expired", stdout=io.StringIO())

    assert CaseDocument.objects.filter(pk=document.pk).exists()
    assert (storage.root() / document.stored_name).exists()
