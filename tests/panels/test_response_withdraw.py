"""The force is told when its response is returned; an approval can be withdrawn (the
response goes back to the force, the action to its status before the approval); a
response to an action closed since it was sent cannot be approved."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from panels.enums import ActionStatus, ResponseState
from panels.liaison.services import (
    action_response_review,
    action_response_submit,
    action_response_withdraw,
)
from panels.models import Action
from tests import factories


@pytest.fixture
def action(meeting):
    return Action.objects.create(
        meeting=meeting,
        force=meeting.panel.force,
        description="Brief supervisors on recording admissions.",
        owner="Force OoCR lead",
        due_date=datetime.date(2026, 3, 1),
        status=ActionStatus.IN_PROGRESS,
    )


def submit(action, by, text="Supervisors were briefed in February."):
    return action_response_submit(action=action, by=by, text=text, proposed_status="completed")


def approved(action, lee, olu, **kwargs):
    response = submit(action, lee, **kwargs)
    return action_response_review(response=response, by=olu, approve=True, version=0)


def test_the_forces_liaisons_are_emailed_when_a_response_is_returned(action, lee, olu, sent):
    response = submit(action, lee)
    mail.outbox.clear()

    sent(
        action_response_review,
        response=response,
        by=olu,
        approve=False,
        reason="Say when the briefing happened.",
        version=0,
    )

    message = mail.outbox[0]
    assert (
        [(m.to, m.subject) for m in mail.outbox],
        f"/panels/force/actions/{action.pk}/" in message.body,
        "Say when the briefing happened" in message.body,
    ) == (
        [([lee.email], f"{action.force.name}'s response to an action is returned: answer again")],
        True,
        False,
    )


def test_an_ended_liaison_is_not_emailed_of_a_returned_response(action, lee, olu, sent):
    response = submit(action, lee)
    lee.force_liaisons.update(is_active=False)
    mail.outbox.clear()

    sent(action_response_review, response=response, by=olu, approve=False, reason="x", version=0)

    assert mail.outbox == []


def test_withdrawing_an_approval_returns_the_response_and_restores_the_action(
    action, lee, olu, sent
):
    response = approved(action, lee, olu)
    mail.outbox.clear()

    withdrawn = sent(
        action_response_withdraw,
        response=response,
        by=olu,
        reason="It names an officer.",
        version=1,
    )

    action.refresh_from_db()
    assert (
        withdrawn.state,
        withdrawn.return_reason,
        withdrawn.withdrawn_by,
        withdrawn.reviewed_by,
        action.status,
        action.force_response,
        action.responses.filter(state=ResponseState.APPROVED).count(),
        [m.subject for m in mail.outbox],
    ) == (
        ResponseState.RETURNED,
        "It names an officer.",
        olu,
        olu,
        ActionStatus.IN_PROGRESS,
        "",
        0,
        [f"The approval of {action.force.name}'s response to an action is withdrawn"],
    )


def test_withdrawing_leaves_the_earlier_approved_response_on_record(action, lee, olu):
    approved(action, lee, olu, text="Briefings planned.")
    Action.objects.filter(pk=action.pk).update(status=ActionStatus.IN_PROGRESS)
    later = approved(action, lee, olu, text="Briefings done.")

    action_response_withdraw(response=later, by=olu, reason="Wrong date.", version=1)

    action.refresh_from_db()
    assert (action.force_response, action.status) == (
        "Briefings planned.",
        ActionStatus.IN_PROGRESS,
    )


def test_withdrawing_keeps_a_status_opcc_staff_set_after_the_approval(action, lee, olu):
    response = approved(action, lee, olu)
    Action.objects.filter(pk=action.pk).update(status=ActionStatus.CLOSED)

    action_response_withdraw(response=response, by=olu, reason="Wrong date.", version=1)

    action.refresh_from_db()
    assert action.status == ActionStatus.CLOSED


def test_withdrawing_needs_a_reason(action, lee, olu):
    response = approved(action, lee, olu)

    with pytest.raises(ValidationError) as refused:
        action_response_withdraw(response=response, by=olu, reason="  ", version=1)

    response.refresh_from_db()
    assert (refused.value.message_dict, response.state) == (
        {"reason": ["Enter why the approval is withdrawn"]},
        ResponseState.APPROVED,
    )


def test_only_an_approved_response_can_be_withdrawn(action, lee, olu):
    response = submit(action, lee)

    with pytest.raises(ValidationError) as refused:
        action_response_withdraw(response=response, by=olu, reason="x", version=0)

    assert refused.value.messages == ["Only an approved response can have its approval withdrawn"]


def test_the_liaison_may_not_withdraw_an_approval(action, lee, olu):
    response = approved(action, lee, olu)

    with pytest.raises(PermissionDenied):
        action_response_withdraw(response=response, by=lee, reason="x", version=1)


def test_a_chair_may_not_withdraw_an_approval(action, lee, olu, chris):
    response = approved(action, lee, olu)

    with pytest.raises(PermissionDenied):
        action_response_withdraw(response=response, by=chris, reason="x", version=1)


def test_a_response_to_an_action_closed_since_it_was_sent_cannot_be_approved(action, lee, olu):
    response = submit(action, lee)
    Action.objects.filter(pk=action.pk).update(status=ActionStatus.CLOSED)

    with pytest.raises(ValidationError) as refused:
        action_response_review(response=response, by=olu, approve=True, version=0)

    action.refresh_from_db()
    response.refresh_from_db()
    assert (refused.value.messages[0][:60], action.status, response.state) == (
        "OPCC staff have marked this action done or dropped since the",
        ActionStatus.CLOSED,
        ResponseState.SUBMITTED,
    )


def test_a_response_to_a_closed_action_can_still_be_returned(action, lee, olu):
    response = submit(action, lee)
    Action.objects.filter(pk=action.pk).update(status=ActionStatus.COMPLETED)

    returned = action_response_review(
        response=response, by=olu, approve=False, reason="Closed already.", version=0
    )

    assert returned.state == ResponseState.RETURNED


def test_another_forces_liaison_is_not_emailed(action, lee, olu, sent):
    other = factories.ForceLiaisonFactory().user
    response = submit(action, lee)
    mail.outbox.clear()

    sent(action_response_review, response=response, by=olu, approve=False, reason="x", version=0)

    assert ([m.to for m in mail.outbox], other.email != lee.email) == ([[lee.email]], True)


def answered(action, lee, olu, text, status=ActionStatus.IN_PROGRESS):
    response = action_response_submit(action=action, by=lee, text=text, proposed_status=status)
    return action_response_review(response=response, by=olu, approve=True, version=0)


def test_withdrawing_an_older_approval_leaves_the_later_one_standing(action, lee, olu, sent):
    Action.objects.filter(pk=action.pk).update(status=ActionStatus.OPEN)
    older = answered(action, lee, olu, "Briefings planned.")
    answered(action, lee, olu, "Briefings under way.")
    mail.outbox.clear()

    sent(action_response_withdraw, response=older, by=olu, reason="Wrong date.", version=1)

    action.refresh_from_db()
    body = " ".join(mail.outbox[0].body.split())
    assert (
        action.status,
        action.force_response,
        "later response, approved since, stays on record" in body,
        "waits for the force to answer again" in body,
    ) == (ActionStatus.IN_PROGRESS, "Briefings under way.", True, False)


def test_withdrawing_puts_back_the_response_approved_last_not_the_one_sent_last(action, lee, olu):
    first = action_response_submit(
        action=action, by=lee, text="Sent first, approved last.", proposed_status="in_progress"
    )
    second = action_response_submit(
        action=action, by=lee, text="Sent last, approved first.", proposed_status="in_progress"
    )
    action_response_review(response=second, by=olu, approve=True, version=0)
    action_response_review(response=first, by=olu, approve=True, version=0)
    newest = answered(action, lee, olu, "Briefings done.")

    action_response_withdraw(response=newest, by=olu, reason="Wrong date.", version=1)

    action.refresh_from_db()
    assert action.force_response == "Sent first, approved last."


def test_the_withdrawal_email_says_reports_published_from_now_on_leave_it_out(
    action, lee, olu, sent
):
    response = approved(action, lee, olu)
    mail.outbox.clear()

    sent(action_response_withdraw, response=response, by=olu, reason="x", version=1)

    body = " ".join(mail.outbox[0].body.split())
    assert (
        "no longer carried by reports published from now on" in body,
        "It will not be published" in body,
    ) == (True, False)
