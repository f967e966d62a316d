"""Keeps the organisation-wide role groups and their admin permissions in step with the code."""

from django.contrib.auth.models import Group, Permission

from .roles import StaffRole

# (app label, model) pairs each role may fully manage in the admin; everything in
# VIEW_ONLY is readable by both roles.
MANAGE = {
    StaffRole.DATA_ADMIN: [
        ("cases", "force"),
        ("cases", "outcometype"),
        ("cases", "crimecode"),
        ("cases", "case"),
        ("cases", "extractbatch"),
        ("cases", "privacyfinding"),
        ("panels", "framework"),
        ("panels", "outcomecategory"),
        ("panels", "criterion"),
        ("panels", "theme"),
        ("panels", "panel"),
        ("panels", "membership"),
        ("auth", "user"),
    ],
    StaffRole.OPCC_STAFF: [
        ("panels", "meeting"),
        ("panels", "observation"),
        ("panels", "action"),
    ],
}
VIEW_ONLY_APPS = ["cases", "panels"]


def ensure_role_groups(**kwargs) -> None:
    for role, models in MANAGE.items():
        group, _ = Group.objects.get_or_create(name=role.value)
        perms = set(
            Permission.objects.filter(
                content_type__app_label__in=VIEW_ONLY_APPS, codename__startswith="view_"
            )
        )
        for app_label, model in models:
            perms |= set(
                Permission.objects.filter(
                    content_type__app_label=app_label, content_type__model=model
                )
            )
        group.permissions.set(perms)
