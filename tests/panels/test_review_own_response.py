"""No one reviews a response of the force they sent themselves, or one of a force they
answer for, even when they are OPCC staff too (a group added in the Django admin)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from core.permissions import by_rule
from core.roles import StaffRole
from panels.enums import ResponseState
from panels.liaison.grants import liaison_end
from panels.liaison.services import action_response_review
from panels.permissions import review_refusal
from tests.panels.liaison_setup import force_action, response_from

SENT_IT = "You sent this response, so someone else at the OPCC must review it."
ANSWERS_FOR = (
    "You are a liaison for this force, so someone else at the OPCC must review its responses."
)


def made_opcc_staff(user):
    """The user, read again, after being put in the OPCC staff group."""
    user.groups.add(Group.objects.get_or_create(name=StaffRole.OPCC_STAFF.value)[0])
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def own(meeting, lee):
    """Lee's response to his force's action; then Lee joins the OPCC staff group."""
    response = response_from(lee, force_action(meeting))
    made_opcc_staff(lee)
    return response


def url(response) -> str:
    return reverse("panels:response_review", args=[response.pk])


def test_the_rule_refuses_a_liaison_made_opcc_staff_their_own_response(lee, own):
    lee = get_user_model().objects.get(pk=lee.pk)

    assert (by_rule("panels.review_action_response", lee, own), review_refusal(lee, own)) == (
        False,
        SENT_IT,
    )


def test_the_rule_refuses_opcc_staff_who_answer_for_the_force_anothers_response(
    meeting, lee, panel
):
    from tests import factories

    colleague = factories.ForceLiaisonFactory(force=panel.force).user
    response = response_from(colleague, force_action(meeting))
    lee = made_opcc_staff(lee)

    assert (
        by_rule("panels.review_action_response", lee, response),
        review_refusal(lee, response),
    ) == (
        False,
        ANSWERS_FOR,
    )


def test_the_rule_still_refuses_once_the_liaison_role_has_ended(olu, lee, own):
    liaison_end(liaison=lee.force_liaisons.get(), by=olu, version=0)
    lee = get_user_model().objects.get(pk=lee.pk)

    assert review_refusal(lee, own) == SENT_IT


def test_another_officer_may_review_it(olu, own):
    assert (by_rule("panels.review_action_response", olu, own), review_refusal(olu, own)) == (
        True,
        None,
    )


def test_the_service_refuses_the_sender_and_changes_nothing(lee, own):
    lee = get_user_model().objects.get(pk=lee.pk)

    with pytest.raises(PermissionDenied) as refused:
        action_response_review(response=own, by=lee, approve=True, version=0)

    own.refresh_from_db()
    assert (str(refused.value), own.state, own.reviewed_by) == (
        SENT_IT,
        ResponseState.SUBMITTED,
        None,
    )


def test_the_page_refuses_the_sender_and_says_why(client, lee, own):
    client.force_login(lee)

    response = client.get(url(own))

    assert (response.status_code, SENT_IT in response.content.decode()) == (403, True)


def test_a_review_posted_by_the_sender_is_refused_and_changes_nothing(client, lee, own):
    client.force_login(lee)

    response = client.post(url(own), {"decision": "approve", "version": 0})

    own.refresh_from_db()
    assert (response.status_code, own.state) == (403, ResponseState.SUBMITTED)


def test_the_action_page_offers_the_sender_no_review_link(client, lee, own):
    client.force_login(lee)

    page = client.get(reverse("panels:force_action", args=[own.action_id])).content.decode()

    assert (url(own) in page) is False


def test_the_action_page_offers_another_officer_the_review_link(client, olu, own):
    client.force_login(olu)

    page = client.get(reverse("panels:force_action", args=[own.action_id])).content.decode()

    assert (url(own) in page) is True
