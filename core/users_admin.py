"""People in the admin, without a way up: only a superuser grants power.

Data admins may add people and correct their names, email and whether they
can sign in. Superuser and staff status, groups (the organisation-wide roles),
direct permissions and another person's password are a superuser's alone, and a
data admin cannot touch a superuser's account at all.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.core.exceptions import PermissionDenied

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


class ScopedUserAdmin(UserAdmin):
    form = SafeUserChangeForm
    add_form = SafeUserCreationForm

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += GRANTS + ["last_login", "date_joined"]
        return fields

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
