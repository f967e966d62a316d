"""django-import-export resources: the declared mapping of extract columns to case fields.

`CaseResource` names the canonical heading of every field; the import engine
(cases/imports) matches files against these headings and the aliases in
cases/imports/columns.py, so the admin's import and export and the upload page
agree on one mapping. The admin import runs every row through the same checks
and privacy screen as the upload page, records a committed batch per force as
the upload page does, and is tuned for volume: bulk writes, one query to load
existing cases, cached foreign keys, no per-row diff.

Every export neutralises cells that a spreadsheet would run as a formula.
"""

from collections import Counter, defaultdict

from django.core.exceptions import ValidationError
from django.utils import timezone
from import_export import fields, resources, widgets
from import_export.instance_loaders import BaseInstanceLoader
from import_export.results import RowResult

from . import privacy
from .enums import BatchStatus, CaseStatus, PrivacyKind
from .imports.columns import FACT_FIELDS, map_headers, normalise_header
from .imports.rows import ReferenceData, RowCleaner
from .models import Case, CrimeCode, ExtractBatch, Force, OutcomeType

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PROTECTED_STATUSES = {CaseStatus.ON_AGENDA, CaseStatus.REVIEWED}
# Columns the admin import adds to a dataset while checking it; never exported.
_VALUES, _HASH, _PROBLEMS, _FORCE = "_values", "_fingerprint", "_problems", "_force"


def neutralise(value):
    """A cell a spreadsheet will show as text, never run: a leading = + - @ tab or CR
    gets an apostrophe in front (the OWASP advice for CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class SafeExportMixin:
    def export_field(self, field, instance, **kwargs):
        return neutralise(super().export_field(field, instance, **kwargs))


def _field(attribute: str, heading: str, widget=None, **kwargs) -> fields.Field:
    return fields.Field(attribute=attribute, column_name=heading, widget=widget, **kwargs)


_DATE = widgets.DateWidget(format="%Y-%m-%d")
_FLAG = widgets.BooleanWidget()


class CaseInstanceLoader(BaseInstanceLoader):
    """Loads every case the dataset names in one query, keyed by (force code, reference)."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.cases = {}
        if dataset is None or "Force" not in (dataset.headers or []):
            return
        references = set(dataset["Reference"])
        codes = set(dataset["Force"])
        found = Case.objects.filter(force__code__in=codes, reference__in=references)
        self.cases = {
            (case.force.code, case.reference): case for case in found.select_related("force")
        }

    def get_instance(self, row):
        return self.cases.get((row.get("Force"), row.get("Reference")))


class CaseResource(SafeExportMixin, resources.ModelResource):
    force = _field("force", "Force", widgets.CachedForeignKeyWidget(Force, "code"))
    reference = _field("reference", "Reference")
    offence = _field("offence", "Offence")
    crime_code = _field("crime_code", "Crime code", widgets.ForeignKeyWidget(CrimeCode, "code"))
    offence_category = _field("offence_category", "Offence category")
    is_domestic_abuse = _field("is_domestic_abuse", "Domestic abuse", _FLAG)
    is_hate_crime = _field("is_hate_crime", "Hate crime", _FLAG)
    is_violence = _field("is_violence", "Violence", _FLAG)
    is_sexual = _field("is_sexual", "Sexual offence", _FLAG)
    outcome_type = _field(
        "outcome_type", "Outcome type", widgets.ForeignKeyWidget(OutcomeType, "code")
    )
    offence_date = _field("offence_date", "Offence date", _DATE)
    reported_date = _field("reported_date", "Reported date", _DATE)
    outcome_date = _field("outcome_date", "Outcome date", _DATE)
    offender_age_band = _field("offender_age_band", "Offender age band")
    gravity_score = _field("gravity_score", "Gravity score", widgets.IntegerWidget())
    admission = _field("admission", "Admission")
    victim_views = _field("victim_views", "Victim's views")
    authorising_rank = _field("authorising_rank", "Authorising rank")
    previous_offending = _field("previous_offending", "Previous offending")
    conditions = _field("conditions", "Conditions")
    facts_at_decision = _field("facts_at_decision", "Facts at decision")
    later_information = _field("later_information", "Later information")
    status = _field("status", "Status", readonly=True)

    class Meta:
        model = Case
        fields = ("force", *FACT_FIELDS, "status")
        import_id_fields = ("force", "reference")
        instance_loader_class = CaseInstanceLoader
        use_bulk = True
        batch_size = 1000
        skip_diff = True
        skip_html_diff = True
        clean_model_instances = False  # rows are checked by the import engine instead

    def get_queryset(self):
        return Case.objects.select_related("force", "crime_code", "outcome_type")

    def dehydrate_crime_code(self, case):
        return case.crime_code.code if case.crime_code_id else ""

    def dehydrate_outcome_type(self, case):
        return case.outcome_type.code

    # --- importing through the admin -------------------------------------------------

    def before_import(self, dataset, **kwargs):
        """Check every row with the import engine's rules before any is saved."""
        headers = [str(h or "") for h in dataset.headers or []]
        force_column = next(
            (i for i, h in enumerate(headers) if normalise_header(h) in {"force", "forcecode"}),
            None,
        )
        header_map = map_headers(headers)
        problems = list(header_map.problems)
        if force_column is None:
            problems.append("The file has no force column. Add a column headed “Force”.")
        if problems:
            raise ValidationError(problems)
        cleaner = RowCleaner(header_map, ReferenceData.load())
        forces = {force.code.lower(): force for force in Force.objects.all()}
        checked = [self._check_row(list(cells), cleaner, forces, force_column) for cells in dataset]
        _mark_duplicates(checked)
        dataset.headers = [f"_column_{i}" for i in range(len(headers))]
        for name, position in header_map.positions.items():
            dataset.headers[position] = self.fields[name].column_name
        dataset.headers[force_column] = "Force"
        for heading, index in ((_VALUES, 0), (_HASH, 1), (_PROBLEMS, 2), (_FORCE, 3)):
            dataset.append_col([row[index] for row in checked], header=heading)
        for position, row in enumerate(checked):
            reference = row[0][0] if row[0] else ""
            cells = list(dataset[position])
            cells[header_map.positions["reference"]] = reference
            cells[force_column] = row[3].code if row[3] else ""
            dataset[position] = cells

    def _check_row(self, cells, cleaner, forces, force_column):
        clean, problems = cleaner.clean(cells)
        messages = [message + "." for _, message in problems]
        force = forces.get(str(cells[force_column] or "").strip().lower())
        if force is None:
            messages.append("Force is not a force code we know.")
        if clean is None:
            return None, "", messages, force
        for index, kind in privacy.scan_cells([text for _, text, _ in clean.texts]):
            messages.append(
                f"{clean.texts[index][0]} looks like it holds a {PrivacyKind(kind).label.lower()}. "
                "Import this file from the “Import a case extract” page, where you can "
                "redact the cell or accept it with a reason."
            )
        return clean.values, clean.content_hash, messages, force

    def before_import_row(self, row, **kwargs):
        if row[_PROBLEMS]:
            raise ValidationError(row[_PROBLEMS])

    def after_init_instance(self, instance, new, row, **kwargs):
        row["_old_fingerprint"] = None if new else instance.content_hash
        if (
            not new
            and instance.status in PROTECTED_STATUSES
            and instance.content_hash != row[_HASH]
        ):
            raise ValidationError(
                "This case is on an agenda or has been reviewed by a panel, so an import "
                "cannot change its facts."
            )

    def import_instance(self, instance, row, **kwargs):
        for name, value in zip(FACT_FIELDS, row[_VALUES], strict=True):
            setattr(
                instance, f"{name}_id" if name in ("crime_code", "outcome_type") else name, value
            )
        instance.force = row[_FORCE]
        instance.content_hash = row[_HASH]
        instance.updated_at = timezone.now()

    def skip_row(self, instance, original, row, import_validation_errors=None):
        return row.get("_old_fingerprint") == row[_HASH]

    def get_bulk_update_fields(self):
        return [*FACT_FIELDS[1:], "content_hash", "updated_at"]

    def after_import(self, dataset, result, **kwargs):
        """Record an admin import as the upload page records one: a committed batch
        per force in the file, naming who, when, the file, its SHA-256 and the counts."""
        user = kwargs.get("user")
        if kwargs.get("dry_run") or user is None or not result.rows:
            return
        if result.has_errors() or result.has_validation_errors():
            return  # nothing is kept, so there is nothing to record
        counts: dict[Force, Counter] = defaultdict(Counter)
        written: dict[Force, list[str]] = defaultdict(list)
        for row in result.rows:
            if row.instance is None:  # only the admin keeps each row's case
                continue
            counts[row.instance.force][row.import_type] += 1
            if row.import_type != RowResult.IMPORT_TYPE_SKIP:
                written[row.instance.force].append(row.instance.reference)
        now = timezone.now()
        for force, seen in counts.items():
            batch = ExtractBatch.objects.create(
                force=force,
                uploaded_by=user,
                file_name=(kwargs.get("file_name") or "")[:255],
                sha256=kwargs.get("sha256", ""),
                status=BatchStatus.COMMITTED,
                row_count=seen.total(),
                created_count=seen[RowResult.IMPORT_TYPE_NEW],
                updated_count=seen[RowResult.IMPORT_TYPE_UPDATE],
                unchanged_count=seen[RowResult.IMPORT_TYPE_SKIP],
                finished_by=user,
                finished_at=now,
                summary="Imported through the admin's import screen.",
            )
            Case.objects.filter(force=force, reference__in=written[force]).update(batch=batch)


def _mark_duplicates(checked: list) -> None:
    first: dict[tuple, int] = {}
    for number, (row_values, _, messages, force) in enumerate(checked, start=2):
        if not row_values:
            continue
        key = (force.pk if force else None, row_values[0])
        if key in first:
            messages.append(
                f"Reference is the same as on row {first[key]}; each case must appear once."
            )
        else:
            first[key] = number


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
