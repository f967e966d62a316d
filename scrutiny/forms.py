"""Sign-in, password and two-factor forms rendered with the GOV.UK template pack."""

import re

from crispy_forms_gds.layout import Field, Fluid
from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core import password_resets
from core.forms import post_form_helper as _helper


def locked_out_message() -> str:
    minutes = settings.AXES_COOLOFF_MINUTES
    return ngettext(
        "Too many failed attempts. You can try again in %(minutes)s minute, "
        "or reset your password.",
        "Too many failed attempts. You can try again in %(minutes)s minutes, "
        "or reset your password.",
        minutes,
    ) % {"minutes": minutes}


class SignInForm(auth_forms.AuthenticationForm):
    error_messages = {
        "invalid_login": gettext_lazy(
            "Enter a correct username and password. Both are case-sensitive."
        ),
        "inactive": gettext_lazy("This account has been switched off. Ask your administrator."),
    }

    def get_invalid_login_error(self):
        # django-axes flags the request when this username or address is locked out; the
        # same words whether or not the account exists, or the password was right.
        if getattr(self.request, "axes_locked_out", False):
            return ValidationError(locked_out_message(), code="locked_out")
        return super().get_invalid_login_error()

    def clean_username(self) -> str:
        # Django sets the field's max_length after building it, so the length is only the
        # browser's to check; a longer name names no account and must not reach the lockout
        # table (255 characters) or the audit trail.
        username = self.cleaned_data["username"]
        limit = self.username_field.max_length
        if len(username) > limit:
            raise ValidationError(
                _("Username must be %(limit)s characters or fewer") % {"limit": limit},
                code="long",
            )
        return username

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = _("Enter your username")
        self.fields["password"].error_messages["required"] = _("Enter your password")
        self.helper = _helper(
            Field.text("username", field_width=Fluid.TWO_THIRDS),
            Field.text("password", field_width=Fluid.TWO_THIRDS),
            submit=_("Sign in"),
        )


class PasswordResetForm(auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].error_messages["required"] = _("Enter your email address")
        self.fields["email"].error_messages["invalid"] = _(
            "Enter an email address in the correct format, like name@example.org"
        )
        self.helper = _helper(
            Field.text("email", field_width=Fluid.TWO_THIRDS), submit=_("Send reset link")
        )

    def save(self, *, request, use_https: bool = False, domain_override=None, **_ignored):
        """Unlike Django's, looks nobody up here: the same work for every address, and a
        worker finds the accounts and sends the mail (core/password_resets.py)."""
        if domain_override:
            site_name = domain = domain_override
        else:
            site = get_current_site(request)
            site_name, domain = site.name, site.domain
        password_resets.password_reset_request(
            email=self.cleaned_data["email"],
            domain=domain,
            site_name=site_name,
            use_https=use_https,
        )


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("new_password1", field_width=Fluid.TWO_THIRDS),
            Field.text("new_password2", field_width=Fluid.TWO_THIRDS),
            submit=_("Change password"),
        )


_NOT_DIGITS = re.compile(r"[\s-]")
_CODE_INPUT = {"autocomplete": "one-time-code", "spellcheck": "false", "autocapitalize": "none"}


class AppCodeForm(forms.Form):
    """The 6-digit code an authenticator app shows."""

    code = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
        help_text=gettext_lazy("The 6-digit code your app shows now"),
        max_length=20,
        widget=forms.TextInput(attrs={**_CODE_INPUT, "inputmode": "numeric"}),
        error_messages={
            "required": gettext_lazy("Enter the 6-digit code from your authenticator app")
        },
    )

    def __init__(self, *args, submit: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.text("code", field_width=10), submit=submit or _("Continue"))

    def clean_code(self) -> str:
        code = _NOT_DIGITS.sub("", self.cleaned_data["code"])
        if not re.fullmatch(r"\d{6}", code):
            raise ValidationError(_("Enter the code as 6 numbers, like 123456"))
        return code


class RecoveryCodeForm(forms.Form):
    """One of the ten single-use recovery codes."""

    code = forms.CharField(
        label=gettext_lazy("Recovery code"),
        help_text=gettext_lazy("One of the 8-character codes you saved when you set up two-factor"),
        max_length=30,
        widget=forms.TextInput(attrs=_CODE_INPUT),
        error_messages={"required": gettext_lazy("Enter one of your recovery codes")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.text("code", field_width=10), submit=_("Continue"))

    def clean_code(self) -> str:
        code = _NOT_DIGITS.sub("", self.cleaned_data["code"]).lower()
        if not re.fullmatch(r"[a-z2-7]{8}", code):
            raise ValidationError(_("Enter the recovery code as 8 letters and numbers"))
        return code


class EmailChangeForm(forms.Form):
    """A new email address for one's own account, with the current password."""

    email = forms.CharField(
        label=gettext_lazy("New email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"required": gettext_lazy("Enter your new email address")},
    )
    password = forms.CharField(
        label=gettext_lazy("Your current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": gettext_lazy("Enter your current password")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("email", field_width=Fluid.TWO_THIRDS),
            Field.text("password", field_width=Fluid.TWO_THIRDS),
            submit=_("Send confirmation link"),
        )
