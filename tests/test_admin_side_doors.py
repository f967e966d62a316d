"""The admin is no second door: no way up for a data admin, no write around a service,
and no rating content before the reveal."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from core.models import AuditEntry, AuditEvent
from core.roles import StaffRole
from panels.enums import MeetingStatus
from panels.models import Membership, ReviewedCase
from tests import factories

REASONS = "No clear admission was recorded before the caution was given."


@pytest.fixture
def root(db):
    return factories.UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def opcc_admin(db):
    return factories.UserFactory(username="ola", roles=[StaffRole.OPCC_STAFF], is_staff=True)


def _user_form(user, **changes):
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
    }
    data.update(changes)
    return data


def test_data_admin_cannot_make_themselves_superuser(client, alice):
    client.force_login(alice)

    client.post(
        f"/admin/auth/user/{alice.pk}/change/",
        _user_form(alice, is_superuser="on", is_staff="on"),
    )

    alice.refresh_from_db()
    assert alice.is_superuser is False


def test_data_admin_cannot_change_anyones_groups(client, alice, eve):
    client.force_login(alice)
    opcc = Group.objects.get(name=StaffRole.OPCC_STAFF.value)

    client.post(f"/admin/auth/user/{eve.pk}/change/", _user_form(eve, groups=[opcc.pk]))

    assert list(eve.groups.all()) == []


def test_data_admin_can_still_correct_a_persons_name(client, alice, eve):
    client.force_login(alice)

    response = client.post(
        f"/admin/auth/user/{eve.pk}/change/", _user_form(eve, first_name="Evelyn")
    )

    assert response.status_code == 302
    eve.refresh_from_db()
    assert eve.first_name == "Evelyn"


def test_data_admin_cannot_set_another_persons_password(client, alice, eve):
    client.force_login(alice)

    response = client.post(
        f"/admin/auth/user/{eve.pk}/password/",
        {"password1": "a-new-password-42", "password2": "a-new-password-42"},
    )

    assert response.status_code == 403
    eve.refresh_from_db()
    assert eve.check_password("a-new-password-42") is False


def test_data_admin_cannot_edit_a_superuser(client, alice, root):
    client.force_login(alice)

    client.post(f"/admin/auth/user/{root.pk}/change/", _user_form(root, is_active=""))

    root.refresh_from_db()
    assert root.is_active is True


def test_superuser_can_grant_a_role(client, root, eve):
    client.force_login(root)
    opcc = Group.objects.get(name=StaffRole.OPCC_STAFF.value)

    response = client.post(
        f"/admin/auth/user/{eve.pk}/change/",
        _user_form(
            eve,
            groups=[opcc.pk],
            date_joined_0=f"{eve.date_joined:%Y-%m-%d}",
            date_joined_1=f"{eve.date_joined:%H:%M:%S}",
        ),
    )

    assert response.status_code == 302
    assert list(eve.groups.all()) == [opcc]


def test_data_admin_cannot_add_themselves_to_a_panel(client, alice, panel):
    client.force_login(alice)

    response = client.post(
        "/admin/panels/membership/add/",
        {"panel": panel.pk, "user": alice.pk, "role": "member", "agency": "cps"},
    )

    assert response.status_code == 200
    assert "You cannot add yourself to a panel" in response.content.decode()
    assert Membership.objects.filter(user=alice).count() == 0


def test_opcc_staff_cannot_add_an_agenda_entry_in_the_admin(client, opcc_admin, meeting):
    case = factories.CaseFactory(force=meeting.panel.force)
    client.force_login(opcc_admin)

    response = client.post(
        "/admin/panels/reviewedcase/add/",
        {"meeting": meeting.pk, "case": case.pk, "position": 1, "source": "drawn"},
    )

    assert response.status_code == 403
    assert ReviewedCase.objects.count() == 0


@pytest.mark.parametrize("model", ["rating", "decision", "conflictdeclaration", "reviewedcase"])
def test_service_written_rows_cannot_be_added_in_the_admin(client, alice, model):
    client.force_login(alice)

    assert client.get(f"/admin/panels/{model}/add/").status_code == 403


@pytest.fixture
def rating(meeting, mina):
    return factories.RatingFactory(
        reviewed_case=factories.ReviewedCaseFactory(meeting=meeting),
        membership=mina.memberships.get(),
        reasons=REASONS,
    )


def _set_status(meeting, status):
    type(meeting).objects.filter(pk=meeting.pk).update(status=status)


@pytest.mark.parametrize("who", ["alice", "root"])
def test_rating_content_hidden_in_the_admin_before_the_reveal(client, rating, who, request):
    _set_status(rating.reviewed_case.meeting, MeetingStatus.RATING_OPEN)
    client.force_login(request.getfixturevalue(who))

    detail = client.get(f"/admin/panels/rating/{rating.pk}/change/").content.decode()
    listing = client.get("/admin/panels/rating/").content.decode()

    assert REASONS not in detail
    assert rating.category.label not in detail
    assert "Hidden until the reveal" in listing
    assert rating.category.label not in listing


def test_rating_content_shown_in_the_admin_after_the_reveal(client, alice, rating):
    _set_status(rating.reviewed_case.meeting, MeetingStatus.IN_DISCUSSION)
    client.force_login(alice)

    detail = client.get(f"/admin/panels/rating/{rating.pk}/change/").content.decode()

    assert REASONS in detail
    assert rating.category.label in detail


def test_rating_cannot_be_changed_in_the_admin(client, alice, rating):
    _set_status(rating.reviewed_case.meeting, MeetingStatus.IN_DISCUSSION)
    client.force_login(alice)

    client.post(f"/admin/panels/rating/{rating.pk}/change/", {"reasons": "Rewritten."})

    rating.refresh_from_db()
    assert rating.reasons == REASONS


@pytest.mark.parametrize("status", [MeetingStatus.PLANNED, MeetingStatus.RATING_OPEN])
def test_a_decision_before_the_reveal_is_not_in_the_admin_even_for_a_superuser(
    client, root, meeting, status
):
    """Decisions are recorded after the reveal; one on a meeting that has not reached it
    (carrying the members' majority) is neither listed nor opened."""
    decision = factories.DecisionFactory(
        reviewed_case=factories.ReviewedCaseFactory(meeting=meeting), reasons=REASONS
    )
    _set_status(meeting, status)
    client.force_login(root)

    listing = client.get("/admin/panels/decision/").content.decode()
    detail = client.get(f"/admin/panels/decision/{decision.pk}/change/", follow=True)

    assert REASONS not in listing
    assert REASONS not in detail.content.decode()


def test_a_decision_after_the_reveal_is_in_the_admin(client, root, meeting):
    decision = factories.DecisionFactory(
        reviewed_case=factories.ReviewedCaseFactory(meeting=meeting), reasons=REASONS
    )
    _set_status(meeting, MeetingStatus.IN_DISCUSSION)
    client.force_login(root)

    detail = client.get(f"/admin/panels/decision/{decision.pk}/change/")

    assert REASONS in detail.content.decode()


# Email addresses: a password reset goes to one, so changing it is taking the account.


@pytest.mark.parametrize("who", ["olu", "mina", "chris", "other_admin"])
def test_data_admin_cannot_change_the_email_of_a_role_holder_or_staff(client, alice, who, request):
    """Alice may not point Olu's (OPCC staff), a panel member's or chair's, or another
    staff account's address at her own and reset its password."""
    if who == "other_admin":
        person = factories.UserFactory(username="ada", roles=[StaffRole.DATA_ADMIN], is_staff=True)
    else:
        person = request.getfixturevalue(who)
    before = person.email
    client.force_login(alice)
    url = f"/admin/auth/user/{person.pk}/change/"

    page = client.get(url).content.decode()
    client.post(url, _user_form(person, email=alice.email))

    assert 'name="email"' not in page
    assert "Only a superuser can change the email address" in page
    person.refresh_from_db()
    assert person.email == before


def test_data_admin_can_change_the_email_of_someone_with_no_role(client, alice, eve):
    """…so the refusal above is about roles, not the field."""
    client.force_login(alice)

    response = client.post(
        f"/admin/auth/user/{eve.pk}/change/", _user_form(eve, email="eve@example.net")
    )

    assert response.status_code == 302
    eve.refresh_from_db()
    assert eve.email == "eve@example.net"


@pytest.mark.parametrize("who", ["olu", "mina"])
def test_data_admin_cannot_set_a_role_holders_password(client, alice, who, request):
    person = request.getfixturevalue(who)
    client.force_login(alice)

    response = client.post(
        f"/admin/auth/user/{person.pk}/password/",
        {"password1": "a-new-password-42", "password2": "a-new-password-42"},
    )

    assert response.status_code == 403
    person.refresh_from_db()
    assert person.check_password("a-new-password-42") is False


def test_superuser_can_change_a_role_holders_email_and_it_is_audited(client, root, olu):
    client.force_login(root)

    response = client.post(
        f"/admin/auth/user/{olu.pk}/change/",
        _user_form(
            olu,
            email="olu@example.net",
            groups=[Group.objects.get(name=StaffRole.OPCC_STAFF.value).pk],
            date_joined_0=f"{olu.date_joined:%Y-%m-%d}",
            date_joined_1=f"{olu.date_joined:%H:%M:%S}",
        ),
    )

    assert response.status_code == 302
    olu.refresh_from_db()
    assert olu.email == "olu@example.net"
    entry = AuditEntry.objects.get(event=AuditEvent.SECURITY, object_pk=str(olu.pk), actor=root)
    assert entry.summary == "Email address changed in the admin"
    assert entry.additional_data == {"from": "olu@example.org", "to": "olu@example.net"}
    # The old address is told.
    assert [m.to for m in mail.outbox] == [["olu@example.org"]]
