"""Attaching a PDF to a case: what is refused (and that nothing is kept), what the privacy
screen finds, and how findings are decided until the document is shown to readers."""

import stat
import tracemalloc

import pytest
from django.core.exceptions import ValidationError

from cases.documents import checks, services, storage
from cases.enums import DocumentStatus, FindingStatus
from cases.imports import storage as extract_storage
from cases.models import CaseDocument, DocumentFinding
from core.models import AuditEntry, AuditEvent
from core.stale import StaleEdit
from tests import factories
from tests.cases import pdfs
from tests.cases.pdfs import limit


@pytest.fixture
def case(db):
    return factories.CaseFactory(reference="DOC-1")


def attach(case, user, data: bytes, title: str = "CPS decision letter") -> CaseDocument:
    """Attach bytes through the same service the upload page uses."""
    return services.document_upload(case=case, user=user, title=title, chunks=[data])


def refusal(case, user, data: bytes, **kwargs) -> dict:
    with pytest.raises(ValidationError) as raised:
        attach(case, user, data, **kwargs)
    return raised.value.message_dict


def kept_files() -> list[str]:
    return sorted(path.name for path in storage.root().iterdir())


# --- kept ---------------------------------------------------------------------------------


def test_a_clean_pdf_is_kept_privately_and_shown_to_readers(case, alice, settings):
    data = pdfs.text_pdf()

    document = attach(case, alice, data)

    document.refresh_from_db()
    path = storage.root() / document.stored_name
    assert (document.status, document.page_count, document.size) == (
        DocumentStatus.SHOWN,
        1,
        len(data),
    )
    assert (path.read_bytes(), kept_files()) == (data, [document.stored_name])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # A random name, in the private folder, nowhere near what the web server may serve.
    assert len(document.stored_name) == 32 and document.stored_name not in document.title
    assert path.is_relative_to(settings.PRIVATE_UPLOAD_ROOT)
    assert not path.is_relative_to(settings.MEDIA_ROOT)


def test_a_pdf_with_a_phone_number_gets_a_finding_by_page_and_kind(case, alice):
    document = attach(case, alice, pdfs.phone_pdf())

    findings = list(document.findings.values_list("page_number", "kind", "count", "status"))
    assert findings == [(2, "phone", 1, FindingStatus.OPEN)]
    assert document.status == DocumentStatus.AWAITING_DECISIONS


def test_a_finding_never_holds_the_value_found(case, alice):
    document = attach(case, alice, pdfs.phone_pdf())

    stored = [
        *DocumentFinding.objects.filter(document=document).values_list(),
        *CaseDocument.objects.filter(pk=document.pk).values_list(),
    ]
    assert [row for row in stored if "900123" in repr(row)] == []


# --- refused --------------------------------------------------------------------------


REFUSALS = {
    "zip renamed .pdf": (pdfs.zip_renamed, checks.ZIP),
    "plain text": (lambda: b"Reference,Offence\n", checks.NOT_A_PDF),
    "encrypted": (pdfs.encrypted_pdf, checks.ENCRYPTED),
    "encrypted to change": (lambda: pdfs.encrypted_pdf(empty_password=True), checks.ENCRYPTED),
    "JavaScript on opening": (pdfs.javascript_pdf, checks.JAVASCRIPT),
    "JavaScript in the names tree": (pdfs.javascript_names_pdf, checks.JAVASCRIPT),
    "a launch action": (pdfs.launch_pdf, checks.ACTIONS),
    "an embedded file": (pdfs.attachment_pdf, checks.EMBEDDED),
    "image only": (pdfs.image_only_pdf, checks.NO_TEXT),
    "damaged": (lambda: b"%PDF-1.7\nnothing else", checks.DAMAGED),
}


@pytest.mark.parametrize("name", list(REFUSALS))
def test_a_pdf_that_cannot_be_kept_is_refused_with_its_message_and_nothing_kept(case, alice, name):
    make, message = REFUSALS[name]

    errors = refusal(case, alice, make())

    assert errors == {"file": [message]}
    assert (CaseDocument.objects.count(), DocumentFinding.objects.count()) == (0, 0)
    assert kept_files() == []


def test_a_refusal_is_recorded_in_the_audit_trail(case, alice):
    refusal(case, alice, pdfs.javascript_pdf())

    entry = AuditEntry.objects.get(event=AuditEvent.REFUSED)
    assert (entry.actor, entry.object_pk) == (alice, str(case.pk))
    assert entry.summary == f"Document not attached: {checks.JAVASCRIPT}"


def test_a_page_that_is_a_scan_is_refused_naming_it(case, alice):
    errors = refusal(case, alice, pdfs.partly_scanned_pdf())

    (message,) = errors["file"]
    assert message.startswith("Page 2 of the selected PDF shows a picture and has no text layer")
    assert kept_files() == []


def test_a_bomb_is_refused_past_the_unpacked_limit(case, alice, settings):
    limit(settings, max_unpacked_bytes=1024 * 1024)

    errors = refusal(case, alice, pdfs.bomb_pdf(2 * 1024 * 1024))

    assert errors == {
        "file": [
            "The selected PDF unpacks to more than 1 MB, far more than a document should, "
            "so it has not been read"
        ]
    }
    assert (CaseDocument.objects.count(), kept_files()) == (0, [])


def test_a_bomb_is_counted_as_it_unpacks_never_held_whole(tmp_path, settings):
    """A 64 MB stream that deflates to 64 kB is refused while unpacking takes a few MB."""
    limit(settings, max_unpacked_bytes=48 * 1024 * 1024)
    path = tmp_path / "bomb.pdf"
    path.write_bytes(pdfs.bomb_pdf(64 * 1024 * 1024))

    tracemalloc.start()
    try:
        with pytest.raises(checks.DocumentRefused):
            checks.check_pdf(path)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert peak < 8 * 1024 * 1024


def test_a_stream_within_the_limit_is_fine(case, alice, settings):
    limit(settings, max_unpacked_bytes=4 * 1024 * 1024)

    document = attach(case, alice, pdfs.bomb_pdf(1024 * 1024))

    assert document.status == DocumentStatus.SHOWN


def test_more_pages_than_the_limit_are_refused(case, alice, settings):
    limit(settings, max_pages=3)

    errors = refusal(case, alice, pdfs.many_pages_pdf(4))

    assert errors == {
        "file": [
            "The selected PDF has 4 pages. A document can have at most 3: split it into "
            "smaller documents"
        ]
    }


def test_more_text_than_the_limit_is_refused(case, alice, settings):
    limit(settings, max_text_chars=60)

    errors = refusal(case, alice, pdfs.text_pdf())

    assert errors == {
        "file": [
            "The selected PDF holds more than 60 characters of text, more than can be "
            "screened at once. Split it into smaller documents"
        ]
    }


def test_a_file_larger_than_the_limit_is_refused_as_it_arrives(case, alice, settings):
    limit(settings, max_bytes=1024 * 1024)

    errors = refusal(case, alice, b"%PDF-1.7\n" + b"0" * (1024 * 1024))

    assert errors == {"file": ["The selected file must be smaller than 1 MB"]}
    assert kept_files() == []


def test_an_empty_file_is_refused(case, alice):
    assert refusal(case, alice, b"") == {"file": ["The selected file is empty"]}


def test_a_title_with_personal_data_is_refused_before_the_file_is_read(case, alice):
    errors = refusal(case, alice, pdfs.text_pdf(), title="Letter to Mr Smith")

    assert errors == {
        "title": [
            "Enter a title without personal data: this one looks like it holds a title "
            "followed by a name"
        ]
    }
    assert kept_files() == []


def test_the_same_pdf_cannot_be_attached_to_a_case_twice(case, alice):
    data = pdfs.text_pdf()
    first = attach(case, alice, data)

    errors = refusal(case, alice, data, title="The same letter")

    assert errors == {"file": ["The selected PDF is already attached to this case"]}
    assert (CaseDocument.objects.count(), kept_files()) == (1, [first.stored_name])


# --- findings decided -------------------------------------------------------------------


def decide(finding, user, *, accept: bool, reason: str = "The court's public number."):
    seen = services.fingerprint(finding)
    if accept:
        return services.document_finding_accept(
            finding=finding, user=user, reason=reason, seen=seen
        )
    return services.document_finding_redact(finding=finding, user=user, seen=seen)


def two_findings(case, user) -> CaseDocument:
    pages = [["Call 07700 900123 to speak to us."], ["Write to LS6 1AB or call 01632 960001."]]
    return attach(case, user, pdfs.text_pdf(*pages), title="Witness care log")


def test_a_document_is_shown_once_every_finding_is_accepted(case, alice):
    document = two_findings(case, alice)
    findings = list(document.findings.order_by("page_number", "kind"))
    assert len(findings) == 3

    for finding in findings[:-1]:
        decide(finding, alice, accept=True)
        document.refresh_from_db()
        assert document.status == DocumentStatus.AWAITING_DECISIONS
    decide(findings[-1], alice, accept=True)

    document.refresh_from_db()
    assert document.status == DocumentStatus.SHOWN
    change = document.status_history.get()
    assert (change.to_status, change.changed_by, change.note) == (
        DocumentStatus.SHOWN,
        alice,
        "Every finding decided",
    )


def test_keeping_a_page_needs_a_reason(case, alice):
    finding = attach(case, alice, pdfs.phone_pdf()).findings.get()

    with pytest.raises(ValidationError) as raised:
        decide(finding, alice, accept=True, reason="  ")

    assert raised.value.message_dict == {"reason": ["Enter why this page can be kept as it is"]}
    finding.refresh_from_db()
    assert finding.status == FindingStatus.OPEN


def test_redacting_withdraws_the_document_and_deletes_its_file(
    case, alice, django_capture_on_commit_callbacks
):
    document = attach(case, alice, pdfs.phone_pdf())
    finding = document.findings.get()

    with django_capture_on_commit_callbacks(execute=True):
        decide(finding, alice, accept=False)

    document.refresh_from_db()
    finding.refresh_from_db()
    assert (document.status, document.stored_name, finding.status) == (
        DocumentStatus.WITHDRAWN,
        "",
        FindingStatus.REDACTED,
    )
    assert kept_files() == []
    assert document.status_history.get().note == "To be redacted: page 2, phone number"


def test_nothing_about_a_withdrawn_document_can_change(case, alice):
    document = two_findings(case, alice)
    first, second, *_ = document.findings.order_by("pk")
    decide(first, alice, accept=False)

    with pytest.raises(ValidationError) as raised:
        decide(second, alice, accept=True)

    assert raised.value.messages == [services.WITHDRAWN_ALREADY]
    with pytest.raises(ValidationError):
        services.document_withdraw(document=document, user=alice)


def test_a_decision_made_meanwhile_is_not_overwritten(case, alice, olu):
    finding = attach(case, alice, pdfs.phone_pdf()).findings.get()
    seen = services.fingerprint(finding)
    decide(DocumentFinding.objects.get(pk=finding.pk), alice, accept=True, reason="First.")

    with pytest.raises(StaleEdit):
        services.document_finding_redact(finding=finding, user=olu, seen=seen)

    finding.refresh_from_db()
    assert (finding.status, finding.reason) == (FindingStatus.ACCEPTED, "First.")


def test_a_data_admin_withdraws_a_document(case, alice, django_capture_on_commit_callbacks):
    document = attach(case, alice, pdfs.text_pdf())

    with django_capture_on_commit_callbacks(execute=True):
        services.document_withdraw(document=document, user=alice)

    document.refresh_from_db()
    assert (document.status, document.stored_name, kept_files()) == (
        DocumentStatus.WITHDRAWN,
        "",
        [],
    )


def test_the_extracts_sweep_leaves_documents_alone(case, alice):
    """Documents are kept in a folder inside the extracts' one; the sweep of stray extract
    files deletes files only, never that folder or what is in it."""
    document = attach(case, alice, pdfs.text_pdf())

    extract_storage.delete_unnamed(keep=set(), older_than=4_102_444_800)  # year 2100

    assert kept_files() == [document.stored_name]
