"""Granting the force liaison role, by invitation as a panel membership is, and ending
it. OPCC staff and data admins only; each write runs in one transaction, checks the
row's version where a form carried one, and leaves an audit entry."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.models import Force
from core import mail
from core.audit import AuditEvent, record
from core.invitations import invitation_days
from core.language import in_language_of
from core.permissions import by_rule
from core.roles import StaffRole, has_staff_role
from core.stale import lock_at_version

from ..models import ForceLiaison
from ..people.services import _person, invitation_link
from .presenters import person


def _require(by) -> None:
    if not by_rule("panels.manage_force_liaisons", by):
        raise PermissionDenied


def liaison_invite(*, force: Force, by, name: str, email: str) -> ForceLiaison:
    """Make the person a liaison for the force (creating their account if the address is
    new) and email them a link to choose a password, or to sign in.

    A person whose role for the force ended is given it again as a new grant: the ended
    one stays on record with its dates, and `renewed_after` on the new one is the day
    the last ended (None for a first grant)."""
    _require(by)
    with transaction.atomic():
        user, created = _person(name=" ".join(name.split()), email=email.strip())
        # Two invitations of the same person at once: the second waits here, then is
        # refused as "already a force liaison" rather than failing on the constraint.
        type(user).objects.select_for_update().filter(pk=user.pk).first()
        _refuse(user, force)
        ended = (
            ForceLiaison.objects.filter(force=force, user=user, ended_on__isnull=False)
            .order_by("-ended_on", "-pk")
            .first()
        )
        liaison = ForceLiaison(force=force, user=user)
        liaison.full_clean()
        _save_grant(liaison)
        _send_invitation(liaison, by=by)
        liaison.save(update_fields=["invited_at"])
        liaison.renewed_after = ended.ended_on if ended else None
        record(AuditEvent.CREATED, liaison, actor=by, summary=_granted(liaison, created))
    return liaison


ALREADY = gettext_lazy("%(name)s is already a force liaison for %(force)s")
# Whole sentences for each staff role, so each can be translated as a whole.
STAFF_REFUSED = {
    StaffRole.DATA_ADMIN: gettext_lazy(
        "%(name)s is a data admin, so cannot be a force liaison: "
        "the OPCC checks what the force sends, and no one may check their own"
    ),
    StaffRole.OPCC_STAFF: gettext_lazy(
        "%(name)s is OPCC staff, so cannot be a force liaison: "
        "the OPCC checks what the force sends, and no one may check their own"
    ),
    StaffRole.COMMISSIONER: gettext_lazy(
        "%(name)s is the Commissioner, so cannot be a force liaison: "
        "the OPCC checks what the force sends, and no one may check their own"
    ),
}


def _save_grant(liaison: ForceLiaison) -> None:
    """Save the new grant; one saved meanwhile (where the lock cannot hold it back) is
    refused as one held already, never an error page."""
    try:
        with transaction.atomic():
            liaison.save()
    except IntegrityError:
        name, force = person(liaison.user), liaison.force
        raise ValidationError({"email": ALREADY % {"name": name, "force": force.name}}) from None


def _refuse(user, force: Force) -> None:
    """Refuse the grant, naming the person, when they hold it already or hold a role that
    must stay apart from answering for the force."""
    name = person(user)
    if ForceLiaison.objects.filter(force=force, user=user, ended_on__isnull=True).exists():
        raise ValidationError({"email": ALREADY % {"name": name, "force": force.name}})
    held = [role for role in StaffRole if has_staff_role(user, role)]
    if held:
        # OPCC staff approve the force's responses before they are published, and data
        # admins and the Commissioner act for the OPCC: no one answers to themselves.
        raise ValidationError({"email": STAFF_REFUSED[held[0]] % {"name": name}})
    if user.memberships.filter(ended_on__isnull=True).exists():
        # A liaison must never be able to see a panel's ratings, so the two do not mix
        # (a paused membership counts: it may be resumed).
        raise ValidationError(
            {"email": _("%(name)s sits on a panel, so cannot be a force liaison") % {"name": name}}
        )


def _granted(liaison: ForceLiaison, created: bool) -> str:
    if liaison.renewed_after is not None:
        return (
            f"Invited as force liaison again (the role ended on {liaison.renewed_after:%-d %B %Y})"
        )
    return "Invited as force liaison" + (" (new account)" if created else "")


def _send_invitation(liaison: ForceLiaison, *, by) -> None:
    user = liaison.user
    needs_password = not user.has_usable_password()
    if needs_password:
        # A fresh unusable password kills any earlier link: only the newest one works.
        user.set_unusable_password()
        user.save(update_fields=["password"])
    context = {
        "first_name": user.first_name.strip(),
        "force_name": liaison.force.name,
        "username": user.get_username(),
        "needs_password": needs_password,
        "link": invitation_link(user) if needs_password else settings.SITE_URL + reverse("login"),
        "days": invitation_days(),
        "inviter": by.get_full_name() or by.get_username(),
        "service_name": settings.SERVICE_NAME,
    }
    with in_language_of(user):
        subject = _("You are the force liaison for %(force)s") % {"force": liaison.force.name}
        body = render_to_string("panels/email/liaison_invitation.txt", context)
    mail.send_later(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
    liaison.invited_at = timezone.now()


def liaison_end(*, liaison: ForceLiaison, by, version: int) -> ForceLiaison:
    """End the role: the person no longer sees the force's work. Kept for history."""
    _require(by)
    with transaction.atomic():
        locked = lock_at_version(ForceLiaison.objects.all(), pk=liaison.pk, seen=version)
        if locked.ended_on is not None:
            raise ValidationError(_("This person is no longer a liaison for the force"))
        locked.is_active, locked.ended_on = False, timezone.localdate()
        locked.version += 1
        locked.full_clean()
        locked.save()
        record(AuditEvent.CHANGED, locked, actor=by, summary="Force liaison role ended")
    return locked
