"""The audit trail in the admin: read-only, for data admins, never a way to edit it.

django-auditlog registers its own admin for the entry model, which lets related
deletes through; ours replaces it and refuses adding, changing and deleting.
"""

from auditlog.mixins import LogEntryAdminMixin
from django.contrib import admin

from .models import AuditEntry
from .roles import is_data_admin

if admin.site.is_registered(AuditEntry):
    admin.site.unregister(AuditEntry)


@admin.register(AuditEntry)
class AuditEntryAdmin(LogEntryAdminMixin, admin.ModelAdmin):
    date_hierarchy = "timestamp"
    list_select_related = ["content_type", "actor"]
    list_display = ["created", "event", "resource_url", "summary", "user_url", "remote_addr"]
    list_filter = ["event", "content_type"]
    search_fields = ["object_repr", "summary", "actor__username"]
    readonly_fields = ["created", "event", "resource_url", "summary", "user_url", "msg"]
    fields = readonly_fields + ["remote_addr", "cid"]
    actions = None

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_module_permission(self, request):
        return is_data_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return is_data_admin(request.user)
