"""A data admin's pages for a case's documents: the list and upload form on the case page,
the upload, the findings and deciding each one, withdrawing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases.documents import checks, services, storage
from cases.enums import DocumentStatus, FindingStatus
from cases.models import CaseDocument
from core.models import AuditEntry, AuditEvent
from tests import factories
from tests.cases import pdfs
from tests.cases.pdfs import limit

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(db):
    return factories.CaseFactory(reference="DOC-PAGE-1")


def attach(case, user, data: bytes, title: str = "CPS decision letter") -> CaseDocument:
    return services.document_upload(case=case, user=user, title=title, chunks=[data])


def upload_url(case) -> str:
    return reverse("cases:document_upload", args=[case.pk])


def post_upload(client, case, data: bytes, *, title="CPS decision letter", name="letter.pdf"):
    upload = SimpleUploadedFile(name, data, content_type="application/pdf")
    return client.post(upload_url(case), {"title": title, "file": upload})


def test_the_case_page_lists_documents_with_their_status_and_an_upload_form(
    client, alice, case, django_assert_max_num_queries
):
    attach(case, alice, pdfs.text_pdf(), title="CPS decision letter")
    attach(case, alice, pdfs.phone_pdf(), title="Witness care log")
    client.force_login(alice)

    with django_assert_max_num_queries(10):
        response = client.get(reverse("cases:case_detail", args=[case.pk]))

    rows = [(d.title, d.status, d.open_findings) for d in response.context["documents"]]
    assert rows == [
        ("CPS decision letter", DocumentStatus.SHOWN, 0),
        ("Witness care log", DocumentStatus.AWAITING_DECISIONS, 1),
    ]
    body = response.content.decode()
    assert f'action="{upload_url(case)}"' in body
    assert 'enctype="multipart/form-data"' in body


def test_uploading_a_clean_pdf_attaches_it_and_says_readers_see_it(client, alice, case):
    client.force_login(alice)

    response = post_upload(client, case, pdfs.text_pdf())

    document = CaseDocument.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:document_detail", args=[case.pk, document.pk])
    page = client.get(response["Location"]).content.decode()
    assert "is shown to readers of the case papers" in page


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (pdfs.zip_renamed(), "letter.pdf", checks.ZIP),
        (pdfs.encrypted_pdf(), "letter.pdf", checks.ENCRYPTED),
        (pdfs.javascript_pdf(), "letter.pdf", checks.JAVASCRIPT),
        (pdfs.image_only_pdf(), "scan.pdf", checks.NO_TEXT),
        (pdfs.text_pdf(), "letter.docx", "The selected file must be a PDF"),
    ],
    ids=["zip", "encrypted", "javascript", "scan", "not .pdf"],
)
def test_a_refused_upload_shows_why_and_keeps_nothing(client, alice, case, data, name, message):
    client.force_login(alice)

    response = post_upload(client, case, data, name=name)

    assert response.status_code == 200
    assert response.context["form"].errors == {"file": [message]}
    assert response.context["page_title"] == "Attach a document"
    assert "Error: Attach a document" in response.content.decode()
    assert (CaseDocument.objects.count(), list(storage.root().iterdir())) == (0, [])


def test_an_empty_upload_asks_for_a_title_and_a_file(client, alice, case):
    client.force_login(alice)

    response = client.post(upload_url(case), {})

    assert response.context["form"].errors == {
        "title": ["Enter the document's title"],
        "file": ["Choose a PDF to upload"],
    }


def test_the_findings_page_lists_each_by_page_and_kind_never_the_value(client, alice, case):
    document = attach(case, alice, pdfs.phone_pdf())
    client.force_login(alice)

    response = client.get(reverse("cases:document_detail", args=[case.pk, document.pk]))

    body = response.content.decode()
    assert [(f.page_number, f.get_kind_display()) for f in response.context["findings"]] == [
        (2, "Phone number")
    ]
    assert "07700" not in body
    assert "Readers cannot see this document until" in body


def test_the_finding_page_shows_where_the_data_is_and_records_the_viewing(client, alice, case):
    document = attach(case, alice, pdfs.phone_pdf())
    finding = document.findings.get()
    client.force_login(alice)

    response = client.get(
        reverse("cases:document_finding", args=[case.pk, document.pk, finding.pk])
    )

    assert '<mark title="Phone number">07700 900123</mark>' in response.content.decode()
    entry = AuditEntry.objects.get(event=AuditEvent.VIEWED)
    assert (entry.object_pk, entry.summary) == (
        str(document.pk),
        "Possible personal data, shown unredacted: page 2",
    )


def finding_url(finding) -> str:
    document = finding.document
    return reverse("cases:document_finding", args=[document.case_id, document.pk, finding.pk])


def test_keeping_the_page_with_a_reason_shows_the_document(client, alice, case):
    finding = attach(case, alice, pdfs.phone_pdf()).findings.get()
    client.force_login(alice)
    seen = services.fingerprint(finding)

    response = client.post(
        finding_url(finding),
        {"decision": "accept", "reason": "The court's public number.", "seen": seen},
        follow=True,
    )

    finding.refresh_from_db()
    finding.document.refresh_from_db()
    assert (finding.status, finding.document.status) == (
        FindingStatus.ACCEPTED,
        DocumentStatus.SHOWN,
    )
    assert "Every finding is decided" in response.content.decode()


def test_keeping_the_page_without_a_reason_is_an_error(client, alice, case):
    finding = attach(case, alice, pdfs.phone_pdf()).findings.get()
    client.force_login(alice)

    response = client.post(
        finding_url(finding), {"decision": "accept", "seen": services.fingerprint(finding)}
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "reason": ["Enter why this page can be kept as it is"]
    }


def test_withdrawing_for_redaction_says_to_upload_a_redacted_version(client, alice, case):
    finding = attach(case, alice, pdfs.phone_pdf()).findings.get()
    client.force_login(alice)

    response = client.post(
        finding_url(finding),
        {"decision": "redact", "seen": services.fingerprint(finding)},
        follow=True,
    )

    finding.document.refresh_from_db()
    assert finding.document.status == DocumentStatus.WITHDRAWN
    assert "was withdrawn. Upload a redacted version in its place" in response.content.decode()


def test_a_decision_someone_else_made_first_is_shown_not_overwritten(client, alice, olu, case):
    finding = attach(case, alice, pdfs.phone_pdf()).findings.get()
    seen = services.fingerprint(finding)
    services.document_finding_accept(finding=finding, user=alice, reason="First.", seen=seen)
    client.force_login(alice)

    response = client.post(finding_url(finding), {"decision": "redact", "seen": seen})

    assert response.status_code == 409
    finding.refresh_from_db()
    assert finding.status == FindingStatus.ACCEPTED


def test_a_data_admin_withdraws_a_document_from_its_page(client, alice, case):
    document = attach(case, alice, pdfs.text_pdf())
    client.force_login(alice)

    response = client.post(reverse("cases:document_withdraw", args=[case.pk, document.pk]))

    assert response["Location"] == reverse("cases:case_detail", args=[case.pk])
    document.refresh_from_db()
    assert document.status == DocumentStatus.WITHDRAWN


def test_another_cases_document_is_not_found_at_this_cases_address(client, alice, case):
    other = attach(factories.CaseFactory(reference="DOC-PAGE-2"), alice, pdfs.text_pdf())
    client.force_login(alice)

    response = client.get(reverse("cases:document_detail", args=[case.pk, other.pk]))

    assert response.status_code == 404


@pytest.mark.parametrize("who", ["olu", "eve"])
def test_the_document_pages_are_refused_to_everyone_but_data_admins(
    client, alice, olu, eve, case, who
):
    document = attach(case, alice, pdfs.phone_pdf())
    client.force_login({"olu": olu, "eve": eve}[who])

    answers = {
        client.get(url).status_code
        for url in [
            upload_url(case),
            reverse("cases:document_detail", args=[case.pk, document.pk]),
            finding_url(document.findings.get()),
        ]
    }

    assert answers == {403}


def test_a_document_larger_than_an_ordinary_request_is_taken(client, alice, case, settings):
    """Requests are refused past 1 MB, but the upload takes a document up to its limit."""
    client.force_login(alice)
    data = pdfs.padded_pdf(settings.REQUEST_MAX_BYTES + 512 * 1024)

    response = post_upload(client, case, data)

    assert response.status_code == 302
    assert CaseDocument.objects.get().size == len(data)


def test_a_body_past_the_documents_limit_is_refused_before_it_is_read(
    client, alice, case, settings
):
    limit(settings, max_bytes=1024 * 1024)
    client.force_login(alice)

    response = post_upload(client, case, pdfs.padded_pdf(3 * 1024 * 1024))

    assert response.status_code == 413
    assert CaseDocument.objects.count() == 0
