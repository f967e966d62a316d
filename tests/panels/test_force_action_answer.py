"""The force's response to an action: the liaison's form, with evidence."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import AuditEntry
from panels.enums import ActionStatus
from panels.models import Action, ActionResponse
from tests import factories
from tests.cases.pdfs import padded_pdf, phone_pdf, text_pdf
from tests.panels.liaison_setup import force_action


@pytest.fixture(autouse=True)
def private_uploads(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "uploads"


@pytest.fixture
def action(meeting):
    return force_action(meeting)


def url(action) -> str:
    return reverse("panels:force_action_answer", args=[action.pk])


ANSWER = {"text": "Supervisors were briefed.", "proposed_status": "completed"}


def test_signed_out_is_sent_to_sign_in(client, action):
    response = client.get(url(action))

    assert (response.status_code, response.url.startswith(reverse("login"))) == (302, True)


def test_another_forces_liaison_gets_404(client, action):
    client.force_login(factories.ForceLiaisonFactory().user)

    assert client.get(url(action)).status_code == 404


def test_opcc_staff_may_see_the_action_but_not_answer_it(client, olu, action):
    client.force_login(olu)

    assert client.get(url(action)).status_code == 403


def test_the_liaison_sends_a_response_with_evidence(client, lee, action):
    client.force_login(lee)
    pdf = SimpleUploadedFile("note.pdf", text_pdf(), content_type="application/pdf")

    response = client.post(
        url(action), {**ANSWER, "evidence_title": "Briefing note", "evidence": pdf}
    )

    saved = ActionResponse.objects.get()
    assert (response.status_code, response.url, saved.text, saved.evidence.count()) == (
        302,
        reverse("panels:force_action", args=[action.pk]),
        "Supervisors were briefed.",
        1,
    )


def test_evidence_larger_than_an_ordinary_request_is_taken(client, lee, action, settings):
    """Requests are refused past 1 MB, but the answer takes evidence up to a document's limit."""
    client.force_login(lee)
    data = padded_pdf(settings.REQUEST_MAX_BYTES + 512 * 1024)
    pdf = SimpleUploadedFile("note.pdf", data, content_type="application/pdf")

    response = client.post(
        url(action), {**ANSWER, "evidence_title": "Briefing note", "evidence": pdf}
    )

    assert (response.status_code, ActionResponse.objects.get().evidence.get().size) == (
        302,
        len(data),
    )


def test_an_empty_answer_shows_the_error_summary_and_saves_nothing(client, lee, action):
    client.force_login(lee)

    response = client.post(url(action), {"text": "", "proposed_status": ""})

    page = response.content.decode()
    assert (
        response.status_code,
        "govuk-error-summary" in page,
        "Enter the force&#x27;s response" in page,
        ActionResponse.objects.count(),
    ) == (200, True, True, 0)


def test_evidence_with_personal_data_is_refused_on_the_page(client, lee, action):
    client.force_login(lee)
    pdf = SimpleUploadedFile("letter.pdf", phone_pdf(), content_type="application/pdf")

    response = client.post(url(action), {**ANSWER, "evidence_title": "Letter", "evidence": pdf})

    assert (
        "looks like it holds a phone number" in response.content.decode(),
        ActionResponse.objects.count(),
    ) == (True, 0)


def test_a_file_that_is_not_a_pdf_is_refused(client, lee, action):
    client.force_login(lee)
    upload = SimpleUploadedFile("note.docx", b"PK\x03\x04", content_type="application/zip")

    response = client.post(url(action), {**ANSWER, "evidence_title": "Note", "evidence": upload})

    assert (
        "The selected file must be a PDF" in response.content.decode(),
        ActionResponse.objects.count(),
    ) == (True, 0)


def test_evidence_without_a_title_is_refused(client, lee, action):
    client.force_login(lee)
    pdf = SimpleUploadedFile("note.pdf", text_pdf(), content_type="application/pdf")

    response = client.post(url(action), {**ANSWER, "evidence": pdf})

    assert (
        "Enter the evidence&#x27;s title" in response.content.decode(),
        ActionResponse.objects.count(),
    ) == (True, 0)


def test_a_response_to_a_closed_action_is_refused_with_a_clear_message(client, lee, action):
    Action.objects.filter(pk=action.pk).update(status=ActionStatus.CLOSED)
    client.force_login(lee)

    response = client.post(url(action), ANSWER)

    assert (
        "This action is done or dropped, so it can no longer be answered"
        in response.content.decode(),
        ActionResponse.objects.count(),
    ) == (True, 0)


def test_the_form_takes_a_fixed_number_of_queries(client, lee, action, django_assert_num_queries):
    client.force_login(lee)
    client.get(url(action))

    with django_assert_num_queries(7):
        client.get(url(action))


def test_the_form_is_audited(client, lee, action):
    client.force_login(lee)

    client.get(url(action))

    assert AuditEntry.objects.filter(summary="Force's action to answer", actor=lee).count() == 1


def test_the_evidence_downloads_as_an_attachment_and_is_audited(client, lee, olu, action):
    client.force_login(lee)
    pdf = SimpleUploadedFile("note.pdf", text_pdf(), content_type="application/pdf")
    client.post(url(action), {**ANSWER, "evidence_title": "Briefing note", "evidence": pdf})
    evidence = ActionResponse.objects.get().evidence.get()
    client.force_login(olu)

    response = client.get(reverse("panels:response_evidence", args=[evidence.pk]))

    assert (
        response["Content-Disposition"],
        AuditEntry.objects.filter(summary="Force's evidence", actor=olu).count(),
    ) == ('attachment; filename="evidence-briefing-note.pdf"', 1)


def test_another_forces_liaison_may_not_download_the_evidence(client, lee, action):
    client.force_login(lee)
    pdf = SimpleUploadedFile("note.pdf", text_pdf(), content_type="application/pdf")
    client.post(url(action), {**ANSWER, "evidence_title": "Briefing note", "evidence": pdf})
    evidence = ActionResponse.objects.get().evidence.get()
    client.force_login(factories.ForceLiaisonFactory().user)

    response = client.get(reverse("panels:response_evidence", args=[evidence.pk]))

    assert response.status_code == 404
