"""django-import-export resources for the admin's EXPORT only.

The admin has no import: every extract comes in through the upload pages (or the
`import_extract` command), which run the import engine in cases/imports with its
size, zip-bomb and XML defences, its privacy screen and its duplicate and
protected-case rules. Headings come from cases/imports/columns.py, so an
exported file re-imports through the upload page unchanged; this module imports
columns, never the reverse.

Every export neutralises cells that a spreadsheet would run as a formula.
"""

from import_export import fields, resources, widgets

from core.spreadsheets import neutralise

from .imports.columns import FACT_FIELDS, FORCE_HEADER, HEADERS, STATUS_HEADER
from .models import Case, ExtractBatch


class SafeExportMixin:
    def export_field(self, field, instance, **kwargs):
        return neutralise(super().export_field(field, instance, **kwargs))


def _field(attribute: str, heading: str, widget=None, **kwargs) -> fields.Field:
    return fields.Field(attribute=attribute, column_name=heading, widget=widget, **kwargs)


_DATE = widgets.DateWidget(format="%Y-%m-%d")
_FLAG = widgets.BooleanWidget()
_INTEGER = widgets.IntegerWidget()


class CaseResource(SafeExportMixin, resources.ModelResource):
    force = _field("force__code", FORCE_HEADER)
    crime_code = _field("crime_code__code", HEADERS["crime_code"])
    outcome_type = _field("outcome_type__code", HEADERS["outcome_type"])
    status = _field("status", STATUS_HEADER)
    reference = _field("reference", HEADERS["reference"])
    offence = _field("offence", HEADERS["offence"])
    offence_category = _field("offence_category", HEADERS["offence_category"])
    is_domestic_abuse = _field("is_domestic_abuse", HEADERS["is_domestic_abuse"], _FLAG)
    is_hate_crime = _field("is_hate_crime", HEADERS["is_hate_crime"], _FLAG)
    is_violence = _field("is_violence", HEADERS["is_violence"], _FLAG)
    is_sexual = _field("is_sexual", HEADERS["is_sexual"], _FLAG)
    offence_date = _field("offence_date", HEADERS["offence_date"], _DATE)
    reported_date = _field("reported_date", HEADERS["reported_date"], _DATE)
    outcome_date = _field("outcome_date", HEADERS["outcome_date"], _DATE)
    offender_age_band = _field("offender_age_band", HEADERS["offender_age_band"])
    gravity_score = _field("gravity_score", HEADERS["gravity_score"], _INTEGER)
    admission = _field("admission", HEADERS["admission"])
    victim_views = _field("victim_views", HEADERS["victim_views"])
    authorising_rank = _field("authorising_rank", HEADERS["authorising_rank"])
    previous_offending = _field("previous_offending", HEADERS["previous_offending"])
    conditions = _field("conditions", HEADERS["conditions"])
    facts_at_decision = _field("facts_at_decision", HEADERS["facts_at_decision"])
    later_information = _field("later_information", HEADERS["later_information"])

    class Meta:
        model = Case
        fields = ("force", *FACT_FIELDS, "status")

    def get_queryset(self):
        return Case.objects.select_related("force", "crime_code", "outcome_type")


class ExtractBatchResource(SafeExportMixin, resources.ModelResource):
    force = _field("force__code", "Force")
    file_name = _field("file_name", "File name")
    uploaded_by = _field("uploaded_by__username", "Uploaded by")
    uploaded_at = _field("uploaded_at", "Uploaded at", widgets.DateTimeWidget("%Y-%m-%d %H:%M:%S"))
    sha256 = _field("sha256", "SHA-256")
    status = _field("status", "Status")
    row_count = _field("row_count", "Rows")
    created_count = _field("created_count", "New cases")
    updated_count = _field("updated_count", "Changed cases")
    unchanged_count = _field("unchanged_count", "Unchanged cases")
    held_count = _field("held_count", "Reviewed cases not changed")
    error_count = _field("error_count", "Problems")
    finding_count = _field("finding_count", "Privacy findings")
    finished_by = _field("finished_by__username", "Confirmed or abandoned by")
    finished_at = _field("finished_at", "Finished at", widgets.DateTimeWidget("%Y-%m-%d %H:%M:%S"))

    class Meta:
        model = ExtractBatch
        fields = (
            "force",
            "file_name",
            "uploaded_by",
            "uploaded_at",
            "sha256",
            "status",
            "row_count",
            "created_count",
            "updated_count",
            "unchanged_count",
            "held_count",
            "error_count",
            "finding_count",
            "finished_by",
            "finished_at",
        )

    def get_queryset(self):
        return ExtractBatch.objects.select_related("force", "uploaded_by", "finished_by")
