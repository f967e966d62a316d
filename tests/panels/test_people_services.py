"""Running panels and their people: the services behind the pages."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.invitations import invitation_tokens
from core.models import AuditEntry
from core.stale import StaleEdit
from panels.enums import AgeGroup, Agency, MeetingStatus, MembershipRole
from panels.meetings.services import meeting_move
from panels.models import Meeting, Membership, Panel
from panels.people import presenters as people_presenters
from panels.people.services import (
    invitation_accept,
    invitation_resend,
    membership_end,
    membership_invite,
    membership_pause,
    membership_resume,
    membership_update,
    panel_create,
    panel_update,
)
from tests import factories

pytestmark = pytest.mark.django_db
User = get_user_model()


def create(by, name="Youth OoCR Scrutiny Panel", **extra):
    fields = {
        "name": name,
        "framework": factories.framework(),
        "force": factories.ForceFactory(),
        "organisation": "Local Criminal Justice Board",
        "age_group": AgeGroup.YOUTH,
        **extra,
    }
    return panel_create(by=by, **fields)


def invite(panel, by, email="sam.jones@example.org", **extra):
    fields = {
        "name": "Sam Jones",
        "email": email,
        "agency": Agency.PROBATION,
        "role": MembershipRole.MEMBER,
        "is_voting": True,
        **extra,
    }
    return membership_invite(panel=panel, by=by, **fields)


def link_in(message) -> tuple[str, str]:
    uid, token = re.search(r"/panels/invitation/([^/]+)/([^/]+)/", message.body).groups()
    return uid, token


@pytest.fixture
def open_meeting(olu, meeting):
    factories.ReviewedCaseFactory(meeting=meeting, position=1)
    return meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)


def audit_summaries(obj) -> list[str]:
    return list(
        AuditEntry.objects.filter(object_pk=str(obj.pk), content_type__model=obj._meta.model_name)
        .exclude(summary="")
        .order_by("pk")
        .values_list("summary", flat=True)
    )


# --- panels ---------------------------------------------------------------------------


def test_panel_create_makes_the_slug_from_the_name_and_records_it(olu):
    panel = create(olu, name="Youth OoCR Scrutiny Panel")

    assert (panel.slug, panel.age_group, panel.version) == (
        "youth-oocr-scrutiny-panel",
        AgeGroup.YOUTH,
        0,
    )
    assert audit_summaries(panel) == ["Panel created"]


def test_panel_create_gives_a_second_similar_name_its_own_slug(alice):
    create(alice, name="Hate Crime Panel")

    second = create(alice, name="Hate crime panel!")

    assert second.slug == "hate-crime-panel-2"


def test_panel_create_never_takes_the_address_of_the_new_panel_page(olu):
    assert create(olu, name="New").slug == "new-2"


def test_panel_create_never_takes_the_address_of_the_commissioners_scrutiny_notes(olu):
    assert create(olu, name="Accountability").slug == "accountability-2"


def test_panel_create_refuses_a_name_already_used_whatever_its_case(olu, panel):
    with pytest.raises(ValidationError) as refused:
        create(olu, name=panel.name.upper())

    assert refused.value.message_dict == {
        "name": ["There is already a panel with this name. Enter another"]
    }
    assert Panel.objects.count() == 1


@pytest.mark.parametrize("who", ["chris", "mina", "eve"])
def test_panel_create_is_refused_to_anyone_but_opcc_staff_and_data_admins(request, who):
    with pytest.raises(PermissionDenied):
        create(request.getfixturevalue(who))


def test_panel_update_keeps_the_slug_and_moves_the_version_on(olu, panel):
    slug = panel.slug

    changed = panel_update(panel=panel, by=olu, version=0, name="Renamed Panel", is_active=False)

    changed.refresh_from_db()
    assert (changed.name, changed.slug, changed.is_active, changed.version) == (
        "Renamed Panel",
        slug,
        False,
        1,
    )


def test_panel_update_refuses_a_stale_form_and_keeps_the_other_change(olu, alice, panel):
    panel_update(panel=panel, by=alice, version=0, organisation="Saved first")

    with pytest.raises(StaleEdit):
        panel_update(panel=panel, by=olu, version=0, organisation="Saved second")

    panel.refresh_from_db()
    assert (panel.organisation, panel.version) == ("Saved first", 1)


# --- invitations ----------------------------------------------------------------------


def test_membership_invite_creates_an_account_that_cannot_sign_in_yet(olu, panel):
    membership = invite(panel, olu, email="Sam.Jones@Example.org")

    user = membership.user
    assert (user.username, user.email, user.first_name, user.last_name) == (
        "sam.jones@example.org",
        "Sam.Jones@example.org",
        "Sam",
        "Jones",
    )
    assert user.has_usable_password() is False
    assert (membership.agency, membership.is_active, membership.joined_on) == (
        Agency.PROBATION,
        True,
        timezone.localdate(),
    )
    assert people_presenters.membership_state(membership)[0] == "invited"
    assert audit_summaries(membership) == ["Invited to the panel (new account)"]


def test_membership_invite_emails_a_link_that_lets_them_choose_a_password(olu, panel):
    membership = invite(panel, olu)

    (message,) = mail.outbox
    assert message.to == ["sam.jones@example.org"]
    assert message.subject == f"You have been invited to the {panel.name}"
    assert "Your username is: sam.jones@example.org" in message.body
    assert "stops working after 7 days" in message.body
    uid, token = link_in(message)
    assert uid == urlsafe_base64_encode(force_bytes(membership.user.pk))
    assert invitation_tokens.check_token(membership.user, token) is True


def test_membership_invite_reuses_the_account_with_that_email(olu, panel, nadia):
    membership = invite(panel, olu, email=nadia.email.upper())

    assert membership.user == nadia
    assert User.objects.filter(email__iexact=nadia.email).count() == 1
    (message,) = mail.outbox
    assert message.subject == f"You have been added to the {panel.name}"
    assert "/panels/invitation/" not in message.body
    assert nadia.has_usable_password() is True


def test_membership_invite_refuses_an_account_that_is_switched_off(olu, panel):
    factories.UserFactory(username="gone", email="sam.jones@example.org", is_active=False)

    with pytest.raises(ValidationError) as refused:
        invite(panel, olu)

    assert list(refused.value.message_dict) == ["email"]
    assert (panel.memberships.count(), mail.outbox) == (0, [])


def test_membership_invite_refuses_an_account_an_admin_locked(olu, panel):
    locked = factories.UserFactory(
        username="locked", email="sam.jones@example.org", last_login=timezone.now()
    )
    locked.set_unusable_password()
    locked.save()

    with pytest.raises(ValidationError) as refused:
        invite(panel, olu)

    assert refused.value.message_dict == {
        "email": ["The account with this email address has been locked. Ask a data admin"]
    }
    assert (panel.memberships.count(), mail.outbox) == (0, [])


def test_membership_invite_refuses_someone_already_on_the_panel(olu, panel, mina):
    with pytest.raises(ValidationError) as refused:
        invite(panel, olu, email=mina.email)

    assert refused.value.message_dict == {"email": ["This person is already on the panel"]}
    assert (panel.memberships.count(), len(mail.outbox)) == (1, 0)


def test_membership_invite_refuses_a_chair_without_a_vote_and_writes_nothing(olu, panel):
    with pytest.raises(ValidationError) as refused:
        invite(panel, olu, role=MembershipRole.CHAIR, is_voting=False)

    assert list(refused.value.message_dict) == ["is_voting"]
    assert (User.objects.filter(email="sam.jones@example.org").exists(), len(mail.outbox)) == (
        False,
        0,
    )


def test_membership_invite_gives_a_second_account_its_own_username(olu, panel):
    factories.UserFactory(username="sam.jones@example.org", email="other@example.org")

    membership = invite(panel, olu)

    assert membership.user.username == "sam.jones@example.org-2"


def test_an_invitation_link_stops_working_once_the_password_is_set(olu, panel):
    membership = invite(panel, olu)
    _, token = link_in(mail.outbox[0])

    invitation_accept(user=membership.user, password="a-long-enough-passphrase")

    membership.user.refresh_from_db()
    assert membership.user.check_password("a-long-enough-passphrase") is True
    assert invitation_tokens.check_token(membership.user, token) is False
    assert people_presenters.membership_state(membership)[0] == "active"


def test_an_invitation_link_expires_after_the_invitation_days(olu, panel, settings):
    settings.INVITATION_DAYS = 2
    user = invite(panel, olu).user
    made = invitation_tokens._num_seconds(invitation_tokens._now())
    secret = invitation_tokens.secret

    fresh = invitation_tokens._make_token_with_timestamp(user, made - 86_400, secret)
    stale = invitation_tokens._make_token_with_timestamp(user, made - 3 * 86_400, secret)

    assert (
        invitation_tokens.check_token(user, fresh),
        invitation_tokens.check_token(user, stale),
    ) == (
        True,
        False,
    )


def test_an_invitation_is_shown_expired_after_the_invitation_days(olu, panel):
    membership = invite(panel, olu)
    Membership.objects.filter(pk=membership.pk).update(
        invited_at=timezone.now() - datetime.timedelta(days=8)
    )
    membership.refresh_from_db()

    assert people_presenters.membership_state(membership)[:2] == ("expired", "Invitation expired")


def test_invitation_resend_kills_the_old_link_and_sends_a_new_one(olu, panel):
    membership = invite(panel, olu)
    _, old = link_in(mail.outbox[0])

    invitation_resend(membership=membership, by=olu)

    membership.user.refresh_from_db()
    _, new = link_in(mail.outbox[1])
    assert (
        invitation_tokens.check_token(membership.user, old),
        invitation_tokens.check_token(membership.user, new),
    ) == (False, True)
    assert audit_summaries(membership)[-1] == "Invitation sent again"


def test_invitation_resend_is_refused_once_they_have_a_password(olu, panel, mina):
    membership = mina.memberships.get()

    with pytest.raises(ValidationError):
        invitation_resend(membership=membership, by=olu)

    assert mail.outbox == []


# --- memberships ----------------------------------------------------------------------


def test_membership_update_changes_agency_role_and_vote(alice, panel, pat):
    membership = pat.memberships.get()

    membership_update(
        membership=membership,
        by=alice,
        version=0,
        agency=Agency.OPCC,
        role=MembershipRole.CHAIR,
        is_voting=True,
    )

    membership.refresh_from_db()
    assert (membership.agency, membership.role, membership.is_voting, membership.version) == (
        Agency.OPCC,
        MembershipRole.CHAIR,
        True,
        1,
    )


def test_membership_update_refuses_a_chair_without_a_vote(alice, mina):
    membership = mina.memberships.get()

    with pytest.raises(ValidationError) as refused:
        membership_update(
            membership=membership,
            by=alice,
            version=0,
            agency=Agency.CPS,
            role=MembershipRole.CHAIR,
            is_voting=False,
        )

    assert list(refused.value.message_dict) == ["is_voting"]
    membership.refresh_from_db()
    assert (membership.role, membership.is_voting) == (MembershipRole.MEMBER, True)


def test_membership_update_refuses_a_stale_form(olu, alice, mina):
    membership = mina.memberships.get()
    fields = {"role": MembershipRole.MEMBER, "is_voting": True}
    membership_update(membership=membership, by=olu, version=0, agency=Agency.COURTS, **fields)

    with pytest.raises(StaleEdit):
        membership_update(membership=membership, by=alice, version=0, agency=Agency.OTHER, **fields)

    membership.refresh_from_db()
    assert membership.agency == Agency.COURTS


def test_a_paused_membership_can_be_resumed(olu, mina, meeting):
    membership = mina.memberships.get()

    membership_pause(membership=membership, by=olu)
    # Each look is a new request, with the user read afresh (memberships are read once
    # per request and kept on the user object).
    hidden = Meeting.objects.for_user(type(mina).objects.get(pk=mina.pk)).count()
    membership_resume(membership=membership, by=olu)

    membership.refresh_from_db()
    shown = Meeting.objects.for_user(type(mina).objects.get(pk=mina.pk)).count()
    assert (hidden, membership.is_active, shown) == (0, True, 1)
    assert audit_summaries(membership) == ["Membership paused", "Membership resumed"]


def test_a_paused_member_made_a_force_liaison_cannot_be_resumed_onto_the_panel(olu, mina, meeting):
    membership = mina.memberships.get()
    membership_pause(membership=membership, by=olu)
    # Granted directly: the liaison page itself refuses anyone with a membership not ended.
    factories.ForceLiaisonFactory(user=mina, force=meeting.panel.force)

    with pytest.raises(ValidationError) as refused:
        membership_resume(membership=membership, by=olu)

    membership.refresh_from_db()
    assert (refused.value.messages, membership.is_active) == (
        ["This person is now a force liaison, so the membership cannot be resumed."],
        False,
    )


def test_an_ended_membership_is_kept_hides_the_meetings_and_cannot_be_resumed(olu, mina, meeting):
    membership = mina.memberships.get()

    membership_end(membership=membership, by=olu)
    with pytest.raises(ValidationError):
        membership_resume(membership=membership, by=olu)

    membership.refresh_from_db()
    assert (membership.is_active, membership.ended_on) == (False, timezone.localdate())
    assert Meeting.objects.for_user(mina).count() == 0
    assert people_presenters.membership_state(membership)[0] == "ended"


def test_ending_the_only_chair_is_refused_while_a_meeting_is_open(olu, chris, open_meeting):
    membership = chris.memberships.get()

    with pytest.raises(ValidationError) as refused:
        membership_end(membership=membership, by=olu)

    assert "Make someone else chair first" in refused.value.messages[0]
    membership.refresh_from_db()
    assert (membership.is_active, membership.ended_on) == (True, None)


def test_pausing_or_demoting_the_only_chair_is_refused_while_a_meeting_is_open(
    olu, chris, open_meeting
):
    membership = chris.memberships.get()

    with pytest.raises(ValidationError):
        membership_pause(membership=membership, by=olu)
    with pytest.raises(ValidationError):
        membership_update(
            membership=membership,
            by=olu,
            version=0,
            agency=Agency.MAGISTRACY,
            role=MembershipRole.MEMBER,
            is_voting=True,
        )

    membership.refresh_from_db()
    assert (membership.is_active, membership.role) == (True, MembershipRole.CHAIR)


def test_ending_a_chair_is_allowed_when_another_chair_remains(olu, chris, panel, open_meeting):
    factories.MembershipFactory(panel=panel, role=MembershipRole.CHAIR)

    ended = membership_end(membership=chris.memberships.get(), by=olu)

    assert ended.ended_on == timezone.localdate()


def test_ending_the_only_chair_is_allowed_when_no_meeting_is_open(olu, chris, meeting):
    ended = membership_end(membership=chris.memberships.get(), by=olu)

    assert ended.ended_on == timezone.localdate()


@pytest.mark.parametrize("who", ["chris", "mina", "eve"])
def test_membership_changes_are_refused_to_others(request, who, mina):
    membership = mina.memberships.get()

    with pytest.raises(PermissionDenied):
        membership_pause(membership=membership, by=request.getfixturevalue(who))

    membership.refresh_from_db()
    assert membership.is_active is True
