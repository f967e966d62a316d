"""The force's response in Welsh: the liaison may send it, OPCC staff add or change it while
reviewing or after approving, and the screen reads it as it reads the English."""

import html
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from core.stale import StaleEdit
from panels.enums import ActionStatus, ResponseState
from panels.liaison.services import (
    action_response_review,
    action_response_submit,
    action_response_welsh_save,
)
from tests import factories
from tests.panels.liaison_setup import force_action, response_from

WELSH = "Cafodd goruchwylwyr eu briffio ym mis Chwefror."


def words(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def url(response) -> str:
    return reverse("panels:response_welsh", args=[response.pk])


@pytest.fixture
def approved(meeting, lee, olu):
    return response_from(
        lee,
        force_action(meeting, status=ActionStatus.COMPLETED),
        state=ResponseState.APPROVED,
        reviewed_by=olu,
        status_before=ActionStatus.OPEN,
    )


def test_the_liaison_may_send_the_response_in_welsh_too(meeting, lee):
    action = force_action(meeting)

    with translation.override("cy"):
        response = action_response_submit(
            action=action,
            by=lee,
            text="Supervisors were briefed in February.",
            text_cy=f"  {WELSH} ",
            proposed_status="completed",
        )

    response.refresh_from_db()
    assert (response.text_en, response.text_cy) == ("Supervisors were briefed in February.", WELSH)


def test_the_answer_page_offers_a_welsh_box_and_keeps_what_is_sent(client, meeting, lee):
    action = force_action(meeting)
    client.force_login(lee)
    answer = reverse("panels:force_action_answer", args=[action.pk])

    page = client.get(answer).content.decode()
    sent = client.post(
        answer,
        {"text": "Supervisors were briefed.", "text_cy": WELSH, "proposed_status": "completed"},
    )

    assert 'name="text_cy"' in page and 'lang="cy"' in page
    assert sent.status_code == 302
    assert action.responses.get().text_cy == WELSH


def test_approving_keeps_the_welsh_the_reviewer_leaves(meeting, lee, olu):
    reply = response_from(lee, force_action(meeting), text_cy="Drafft.")

    with translation.override("cy"):
        action_response_review(
            response=reply, by=olu, approve=True, version=reply.version, text_cy=WELSH
        )

    reply.refresh_from_db()
    reply.action.refresh_from_db()
    assert (reply.text_cy, reply.state) == (WELSH, ResponseState.APPROVED)
    # The action's response on record is the force's English, whatever the page's language.
    assert reply.action.force_response == "Supervisors were briefed in February."


def test_returning_leaves_the_welsh_as_it_was(meeting, lee, olu):
    reply = response_from(lee, force_action(meeting), text_cy="Drafft.")

    action_response_review(
        response=reply, by=olu, approve=False, reason="Too vague.", version=0, text_cy=WELSH
    )

    reply.refresh_from_db()
    assert (reply.text_cy, reply.state) == ("Drafft.", ResponseState.RETURNED)


def test_the_review_page_approves_with_the_welsh_typed_there(client, meeting, lee, olu):
    reply = response_from(lee, force_action(meeting))
    client.force_login(olu)
    review = reverse("panels:response_review", args=[reply.pk])

    page = client.get(review).content.decode()
    saved = client.post(review, {"decision": "approve", "text_cy": WELSH, "version": 0})

    assert 'name="text_cy"' in page
    assert saved.status_code == 302
    reply.refresh_from_db()
    assert (reply.state, reply.text_cy) == (ResponseState.APPROVED, WELSH)


def test_staff_add_the_welsh_of_an_approved_response_on_its_page(client, olu, approved):
    client.force_login(olu)

    page = client.get(url(approved))
    saved = client.post(url(approved), {"text_cy": WELSH, "version": approved.version})

    assert page.status_code == 200
    assert "Supervisors were briefed in February." in words(page)
    assert saved.status_code == 302
    assert saved["Location"].endswith(f"#response-{approved.pk}")
    approved.refresh_from_db()
    assert (approved.text_en, approved.text_cy) == ("Supervisors were briefed in February.", WELSH)
    action_page = words(client.get(saved["Location"]))
    assert f"Response in Welsh {WELSH} Change the response in Welsh" in action_page


def test_a_stale_welsh_save_is_refused_and_keeps_the_typed_welsh(client, olu, approved):
    client.force_login(olu)
    action_response_welsh_save(response=approved, by=olu, text_cy="Cyntaf.", version=0)

    refused = client.post(url(approved), {"text_cy": WELSH, "version": 0})

    assert refused.status_code == 409
    assert WELSH in refused.content.decode()
    approved.refresh_from_db()
    assert approved.text_cy == "Cyntaf."


def test_the_service_refuses_a_stale_version(olu, approved):
    action_response_welsh_save(response=approved, by=olu, text_cy="Cyntaf.", version=0)

    with pytest.raises(StaleEdit):
        action_response_welsh_save(response=approved, by=olu, text_cy=WELSH, version=0)


def test_a_returned_response_needs_no_welsh(client, meeting, lee, olu):
    returned = response_from(
        lee, force_action(meeting), state=ResponseState.RETURNED, return_reason="Too vague."
    )
    client.force_login(olu)

    page = client.post(url(returned), {"text_cy": WELSH, "version": 0})

    assert page.status_code == 409
    assert "returned to the force, so it is not published" in words(page)
    with pytest.raises(ValidationError):
        action_response_welsh_save(response=returned, by=olu, text_cy=WELSH, version=0)
    returned.refresh_from_db()
    assert returned.text_cy in (None, "")


@pytest.mark.parametrize("who", ["liaison", "member", "signed out", "other force"])
def test_only_opcc_staff_who_did_not_send_it_add_the_welsh(client, who, lee, approved):
    user = {
        "liaison": lee,
        "member": factories.UserFactory(),
        "signed out": None,
        "other force": factories.ForceLiaisonFactory().user,
    }[who]
    if user is not None:
        client.force_login(user)

    got = client.get(url(approved))
    posted = client.post(url(approved), {"text_cy": WELSH, "version": 0})

    expected = {"liaison": 403, "member": 404, "signed out": 302, "other force": 404}[who]
    assert (got.status_code, posted.status_code) == (expected, expected)
    approved.refresh_from_db()
    assert approved.text_cy in (None, "")


def test_the_liaison_may_not_change_the_welsh_through_the_service(lee, approved):
    with pytest.raises(PermissionDenied):
        action_response_welsh_save(response=approved, by=lee, text_cy=WELSH, version=0)


def test_the_screen_reads_the_welsh_too(client, meeting, lee, olu):
    reply = response_from(
        lee, force_action(meeting), text_cy="Ffoniwch y rhingyll ar 07700 900123."
    )
    client.force_login(olu)

    page = words(client.get(reverse("panels:response_review", args=[reply.pk])))

    assert "The screen found 1 thing that must not be published" in page
