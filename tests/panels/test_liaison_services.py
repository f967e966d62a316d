"""The right of reply: the force's liaison answers an action, OPCC staff approve or
return the answer; evidence is checked as a case document is; the work is emailed."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from core.notifications import NotificationKind, notification_preferences_save
from core.roles import StaffRole
from core.stale import StaleEdit
from panels.enums import ActionStatus, ResponseState
from panels.liaison import grants
from panels.liaison.notifications import force_action_reminders_due, force_action_reminders_send
from panels.liaison.services import action_response_review, action_response_submit
from panels.models import Action, ActionResponse, ForceLiaison, Membership, ResponseEvidence
from tests import factories
from tests.cases.pdfs import javascript_pdf, phone_pdf, text_pdf


@pytest.fixture(autouse=True)
def private_uploads(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "uploads"


@pytest.fixture
def action(meeting):
    return Action.objects.create(
        meeting=meeting,
        force=meeting.panel.force,
        description="Brief supervisors on recording admissions.",
        owner="Force OoCR lead",
        due_date=datetime.date(2026, 3, 1),
    )


def submit(action, by, **overrides):
    fields = {"text": "Supervisors were briefed in February.", "proposed_status": "completed"}
    return action_response_submit(action=action, by=by, **{**fields, **overrides})


def test_the_liaison_answers_an_action_and_it_waits_for_review(action, lee):
    response = submit(action, lee)

    assert (response.state, response.submitted_by, response.action.status) == (
        ResponseState.SUBMITTED,
        lee,
        ActionStatus.OPEN,
    )


def test_opcc_staff_are_emailed_when_a_response_arrives(action, lee, olu, sent):
    sent(submit, action=action, by=lee)

    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([olu.email], f"{action.force.name} has responded to an action")
    ]


def test_the_response_email_has_its_own_switch_not_the_reports_approval_one(action, lee, olu, sent):
    # Olu keeps reports' approval emails but turns responses off; Nia the other way round.
    nia = factories.UserFactory(username="nia", roles=[StaffRole.OPCC_STAFF])
    notification_preferences_save(
        user=olu, enabled=set(NotificationKind.values) - {NotificationKind.RESPONSE_WAITING}
    )
    notification_preferences_save(
        user=nia, enabled=set(NotificationKind.values) - {NotificationKind.APPROVAL_WAITING}
    )

    sent(submit, action=action, by=lee)

    assert [m.to for m in mail.outbox] == [[nia.email]]


def test_the_email_names_the_work_and_links_to_it_without_case_detail(action, lee, olu, sent):
    response = sent(submit, action=action, by=lee)

    body = mail.outbox[0].body
    assert (f"/force/responses/{response.pk}/review/" in body, "Supervisors" in body) == (
        True,
        False,
    )


def test_a_response_to_a_closed_action_is_refused_with_a_clear_message(action, lee):
    Action.objects.filter(pk=action.pk).update(status=ActionStatus.COMPLETED)

    with pytest.raises(ValidationError) as refused:
        submit(action, lee)

    assert (
        refused.value.messages[0].startswith("This action is done or dropped"),
        ActionResponse.objects.count(),
    ) == (True, 0)


def test_an_empty_response_is_refused(action, lee):
    with pytest.raises(ValidationError) as refused:
        submit(action, lee, text="   ")

    assert refused.value.message_dict == {"text": ["Enter the force's response"]}


def test_another_forces_liaison_may_not_answer(action):
    other = factories.ForceLiaisonFactory().user

    with pytest.raises(PermissionDenied):
        submit(action, other)


def test_opcc_staff_may_not_answer_for_the_force(action, olu):
    with pytest.raises(PermissionDenied):
        submit(action, olu)


def test_clean_evidence_is_kept_with_the_response(action, lee):
    response = submit(action, lee, evidence_title="Briefing note", evidence=[text_pdf()])

    assert [(e.title, e.page_count) for e in response.evidence.all()] == [("Briefing note", 1)]


def test_evidence_with_personal_data_is_refused_and_nothing_is_kept(action, lee, tmp_path):
    with pytest.raises(ValidationError) as refused:
        submit(action, lee, evidence_title="Letter", evidence=[phone_pdf()])

    message = refused.value.message_dict["evidence"][0]
    assert (
        message.startswith("Page 2 of the selected PDF looks like it holds a phone number"),
        ActionResponse.objects.count(),
        list((tmp_path / "uploads" / "documents").iterdir()),
    ) == (True, 0, [])


def test_evidence_with_javascript_is_refused_as_a_case_document_is(action, lee):
    with pytest.raises(ValidationError) as refused:
        submit(action, lee, evidence_title="Letter", evidence=[javascript_pdf()])

    assert refused.value.message_dict["evidence"][0].startswith(
        "The selected PDF contains JavaScript"
    )


def test_approving_applies_the_proposed_status_and_the_response(action, lee, olu):
    response = submit(action, lee)

    action_response_review(response=response, by=olu, approve=True, version=0)

    action.refresh_from_db()
    assert (action.status, action.force_response) == (
        ActionStatus.COMPLETED,
        "Supervisors were briefed in February.",
    )


def test_returning_needs_a_reason(action, lee, olu):
    response = submit(action, lee)

    with pytest.raises(ValidationError) as refused:
        action_response_review(response=response, by=olu, approve=False, reason="", version=0)

    assert refused.value.message_dict == {
        "reason": ["Enter why the response is returned to the force"]
    }


def test_a_returned_response_keeps_its_reason_and_leaves_the_action_open(action, lee, olu):
    response = submit(action, lee)

    returned = action_response_review(
        response=response, by=olu, approve=False, reason="Say when.", version=0
    )

    action.refresh_from_db()
    assert (returned.state, returned.return_reason, returned.reviewed_by, action.status) == (
        ResponseState.RETURNED,
        "Say when.",
        olu,
        ActionStatus.OPEN,
    )


def test_a_review_from_a_stale_page_is_refused(action, lee, olu):
    response = submit(action, lee)
    action_response_review(response=response, by=olu, approve=True, version=0)

    with pytest.raises(StaleEdit):
        action_response_review(response=response, by=olu, approve=False, reason="x", version=0)


def test_the_liaison_may_not_approve_their_own_response(action, lee):
    response = submit(action, lee)

    with pytest.raises(PermissionDenied):
        action_response_review(response=response, by=lee, approve=True, version=0)


def test_liaisons_are_reminded_once_of_an_unanswered_action_falling_due(action, lee, sent):
    today = datetime.date(2026, 2, 27)

    first = sent(force_action_reminders_send, today=today)
    again = sent(force_action_reminders_send, today=today)

    assert (len(first), len(again), [m.to for m in mail.outbox]) == (1, 0, [[lee.email]])


def test_an_answered_action_is_not_reminded(action, lee):
    submit(action, lee)

    assert force_action_reminders_due(today=datetime.date(2026, 3, 2)) == []


def test_the_liaison_is_emailed_when_an_action_is_addressed_to_the_force(meeting, chris, lee, sent):
    from panels.enums import MeetingStatus
    from panels.meetings.services import action_save
    from panels.models import Meeting

    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.IN_DISCUSSION)
    meeting.refresh_from_db()

    sent(
        action_save,
        meeting=meeting,
        by=chris,
        description="Brief supervisors.",
        owner="Force",
        addressed_to_force=True,
    )

    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([lee.email], "An action is addressed to your force")
    ]


def test_opcc_staff_invite_a_liaison_with_a_new_account(olu, panel, sent):
    liaison = sent(
        grants.liaison_invite, force=panel.force, by=olu, name="Lee Ng", email="lee@example.org"
    )

    assert (liaison.user.email, liaison.is_active, mail.outbox[0].to) == (
        "lee@example.org",
        True,
        ["lee@example.org"],
    )


def test_a_panel_member_cannot_be_made_a_liaison(olu, panel, mina):
    with pytest.raises(ValidationError) as refused:
        grants.liaison_invite(force=panel.force, by=olu, name="Mina", email=mina.email)

    assert (refused.value.message_dict["email"], ForceLiaison.objects.count()) == (
        [f"{mina.get_full_name()} sits on a panel, so cannot be a force liaison"],
        0,
    )


def test_a_paused_panel_member_cannot_be_made_a_liaison(olu, panel, mina):
    # A paused membership may be resumed, and then the liaison would see the ratings.
    Membership.objects.filter(user=mina).update(is_active=False)

    with pytest.raises(ValidationError) as refused:
        grants.liaison_invite(force=panel.force, by=olu, name="Mina", email=mina.email)

    assert (refused.value.message_dict["email"], ForceLiaison.objects.count()) == (
        [f"{mina.get_full_name()} sits on a panel, so cannot be a force liaison"],
        0,
    )


def test_ending_the_role_takes_the_force_away(olu, lee, panel):
    liaison = ForceLiaison.objects.get(user=lee)

    grants.liaison_end(liaison=liaison, by=olu, version=0)

    liaison.refresh_from_db()
    assert (liaison.is_active, liaison.ended_on is not None) == (False, True)


def test_a_liaison_may_not_grant_the_role(lee, panel):
    with pytest.raises(PermissionDenied):
        grants.liaison_invite(force=panel.force, by=lee, name="X", email="x@example.org")


def test_no_evidence_row_is_left_when_nothing_is_uploaded(action, lee):
    submit(action, lee)

    assert ResponseEvidence.objects.count() == 0


def test_a_liaison_cannot_be_invited_onto_a_panel(olu, panel, lee):
    from panels.people.services import membership_invite

    with pytest.raises(ValidationError) as refused:
        membership_invite(panel=panel, by=olu, name="Lee", email=lee.email, agency="police")

    assert refused.value.message_dict["email"] == [
        "This person is a force liaison, so cannot join a panel"
    ]
