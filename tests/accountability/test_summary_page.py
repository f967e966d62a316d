"""OPCC staff read the force's answer and evidence and write the summary of evidence."""

import pytest
from django.urls import reverse

from accountability import services
from accountability.models import EvidenceSummary
from core.models import AuditEntry, AuditEvent
from tests.cases import pdfs

from .pages import error_page, signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db


def url(question) -> str:
    return reverse("accountability:summary", args=[question.pk])


def test_signed_out_goes_to_sign_in(client, answered):
    signed_out_goes_to_sign_in(client, url(answered))


@pytest.mark.parametrize("who", ["lee", "kim", "mina", "cleo", "eve"])
def test_refused_to_all_but_opcc_staff(client, request, answered, who):
    user = request.getfixturevalue(who)
    assert status_for(client, user, url(answered)) == 403
    data = {"text": "A summary", "version": 0}
    assert status_for(client, user, url(answered), "post", data) == 403
    assert EvidenceSummary.objects.count() == 0


def test_a_question_that_does_not_exist_is_not_found(client, olu):
    assert status_for(client, olu, reverse("accountability:summary", args=[999])) == 404


def test_shows_the_answer_and_its_evidence(client, olu, lee, answered, private_uploads):
    services.evidence_upload(
        answer=answered.answer, by=lee, title="Dashboard", chunks=[pdfs.text_pdf()]
    )
    client.force_login(olu)

    page = client.get(url(answered)).content.decode()

    assert "The force&#x27;s answer." in page
    assert "Dashboard (PDF, 1 page)" in page


def test_opcc_staff_save_the_summary(client, olu, answered):
    client.force_login(olu)

    response = client.post(url(answered), {"text": "The force set out…", "version": 0})

    assert response.status_code == 302
    assert EvidenceSummary.objects.get().text == "The force set out…"


def test_a_blank_summary_is_refused(client, olu, answered):
    client.force_login(olu)

    response = client.post(url(answered), {"text": " ", "version": 0})

    error_page(response, "Enter the summary of evidence")
    assert EvidenceSummary.objects.count() == 0


def test_from_an_old_page_answers_409_keeping_the_text(client, olu, answered):
    client.force_login(olu)
    client.post(url(answered), {"text": "First", "version": 0})

    response = client.post(url(answered), {"text": "Mine", "version": 0})

    assert response.status_code == 409
    assert "Mine" in response.content.decode()
    assert EvidenceSummary.objects.get().text == "First"


def test_query_count(client, olu, lee, answered, private_uploads, django_assert_num_queries):
    for n in range(3):
        services.evidence_upload(
            answer=answered.answer, by=lee, title=f"Doc {n}", chunks=[pdfs.text_pdf([f"P{n}"])]
        )
    client.force_login(olu)
    client.get(url(answered))
    with django_assert_num_queries(6):
        assert client.get(url(answered)).status_code == 200


def test_opening_the_page_is_audited(client, olu, answered):
    client.force_login(olu)

    client.get(url(answered))

    entry = AuditEntry.objects.get(event=AuditEvent.VIEWED, actor=olu)
    assert (entry.object_pk, entry.summary) == (str(answered.pk), "The force's answer")
