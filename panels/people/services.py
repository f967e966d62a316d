"""Running panels and their people: panels, invitations and memberships.

Only OPCC staff and data admins may call these. Each write runs in one transaction,
checks the row's version where a form carried one (a stale form is refused, never
saved over someone else's change), and leaves an audit entry.
"""

import datetime
import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.models import Force
from core import mail
from core.audit import AuditEvent, record
from core.bilingual import english
from core.invitations import invitation_days, invitation_tokens
from core.language import in_language_of
from core.stale import check_version

from ..enums import AgeGroup, Agency, MembershipRole
from ..models import ForceLiaison, Framework, Membership, Panel
from .names import check_name, check_welsh_name, unique_slug
from .selectors import can_manage_people, open_meetings, other_active_chairs
from .wording import CHAIR_NEEDED

PANEL_FIELDS = (
    "name",
    "name_cy",
    "framework",
    "force",
    "organisation",
    "organisation_cy",
    "age_group",
    "public_description",
    "public_description_cy",
    "is_active",
)
CHAIR_MUST_VOTE = gettext_lazy(
    "A chair must have a vote. Select ‘Yes’ for voting, or make them a member"
)
USERNAME_MAX = get_user_model()._meta.get_field("username").max_length


def _require(by) -> None:
    if not can_manage_people(by):
        raise PermissionDenied


def _save(row) -> None:
    row.full_clean()
    row.save()


# --- panels ---------------------------------------------------------------------------


def panel_create(
    *,
    by,
    name: str,
    framework: Framework,
    force: Force,
    organisation: str,
    age_group: str = AgeGroup.ADULT,
    public_description: str = "",
    public_description_cy: str = "",
    is_active: bool = True,
    name_cy: str = "",
    organisation_cy: str = "",
) -> Panel:
    _require(by)
    with transaction.atomic(), english():
        name = check_name(name)
        panel = Panel(
            name=name,
            name_cy=check_welsh_name(name_cy),
            slug=unique_slug(name),
            framework=framework,
            force=force,
            organisation=organisation.strip(),
            organisation_cy=organisation_cy.strip(),
            age_group=age_group,
            public_description=public_description.strip(),
            public_description_cy=public_description_cy.strip(),
            is_active=is_active,
        )
        _save(panel)
        record(AuditEvent.CREATED, panel, actor=by, summary="Panel created")
    return panel


def panel_update(*, panel: Panel, by, version: int, **fields) -> Panel:
    """Change a panel's details; its slug (and so its public addresses) stays as it was."""
    _require(by)
    unknown = set(fields) - set(PANEL_FIELDS)
    if unknown:
        raise ValueError(f"Not a panel field: {', '.join(sorted(unknown))}")
    with transaction.atomic(), english():
        locked = Panel.objects.select_for_update().get(pk=panel.pk)
        check_version(locked, version)
        if "name" in fields:
            fields["name"] = check_name(fields["name"], exclude_pk=locked.pk)
        if "name_cy" in fields:
            locked.name_cy = check_welsh_name(fields.pop("name_cy"), exclude_pk=locked.pk)
        for field, value in fields.items():
            setattr(locked, field, value.strip() if isinstance(value, str) else value)
        locked.version += 1
        _save(locked)
        record(AuditEvent.CHANGED, locked, actor=by, summary="Panel details changed")
    return locked


# --- invitations ----------------------------------------------------------------------


def _username_for(email: str) -> str:
    User = get_user_model()
    # Usernames allow letters, digits and @.+-_ only; an address may hold more.
    base = re.sub(r"[^\w.@+-]", "", email.lower())[:USERNAME_MAX] or "member"
    username, n = base, 2
    while User.objects.filter(username__iexact=username).exists():
        suffix = f"-{n}"
        username, n = base[: USERNAME_MAX - len(suffix)] + suffix, n + 1
    return username


def _split_name(name: str) -> tuple[str, str]:
    parts = name.split()
    if len(parts) == 1:
        return parts[0], ""
    return " ".join(parts[:-1]), parts[-1]


def _person(*, name: str, email: str):
    """The account with this e-mail address, or a new one that cannot sign in yet."""
    User = get_user_model()
    matches = list(User.objects.filter(email__iexact=email)[:2])
    if len(matches) > 1:
        raise ValidationError(
            {"email": _("More than one account has this email address. Ask a data admin to fix it")}
        )
    if matches and not matches[0].is_active:
        raise ValidationError(
            {"email": _("The account with this email address is switched off. Ask a data admin")}
        )
    if matches and _locked_by_an_admin(matches[0]):
        raise ValidationError(
            {"email": _("The account with this email address has been locked. Ask a data admin")}
        )
    if matches:
        return matches[0], False
    first, last = _split_name(name)
    user = User(username=_username_for(email), email=email, first_name=first, last_name=last)
    user.set_unusable_password()
    user.full_clean()
    user.save()
    return user, True


def _locked_by_an_admin(user) -> bool:
    """An account that has signed in before, or holds a staff role, and has no password
    now was locked on purpose: an invitation must not let it choose a new one."""
    if user.has_usable_password():
        return False
    return user.last_login is not None or user.is_staff or user.groups.exists()


def invitation_link(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = invitation_tokens.make_token(user)
    path = reverse("panels:invitation_accept", kwargs={"uidb64": uid, "token": token})
    return settings.SITE_URL + path


def _send_invitation(membership: Membership, *, by) -> None:
    """An email with a link to choose a password, or, for someone who already has one,
    to say they have been added to the panel."""
    user = membership.user
    needs_password = not user.has_usable_password()
    if needs_password:
        # A fresh unusable password kills any earlier link: only the newest one works.
        user.set_unusable_password()
        user.save(update_fields=["password"])
    with in_language_of(user):
        context = {
            "first_name": user.first_name.strip(),
            "panel_name": membership.panel.name,
            "role": membership.get_role_display().lower(),
            "username": user.get_username(),
            "needs_password": needs_password,
            "link": invitation_link(user)
            if needs_password
            else settings.SITE_URL + reverse("login"),
            "days": invitation_days(),
            "inviter": by.get_full_name() or by.get_username(),
            "service_name": settings.SERVICE_NAME,
        }
        subject = " ".join(render_to_string("panels/email/invitation_subject.txt", context).split())
        body = render_to_string("panels/email/invitation.txt", context)
    mail.send_later(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
    membership.invited_at = timezone.now()


def membership_invite(
    *,
    panel: Panel,
    by,
    name: str,
    email: str,
    agency: str,
    role: str = MembershipRole.MEMBER,
    is_voting: bool = True,
) -> Membership:
    """Add a person to the panel (creating their account if the address is new) and
    email them a link to choose a password."""
    _require(by)
    email = email.strip()
    if role == MembershipRole.CHAIR and not is_voting:
        raise ValidationError({"is_voting": CHAIR_MUST_VOTE})
    with transaction.atomic():
        user, created = _person(name=" ".join(name.split()), email=email)
        if not created and Membership.objects.filter(panel=panel, user=user).exists():
            raise ValidationError({"email": _("This person is already on the panel")})
        if not created and ForceLiaison.objects.filter(user=user, ended_on__isnull=True).exists():
            # A liaison must never see a panel's ratings, so the two roles do not mix.
            raise ValidationError(
                {"email": _("This person is a force liaison, so cannot join a panel")}
            )
        membership = Membership(
            panel=panel,
            user=user,
            agency=agency,
            role=role,
            is_voting=is_voting,
            joined_on=timezone.localdate(),
        )
        _save(membership)
        _send_invitation(membership, by=by)
        membership.save(update_fields=["invited_at"])
        record(
            AuditEvent.CREATED,
            membership,
            actor=by,
            summary="Invited to the panel" + (" (new account)" if created else ""),
        )
    return membership


def invitation_resend(*, membership: Membership, by) -> Membership:
    _require(by)
    with transaction.atomic():
        locked = _lock(membership)
        if locked.user.has_usable_password() or locked.ended_on is not None:
            raise ValidationError(
                _("This person has already accepted their invitation."), code="refused"
            )
        _send_invitation(locked, by=by)
        locked.version += 1
        locked.save(update_fields=["invited_at", "version"])
        record(AuditEvent.CHANGED, locked, actor=by, summary="Invitation sent again")
    return locked


def invitation_accept(*, user, password: str) -> None:
    """The invited person chooses their password; the link stops working."""
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        record(AuditEvent.SECURITY, user, actor=user, summary="Password set from an invitation")


# --- memberships ----------------------------------------------------------------------


def _lock(membership: Membership) -> Membership:
    return (
        Membership.objects.select_for_update(of=("self",))
        .select_related("user", "panel")
        .get(pk=membership.pk)
    )


def _check_chair_kept(membership: Membership, why: str) -> None:
    """A panel with a meeting open for rating or in discussion keeps an active chair."""
    if membership.role != MembershipRole.CHAIR or not membership.is_active:
        return
    # The panel's row is the lock: two people removing the last two chairs at once
    # take turns, and the second sees the first's change.
    Panel.objects.select_for_update().get(pk=membership.panel_id)
    if other_active_chairs(membership=membership).exists():
        return
    if open_meetings(panel=membership.panel).exists():
        raise ValidationError(
            CHAIR_NEEDED[why] % {"panel": membership.panel},
            code="chair_needed",
        )


def membership_update(
    *, membership: Membership, by, version: int, agency: str, role: str, is_voting: bool
) -> Membership:
    _require(by)
    if role == MembershipRole.CHAIR and not is_voting:
        raise ValidationError({"is_voting": CHAIR_MUST_VOTE})
    if agency not in Agency.values:
        raise ValidationError({"agency": _("Select the agency they come from")})
    with transaction.atomic():
        locked = _lock(membership)
        check_version(locked, version)
        if locked.ended_on is not None:
            raise ValidationError(_("This membership has ended and cannot be changed."))
        if role != MembershipRole.CHAIR:
            _check_chair_kept(locked, "change")
        locked.agency, locked.role, locked.is_voting = agency, role, is_voting
        locked.version += 1
        _save(locked)
        record(AuditEvent.CHANGED, locked, actor=by, summary="Membership changed")
    return locked


def membership_pause(*, membership: Membership, by) -> Membership:
    _require(by)
    with transaction.atomic():
        locked = _lock(membership)
        if locked.ended_on is not None:
            raise ValidationError(_("This membership has ended."), code="refused")
        if not locked.is_active:
            raise ValidationError(_("This membership is already paused."), code="refused")
        _check_chair_kept(locked, "pause")
        locked.is_active = False
        locked.version += 1
        _save(locked)
        record(AuditEvent.CHANGED, locked, actor=by, summary="Membership paused")
    return locked


def membership_resume(*, membership: Membership, by) -> Membership:
    _require(by)
    with transaction.atomic():
        locked = _lock(membership)
        if locked.ended_on is not None:
            raise ValidationError(_("An ended membership cannot be resumed."), code="refused")
        if locked.is_active:
            raise ValidationError(_("This membership is not paused."), code="refused")
        if ForceLiaison.objects.filter(user=locked.user_id, ended_on__isnull=True).exists():
            # A liaison must never see a panel's ratings, so the two roles do not mix.
            raise ValidationError(
                _("This person is now a force liaison, so the membership cannot be resumed."),
                code="refused",
            )
        locked.is_active = True
        locked.version += 1
        _save(locked)
        record(AuditEvent.CHANGED, locked, actor=by, summary="Membership resumed")
    return locked


def membership_end(*, membership: Membership, by, on: datetime.date | None = None) -> Membership:
    """End a membership for good: kept for history, its ratings kept, its access gone."""
    _require(by)
    with transaction.atomic():
        locked = _lock(membership)
        if locked.ended_on is not None:
            raise ValidationError(_("This membership has already ended."), code="refused")
        _check_chair_kept(locked, "end")
        locked.is_active = False
        locked.ended_on = on or timezone.localdate()
        locked.version += 1
        _save(locked)
        record(AuditEvent.CHANGED, locked, actor=by, summary="Membership ended")
    return locked
