"""Pages for running panels and their people: who may open them, what they write, and
the invited person's page for choosing a password."""

import datetime
import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.invitations import invitation_tokens
from panels.enums import AgeGroup, Agency, MeetingStatus, MembershipRole
from panels.meetings.services import meeting_move
from panels.models import Membership, Panel
from panels.people.services import membership_end, membership_invite
from tests import factories

pytestmark = pytest.mark.django_db
User = get_user_model()


def urls(panel, membership) -> list[str]:
    base = f"/panels/manage/{panel.slug}"
    member = f"{base}/members/{membership.pk}"
    return [
        "/panels/manage/",
        "/panels/manage/new/",
        f"{base}/",
        f"{base}/edit/",
        f"{base}/invite/",
        f"{member}/",
        f"{member}/pause/",
        f"{member}/resume/",
        f"{member}/end/",
        f"{member}/invite-again/",
    ]


def panel_data(**extra) -> dict:
    return {
        "name": "Hate Crime Scrutiny Panel",
        "framework": factories.framework().pk,
        "force": factories.ForceFactory(code="TEST", name="Testshire Police").pk,
        "organisation": "Local Criminal Justice Board",
        "age_group": AgeGroup.ADULT,
        "public_description": "The panel looks at hate crime cases.",
        "is_active": "yes",
        **extra,
    }


def invite_data(**extra) -> dict:
    return {
        "name": "Sam Jones",
        "email": "sam.jones@example.org",
        "agency": Agency.PROBATION,
        "role": MembershipRole.MEMBER,
        "is_voting": "yes",
        **extra,
    }


def signed_in(client, user):
    client.force_login(user)
    return client


def error_summary(response) -> list[str]:
    body = response.content.decode()
    assert 'class="govuk-error-summary"' in body
    summary = body.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    return [
        re.sub(r"\s+", " ", m).strip() for m in re.findall(r"<a [^>]*>(.*?)</a>", summary, re.S)
    ]


# --- who may open them ------------------------------------------------------------------


def test_people_pages_send_the_signed_out_to_sign_in(client, panel, mina):
    for url in urls(panel, mina.memberships.get()):
        response = client.get(url)
        assert (response.status_code, response.url.split("?")[0]) == (302, "/sign-in/"), url


@pytest.mark.parametrize("who", ["chris", "mina", "pat", "eve", "nadia"])
def test_people_pages_are_refused_to_members_chairs_and_outsiders(client, request, who, mina):
    membership = mina.memberships.get()
    user = request.getfixturevalue(who)
    signed_in(client, user)

    codes = {url: client.get(url).status_code for url in urls(membership.panel, membership)}
    posts = {url: client.post(url, {}).status_code for url in urls(membership.panel, membership)}

    assert set(codes.values()) == {403}
    assert set(posts.values()) == {403}
    membership.refresh_from_db()
    assert membership.is_active is True


@pytest.mark.parametrize("who", ["olu", "alice"])
def test_people_pages_open_for_opcc_staff_and_data_admins(client, request, who, panel, mina):
    signed_in(client, request.getfixturevalue(who))

    codes = {url: client.get(url).status_code for url in urls(panel, mina.memberships.get())}

    assert set(codes.values()) == {200}


def test_a_membership_of_another_panel_is_not_found(client, olu, panel, nadia):
    signed_in(client, olu)
    other = nadia.memberships.get()

    response = client.get(f"/panels/manage/{panel.slug}/members/{other.pk}/pause/")

    assert response.status_code == 404


def test_an_unknown_panel_is_not_found(client, olu):
    assert signed_in(client, olu).get("/panels/manage/no-such-panel/").status_code == 404


# --- panels -------------------------------------------------------------------------------


def test_the_panel_list_shows_each_panel_and_its_active_members(client, olu, panel, mina, pat):
    factories.PanelFactory(name="Youth Panel", is_active=False)

    body = signed_in(client, olu).get("/panels/manage/").content.decode()

    assert "Adult OoCR Scrutiny Panel" in body
    assert "Youth Panel" in body
    assert re.search(r'numeric">2</td>', body)
    assert "Inactive" in body


def test_creating_a_panel_saves_it_and_opens_its_page(client, alice):
    response = signed_in(client, alice).post("/panels/manage/new/", panel_data())

    panel = Panel.objects.get()
    assert response.url == "/panels/manage/hate-crime-scrutiny-panel/"
    assert (panel.name, panel.force.name, panel.is_active) == (
        "Hate Crime Scrutiny Panel",
        "Testshire Police",
        True,
    )
    page = client.get(response.url).content.decode()
    assert "Hate Crime Scrutiny Panel has been created" in page


def test_creating_a_panel_with_nothing_filled_in_says_what_is_missing(client, olu):
    response = signed_in(client, olu).post("/panels/manage/new/", {})

    assert response.status_code == 200
    assert error_summary(response) == [
        "Enter the panel&#x27;s name",
        "Select the framework",
        "Select the police force",
        "Enter the organisation that runs the panel",
        "Select adult or youth",
        "Select yes if the panel is active",
    ]
    assert response.content.decode().count("<title>Error: ") == 1
    assert Panel.objects.count() == 0


def test_creating_a_panel_with_a_name_in_use_is_refused(client, olu, panel):
    response = signed_in(client, olu).post("/panels/manage/new/", panel_data(name=panel.name))

    assert error_summary(response) == ["There is already a panel with this name. Enter another"]
    assert Panel.objects.count() == 1


def test_creating_a_panel_with_an_unknown_framework_is_refused(client, olu):
    response = signed_in(client, olu).post("/panels/manage/new/", panel_data(framework=999_999))

    assert error_summary(response) == ["Select a framework from the list"]
    assert Panel.objects.count() == 0


def test_editing_a_panel_saves_the_change(client, olu, panel):
    url = f"/panels/manage/{panel.slug}/edit/"
    data = panel_data(name="Renamed Panel", version=0, is_active="no")

    response = signed_in(client, olu).post(url, data)

    panel.refresh_from_db()
    assert response.url == f"/panels/manage/{panel.slug}/"
    assert (panel.name, panel.is_active, panel.version) == ("Renamed Panel", False, 1)


def test_editing_a_panel_someone_else_saved_first_is_refused(client, olu, alice, panel):
    url = f"/panels/manage/{panel.slug}/edit/"
    signed_in(client, alice).post(url, panel_data(name="Saved first", version=0))

    response = signed_in(client, olu).post(url, panel_data(name="Saved second", version=0))

    panel.refresh_from_db()
    assert response.status_code == 409
    assert error_summary(response)[0].startswith("Someone else changed this panel")
    assert panel.name == "Saved first"
    assert 'name="version" value="1"' in response.content.decode()


def test_the_panel_page_lists_members_with_their_state(client, olu, panel, chris, mina, pat):
    invited = membership_invite(
        panel=panel,
        by=olu,
        name="Ivy Invited",
        email="ivy@example.org",
        agency=Agency.COURTS,
        role=MembershipRole.MEMBER,
        is_voting=True,
    )
    membership_end(membership=pat.memberships.get(), by=olu)
    Membership.objects.filter(pk=mina.memberships.get().pk).update(is_active=False)

    body = signed_in(client, olu).get(f"/panels/manage/{panel.slug}/").content.decode()

    table = body.split("<table", 1)[1]
    rows = re.findall(
        r'scope="row"[^>]*>([^<]+)</th>.*?class="govuk-tag [^"]*">([^<]+)<', table, re.S
    )
    assert {html.unescape(name): state for name, state in rows} == {
        chris.get_full_name(): "Active",
        "Ivy Invited": "Invited, not yet accepted",
        mina.get_full_name(): "Paused",
        pat.get_full_name(): "Ended",
    }
    assert rows[-1][1] == "Ended"
    assert f"/members/{invited.pk}/invite-again/" in body
    assert f"/members/{pat.memberships.get().pk}/pause/" not in body


def test_the_panel_page_runs_the_same_queries_for_any_number_of_members(
    client, olu, panel, django_assert_max_num_queries
):
    counts = []
    signed_in(client, olu)
    for size in (2, 12):
        while panel.memberships.count() < size:
            factories.MembershipFactory(panel=panel)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/panels/manage/{panel.slug}/").status_code == 200
        counts.append(len(captured))
    with django_assert_max_num_queries(12):
        client.get(f"/panels/manage/{panel.slug}/")

    assert counts[0] == counts[1]


def test_the_panel_list_runs_the_same_queries_for_any_number_of_panels(
    client, olu, django_assert_max_num_queries
):
    counts = []
    signed_in(client, olu)
    for size in (1, 8):
        while Panel.objects.count() < size:
            factories.MembershipFactory(panel=factories.PanelFactory())
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/panels/manage/").status_code == 200
        counts.append(len(captured))
    with django_assert_max_num_queries(10):
        client.get("/panels/manage/")

    assert counts[0] == counts[1]


# --- invitations ------------------------------------------------------------------------


def invite_and_open(client, olu, panel):
    signed_in(client, olu).post(f"/panels/manage/{panel.slug}/invite/", invite_data())
    client.logout()
    return re.search(r"http://[^/]+(/panels/invitation/\S+/)", mail.outbox[-1].body).group(1)


def test_inviting_someone_adds_them_and_emails_them(client, olu, panel):
    response = signed_in(client, olu).post(f"/panels/manage/{panel.slug}/invite/", invite_data())

    membership = panel.memberships.get(user__email="sam.jones@example.org")
    assert response.url == f"/panels/manage/{panel.slug}/"
    assert (membership.agency, membership.is_voting) == (Agency.PROBATION, True)
    assert [m.to for m in mail.outbox] == [["sam.jones@example.org"]]
    assert "Invitation sent to sam.jones@example.org" in client.get(response.url).content.decode()


def test_inviting_with_a_bad_email_and_no_agency_says_what_to_fix(client, olu, panel):
    data = invite_data(email="not-an-email", agency="")

    response = signed_in(client, olu).post(f"/panels/manage/{panel.slug}/invite/", data)

    assert error_summary(response) == [
        "Enter an email address in the correct format, like name@example.org",
        "Select the agency they come from",
    ]
    assert (User.objects.filter(email="not-an-email").exists(), mail.outbox) == (False, [])


def test_inviting_a_chair_without_a_vote_is_refused_with_a_reason(client, olu, panel):
    data = invite_data(role=MembershipRole.CHAIR, is_voting="no")

    response = signed_in(client, olu).post(f"/panels/manage/{panel.slug}/invite/", data)

    assert error_summary(response) == [
        "A chair must have a vote. Select ‘Yes’ for voting, or make them a member"
    ]
    assert panel.memberships.count() == 0


def test_the_invited_person_sets_a_password_and_is_sent_to_sign_in(client, olu, panel):
    link = invite_and_open(client, olu, panel)

    page = client.get(link).content.decode()
    response = client.post(
        link,
        {"new_password1": "purple-lantern-harbour", "new_password2": "purple-lantern-harbour"},
    )

    user = User.objects.get(email="sam.jones@example.org")
    assert "Your username is <strong>sam.jones@example.org</strong>" in page
    assert response.url == "/sign-in/"
    assert user.check_password("purple-lantern-harbour") is True
    signed_in_page = client.post(
        "/sign-in/", {"username": user.username, "password": "purple-lantern-harbour"}
    )
    assert signed_in_page.url == "/"


def test_an_invitation_link_works_only_once(client, olu, panel):
    link = invite_and_open(client, olu, panel)
    password = {
        "new_password1": "purple-lantern-harbour",
        "new_password2": "purple-lantern-harbour",
    }
    client.post(link, password)

    again = client.post(link, {**password, "new_password1": "x", "new_password2": "x"})

    assert "ask the Office of the Police and Crime Commissioner" in again.content.decode()
    user = User.objects.get(email="sam.jones@example.org")
    assert user.check_password("purple-lantern-harbour") is True


def test_an_expired_invitation_link_says_to_ask_for_a_new_one(client, olu, panel, monkeypatch):
    link = invite_and_open(client, olu, panel)
    eight_days_on = datetime.datetime.now() + datetime.timedelta(days=8)
    monkeypatch.setattr(invitation_tokens, "_now", lambda: eight_days_on)

    body = client.get(link).content.decode()

    assert "This invitation link has expired or has been used" in body
    assert "send you a new invitation" in body


def test_a_tampered_invitation_link_shows_the_expired_page(client):
    body = client.get("/panels/invitation/MQ/not-a-token/").content.decode()

    assert "This invitation link has expired or has been used" in body


def test_a_password_that_is_too_short_or_mismatched_is_refused(client, olu, panel):
    link = invite_and_open(client, olu, panel)

    short = client.post(link, {"new_password1": "short", "new_password2": "short"})
    blank = client.post(link, {})

    assert "This password is too short" in " ".join(error_summary(short))
    assert error_summary(blank) == ["Enter a password", "Enter the password again"]
    assert User.objects.get(email="sam.jones@example.org").has_usable_password() is False


def test_resending_an_invitation_sends_a_new_link_and_kills_the_old(client, olu, panel):
    old = invite_and_open(client, olu, panel)
    membership = panel.memberships.get(user__email="sam.jones@example.org")
    url = f"/panels/manage/{panel.slug}/members/{membership.pk}/invite-again/"

    response = signed_in(client, olu).post(url)
    client.logout()
    new = re.search(r"http://[^/]+(/panels/invitation/\S+/)", mail.outbox[-1].body).group(1)

    assert response.url == f"/panels/manage/{panel.slug}/"
    assert len(mail.outbox) == 2
    assert "has expired or has been used" in client.get(old).content.decode()
    assert "Choose a password" in client.get(new).content.decode()


def test_resending_to_someone_who_accepted_is_refused(client, olu, panel, mina):
    membership = mina.memberships.get()
    url = f"/panels/manage/{panel.slug}/members/{membership.pk}/invite-again/"

    response = signed_in(client, olu).post(url)

    assert response.status_code == 409
    assert error_summary(response) == ["This person has already accepted their invitation."]
    assert mail.outbox == []


# --- memberships ------------------------------------------------------------------------


def membership_url(panel, membership, action=""):
    return f"/panels/manage/{panel.slug}/members/{membership.pk}/" + (
        f"{action}/" if action else ""
    )


def test_changing_a_membership_saves_it(client, alice, panel, pat):
    membership = pat.memberships.get()
    data = {"version": 0, "agency": Agency.OPCC, "role": MembershipRole.MEMBER, "is_voting": "yes"}

    response = signed_in(client, alice).post(membership_url(panel, membership), data)

    membership.refresh_from_db()
    assert response.url == f"/panels/manage/{panel.slug}/"
    assert (membership.agency, membership.is_voting) == (Agency.OPCC, True)


def test_making_a_non_voting_member_chair_shows_an_error_not_a_crash(client, alice, panel, pat):
    membership = pat.memberships.get()
    data = {"version": 0, "agency": Agency.POLICE, "role": MembershipRole.CHAIR, "is_voting": "no"}

    response = signed_in(client, alice).post(membership_url(panel, membership), data)

    assert response.status_code == 200
    assert error_summary(response) == [
        "A chair must have a vote. Select ‘Yes’ for voting, or make them a member"
    ]
    membership.refresh_from_db()
    assert membership.role == MembershipRole.MEMBER


def test_changing_a_membership_someone_else_saved_first_is_refused(client, olu, alice, mina):
    membership = mina.memberships.get()
    url = membership_url(membership.panel, membership)
    data = {"version": 0, "role": MembershipRole.MEMBER, "is_voting": "yes"}
    signed_in(client, alice).post(url, {**data, "agency": Agency.COURTS})

    response = signed_in(client, olu).post(url, {**data, "agency": Agency.OTHER})

    membership.refresh_from_db()
    assert response.status_code == 409
    assert error_summary(response)[0].startswith("Someone else changed this membership")
    assert membership.agency == Agency.COURTS


def test_a_missing_version_is_refused_as_out_of_date(client, olu, mina):
    membership = mina.memberships.get()
    data = {"agency": Agency.OTHER, "role": MembershipRole.MEMBER, "is_voting": "yes"}

    response = signed_in(client, olu).post(membership_url(membership.panel, membership), data)

    assert error_summary(response) == ["This form is out of date. Reload the page and try again."]
    membership.refresh_from_db()
    assert membership.agency == Agency.CPS


def test_pausing_and_resuming_a_membership_after_confirming(client, olu, panel, mina, meeting):
    membership = mina.memberships.get()
    signed_in(client, olu)

    confirm = client.get(membership_url(panel, membership, "pause")).content.decode()
    client.post(membership_url(panel, membership, "pause"))
    paused = membership.__class__.objects.get(pk=membership.pk).is_active
    client.post(membership_url(panel, membership, "resume"))

    membership.refresh_from_db()
    assert "While paused, they cannot see the panel&#x27;s meetings" in confirm
    assert (paused, membership.is_active) == (False, True)


def test_ending_a_membership_takes_away_the_meetings(client, olu, panel, mina, meeting):
    membership = mina.memberships.get()

    response = signed_in(client, olu).post(membership_url(panel, membership, "end"))

    membership.refresh_from_db()
    assert response.url == f"/panels/manage/{panel.slug}/"
    assert membership.ended_on == timezone.localdate()
    client.force_login(mina)
    assert client.get(f"/panels/meetings/{meeting.pk}/").status_code in {403, 404}


def test_an_ended_membership_cannot_be_resumed_or_changed(client, olu, panel, mina):
    membership = mina.memberships.get()
    membership_end(membership=membership, by=olu, on=datetime.date(2026, 1, 5))
    signed_in(client, olu)

    resume = client.post(membership_url(panel, membership, "resume"))
    edit = client.get(membership_url(panel, membership))

    membership.refresh_from_db()
    assert error_summary(resume) == ["An ended membership cannot be resumed."]
    assert "This membership has ended, so it cannot be changed." in edit.content.decode()
    assert (membership.is_active, membership.ended_on) == (False, datetime.date(2026, 1, 5))


def test_ending_the_only_chair_during_an_open_meeting_says_why_not(
    client, olu, panel, chris, meeting
):
    factories.ReviewedCaseFactory(meeting=meeting, position=1)
    meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    membership = chris.memberships.get()

    response = signed_in(client, olu).post(membership_url(panel, membership, "end"))

    assert response.status_code == 409
    assert "Make someone else chair first, then end this membership." in error_summary(response)[0]
    membership.refresh_from_db()
    assert membership.ended_on is None
