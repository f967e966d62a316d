"""Who a user is to the service.

Data admins and OPCC staff are organisation-wide roles held as Django groups so
admins can grant them without code. Chair and member are per panel and come
from panel memberships, so they live in the panels app.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import models


class StaffRole(models.TextChoices):
    DATA_ADMIN = "Data admin", "Data admin"
    OPCC_STAFF = "OPCC staff", "OPCC staff"
    # Optional per deployment: an OPCC that wants the Commissioner to record their own
    # accountability decisions creates this group; otherwise OPCC staff record them.
    COMMISSIONER = "Commissioner", "Commissioner"


def has_staff_role(user, role: StaffRole) -> bool:
    # A superuser holds a role only by being in its group, like anyone else: superuser
    # status opens the Django admin for repairs, never the work of a role.
    if not user.is_authenticated:
        return False
    # Cached per request object: home pages and navigation ask more than once.
    cache = getattr(user, "_staff_roles_cache", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._staff_roles_cache = cache
    return role.value in cache


def is_data_admin(user) -> bool:
    return has_staff_role(user, StaffRole.DATA_ADMIN)


def is_opcc_staff(user) -> bool:
    return has_staff_role(user, StaffRole.OPCC_STAFF)


# Roles granted outside core (a panel's chair, member or attendee, from the panels app's
# memberships) are told to core by the app that grants them, so core imports none of it.
_ROLE_SOURCES: list = []


def register_role_source(source) -> None:
    """`source(user) -> set[str]`: the roles, in words, the user holds in that app."""
    if source not in _ROLE_SOURCES:
        _ROLE_SOURCES.append(source)


def roles_held(user) -> set[str]:
    """Every role the user has been given: the organisation-wide groups and each app's own
    (superuser status is not a role here; it is asked about on its own)."""
    held = set(user.groups.values_list("name", flat=True))
    for source in _ROLE_SOURCES:
        held |= set(source(user))
    return held


def users_with_role(role: StaffRole):
    """Active accounts in the role's group (superusers only by being in it too): who is
    emailed about the role's waiting work."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(groups__name=role.value, is_active=True).distinct()


def is_commissioner(user) -> bool:
    return has_staff_role(user, StaffRole.COMMISSIONER)


def data_admin_required(view):
    """A view for data admins only: others signed in are refused, others sent to sign in."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_data_admin(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
