"""What each role sees, and what each role is refused."""

import pytest

from panels.enums import MeetingStatus
from panels.workflow import meeting_transition
from tests import factories


@pytest.fixture
def open_meeting(meeting, olu):
    factories.ReviewedCaseFactory(
        meeting=meeting,
        position=1,
        case__offence="Stalking",
        case__facts_at_decision="Known at the time.",
        case__later_information="Learned afterwards.",
    )
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    return meeting


def test_home_for_anonymous_offers_the_findings_and_sign_in(client):
    body = client.get("/").content.decode()

    assert 'href="/en/findings/"' in body and 'href="/sign-in/"' in body
    assert "Your work" not in body


def test_home_for_member_lists_cases_to_rate(client, mina, open_meeting):
    client.force_login(mina)

    response = client.get("/")

    assert [
        t.reviewed_case.case.offence for item in response.context["tasks"] for t in item.tasks
    ] == ["Stalking"]
    assert "Not started" in response.content.decode()


def test_home_for_non_voting_attendee_lists_cases_read_only(client, pat, open_meeting):
    client.force_login(pat)

    response = client.get("/")

    (item,) = response.context["tasks"]
    assert [t.label for t in item.tasks] == ["Read only"]
    assert "You attend this panel without a vote" in response.content.decode()


def test_home_for_chair_shows_rating_progress(client, chris, mina, open_meeting):
    client.force_login(chris)

    response = client.get("/")

    assert response.context["chaired"] == [(open_meeting, (0, 2))]


def test_home_for_opcc_staff_shows_meetings_by_stage(client, olu, open_meeting):
    client.force_login(olu)

    response = client.get("/")

    assert list(response.context["opcc"]["rating_open"]) == [open_meeting]
    assert "data_admin" not in response.context


def test_home_for_data_admin_shows_case_data(client, alice):
    factories.CaseFactory()
    client.force_login(alice)

    response = client.get("/")

    assert response.context["data_admin"]["pool_size"] == 1
    assert "opcc" not in response.context


def test_meeting_detail_for_member_of_another_panel_is_not_found(client, nadia, open_meeting):
    client.force_login(nadia)

    response = client.get(f"/panels/meetings/{open_meeting.pk}/")

    assert response.status_code == 404


def test_meeting_detail_for_user_without_a_role_is_not_found(client, eve, open_meeting):
    client.force_login(eve)

    assert client.get(f"/panels/meetings/{open_meeting.pk}/").status_code == 404
    assert client.get("/panels/meetings/").context["meetings"] == []


def test_meeting_detail_while_rating_hides_decisions(client, mina, open_meeting):
    client.force_login(mina)

    response = client.get(f"/panels/meetings/{open_meeting.pk}/")

    assert response.status_code == 200
    assert response.context["counts"] is None


def test_case_papers_for_member_keep_later_information_apart(client, mina, open_meeting):
    factories.declare(mina, open_meeting.reviewed_cases.get())
    client.force_login(mina)

    response = client.get(f"/panels/meetings/{open_meeting.pk}/cases/1/")

    body = response.content.decode()
    assert response.status_code == 200
    assert body.index("Facts at decision</h2>") < body.index("Known at the time.")
    assert body.index("Information that came later") < body.index("Learned afterwards.")


def test_case_papers_for_non_voting_attendee_are_readable(client, pat, open_meeting):
    factories.declare(pat, open_meeting.reviewed_cases.get())
    client.force_login(pat)

    assert client.get(f"/panels/meetings/{open_meeting.pk}/cases/1/").status_code == 200


def test_case_papers_for_data_admin_are_forbidden(client, alice, open_meeting):
    client.force_login(alice)

    response = client.get(f"/panels/meetings/{open_meeting.pk}/cases/1/")

    assert response.status_code == 403
    assert "Only members of this panel can read its case papers" in response.content.decode()
    assert "Known at the time." not in response.content.decode()


def test_case_papers_for_other_panel_member_are_not_found(client, nadia, open_meeting):
    client.force_login(nadia)

    assert client.get(f"/panels/meetings/{open_meeting.pk}/cases/1/").status_code == 404


def test_case_papers_for_anonymous_redirect_to_sign_in(client, open_meeting):
    response = client.get(f"/panels/meetings/{open_meeting.pk}/cases/1/")

    assert response.status_code == 302
    assert response.url.startswith("/sign-in/")


def test_meeting_list_for_member_shows_only_their_panels(client, mina, open_meeting):
    factories.MeetingFactory()  # another panel's meeting
    client.force_login(mina)

    response = client.get("/panels/meetings/")

    assert list(response.context["meetings"]) == [open_meeting]
