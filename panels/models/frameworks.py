from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.models.kinds import default_kind
from core.models import choice_constraint

from ..enums import (
    CategoryColour,
    FrameworkKind,
)


class Framework(models.Model):
    """A scrutiny framework: the outcome categories and criteria a panel rates against."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=10, choices=FrameworkKind.choices)
    record_kind = models.ForeignKey(
        "cases.RecordKind",
        on_delete=models.PROTECT,
        default=default_kind,
        related_name="frameworks",
        help_text="The kind of record this framework's panels review.",
    )
    description = models.TextField(blank=True)
    criteria_heading = models.CharField(
        max_length=120, default="Criteria", help_text="What the criteria are called, e.g. rights."
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [choice_constraint("framework", "kind", FrameworkKind)]

    def __str__(self) -> str:
        return self.name


class OutcomeCategory(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="categories")
    position = models.PositiveSmallIntegerField()
    code = models.SlugField(max_length=60)
    label = models.CharField(max_length=300)
    short_label = models.CharField(max_length=80)
    description = models.TextField(blank=True)
    requires_reasons = models.BooleanField(
        default=True, help_text="A rating or decision in this category must give reasons."
    )
    is_inconclusive = models.BooleanField(
        default=False, help_text="No conclusion: the case may be carried to a later meeting."
    )
    is_adverse = models.BooleanField(
        default=False,
        help_text="A finding against the force (e.g. inconsistent with policy, non-compliant): "
        "the panel's reports look at the themes behind these.",
    )
    panel_decision_only = models.BooleanField(
        default=False,
        help_text="Only the panel's decision may use this category (e.g. the panel failed to "
        "reach a conclusion): members do not offer it as their own rating.",
    )
    # The display scheme: how reports show the category, never what it means.
    colour = models.CharField(
        max_length=10,
        choices=CategoryColour.choices,
        blank=True,
        default="",
        help_text="Red, amber or green in reports' charts and tables, or no colour.",
    )
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text='A number reports show with it: "Score of 4".'
    )
    chart_label = models.CharField(
        max_length=80,
        blank=True,
        help_text="Reports' charts and tables name it so; blank to use the label itself.",
    )

    class Meta:
        ordering = ["framework", "position"]
        verbose_name_plural = "outcome categories"
        constraints = [
            choice_constraint("outcomecategory", "colour", CategoryColour),
            models.UniqueConstraint(
                fields=["framework", "position"], name="outcomecategory_position_unique"
            ),
            models.UniqueConstraint(
                fields=["framework", "code"], name="outcomecategory_code_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.label}"

    @property
    def display_label(self) -> str:
        """The one wording a report's chart and its table both give the category: its
        chart label or label, after its score if the framework numbers its categories."""
        words = self.chart_label or self.label
        return words if self.score is None else f"Score of {self.score}: {words}"


class CriterionGroup(models.Model):
    """A heading criteria sit under, e.g. an inspection's "general criterion 4" over its
    specific criteria 4.1 to 4.3. Members see each group as one fieldset."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="criterion_groups"
    )
    position = models.PositiveSmallIntegerField()
    code = models.SlugField(max_length=60)
    label = models.CharField(max_length=300)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["framework", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "position"], name="criteriongroup_position_unique"
            ),
            models.UniqueConstraint(
                fields=["framework", "code"], name="criteriongroup_code_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.label


class Criterion(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="criteria")
    group = models.ForeignKey(
        CriterionGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="criteria",
        help_text="The heading this criterion sits under, if the framework groups them.",
    )
    position = models.PositiveSmallIntegerField()
    code = models.SlugField(max_length=60)
    label = models.CharField(max_length=300)
    guidance = models.TextField(blank=True)

    class Meta:
        ordering = ["framework", "position"]
        verbose_name_plural = "criteria"
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "position"], name="criterion_position_unique"
            ),
            models.UniqueConstraint(fields=["framework", "code"], name="criterion_code_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.label}"

    def clean(self):
        if self.group_id and self.group.framework_id != self.framework_id:
            raise ValidationError({"group": _("Choose a group from the same framework.")})


class Theme(models.Model):
    """A tag for decisions and observations, e.g. "crime misclassified".

    A theme belongs to the frameworks whose ratings, decisions and notes offer it; one
    theme may serve several (both OoCR frameworks, or "good practice" everywhere), see
    docs/adr/0012-panel-only-categories-and-framework-themes.md."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200, unique=True)
    is_active = models.BooleanField(default=True)
    frameworks = models.ManyToManyField(
        Framework,
        blank=True,
        related_name="themes",
        help_text="The frameworks whose ratings, decisions and notes offer this theme.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
