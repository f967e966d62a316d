"""A case's documents in its papers: listed and downloaded behind the conflict gate by
those who may read the papers, once every finding is decided; refused to everyone else."""

import pytest
from django.urls import reverse

from cases.documents import services
from core.models import AuditEntry, AuditEvent
from panels.enums import Agency, MeetingStatus
from panels.meetings.services import meeting_move
from tests import factories
from tests.cases import pdfs


@pytest.fixture(autouse=True)
def private_uploads(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "uploads"


@pytest.fixture
def sam(panel):
    return factories.MembershipFactory(
        panel=panel, user__username="sam", agency=Agency.PROBATION
    ).user


@pytest.fixture
def reviewed(meeting, olu, alice, chris, mina, sam):
    """Case 1 of a meeting open for rating: Mina has no conflict, Sam has one, Chris has
    not answered yet. It has a letter shown to readers and a log still being screened."""
    reviewed = factories.ReviewedCaseFactory(meeting=meeting, position=1)
    reviewed.letter_bytes = pdfs.text_pdf()
    reviewed.letter = attach(reviewed.case, alice, reviewed.letter_bytes, "CPS decision letter")
    reviewed.log = attach(reviewed.case, alice, pdfs.phone_pdf(), "Witness care log")
    meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    factories.declare(mina, reviewed)
    factories.declare(sam, reviewed, conflict=True)
    return reviewed


def attach(case, user, data, title):
    return services.document_upload(case=case, user=user, title=title, chunks=[data])


def document_url(reviewed, document) -> str:
    return reverse(
        "panels:case_document", args=[reviewed.meeting_id, reviewed.position, document.pk]
    )


def downloads() -> int:
    return AuditEntry.objects.filter(event=AuditEvent.DOWNLOADED).count()


def test_the_papers_list_only_documents_shown_to_readers(client, reviewed, mina):
    client.force_login(mina)

    response = client.get(reverse("panels:case_papers", args=[reviewed.meeting_id, 1]))

    assert [d.title for d in response.context["documents"]] == ["CPS decision letter"]
    body = response.content.decode()
    assert f'href="{document_url(reviewed, reviewed.letter)}"' in body
    assert "Witness care log" not in body


def test_a_member_without_a_conflict_downloads_a_document_as_an_attachment(client, reviewed, mina):
    client.force_login(mina)

    response = client.get(document_url(reviewed, reviewed.letter))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == reviewed.letter_bytes
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="case-1-cps-decision-letter.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    entry = AuditEntry.objects.get(event=AuditEvent.DOWNLOADED)
    assert (entry.actor, entry.object_pk, entry.object_repr) == (
        mina,
        str(reviewed.letter.pk),
        "CPS decision letter",
    )


def test_opcc_staff_download_a_document(client, reviewed, olu):
    client.force_login(olu)

    assert client.get(document_url(reviewed, reviewed.letter)).status_code == 200


def test_a_member_who_declared_a_conflict_is_refused(client, reviewed, sam):
    client.force_login(sam)

    response = client.get(document_url(reviewed, reviewed.letter))

    assert response.status_code == 403
    assert "You declared a conflict of interest in this case" in response.content.decode()
    assert downloads() == 0


def test_a_member_who_has_not_answered_is_sent_to_the_conflict_gate(client, reviewed, chris):
    client.force_login(chris)

    response = client.get(document_url(reviewed, reviewed.letter))

    assert response.status_code == 302
    assert response["Location"] == reverse("panels:conflict_declare", args=[reviewed.meeting_id, 1])
    assert downloads() == 0


@pytest.mark.parametrize(("who", "status"), [("alice", 403), ("nadia", 404), ("eve", 404)])
def test_those_who_may_not_read_the_papers_are_refused(
    client, reviewed, alice, nadia, eve, who, status
):
    client.force_login({"alice": alice, "nadia": nadia, "eve": eve}[who])

    assert client.get(document_url(reviewed, reviewed.letter)).status_code == status
    assert downloads() == 0


def test_signed_out_is_sent_to_sign_in(client, reviewed):
    response = client.get(document_url(reviewed, reviewed.letter))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_document_still_being_screened_is_not_found(client, reviewed, mina):
    client.force_login(mina)

    assert client.get(document_url(reviewed, reviewed.log)).status_code == 404


def test_another_cases_document_is_not_found_at_this_cases_address(
    client, reviewed, meeting, alice, mina
):
    other = factories.ReviewedCaseFactory(meeting=meeting, position=2)
    elsewhere = attach(other.case, alice, pdfs.text_pdf(["Another letter."]), "Other letter")
    client.force_login(mina)

    assert client.get(document_url(reviewed, elsewhere)).status_code == 404


def test_a_withdrawn_document_is_not_found(client, reviewed, alice, mina):
    services.document_withdraw(document=reviewed.letter, user=alice)
    client.force_login(mina)

    assert client.get(document_url(reviewed, reviewed.letter)).status_code == 404


def test_a_post_is_not_allowed(client, reviewed, mina):
    client.force_login(mina)

    assert client.post(document_url(reviewed, reviewed.letter)).status_code == 405
