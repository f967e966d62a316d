"""Sign-in and password forms rendered with the GOV.UK template pack."""

from crispy_forms_gds.layout import Field, Fluid
from django.contrib.auth import forms as auth_forms

from core.forms import post_form_helper as _helper


class SignInForm(auth_forms.AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been switched off. Ask your administrator.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.helper = _helper(
            Field.text("username", field_width=Fluid.TWO_THIRDS),
            Field.text("password", field_width=Fluid.TWO_THIRDS),
            submit="Sign in",
        )


class PasswordResetForm(auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].error_messages["required"] = "Enter your email address"
        self.fields["email"].error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.org"
        )
        self.helper = _helper(
            Field.text("email", field_width=Fluid.TWO_THIRDS), submit="Send reset link"
        )


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("new_password1", field_width=Fluid.TWO_THIRDS),
            Field.text("new_password2", field_width=Fluid.TWO_THIRDS),
            submit="Change password",
        )
