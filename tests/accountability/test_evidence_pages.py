"""Adding evidence to the force's answer, and downloading it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accountability import services
from accountability.models import EvidenceDocument
from core.models import AuditEntry, AuditEvent
from tests.cases import pdfs

from .pages import error_page, signed_out_goes_to_sign_in, status_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_uploads")]


def add(question) -> str:
    return reverse("accountability:evidence_add", args=[question.pk])


def download(document) -> str:
    return reverse("accountability:evidence_download", args=[document.pk])


def upload(content: bytes, title: str = "Dashboard", name: str = "dashboard.pdf") -> dict:
    return {"title": title, "file": SimpleUploadedFile(name, content, "application/pdf")}


@pytest.fixture
def document(lee, answered):
    return services.evidence_upload(
        answer=answered.answer, by=lee, title="Dashboard", chunks=[pdfs.text_pdf()]
    )


def test_signed_out_goes_to_sign_in(client, document):
    signed_out_goes_to_sign_in(client, add(document.answer.question))
    signed_out_goes_to_sign_in(client, download(document))


@pytest.mark.parametrize("who", ["mina", "pat", "eve"])
def test_refused_to_those_with_no_part(client, request, document, who):
    user = request.getfixturevalue(who)
    assert status_for(client, user, add(document.answer.question)) == 403
    assert status_for(client, user, download(document)) == 403


def test_opcc_staff_download_but_do_not_add(client, olu, document):
    assert status_for(client, olu, add(document.answer.question)) == 403
    assert status_for(client, olu, download(document)) == 200


def test_another_forces_liaison_gets_not_found(client, kim, document):
    assert status_for(client, kim, add(document.answer.question)) == 404
    assert status_for(client, kim, download(document)) == 404


def test_the_liaison_adds_evidence(client, lee, answered):
    client.force_login(lee)

    response = client.post(add(answered), upload(pdfs.text_pdf()))

    assert response.status_code == 302
    assert EvidenceDocument.objects.get().title == "Dashboard"


def test_evidence_before_an_answer_is_refused_saying_what_to_do(client, lee, sent_question):
    client.force_login(lee)

    response = client.post(add(sent_question), upload(pdfs.text_pdf()))

    assert response.status_code == 409
    error_page(response, "Save the force&#x27;s answer first, then add its evidence.")


def test_evidence_with_personal_data_is_refused(client, lee, answered):
    client.force_login(lee)

    response = client.post(add(answered), upload(pdfs.phone_pdf()))

    error_page(response, "Page 2 of the selected PDF looks like it holds a phone number")
    assert EvidenceDocument.objects.count() == 0


def test_a_file_that_is_not_a_pdf_is_refused(client, lee, answered):
    client.force_login(lee)

    response = client.post(add(answered), upload(b"hello", name="notes.txt"))

    error_page(response, "The selected file must be a PDF")
    assert EvidenceDocument.objects.count() == 0


def test_download_is_an_audited_attachment(client, lee, document):
    client.force_login(lee)

    response = client.get(download(document))

    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert AuditEntry.objects.filter(event=AuditEvent.DOWNLOADED, actor=lee).count() == 1


def test_add_page_query_count(client, lee, answered, django_assert_num_queries):
    client.force_login(lee)
    client.get(add(answered))
    with django_assert_num_queries(8):
        assert client.get(add(answered)).status_code == 200


def test_opening_the_evidence_page_is_audited(client, lee, answered):
    client.force_login(lee)

    client.get(add(answered))

    entry = AuditEntry.objects.get(event=AuditEvent.VIEWED, actor=lee)
    assert (entry.object_pk, entry.summary) == (str(answered.pk), "Adding evidence")
