"""Pages for running panels and their people: for OPCC staff and data admins.

Also the page an invited person opens to choose their first password.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from core.form_pages import handle_form
from core.forms import add_service_errors
from core.invitations import invitation_days, invitation_tokens

from . import presenters, selectors, services
from .forms import ConfirmForm, InvitationPasswordForm, InviteForm, MembershipForm, PanelForm


def people_manager_required(view):
    """OPCC staff and data admins only: others signed in are refused (403)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not selectors.can_manage_people(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _posted(request):
    # An empty post is still a post: it must come back with errors, not a blank form.
    return request.POST if request.method == "POST" else None


def _form_page(request, template, context, status=200):
    # The page's title says "Error:" itself when the form has errors (form_page.html).
    return render(request, template, context, status=status)


# --- panels ---------------------------------------------------------------------------


@people_manager_required
def panel_list(request):
    panels = selectors.managed_panels(user=request.user)
    return render(request, "panels/people/panel_list.html", {"panels": panels})


@people_manager_required
def panel_create(request):
    def show(form, status, stale):
        context = {"form": form, "page_title": _("Create a panel")}
        return _form_page(request, "panels/people/panel_form.html", context, status=status)

    return handle_form(
        request,
        PanelForm(_posted(request)),
        save=lambda form: services.panel_create(by=request.user, **form.service_fields()),
        message=lambda panel: _("%(name)s has been created") % {"name": panel.name},
        success=lambda panel: reverse("panels:panel_detail", kwargs={"slug": panel.slug}),
        render=show,
    )


@people_manager_required
def panel_detail(request, slug: str):
    panel = selectors.managed_panel(user=request.user, slug=slug)
    context = {
        "panel": panel,
        "members": presenters.panel_members(panel=panel),
        "page_title": panel.name,
    }
    return render(request, "panels/people/panel_detail.html", context)


@people_manager_required
def panel_edit(request, slug: str):
    panel = selectors.managed_panel(user=request.user, slug=slug)

    def show(form, status, stale):
        if stale is not None:
            panel.refresh_from_db()
        context = {"form": form, "panel": panel, "page_title": _("Change the panel")}
        return _form_page(request, "panels/people/panel_form.html", context, status=status)

    return handle_form(
        request,
        PanelForm(_posted(request), panel=panel),
        save=lambda form: services.panel_update(
            panel=panel,
            by=request.user,
            version=form.cleaned_data["version"],
            **form.service_fields(),
        ),
        message=_("The panel has been changed"),
        success=reverse("panels:panel_detail", kwargs={"slug": panel.slug}),
        render=show,
        rebind=lambda data: PanelForm(data, panel=panel),
        what="panel",
    )


# --- memberships ----------------------------------------------------------------------


@people_manager_required
def member_invite(request, slug: str):
    panel = selectors.managed_panel(user=request.user, slug=slug)

    def show(form, status, stale):
        context = {
            "form": form,
            "panel": panel,
            "invitation_days": invitation_days(),
            "page_title": _("Invite someone to %(panel)s") % {"panel": panel.name},
        }
        return _form_page(request, "panels/people/member_invite.html", context, status=status)

    return handle_form(
        request,
        InviteForm(_posted(request)),
        save=lambda form: services.membership_invite(
            panel=panel, by=request.user, **form.cleaned_data
        ),
        message=lambda membership: (
            _("Invitation sent to %(email)s") % {"email": membership.user.email}
        ),
        success=reverse("panels:panel_detail", kwargs={"slug": panel.slug}),
        render=show,
    )


@people_manager_required
def membership_edit(request, slug: str, pk: int):
    panel = selectors.managed_panel(user=request.user, slug=slug)
    membership = selectors.panel_membership(panel=panel, pk=pk)
    if membership.ended_on is not None:
        return _refused(
            request, panel, membership, _("This membership has ended, so it cannot be changed.")
        )

    def show(form, status, stale):
        if stale is not None:
            membership.refresh_from_db()
        context = {
            "form": form,
            "panel": panel,
            "membership": membership,
            "page_title": _("Change %(name)s's membership") % {"name": _name(membership)},
        }
        return _form_page(request, "panels/people/membership_form.html", context, status=status)

    return handle_form(
        request,
        MembershipForm(_posted(request), membership=membership),
        save=lambda form: services.membership_update(
            membership=membership,
            by=request.user,
            version=form.cleaned_data["version"],
            **form.service_fields(),
        ),
        message=_("%(name)s's membership has been changed") % {"name": _name(membership)},
        success=reverse("panels:panel_detail", kwargs={"slug": panel.slug}),
        render=show,
        rebind=lambda data: MembershipForm(data, membership=membership),
        what="membership",
    )


def _name(membership) -> str:
    return membership.user.get_full_name() or membership.user.get_username()


def _refused(request, panel, membership, reason: str):
    context = {
        "panel": panel,
        "membership": membership,
        "reason": reason,
        "page_title": _("This cannot be done"),
    }
    status = 403 if request.method == "POST" else 200
    return render(request, "panels/people/membership_refused.html", context, status=status)


# What each confirmation page is called, says and does: (title, button, explanation, done).
ACTIONS = {
    "pause": (
        gettext_lazy("Pause {name}'s membership"),
        gettext_lazy("Pause the membership"),
        gettext_lazy(
            "While paused, they cannot see the panel's meetings or rate its cases. What they "
            "have already done is kept. You can resume the membership at any time."
        ),
        gettext_lazy("{name}'s membership has been paused"),
    ),
    "resume": (
        gettext_lazy("Resume {name}'s membership"),
        gettext_lazy("Resume the membership"),
        gettext_lazy("They will be able to see the panel's meetings and rate its cases again."),
        gettext_lazy("{name}'s membership has been resumed"),
    ),
    "end": (
        gettext_lazy("End {name}'s membership"),
        gettext_lazy("End the membership"),
        gettext_lazy(
            "They will no longer see the panel's meetings or rate its cases. Their past ratings "
            "and the membership are kept for the record. This cannot be undone."
        ),
        gettext_lazy("{name}'s membership has ended"),
    ),
    "resend": (
        gettext_lazy("Send {name} a new invitation"),
        gettext_lazy("Send a new invitation"),
        gettext_lazy(
            "They will get a new email with a link to choose a password. The link in any "
            "earlier invitation will stop working."
        ),
        gettext_lazy("A new invitation has been sent to {email}"),
    ),
}
SERVICES = {
    "pause": services.membership_pause,
    "resume": services.membership_resume,
    "end": services.membership_end,
    "resend": services.invitation_resend,
}


def _confirm(request, slug: str, pk: int, action: str):
    panel = selectors.managed_panel(user=request.user, slug=slug)
    membership = selectors.panel_membership(panel=panel, pk=pk)
    title, button, explanation, done = ACTIONS[action]
    name = _name(membership)
    data = request.POST if request.method == "POST" else None
    form = ConfirmForm(data, submit=button)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            SERVICES[action](membership=membership, by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
            status = 409
        else:
            messages.success(request, done.format(name=name, email=membership.user.email))
            return redirect("panels:panel_detail", slug=panel.slug)
    state = presenters.membership_state(membership)
    context = {
        "form": form,
        "panel": panel,
        "membership": membership,
        "state_label": state[1],
        "explanation": explanation,
        "page_title": title.format(name=name),
    }
    return _form_page(request, "panels/people/membership_confirm.html", context, status=status)


@people_manager_required
def membership_pause(request, slug: str, pk: int):
    return _confirm(request, slug, pk, "pause")


@people_manager_required
def membership_resume(request, slug: str, pk: int):
    return _confirm(request, slug, pk, "resume")


@people_manager_required
def membership_end(request, slug: str, pk: int):
    return _confirm(request, slug, pk, "end")


@people_manager_required
def invitation_resend(request, slug: str, pk: int):
    return _confirm(request, slug, pk, "resend")


# --- the invited person ------------------------------------------------------------------


def _invited_user(uidb64: str, token: str):
    """The account the link is for, if the link is still good."""
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError):
        return None
    user = get_user_model()._default_manager.filter(pk=pk, is_active=True).first()
    if user is None or user.has_usable_password():
        return None
    return user if invitation_tokens.check_token(user, token) else None


@never_cache
def invitation_accept(request, uidb64: str, token: str):
    """Anyone holding a good link chooses the account's first password, then signs in."""
    user = _invited_user(uidb64, token)
    if user is None:
        context = {"page_title": _("This invitation link has expired or has been used")}
        return render(request, "panels/people/invitation_expired.html", context)
    form = InvitationPasswordForm(user, _posted(request))
    if request.method == "POST" and form.is_valid():
        services.invitation_accept(user=user, password=form.cleaned_data["new_password1"])
        messages.success(
            request,
            _("Your password has been set. Sign in with your username, %(username)s")
            % {"username": user.username},
        )
        return redirect("login")
    context = {"form": form, "invited": user, "page_title": _("Choose a password")}
    return _form_page(request, "panels/people/invitation_accept.html", context)
