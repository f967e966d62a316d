"""Record kinds: the data dictionary of what a panel reviews (docs/adr/0015-record-kinds.md).

Every case keeps the same core (force, reference, its date, the facts as known at the
decision, later information); the rest is its kind's fields, grouped in sections (usually
the agency that holds them). A field is kept either in a column of `Case` (the out of
court resolution's fields, which predate kinds) or under its code in `Case.values`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_noop

from core.bilingual import InEnglish, in_welsh
from core.models import choice_constraint


# Marked for the catalogue, translated where pages show them (see cases/enums.py).
class FieldType(models.TextChoices):
    TEXT = "text", gettext_noop("Text")
    LONG_TEXT = "long_text", gettext_noop("Long text")
    DATE = "date", gettext_noop("Date")
    DATETIME = "datetime", gettext_noop("Date and time")
    INTEGER = "integer", gettext_noop("Whole number")
    DECIMAL = "decimal", gettext_noop("Decimal")
    YES_NO = "yes_no", gettext_noop("Yes or no")
    CHOICE = "choice", gettext_noop("One of a list")
    MULTI_CHOICE = "multi_choice", gettext_noop("Several of a list")
    LINK = "link", gettext_noop("Link")


# Types whose values are free text, screened for personal data on import.
FREE_TEXT_TYPES = frozenset({FieldType.TEXT, FieldType.LONG_TEXT})
# Types a draw, a case list or a report may filter and count by.
FILTERABLE_TYPES = frozenset(
    {FieldType.CHOICE, FieldType.MULTI_CHOICE, FieldType.YES_NO, FieldType.INTEGER}
)


class RecordKind(models.Model):
    """A kind of record a panel reviews: an out of court resolution, a Victims' Code case,
    a stop and search, a use of force … Its fields are data, like a framework's criteria."""

    code = models.SlugField(max_length=40, unique=True, help_text="Short code, e.g. stop-search.")
    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    date_label = models.CharField(
        max_length=80,
        default="Date",
        help_text="What the date a sampling window is drawn on means for this kind, "
        "e.g. Outcome date, Date of search.",
    )
    facts_label = models.CharField(
        max_length=80, default="Facts", help_text="What the facts at the decision are called."
    )
    is_active = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RecordSection(models.Model):
    """A part of a record, usually one agency's: Police, CPS, Courts and witness care …"""

    kind = models.ForeignKey(RecordKind, on_delete=models.CASCADE, related_name="sections")
    name = models.CharField(max_length=120)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["kind", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="recordsection_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class RecordField(models.Model):
    """One field of a record kind: its code, label, section, type and choices."""

    kind = models.ForeignKey(RecordKind, on_delete=models.CASCADE, related_name="fields")
    section = models.ForeignKey(RecordSection, on_delete=models.PROTECT, related_name="fields")
    position = models.PositiveSmallIntegerField(default=0)
    code = models.SlugField(
        max_length=60, help_text="Stored key; letters, digits and underscores, e.g. power_used."
    )
    label = models.CharField(max_length=200)
    type = models.CharField(max_length=20, choices=FieldType.choices)
    choices = models.JSONField(
        default=list, blank=True, help_text='For choice fields: [{"code": …, "label": …}, …].'
    )
    required = models.BooleanField(default=False)
    filterable = models.BooleanField(
        default=False, help_text="Draws, case lists and reports may filter and count by it."
    )
    help = models.TextField(blank=True)
    aliases = models.JSONField(
        default=list, blank=True, help_text="Other headings an extract may use for this field."
    )
    column = models.CharField(
        max_length=40,
        blank=True,
        editable=False,
        help_text="The Case column this field is kept in; blank when kept in the case's values.",
    )

    class Meta:
        ordering = ["kind", "section__position", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "code"], name="recordfield_code_unique"),
            models.UniqueConstraint(fields=["kind", "label"], name="recordfield_label_unique"),
            choice_constraint("recordfield", "type", FieldType),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def is_free_text(self) -> bool:
        return self.type in FREE_TEXT_TYPES

    def choice_labels(self) -> dict[str, str]:
        """Each choice's label in the active language: on a Welsh page its Welsh (the
        choice's `label_cy`), or its English as `InEnglish` while it has none."""
        if not in_welsh():
            return {choice["code"]: choice["label"] for choice in self.choices}
        return {
            choice["code"]: choice.get("label_cy") or InEnglish(choice["label"])
            for choice in self.choices
        }

    @property
    def lookup(self) -> str:
        """The ORM path to this field's value on a Case."""
        return self.column or f"values__{self.code}"


class CaseSectionSource(models.Model):
    """Which extract last filled one section of a case, when that was a section's own
    extract (an agency's part, matched to cases already held)."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="sources")
    section = models.ForeignKey(RecordSection, on_delete=models.PROTECT, related_name="+")
    batch = models.ForeignKey(
        "cases.ExtractBatch", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    imported_at = models.DateTimeField()

    class Meta:
        ordering = ["case", "section__position"]
        constraints = [
            models.UniqueConstraint(fields=["case", "section"], name="casesectionsource_once")
        ]

    def __str__(self) -> str:
        return f"{self.case}: {self.section}"


def default_kind() -> int:
    """The out of court resolution: the kind of a case or framework that names none."""
    from cases.kind_data import OOCR_CODE

    return RecordKind.objects.values_list("pk", flat=True).get(code=OOCR_CODE)
