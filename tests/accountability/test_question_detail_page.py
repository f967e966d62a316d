"""The question's own page: the question, its due date, the force's answer with who and
when, the evidence and the summary, read-only, for OPCC staff and the Commissioner in
every status of the meeting."""

import pytest
from django.urls import reverse

from accountability import services
from accountability.enums import ScrutinyMeetingStatus as Status
from core.models import AuditEntry, AuditEvent
from tests.cases import pdfs

from .factories import QuestionFactory
from .pages import signed_out_goes_to_sign_in, status_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_uploads")]


def url(question) -> str:
    return reverse("accountability:question_detail", args=[question.pk])


@pytest.fixture
def summarised(answered, olu, lee):
    services.evidence_upload(
        answer=answered.answer, by=lee, title="OoCR dashboard", chunks=[pdfs.text_pdf()]
    )
    services.evidence_summary_save(question=answered, by=olu, text="Below its peers.")
    answered.refresh_from_db()
    return answered


def close(meeting, olu, topic) -> None:
    services.topic_decision_save(
        meeting=meeting, topic=topic, by=olu, level="partly_assured", rationale="Plans."
    )
    services.scrutiny_meeting_move(meeting=meeting, by=olu, to=Status.DECIDED)
    services.scrutiny_meeting_move(meeting=meeting, by=olu, to=Status.CLOSED)


def test_signed_out_goes_to_sign_in(client, summarised):
    signed_out_goes_to_sign_in(client, url(summarised))


@pytest.mark.parametrize("who", ["lee", "kim", "mina", "chris", "eve"])
def test_refused_to_liaisons_and_panel_members(client, request, summarised, who):
    # The force's own liaison reads the answer on their own page (accountability:answer).
    assert status_for(client, request.getfixturevalue(who), url(summarised)) == 403


def test_a_question_that_does_not_exist_is_not_found(client, olu):
    target = reverse("accountability:question_detail", args=[999])
    assert status_for(client, olu, target) == 404


@pytest.mark.parametrize("who", ["olu", "cleo"])
def test_shows_the_answer_evidence_and_summary_once_the_meeting_is_closed(
    client, request, olu, topic, summarised, who
):
    close(summarised.meeting, olu, topic)
    client.force_login(request.getfixturevalue(who))

    page = client.get(url(summarised)).content.decode()

    assert summarised.text in page
    assert f"{summarised.due_date:%-d %B %Y}" in page
    assert "The force&#x27;s answer." in page
    assert f"Given by {summarised.answer.submitted_by.get_full_name()}" in page
    document = summarised.answer.documents.get()
    assert reverse("accountability:evidence_download", args=[document.pk]) in page
    assert "Below its peers." in page
    assert reverse("accountability:summary", args=[summarised.pk]) not in page


def test_the_commissioner_may_download_the_evidence(client, cleo, summarised):
    document = summarised.answer.documents.get()
    client.force_login(cleo)

    response = client.get(reverse("accountability:evidence_download", args=[document.pk]))

    assert response.status_code == 200


def test_staff_are_offered_the_summary_while_the_meeting_is_open(client, olu, cleo, answered):
    client.force_login(olu)
    assert (
        reverse("accountability:summary", args=[answered.pk])
        in client.get(url(answered)).content.decode()
    )
    client.force_login(cleo)
    page = client.get(url(answered)).content.decode()
    assert reverse("accountability:summary", args=[answered.pk]) not in page
    assert "No summary of evidence has been written." in page


def test_an_unanswered_question_of_a_decided_meeting_says_so(client, olu, topic, sent_question):
    meeting = sent_question.meeting
    services.scrutiny_meeting_move(meeting=meeting, by=olu, to=Status.EVIDENCE_RECEIVED)
    services.topic_decision_save(
        meeting=meeting, topic=topic, by=olu, level="not_assured", rationale="No answer."
    )
    services.scrutiny_meeting_move(meeting=meeting, by=olu, to=Status.DECIDED)
    client.force_login(olu)

    page = client.get(url(sent_question)).content.decode()

    assert "Not answered in the service" in page
    assert "Waiting for the force" not in page


def test_a_draft_offers_change_and_removal_to_staff_only(client, olu, cleo, question):
    client.force_login(olu)
    page = client.get(url(question)).content.decode()
    assert reverse("accountability:question_edit", args=[question.pk]) in page
    assert reverse("accountability:question_remove", args=[question.pk]) in page
    client.force_login(cleo)
    page = client.get(url(question)).content.decode()
    assert "it has not been sent to the force" in page
    assert reverse("accountability:question_remove", args=[question.pk]) not in page


def test_viewing_is_audited(client, cleo, summarised):
    client.force_login(cleo)
    client.get(url(summarised))
    assert AuditEntry.objects.filter(event=AuditEvent.VIEWED, actor=cleo).count() == 1


def test_the_meeting_page_links_every_question_in_every_status(client, olu, topic, summarised):
    meeting = summarised.meeting
    close(meeting, olu, topic)
    client.force_login(olu)

    page = client.get(reverse("accountability:meeting_detail", args=[meeting.pk])).content.decode()

    assert url(summarised) in page


def test_the_decision_page_lists_the_topics_questions_and_summaries(
    client, cleo, topic, summarised
):
    other = QuestionFactory(meeting=summarised.meeting, topic=topic, number=2, text="Draft?")
    client.force_login(cleo)

    target = reverse("accountability:decision", args=[summarised.meeting.pk, topic.pk])
    page = client.get(target).content.decode()

    assert summarised.text in page and "Below its peers." in page
    assert url(summarised) in page and url(other) in page


def test_query_count(client, olu, summarised, django_assert_num_queries):
    client.force_login(olu)
    client.get(url(summarised))
    with django_assert_num_queries(6):
        assert client.get(url(summarised)).status_code == 200
