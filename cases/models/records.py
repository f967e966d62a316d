from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from cases.import_wording import batch_summary, word
from core.models import CodePointOrder, StatusHistory, choice_constraint
from core.roles import is_data_admin, is_opcc_staff

from ..enums import (
    Admission,
    AuthorisingRank,
    BatchStatus,
    CaseStatus,
    FindingStatus,
    OffenderAgeBand,
    PrivacyKind,
    VictimViews,
)
from .kinds import default_kind


class Force(models.Model):
    code = models.SlugField(max_length=20, unique=True, help_text="Short code, e.g. DEMO.")
    name = models.CharField(max_length=200, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OutcomeType(models.Model):
    """A way a case was resolved (Community Resolution, Simple Caution …): reference data."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    is_out_of_court = models.BooleanField(default=True)
    is_youth = models.BooleanField(default=False)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class CrimeCode(models.Model):
    """A Home Office crime classification, with the offence category used for filtering."""

    code = models.CharField(max_length=20, unique=True)
    description = models.CharField(max_length=300)
    offence_category = models.CharField(max_length=120)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.description}"


class ExtractBatchQuerySet(models.QuerySet):
    def for_user(self, user):
        """Batches hold unresolved privacy findings, so only data admins see them."""
        if is_data_admin(user):
            return self
        return self.none()


class ExtractBatch(models.Model):
    """One uploaded extract file: who brought it in, when, what it held and how it ended."""

    force = models.ForeignKey(Force, on_delete=models.PROTECT, related_name="batches")
    kind = models.ForeignKey(
        "cases.RecordKind",
        on_delete=models.PROTECT,
        default=default_kind,
        related_name="batches",
        help_text="The kind of record the extract holds.",
    )
    section = models.ForeignKey(
        "cases.RecordSection",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Set when the extract fills one section of cases already held.",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="extract_batches"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    status = models.CharField(
        max_length=20, choices=BatchStatus.choices, default=BatchStatus.UPLOADED
    )
    row_count = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    finding_count = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)
    summary = models.TextField(blank=True)
    file_size = models.PositiveBigIntegerField(default=0, help_text="In bytes.")
    encoding = models.CharField(
        max_length=20, blank=True, help_text="Character encoding read; blank for workbooks."
    )
    sheet_name = models.CharField(max_length=100, blank=True)
    keep_extra = models.BooleanField(
        default=False, help_text="Keep columns the import does not know in each case's extra data."
    )
    stored_name = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Random name of the private copy; blank once the file is deleted.",
    )
    staged_sha256 = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="SHA-256 of the rows the check staged for the confirm step.",
    )
    unknown_columns = models.JSONField(default=list, blank=True)
    missing_columns = models.JSONField(default=list, blank=True)
    held_count = models.PositiveIntegerField(
        default=0, help_text="Reviewed cases whose changes were listed, not applied."
    )
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who confirmed or abandoned the batch.",
    )

    objects = ExtractBatchQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name_plural = "extract batches"
        constraints = [choice_constraint("extractbatch", "status", BatchStatus)]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.force.code}, {self.uploaded_at:%d %b %Y})"

    @property
    def summary_text(self) -> str:
        """The summary (stored in English) in the active language."""
        return batch_summary(self)


class CaseQuerySet(models.QuerySet):
    def for_user(self, user):
        """Cases a user may see in full: data admins and OPCC staff see the pool.

        Panel members reach the cases on their agenda through the meeting, never here.
        """
        if is_data_admin(user) or is_opcc_staff(user):
            return self
        return self.none()


class Case(models.Model):
    """A finalised, anonymised record as exported by a force: the core every kind shares
    (force, reference, its date, facts, later information) and its kind's fields, kept in
    the out of court resolution's columns below or under their codes in `values`."""

    force = models.ForeignKey(Force, on_delete=models.PROTECT, related_name="cases")
    kind = models.ForeignKey(
        "cases.RecordKind", on_delete=models.PROTECT, default=default_kind, related_name="cases"
    )
    reference = models.CharField(
        max_length=60, help_text="Pseudonymous reference, unique within the force."
    )
    status = models.CharField(max_length=20, choices=CaseStatus.choices, default=CaseStatus.IN_POOL)
    offence = models.CharField(max_length=300, blank=True)
    crime_code = models.ForeignKey(
        CrimeCode, on_delete=models.PROTECT, null=True, blank=True, related_name="cases"
    )
    offence_category = models.CharField(max_length=120, blank=True)
    is_domestic_abuse = models.BooleanField(default=False)
    is_hate_crime = models.BooleanField(default=False)
    is_violence = models.BooleanField(default=False)
    is_sexual = models.BooleanField(default=False)
    outcome_type = models.ForeignKey(
        OutcomeType, on_delete=models.PROTECT, null=True, blank=True, related_name="cases"
    )
    offence_date = models.DateField(null=True, blank=True)
    reported_date = models.DateField(null=True, blank=True)
    outcome_date = models.DateField(
        help_text="The date a sampling window is drawn on: the outcome date of an out of court "
        "resolution, the date of a search; its kind names it."
    )
    offender_age_band = models.CharField(
        max_length=20, choices=OffenderAgeBand.choices, default=OffenderAgeBand.NOT_RECORDED
    )
    gravity_score = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text="Gravity matrix score, 1 to 4; blank when not recorded.",
    )
    admission = models.CharField(
        max_length=20, choices=Admission.choices, default=Admission.NOT_RECORDED
    )
    victim_views = models.CharField(
        max_length=20, choices=VictimViews.choices, default=VictimViews.NOT_RECORDED
    )
    authorising_rank = models.CharField(
        max_length=20, choices=AuthorisingRank.choices, default=AuthorisingRank.NOT_RECORDED
    )
    previous_offending = models.TextField(blank=True)
    conditions = models.TextField(blank=True, help_text="Conditions or reparation attached.")
    facts_at_decision = models.TextField(
        help_text="What the decision maker knew when the outcome was chosen."
    )
    later_information = models.TextField(
        blank=True, help_text="Anything learned after the decision; kept apart on purpose."
    )
    values = models.JSONField(
        default=dict, blank=True, help_text="The kind's fields that have no column, by code."
    )
    # `values` less its text: what the pool index includes (cases/kinds/facets.py).
    facets = models.JSONField(default=dict, blank=True, editable=False)
    extra = models.JSONField(default=dict, blank=True)
    content_hash = models.CharField(
        max_length=32,
        blank=True,
        editable=False,
        help_text="Fingerprint of the row as last imported, to spot unchanged re-imports.",
    )
    batch = models.ForeignKey(
        ExtractBatch, on_delete=models.SET_NULL, null=True, blank=True, related_name="cases"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["force", "reference"]
        constraints = [
            models.UniqueConstraint(fields=["force", "reference"], name="case_reference_unique"),
            choice_constraint("case", "status", CaseStatus),
            choice_constraint("case", "offender_age_band", OffenderAgeBand),
            choice_constraint("case", "admission", Admission),
            choice_constraint("case", "victim_views", VictimViews),
            choice_constraint("case", "authorising_rank", AuthorisingRank),
            models.CheckConstraint(
                condition=models.Q(gravity_score__isnull=True)
                | models.Q(gravity_score__gte=1, gravity_score__lte=4),
                name="case_gravity_score_range",
            ),
            models.CheckConstraint(
                condition=models.Q(offence_date__isnull=True)
                | models.Q(outcome_date__gte=models.F("offence_date")),
                name="case_outcome_not_before_offence",
            ),
        ]
        indexes = [
            models.Index(fields=["force", "status", "outcome_type"]),
            models.Index(fields=["outcome_date"]),
            models.Index(fields=["kind", "status", "outcome_date"]),
            # The case list's offence-category filter, newest outcomes first.
            models.Index(fields=["offence_category", "-outcome_date", "-id"]),
            # The case list's reference search is a prefix match (LIKE 'x%'), which a
            # B-tree serves only with pattern operators (PostgreSQL; ignored elsewhere).
            models.Index(
                fields=["reference"],
                name="case_reference_prefix",
                opclasses=["varchar_pattern_ops"],
            ),
            # The pool a sample is drawn from, already in the order its fingerprint
            # needs, with the columns and facets a draw can be stratified by: a draw
            # reads a million references from this index alone instead of sorting them.
            models.Index(
                models.F("force"),
                CodePointOrder("reference"),
                name="case_pool_in_code_point_order",
                condition=models.Q(status=CaseStatus.IN_POOL),
                include=[
                    "kind",
                    "outcome_type",
                    "offence_category",
                    "offender_age_band",
                    "facets",
                ],
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class CaseStatusChange(StatusHistory):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="status_history")


class ExtractBatchStatusChange(StatusHistory):
    batch = models.ForeignKey(ExtractBatch, on_delete=models.CASCADE, related_name="status_history")
    # Empty only when the daily sweep abandons a stale upload: no person moved it.
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )


class PrivacyFinding(models.Model):
    """Personal data spotted in an extract cell. Holds where and what kind — never the value."""

    batch = models.ForeignKey(ExtractBatch, on_delete=models.CASCADE, related_name="findings")
    row_number = models.PositiveIntegerField(help_text="Row in the file, counting the header as 1.")
    column = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=PrivacyKind.choices)
    status = models.CharField(
        max_length=20, choices=FindingStatus.choices, default=FindingStatus.OPEN
    )
    reason = models.TextField(blank=True, help_text="Why the cell was accepted as it is.")
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["batch", "row_number", "column"]
        constraints = [
            choice_constraint("privacyfinding", "kind", PrivacyKind),
            choice_constraint("privacyfinding", "status", FindingStatus),
            models.UniqueConstraint(
                fields=["batch", "row_number", "column", "kind"],
                name="privacyfinding_once_per_cell_and_kind",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=FindingStatus.ACCEPTED) | ~models.Q(reason=""),
                name="privacyfinding_accepted_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Row {self.row_number}, {self.column}: {self.get_kind_display()}"


class ImportProblem(models.Model):
    """Something wrong with an extract, in plain words. Never quotes a cell's value."""

    batch = models.ForeignKey(ExtractBatch, on_delete=models.CASCADE, related_name="problems")
    row_number = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Row in the file, counting the header as 1; blank for the file.",
    )
    column = models.CharField(max_length=120, blank=True)
    message = models.TextField()  # in English
    # The problem's code and values (never a cell's contents), worded when shown so that
    # each reader sees it in their own language; blank for problems stored before codes.
    code = models.CharField(max_length=40, blank=True)
    params = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["batch", models.F("row_number").asc(nulls_first=True), "pk"]

    def __str__(self) -> str:
        return f"Row {self.row_number}: {self.message}" if self.row_number else self.message

    @property
    def text(self) -> str:
        """The problem in the active language."""
        return word(self.code, self.params) if self.code else self.message


class HeldChange(models.Model):
    """A reviewed case the extract would change. Its facts stay as reviewed; this lists
    which fields differ, so someone can follow it up."""

    batch = models.ForeignKey(ExtractBatch, on_delete=models.CASCADE, related_name="held_changes")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="held_changes")
    row_number = models.PositiveIntegerField()
    fields = models.JSONField(default=list, help_text="Headings of the fields that differ.")

    class Meta:
        ordering = ["batch", "row_number"]

    def __str__(self) -> str:
        return f"{self.case}: {', '.join(self.fields)}"
