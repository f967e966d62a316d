"""People in the admin, without a way up: only a superuser grants power.

Data admins may add people and correct their names and whether they can sign in.
Superuser and staff status, groups (the organisation-wide roles), direct permissions
and another person's password are a superuser's alone, and a data admin cannot touch
a superuser's account at all.

An email address is how a password is reset, so changing someone's address is taking
over their account. A data admin may change it only for a person with no staff
account and no role beyond the data admin's own; anyone else's is changed by a
superuser (audited, with a notice to the old address) or by the person themselves on
their account page, with their password and a link sent to the old address.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.core.exceptions import PermissionDenied

from .accounts import email_changed_by_admin
from .roles import roles_held
from .text_safety import SafeTextMixin

User = get_user_model()

GRANTS = ["is_superuser", "is_staff", "groups", "user_permissions"]


class _NameChecks(SafeTextMixin):
    """Names in one alphabet and without hidden characters, so no account can pass
    for another ("аlice" with a Cyrillic "а")."""

    text_labels = {"username": "Username", "first_name": "First name", "last_name": "Last name"}
    single_script_fields = ("username", "first_name", "last_name")


class SafeUserCreationForm(_NameChecks, AdminUserCreationForm):
    pass


class SafeUserChangeForm(_NameChecks, UserChangeForm):
    class Meta(UserChangeForm.Meta):
        # Named, not "__all__"; the admin's fieldsets pick from these.
        fields = [
            "username",
            "password",
            "first_name",
            "last_name",
            "email",
            "is_active",
            "is_staff",
            "is_superuser",
            "groups",
            "user_permissions",
            "last_login",
            "date_joined",
        ]


SIGN_IN_LOCKED = (
    "Only a superuser can change the email address of a staff account or of someone with a "
    "role you do not hold. People change their own on their account page."
)


def sign_in_refusal(editor, person) -> str | None:
    """Why `editor` may not change how `person` signs in (their email address, which a
    password reset goes to), or None if they may."""
    if editor.is_superuser:
        return None
    if person.is_superuser or person.is_staff or roles_held(person) - roles_held(editor):
        return SIGN_IN_LOCKED
    return None


class ScopedUserAdmin(UserAdmin):
    form = SafeUserChangeForm
    add_form = SafeUserCreationForm

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += GRANTS + ["last_login", "date_joined"]
        if obj is not None and sign_in_refusal(request.user, obj):
            fields.append("email")
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not sign_in_refusal(request.user, obj):
            return fieldsets
        return [
            (name, {**options, "description": SIGN_IN_LOCKED})
            if "email" in options.get("fields", ())
            else (name, options)
            for name, options in fieldsets
        ]

    def save_model(self, request, obj, form, change):
        email_changed = change and "email" in form.changed_data
        # The field is read-only for them; refuse all the same if a change ever got here.
        if email_changed and sign_in_refusal(request.user, obj):
            raise PermissionDenied
        super().save_model(request, obj, form, change)
        if email_changed:
            email_changed_by_admin(
                person=obj, old_email=form.initial.get("email", ""), request=request
            )

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def user_change_password(self, request, id, form_url=""):
        # Setting someone else's password is taking over their account.
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)


admin.site.unregister(User)
admin.site.register(User, ScopedUserAdmin)
