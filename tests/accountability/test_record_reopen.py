"""A meeting closes only with every question sent to the force summarised, and a closed
meeting's record is reopened to correct it, with the reason in its history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accountability import services
from accountability.enums import ScrutinyMeetingStatus as Status
from accountability.models import EvidenceSummary, ScrutinyMeeting
from core.models import AuditEntry
from core.workflow import TransitionNotAllowed

from .factories import QuestionFactory
from .pages import error_page, signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db
REASON = "To take a name out of the summary of evidence on question 1."


def decided(meeting, topic, olu, *, summarise=True):
    """The meeting decided, its sent questions summarised unless told otherwise."""
    services.scrutiny_meeting_move(meeting=meeting, by=olu, to=Status.EVIDENCE_RECEIVED)
    if summarise:
        for question in meeting.questions.filter(sent_at__isnull=False):
            services.evidence_summary_save(question=question, by=olu, text="The figures.")
    services.topic_decision_save(
        meeting=meeting, topic=topic, by=olu, level="assured", rationale="Because."
    )
    services.scrutiny_meeting_move(meeting=meeting, by=olu, to=Status.DECIDED)
    return meeting


@pytest.fixture
def closed(sent_question, topic, olu):
    meeting = decided(sent_question.meeting, topic, olu)
    services.scrutiny_meeting_move(meeting=meeting, by=olu, to=Status.CLOSED)
    return meeting


def url(meeting) -> str:
    return reverse("accountability:meeting_reopen", args=[meeting.pk])


def test_a_meeting_cannot_close_with_sent_questions_unsummarised(olu, scrutiny, topic, due):
    for number in (1, 2, 3):
        QuestionFactory(meeting=scrutiny, topic=topic, number=number)
    services.questions_send(meeting=scrutiny, by=olu, due_date=due)
    decided(scrutiny, topic, olu, summarise=False)
    services.evidence_summary_save(
        question=scrutiny.questions.get(number=2), by=olu, text="The figures."
    )

    with pytest.raises(TransitionNotAllowed) as refused:
        services.scrutiny_meeting_move(meeting=scrutiny, by=olu, to=Status.CLOSED)

    assert refused.value.messages == [
        "Write the summary of evidence on every question sent to the force before closing "
        "the meeting: question 1 and question 3 have none."
    ]
    assert ScrutinyMeeting.objects.get().status == Status.DECIDED


def test_the_record_is_reopened_with_the_reason_in_its_history(closed, olu):
    services.scrutiny_meeting_reopen(meeting=closed, by=olu, reason=f"  {REASON} ")

    closed.refresh_from_db()
    change = closed.status_history.order_by("-pk").first()
    assert (closed.status, change.from_status, change.to_status, change.note) == (
        Status.DECIDED,
        Status.CLOSED,
        Status.DECIDED,
        REASON,
    )
    entry = AuditEntry.objects.filter(summary="The meeting's record was reopened").get()
    assert (entry.actor, entry.additional_data) == (olu, {"reason": REASON})


def test_a_reopened_record_can_be_corrected_and_closed_again(closed, sent_question, olu):
    services.scrutiny_meeting_reopen(meeting=closed, by=olu, reason=REASON)
    services.evidence_summary_save(
        question=sent_question, by=olu, text="Corrected figures.", version=1
    )
    services.scrutiny_meeting_move(meeting=closed, by=olu, to=Status.CLOSED)

    closed.refresh_from_db()
    assert (closed.status, EvidenceSummary.objects.get().text) == (
        Status.CLOSED,
        "Corrected figures.",
    )


def test_reopening_needs_a_reason(closed, olu):
    with pytest.raises(ValidationError) as refused:
        services.scrutiny_meeting_reopen(meeting=closed, by=olu, reason="  ")
    assert refused.value.message_dict == {
        "reason": ["Enter why the meeting's record is being reopened"]
    }


def test_a_closed_meeting_is_not_reopened_by_a_plain_move(closed, olu):
    with pytest.raises(TransitionNotAllowed) as refused:
        services.scrutiny_meeting_move(meeting=closed, by=olu, to=Status.DECIDED)
    assert refused.value.messages == ["Enter why the record is being reopened."]
    assert ScrutinyMeeting.objects.get().status == Status.CLOSED


def test_an_open_record_is_not_reopened(sent_question, olu):
    with pytest.raises(ValidationError) as refused:
        services.scrutiny_meeting_reopen(meeting=sent_question.meeting, by=olu, reason=REASON)
    assert refused.value.messages == ["This meeting's record is open already: it is not closed."]


@pytest.mark.parametrize("who", ["cleo", "lee", "mina", "eve"])
def test_reopening_is_refused_to_all_but_opcc_staff(request, closed, who):
    with pytest.raises(PermissionDenied):
        services.scrutiny_meeting_reopen(
            meeting=closed, by=request.getfixturevalue(who), reason=REASON
        )
    assert ScrutinyMeeting.objects.get().status == Status.CLOSED


# The page ---------------------------------------------------------------------------


def test_signed_out_goes_to_sign_in(client, scrutiny):
    signed_out_goes_to_sign_in(client, url(scrutiny))


@pytest.mark.parametrize("who", ["cleo", "lee", "mina", "eve"])
def test_the_page_is_refused_to_all_but_opcc_staff(client, request, closed, who):
    user = request.getfixturevalue(who)
    assert status_for(client, user, url(closed)) == 403
    assert status_for(client, user, url(closed), "post", {"reason": REASON}) == 403
    assert ScrutinyMeeting.objects.get().status == Status.CLOSED


def test_a_meeting_that_does_not_exist_is_not_found(client, olu):
    assert status_for(client, olu, reverse("accountability:meeting_reopen", args=[999])) == 404


def test_the_closed_meeting_page_offers_to_reopen_the_record(client, olu, closed):
    client.force_login(olu)
    page = client.get(reverse("accountability:meeting_detail", args=[closed.pk]))
    assert f'href="{url(closed)}"' in page.content.decode()
    assert "Mark the meeting as decided" not in page.content.decode()


def test_opcc_staff_reopen_the_record_and_the_history_says_why(client, olu, closed):
    client.force_login(olu)

    response = client.post(url(closed), {"reason": REASON}, follow=True)

    page = response.content.decode()
    assert "The meeting&#x27;s record is reopened" in page
    assert f"record reopened. {REASON}" in page
    assert ScrutinyMeeting.objects.get().status == Status.DECIDED


def test_the_page_asks_for_the_reason(client, olu, closed):
    client.force_login(olu)
    error_page(client.post(url(closed), {"reason": ""}), "Enter why the meeting")
    assert ScrutinyMeeting.objects.get().status == Status.CLOSED


def test_the_page_says_when_the_record_is_open_already(client, olu, sent_question):
    client.force_login(olu)
    response = client.post(url(sent_question.meeting), {"reason": REASON})
    error_page(response, "This meeting&#x27;s record is open already: it is not closed.")
