"""Reports in the admin are for looking only: drafting, approval and publication go
through the report pages' services, which hold the four-eyes and disclosure rules."""

from django.contrib import admin

from core.admin import ListedFiltersOnly, ReadOnlyAdmin, ReadOnlyInline, StatusHistoryInline
from core.roles import is_opcc_staff

from .models import FindingsReport, PublishedVersion, ReportStatusChange


class ReportHistoryInline(StatusHistoryInline):
    model = ReportStatusChange


class VersionInline(ReadOnlyInline):
    model = PublishedVersion
    fields = readonly_fields = [
        "number",
        "published_at",
        "published_by",
        "approved_by",
        "change_note",
        "pdf_sha256",
    ]


@admin.register(FindingsReport)
class FindingsReportAdmin(ListedFiltersOnly, ReadOnlyAdmin):
    list_display = ["title", "status", "last_edited_at"]
    list_filter = ["status", "panel"]
    fields = readonly_fields = [
        "title",
        "panel",
        "meeting",
        "status",
        "last_edited_by",
        "last_edited_at",
        "withdrawn_reason",
    ]
    inlines = [VersionInline, ReportHistoryInline]

    def has_view_permission(self, request, obj=None):
        # Drafts are OPCC staff's alone, as on the report pages.
        return is_opcc_staff(request.user) and super().has_view_permission(request, obj)
