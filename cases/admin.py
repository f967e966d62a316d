from django.contrib import admin
from import_export.admin import ExportMixin
from import_export.formats.base_formats import CSV, JSON, XLSX

from core.admin import ReadOnlyInline, StatusHistoryInline
from core.audit import AuditEvent, record
from core.roles import is_data_admin

from .imports.columns import FACT_FIELDS
from .models import (
    Case,
    CaseStatusChange,
    CrimeCode,
    ExtractBatch,
    ExtractBatchStatusChange,
    Force,
    HeldChange,
    ImportProblem,
    OutcomeType,
    PrivacyFinding,
)
from .resources import CaseResource, ExtractBatchResource


class DataAdminExport(ExportMixin):
    """Only data admins export case data; exports are formula-safe (see resources).

    There is no admin import: extracts come in only through the upload pages
    (`cases:upload`), whose engine holds the size, zip-bomb and XML defences, the
    privacy screen and the duplicate and protected-case rules. A second door here
    would repeat those rules and, sooner or later, differ from them.
    """

    export_formats = [CSV, XLSX, JSON]

    def has_export_permission(self, request):
        return is_data_admin(request.user)

    def get_export_data(self, file_format, request, queryset, **kwargs):
        data = super().get_export_data(file_format, request, queryset, **kwargs)
        # Recorded once the export is built, so a refused or failed export leaves no entry.
        record(
            AuditEvent.EXPORTED,
            None,
            request=request,
            model=self.model,
            object_repr=f"{self.model._meta.verbose_name_plural} (admin export)",
            summary=f"{queryset.count():,} rows as {file_format.get_title()}",
        )
        return data


@admin.register(Force)
class ForceAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(OutcomeType)
class OutcomeTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "is_out_of_court", "is_youth", "is_active", "position"]
    list_filter = ["is_out_of_court", "is_youth", "is_active"]
    list_editable = ["position", "is_active"]
    search_fields = ["name", "code"]


@admin.register(CrimeCode)
class CrimeCodeAdmin(admin.ModelAdmin):
    list_display = ["code", "description", "offence_category"]
    list_filter = ["offence_category"]
    search_fields = ["code", "description"]


class CaseStatusChangeInline(StatusHistoryInline):
    model = CaseStatusChange


class BlankNamedValuesFilter(admin.AllValuesFieldListFilter):
    """The values a column holds, with the blank one named: records of kinds that keep no
    value in the column (a stop and search has no offence category) would otherwise be
    filtered by a link with no words."""

    def choices(self, changelist):
        for choice in super().choices(changelist):
            if choice["display"] == "":
                choice["display"] = "None recorded"
            yield choice


@admin.register(Case)
class CaseAdmin(DataAdminExport, admin.ModelAdmin):
    resource_classes = [CaseResource]
    list_display = [
        "reference",
        "force",
        "offence",
        "outcome_type",
        "outcome_date",
        "gravity_score",
        "status",
    ]
    list_filter = [
        "force",
        "kind",
        "status",
        "outcome_type",
        ("offence_category", BlankNamedValuesFilter),
        "is_domestic_abuse",
        "is_hate_crime",
        "admission",
        "victim_views",
        "offender_age_band",
    ]
    search_fields = ["reference", "offence", "crime_code__code"]
    date_hierarchy = "outcome_date"
    list_select_related = ["force", "outcome_type"]
    # Case facts are read-only here always, not only once a case is on an agenda: an
    # edit in the admin would skip the privacy screen and the content hash the import
    # uses to spot changes, and for a reviewed case it would rewrite what a panel
    # rated. Facts change only through an import, which holds those rules.
    readonly_fields = [
        "force",
        "kind",
        *FACT_FIELDS,
        "values",
        "extra",
        "status",
        "batch",
        "created_at",
        "updated_at",
    ]
    inlines = [CaseStatusChangeInline]

    def has_add_permission(self, request):
        # Cases come only from an import, which screens them for personal data.
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        case = getattr(response, "context_data", {}).get("original")
        if request.method == "GET" and case is not None:
            record(AuditEvent.VIEWED, case, request=request, summary="Case page in the admin")
        return response


class PrivacyFindingInline(ReadOnlyInline):
    model = PrivacyFinding
    readonly_fields = [
        "row_number",
        "column",
        "kind",
        "status",
        "reason",
        "resolved_by",
        "resolved_at",
    ]


class ImportProblemInline(ReadOnlyInline):
    model = ImportProblem
    readonly_fields = ["row_number", "column", "message"]


class HeldChangeInline(ReadOnlyInline):
    model = HeldChange
    readonly_fields = ["row_number", "case", "fields"]


class ExtractBatchStatusChangeInline(StatusHistoryInline):
    model = ExtractBatchStatusChange


@admin.register(ExtractBatch)
class ExtractBatchAdmin(DataAdminExport, admin.ModelAdmin):
    resource_classes = [ExtractBatchResource]
    list_display = [
        "file_name",
        "force",
        "uploaded_by",
        "uploaded_at",
        "status",
        "row_count",
        "created_count",
        "updated_count",
        "error_count",
        "finding_count",
    ]
    list_filter = ["status", "force"]
    search_fields = ["file_name", "sha256"]
    readonly_fields = [f.name for f in ExtractBatch._meta.fields]
    inlines = [
        ExtractBatchStatusChangeInline,
        ImportProblemInline,
        PrivacyFindingInline,
        HeldChangeInline,
    ]

    def has_add_permission(self, request):
        # Batches come only from the import pipeline, which records who and when.
        return False


@admin.register(PrivacyFinding)
class PrivacyFindingAdmin(admin.ModelAdmin):
    list_display = ["batch", "row_number", "column", "kind", "status", "resolved_by"]
    list_filter = ["kind", "status"]
    search_fields = ["batch__file_name", "column"]
    readonly_fields = ["batch", "row_number", "column", "kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Findings are resolved on the import pages, which record who and why.
        return False
