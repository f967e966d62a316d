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
