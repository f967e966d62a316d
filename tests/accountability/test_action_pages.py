"""A scrutiny meeting's numbered actions: adding and changing one."""

import datetime

import pytest
from django.urls import reverse

from accountability import services
from accountability.enums import ScrutinyMeetingStatus as Status
from accountability.models import ScrutinyAction
from core.models import AuditEntry
from panels.models import Action

from .pages import date_fields, error_page, signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(olu, scrutiny):
    return services.scrutiny_action_save(
        meeting=scrutiny, by=olu, description="A communications plan.", owner="Force and OPCC"
    )


def add(meeting) -> str:
    return reverse("accountability:action_add", args=[meeting.pk])


def edit(link) -> str:
    return reverse("accountability:action_edit", args=[link.pk])


def test_signed_out_goes_to_sign_in(client, link):
    signed_out_goes_to_sign_in(client, add(link.meeting))
    signed_out_goes_to_sign_in(client, edit(link))


@pytest.mark.parametrize("who", ["lee", "mina", "cleo", "eve"])
def test_refused_to_all_but_opcc_staff(client, request, link, who):
    user = request.getfixturevalue(who)
    assert status_for(client, user, add(link.meeting)) == 403
    assert status_for(client, user, edit(link)) == 403
    data = {"description": "D", "owner": "O"}
    assert status_for(client, user, add(link.meeting), "post", data) == 403
    assert Action.objects.count() == 1


def test_an_action_that_does_not_exist_is_not_found(client, olu):
    assert status_for(client, olu, reverse("accountability:action_edit", args=[999])) == 404


def test_opcc_staff_add_a_numbered_action_for_the_force(client, olu, link, force):
    client.force_login(olu)
    due = link.meeting.date + datetime.timedelta(days=90)
    data = {
        "description": "A conversation on capacity.",
        "owner": "Force",
        **date_fields("due_date", due),
    }

    response = client.post(add(link.meeting), data)

    assert response.status_code == 302
    second = ScrutinyAction.objects.get(number=2)
    assert (second.action.owner, second.action.due_date, second.action.force) == (
        "Force",
        due,
        force,
    )


def test_an_action_without_an_owner_is_refused(client, olu, scrutiny):
    client.force_login(olu)

    response = client.post(add(scrutiny), {"description": "Do it", "owner": ""})

    error_page(response, "Enter who owns the action")
    assert Action.objects.count() == 0


def test_changed_from_an_old_page_answers_409(client, olu, link):
    client.force_login(olu)
    data = {
        "description": "First",
        "owner": "Force",
        "seen": services.action_fingerprint(link.action),
    }
    client.post(edit(link), data)

    response = client.post(edit(link), data | {"description": "Mine"})

    assert response.status_code == 409
    assert Action.objects.get().description == "First"


def test_query_count(client, olu, link, django_assert_num_queries):
    client.force_login(olu)
    client.get(edit(link))
    with django_assert_num_queries(4):
        assert client.get(edit(link)).status_code == 200


# --- tracking an action after its meeting ------------------------------------------------


def track(link) -> str:
    return reverse("accountability:action_status", args=[link.pk])


@pytest.fixture
def closed_link(olu, link, sent_question, topic):
    """Action 1 of a meeting that has since closed (decided, then closed)."""
    meeting = link.meeting
    services.scrutiny_meeting_move(meeting=meeting, by=olu, to=Status.EVIDENCE_RECEIVED)
    services.evidence_summary_save(question=sent_question, by=olu, text="No answer came.")
    services.topic_decision_save(
        meeting=meeting, topic=topic, by=olu, level="assured", rationale="Because."
    )
    services.scrutiny_meeting_move(meeting=meeting, by=olu, to=Status.DECIDED)
    services.scrutiny_meeting_move(meeting=meeting, by=olu, to=Status.CLOSED)
    link.refresh_from_db()
    return link


def tracked(link, status: str, due=None) -> dict:
    data = {"status": status, "seen": services.action_fingerprint(link.action)}
    return data | (date_fields("due_date", due) if due else {})


def test_tracking_signed_out_goes_to_sign_in(client, closed_link):
    signed_out_goes_to_sign_in(client, track(closed_link))


@pytest.mark.parametrize("who", ["lee", "kim", "mina", "cleo", "eve"])
def test_tracking_refused_to_all_but_opcc_staff(client, request, closed_link, who):
    user = request.getfixturevalue(who)
    data = tracked(closed_link, "completed")

    assert status_for(client, user, track(closed_link)) == 403
    assert status_for(client, user, track(closed_link), "post", data) == 403
    assert Action.objects.get().status == "open"


def test_tracking_an_action_that_does_not_exist_is_not_found(client, olu):
    assert status_for(client, olu, reverse("accountability:action_status", args=[999])) == 404


def test_opcc_staff_close_an_action_after_its_meeting_closed(client, olu, closed_link):
    client.force_login(olu)
    due = closed_link.meeting.date + datetime.timedelta(days=200)

    response = client.post(track(closed_link), tracked(closed_link, "completed", due), follow=True)

    assert response.redirect_chain[-1][0].endswith("#actions")
    assert "Action 1 is done" in response.content.decode()
    action = Action.objects.get()
    assert (action.status, action.due_date) == ("completed", due)
    assert (action.description, action.owner) == ("A communications plan.", "Force and OPCC")


def test_opcc_staff_reopen_a_done_action_so_the_force_may_answer_again(client, olu, closed_link):
    Action.objects.update(status="completed")
    closed_link.action.refresh_from_db()
    client.force_login(olu)

    client.post(track(closed_link), tracked(closed_link, "open"))

    assert Action.objects.get().status == "open"


def test_a_closed_meetings_action_keeps_its_wording(client, olu, closed_link):
    client.force_login(olu)
    data = {"description": "Reworded", "owner": "Someone", "seen": ""}
    data["seen"] = services.action_fingerprint(closed_link.action)

    response = client.post(edit(closed_link), data)

    error_page(response, "This meeting is closed, so its record cannot change. To correct it")
    assert Action.objects.get().description == "A communications plan."
    assert ScrutinyAction.objects.get().number == 1


def test_tracking_ignores_any_wording_posted(client, olu, closed_link):
    client.force_login(olu)
    data = tracked(closed_link, "in_progress") | {"description": "Reworded", "number": "7"}

    client.post(track(closed_link), data)

    action = Action.objects.get()
    assert (action.status, action.description) == ("in_progress", "A communications plan.")
    assert ScrutinyAction.objects.get().number == 1


def test_tracking_with_an_unknown_status_is_refused(client, olu, closed_link):
    client.force_login(olu)

    response = client.post(track(closed_link), tracked(closed_link, "finished"))

    error_page(response, "Select the action&#x27;s status")
    assert Action.objects.get().status == "open"


def test_tracking_with_an_impossible_due_date_is_refused(client, olu, closed_link):
    client.force_login(olu)
    data = tracked(closed_link, "open") | {
        "due_date_0": "31",
        "due_date_1": "2",
        "due_date_2": "2027",
    }

    response = client.post(track(closed_link), data)

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert Action.objects.get().due_date is None


def test_tracking_from_an_old_page_answers_409_and_keeps_the_answers(client, olu, closed_link):
    client.force_login(olu)
    old = tracked(closed_link, "completed")
    client.post(track(closed_link), tracked(closed_link, "in_progress"))

    response = client.post(track(closed_link), old)

    assert response.status_code == 409
    assert "Someone else changed this action" in response.content.decode()
    assert Action.objects.get().status == "in_progress"


def test_tracking_is_in_the_audit_trail(client, olu, closed_link):
    client.force_login(olu)

    client.post(track(closed_link), tracked(closed_link, "closed"))

    entry = AuditEntry.objects.filter(
        content_type__model="action", object_pk=str(closed_link.action_id), event="changed"
    ).latest("pk")
    assert (entry.actor, entry.changes["status"]) == (olu, ["open", "closed"])


def test_the_closed_meetings_page_links_to_the_status_not_the_wording(client, olu, closed_link):
    client.force_login(olu)

    page = client.get(reverse("accountability:meeting_detail", args=[closed_link.meeting.pk]))

    html = page.content.decode()
    assert (track(closed_link) in html, edit(closed_link) in html) == (True, False)


def test_tracking_page_query_count(client, olu, closed_link, django_assert_num_queries):
    client.force_login(olu)
    client.get(track(closed_link))
    with django_assert_num_queries(4):
        assert client.get(track(closed_link)).status_code == 200


@pytest.mark.parametrize(("who", "shown"), [("olu", True), ("lee", False)])
def test_the_forces_action_page_leads_opcc_staff_to_the_status(client, request, link, who, shown):
    client.force_login(request.getfixturevalue(who))

    page = client.get(reverse("panels:force_action", args=[link.action_id]))

    assert (page.status_code, track(link) in page.content.decode()) == (200, shown)
