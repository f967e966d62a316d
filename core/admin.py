"""Admin building blocks shared by the apps."""

from django.contrib import admin


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


from . import users_admin  # noqa: E402, F401 (replaces the stock people admin with ours)
