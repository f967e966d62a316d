"""Granting the force liaison role again after it ended, and keeping it apart from the
OPCC's own roles: who is refused, with what words, and what stays on record."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.audit import AuditEvent
from core.models import AuditEntry
from core.roles import StaffRole
from panels.liaison import grants
from panels.models import ForceLiaison
from panels.permissions import liaison_force_ids
from tests import factories
from tests.panels.liaison_setup import force_action, response_from

INVITE = reverse("panels:liaison_invite")


@pytest.fixture
def ended(olu, lee):
    """Lee's role ended on 1 May 2026, after he answered an action."""
    liaison = lee.force_liaisons.get()
    grants.liaison_end(liaison=liaison, by=olu, version=0)
    ForceLiaison.objects.filter(pk=liaison.pk).update(ended_on=datetime.date(2026, 5, 1))
    return liaison


def invite(by, user, force):
    return grants.liaison_invite(force=force, by=by, name=user.get_full_name(), email=user.email)


def refusal(by, user, force) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        invite(by, user, force)
    return refused.value.message_dict["email"]


def test_an_ended_liaison_is_given_the_role_again(olu, lee, panel, ended):
    renewed = invite(olu, lee, panel.force)

    assert (
        renewed.pk != ended.pk,
        renewed.renewed_after,
        liaison_force_ids(renewed.user),
    ) == (True, datetime.date(2026, 5, 1), {panel.force.pk})


def test_the_ended_period_stays_on_record_beside_the_new_one(olu, lee, panel, ended):
    invite(olu, lee, panel.force)

    periods = ForceLiaison.objects.filter(user=lee).order_by("pk")
    assert [(p.is_active, p.ended_on) for p in periods] == [
        (False, datetime.date(2026, 5, 1)),
        (True, None),
    ]


def test_what_the_liaison_sent_stays_on_record_after_the_role_is_given_again(
    olu, lee, panel, meeting, ended
):
    sent = response_from(lee, force_action(meeting))

    invite(olu, lee, panel.force)

    sent.refresh_from_db()
    assert sent.submitted_by == lee


def test_the_audit_shows_both_periods(olu, lee, panel, ended):
    renewed = invite(olu, lee, panel.force)

    summaries = [
        (int(e.object_pk), e.summary)
        for e in AuditEntry.objects.filter(
            event__in=[AuditEvent.CREATED, AuditEvent.CHANGED],
            object_pk__in=[str(ended.pk), str(renewed.pk)],
            summary__contains="liaison",
        ).order_by("pk")
    ]
    assert summaries == [
        (ended.pk, "Force liaison role ended"),
        (renewed.pk, "Invited as force liaison again (the role ended on 1 May 2026)"),
    ]


def test_an_active_liaison_is_told_they_already_hold_the_role(olu, lee, panel):
    assert refusal(olu, lee, panel.force) == [
        f"{lee.get_full_name()} is already a force liaison for {panel.force.name}"
    ]


def test_a_liaison_for_one_force_may_be_made_liaison_for_another(olu, lee):
    other = factories.ForceFactory()

    liaison = invite(olu, lee, other)

    assert liaison_force_ids(liaison.user) == {lee.force_liaisons.first().force_id, other.pk}


@pytest.mark.parametrize(
    ("role", "said"),
    [
        (StaffRole.OPCC_STAFF, "OPCC staff"),
        (StaffRole.DATA_ADMIN, "a data admin"),
        (StaffRole.COMMISSIONER, "the Commissioner"),
    ],
)
def test_the_opccs_own_roles_cannot_be_made_liaisons(olu, panel, role, said):
    person = factories.UserFactory(first_name="Nia", last_name="Hughes", roles=[role])

    assert (refusal(olu, person, panel.force), ForceLiaison.objects.count()) == (
        [
            f"Nia Hughes is {said}, so cannot be a force liaison: the OPCC checks what the "
            "force sends, and no one may check their own"
        ],
        0,
    )


def test_opcc_staff_cannot_make_themselves_a_liaison(olu, panel):
    assert refusal(olu, olu, panel.force)[0].startswith(f"{olu.get_full_name()} is OPCC staff")


def test_the_chair_cannot_be_made_a_liaison(olu, chris, panel):
    assert refusal(olu, chris, panel.force) == [
        f"{chris.get_full_name()} sits on a panel, so cannot be a force liaison"
    ]


def test_the_invite_page_says_the_role_is_given_again(client, olu, lee, panel, ended):
    client.force_login(olu)

    response = client.post(
        INVITE, {"name": "Lee", "email": lee.email, "force": panel.force.pk}, follow=True
    )

    assert (
        f"{lee.get_full_name()} is a force liaison for {panel.force.name} again (the role "
        f"ended on 1 May 2026). Invitation sent to {lee.email}"
    ) in response.content.decode()


def test_the_invite_page_refuses_opcc_staff_naming_them(client, olu, panel):
    nia = factories.UserFactory(first_name="Nia", last_name="Hughes", roles=[StaffRole.OPCC_STAFF])
    client.force_login(olu)

    response = client.post(INVITE, {"name": "Nia", "email": nia.email, "force": panel.force.pk})

    page = response.content.decode()
    assert (
        response.status_code,
        "govuk-error-summary" in page,
        "Nia Hughes is OPCC staff, so cannot be a force liaison" in page,
        ForceLiaison.objects.filter(user=nia).count(),
    ) == (200, True, True, 0)


def test_the_invite_page_says_an_active_liaison_already_holds_the_role(client, olu, lee, panel):
    client.force_login(olu)

    response = client.post(INVITE, {"name": "Lee", "email": lee.email, "force": panel.force.pk})

    assert (
        f"{lee.get_full_name()} is already a force liaison for {panel.force.name}"
        in response.content.decode(),
        ForceLiaison.objects.filter(user=lee).count(),
    ) == (True, 1)


def test_the_list_shows_both_periods(client, olu, lee, panel, ended):
    invite(olu, lee, panel.force)
    client.force_login(olu)

    page = client.get(reverse("panels:liaison_list")).content.decode()

    assert ("Ended 1 May 2026" in page, page.count(lee.email)) == (True, 2)


def test_an_invitation_racing_another_is_refused_as_held_already(olu, panel, monkeypatch):
    person = factories.UserFactory()
    invite(olu, person, panel.force)
    # The other invitation passed its checks before this one was saved.
    monkeypatch.setattr(grants, "_refuse", lambda user, force: None)
    monkeypatch.setattr(ForceLiaison, "validate_constraints", lambda self, exclude=None: None)

    assert refusal(olu, person, panel.force) == [
        f"{person.get_full_name()} is already a force liaison for {panel.force.name}"
    ]
