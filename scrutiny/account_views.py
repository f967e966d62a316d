"""Your account: who you are signed in as, and changing your email address.

Kept small so other pages about one's own account (two-factor, notifications) can sit
beside it under /account/. The rules for changing an address are in core/accounts.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import accounts, two_factor
from core.forms import add_service_errors

from .forms import EmailChangeForm

__all__ = ["account", "email_change", "email_change_confirm"]


@login_required
def account(request):
    context = {
        "page_title": _("Your account"),
        "two_factor_on": two_factor.app_device(request.user) is not None,
    }
    return render(request, "account/account.html", context)


@login_required
def email_change(request):
    """A new address, with the current password; the link goes to the old address."""
    form = EmailChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            accounts.email_change_request(
                user=request.user,
                new_email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
                request=request,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            hours = accounts.EMAIL_CHANGE_HOURS
            text = ngettext(
                "We have sent a link to %(email)s. Follow it within %(hours)s hour to change "
                "your email address. Until then your address stays as it is.",
                "We have sent a link to %(email)s. Follow it within %(hours)s hours to change "
                "your email address. Until then your address stays as it is.",
                hours,
            )
            messages.info(request, text % {"email": request.user.email, "hours": hours})
            return redirect("account")
    context = {
        "form": form,
        "page_title": _("Change your email address"),
        "hours": accounts.EMAIL_CHANGE_HOURS,
    }
    return render(request, "account/email_change.html", context)


@login_required
def email_change_confirm(request, token: str):
    """The link from the old address: a page to confirm, then the change on POST (a mail
    scanner opening the link changes nothing)."""
    try:
        if request.method == "POST":
            new_email = accounts.email_change_confirm(
                user=request.user, token=token, request=request
            )
            messages.success(
                request, _("Your email address is now %(email)s") % {"email": new_email}
            )
            return redirect("account")
        new_email = accounts.email_change_pending(user=request.user, token=token)
    except accounts.EmailLinkRefused as refused:
        context = {"page_title": _("You cannot use this link"), "reason": refused.message}
        return render(request, "account/email_link_refused.html", context, status=refused.status)
    context = {"page_title": _("Confirm your new email address"), "new_email": new_email}
    return render(request, "account/email_confirm.html", context)
