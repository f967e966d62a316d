"""Admin building blocks shared by the apps."""

from django.contrib import admin
from django.db.models.constants import LOOKUP_SEP


class ReadOnlyInline(admin.TabularInline):
    """Rows shown on their parent's admin page for reading only: no adding, no
    deleting. Subclasses name the model and list its fields in `readonly_fields`."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class StatusHistoryInline(ReadOnlyInline):
    """The immutable status history a workflow writes (core.models.StatusHistory)."""

    readonly_fields = ["from_status", "to_status", "changed_by", "changed_at", "note"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows only a service writes (ratings, decisions, agenda entries): the admin may look,
    never add, change or delete, so it is not a second door around the service's rules."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ListedFiltersOnly:
    """Only the list's own filters may be used in the address (`?status=draft`), never a
    lookup on any other field (`?reasons__icontains=…`), so what a page hides cannot be
    found out by filtering the list on it."""

    def lookup_allowed(self, lookup, value, request=None):
        return lookup.split(LOOKUP_SEP)[0] in {f for f in self.list_filter if isinstance(f, str)}


class NoDeleteAdmin(admin.ModelAdmin):
    """Reference rows that ratings and decisions point at (frameworks, categories,
    criteria, themes): they are retired or corrected, never deleted, so history stands and
    a delete page cannot reveal which of them a hidden rating uses."""

    def has_delete_permission(self, request, obj=None):
        return False


# Our people admin replaces the stock one; the audit trail is read-only.
from . import audit_admin, users_admin  # noqa: E402, F401
