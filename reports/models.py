"""Findings reports: drafts built from a meeting's decisions, and frozen published versions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import ImmutableModel, StatusHistory, choice_constraint
from panels.models import Criterion, Decision, Meeting, OutcomeCategory, Panel, Theme

from . import markup
from .enums import CriteriaDisplay, ReportKind, ReportStatus, SectionKey, SupportPlacement
from .force_figures.models import ForceFigure
from .published_languages import PublishedLanguage  # noqa: F401 # one of the app's models
from .standing_text import selection_claim_error

__all__ = ["ForceFigure"]

# Where the public site keeps the notes of the Commissioner's scrutiny meetings: a first
# part of an address no panel may take as its slug.
NOTES_PATH = "accountability"  # a model of this app, kept beside its pages


class FindingsReport(models.Model):
    """A meeting's findings (or a period's summary) on its way to publication.

    The counts and the reasons' cases are never stored here: they are derived from the
    panel's decisions whenever the report is shown, until a version is published and frozen."""

    kind = models.CharField(max_length=10, choices=ReportKind.choices, default=ReportKind.MEETING)
    # Blank only for the notes of a Commissioner's scrutiny meeting, which no panel holds.
    panel = models.ForeignKey(
        Panel, on_delete=models.PROTECT, null=True, blank=True, related_name="reports"
    )
    meeting = models.OneToOneField(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="report"
    )
    scrutiny_meeting = models.OneToOneField(
        "accountability.ScrutinyMeeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="notes",
    )
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    slug = models.SlugField(max_length=120)
    title = models.CharField(max_length=300)
    status = models.CharField(
        max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    version = models.PositiveIntegerField(default=1, help_text="Goes up with every edit.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    last_edited_at = models.DateTimeField(auto_now_add=True)
    current_version = models.ForeignKey(
        "PublishedVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The version the public sees; blank until the first publication.",
    )
    withdrawn_reason = models.TextField(blank=True)
    criteria_display = models.CharField(
        max_length=10,
        choices=CriteriaDisplay.choices,
        default=CriteriaDisplay.BOTH,
        help_text="How the findings per criterion are shown.",
    )
    criteria_hidden = models.ManyToManyField(
        Criterion,
        blank=True,
        related_name="+",
        help_text="The framework's criteria this report leaves out; every other one is shown.",
    )
    # How the figures are shown: editors' choices, frozen with the published version.
    show_percentages = models.BooleanField(
        default=False, help_text='Category counts read "8 of 10 cases (80%)".'
    )
    count_by = models.ForeignKey(
        "cases.RecordField",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="A filterable field of the record kind to count the decisions by.",
    )
    force_figures = models.ManyToManyField(
        ForceFigure, blank=True, related_name="reports", help_text="The force's own figures shown."
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            choice_constraint("findingsreport", "kind", ReportKind),
            choice_constraint("findingsreport", "criteria_display", CriteriaDisplay),
            choice_constraint("findingsreport", "status", ReportStatus),
            models.UniqueConstraint(fields=["panel", "slug"], name="findingsreport_slug_unique"),
            models.UniqueConstraint(
                fields=["slug"],
                condition=models.Q(kind=ReportKind.NOTES),
                name="findingsreport_notes_slug_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=[ReportKind.PERIOD, ReportKind.NOTES])
                | models.Q(meeting__isnull=False, kind=ReportKind.MEETING),
                name="findingsreport_meeting_report_has_meeting",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    kind=ReportKind.NOTES, scrutiny_meeting__isnull=False, panel__isnull=True
                )
                | (
                    ~models.Q(kind=ReportKind.NOTES)
                    & models.Q(scrutiny_meeting__isnull=True, panel__isnull=False)
                ),
                name="findingsreport_notes_have_scrutiny_meeting",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=[ReportKind.MEETING, ReportKind.NOTES])
                | models.Q(
                    period_start__isnull=False,
                    period_end__isnull=False,
                    period_end__gte=models.F("period_start"),
                ),
                name="findingsreport_period_has_dates",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_notes(self) -> bool:
        return self.kind == ReportKind.NOTES

    @property
    def public_slug(self) -> str:
        """The first part of its public address: the panel's slug, or the notes' path."""
        return NOTES_PATH if self.is_notes else self.panel.slug


class ReportStatusChange(StatusHistory):
    report = models.ForeignKey(
        FindingsReport, on_delete=models.PROTECT, related_name="status_history"
    )


class SectionText(models.Model):
    """A narrative section's words: plain text in a small Markdown subset."""

    key = models.CharField(max_length=30, choices=SectionKey.choices)
    heading = models.CharField(max_length=200)
    body = models.TextField(blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.heading

    def clean(self) -> None:
        errors = {
            name: message
            for name in ("heading", "body")
            if (message := selection_claim_error(getattr(self, name)))
        }
        if errors:
            raise ValidationError(errors)


class ReportSection(SectionText):
    """One editable narrative section of a report."""

    report = models.ForeignKey(FindingsReport, on_delete=models.CASCADE, related_name="sections")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="reportsection_unique"),
            choice_constraint("reportsection", "key", SectionKey),
        ]


class StandingText(SectionText):
    """A panel's default text for a section, which each new draft starts from."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="standing_texts")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["panel", "key"], name="standingtext_unique"),
            choice_constraint("standingtext", "key", SectionKey),
        ]

    def __str__(self) -> str:
        return f"{self.panel}: {self.heading}"


class ThemeBackground(models.Model):
    """Background text about a meeting theme (what stalking is), kept for the next meeting."""

    theme_key = models.CharField(
        max_length=200, unique=True, help_text="The theme in lower case, spaces squeezed."
    )
    theme = models.CharField(max_length=200)
    heading = models.CharField(max_length=200)
    body = models.TextField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.theme


class ReasonBullet(models.Model):
    """One published bullet under a category: a case's reasons, or several cases' merged.

    Which cases it speaks for is the decisions merged into it, plus any decision tagged
    with its theme; "In three cases" is counted from those, among the decisions still in
    this category, whenever the report is shown.
    """

    report = models.ForeignKey(FindingsReport, on_delete=models.CASCADE, related_name="bullets")
    category = models.ForeignKey(OutcomeCategory, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(
        blank=True, help_text="The published wording; blank to use the recorded reasons."
    )
    decisions = models.ManyToManyField(Decision, blank=True, related_name="report_bullets")
    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    lead_with_count = models.BooleanField(
        default=True, help_text='Start the bullet with "In three cases".'
    )

    class Meta:
        ordering = ["category__position", "position", "pk"]

    def __str__(self) -> str:
        return self.text[:60] or f"Bullet {self.pk}"


class DisclosureAcceptance(models.Model):
    """A disclosure finding staff judged safe to publish, with their reason."""

    report = models.ForeignKey(
        FindingsReport, on_delete=models.CASCADE, related_name="disclosure_acceptances"
    )
    fingerprint = models.CharField(max_length=64, help_text="SHA-256 of where and what matched.")
    kind = models.CharField(max_length=30)
    location = models.CharField(max_length=200)
    reason = models.TextField()
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    accepted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["report", "fingerprint"], name="disclosureacceptance_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.location}: {self.kind}"


def _version_path(version: "PublishedVersion", name: str) -> str:
    report = version.report
    return f"reports/{report.public_slug}/{report.slug}/v{version.number}/{name}"


class PublishedVersion(ImmutableModel):
    """What the public saw: the rendered HTML, the PDF and the figures, frozen at publication."""

    report = models.ForeignKey(FindingsReport, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    change_note = models.TextField(blank=True)
    title = models.CharField(max_length=300)
    theme = models.CharField(max_length=200, blank=True)
    theme_cy = models.CharField(
        max_length=200,
        blank=True,
        help_text="The theme's Welsh, frozen; blank if the version was not published in Welsh.",
    )
    framework_name = models.CharField(max_length=200)
    meeting_date = models.DateField(null=True, blank=True)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(help_text="The year the findings belong to.")
    html_file = models.FileField(max_length=300)
    html_sha256 = models.CharField(max_length=64)
    pdf_file = models.FileField(max_length=300)
    pdf_sha256 = models.CharField(max_length=64)
    pdf_bytes = models.PositiveIntegerField()
    pdf_pages = models.PositiveSmallIntegerField()
    figures = models.JSONField(help_text="Counts, reasons and themes, as the open data gives them.")

    class Meta:
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="publishedversion_unique")
        ]
        indexes = [models.Index(fields=["year", "meeting_date"], name="publishedversion_year")]

    def __str__(self) -> str:
        return f"{self.title} (version {self.number})"

    def file_path(self, name: str) -> str:
        return _version_path(self, name)


class SupportService(models.Model):
    """A service a panel's reports point readers to (the National Stalking Helpline),
    kept once and listed in the reports of every panel that chooses it."""

    name = models.CharField(max_length=200)
    description = models.TextField(
        blank=True, help_text="What the service offers, in the reports' Markdown subset."
    )
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    url = models.URLField(
        "Website", blank=True, validators=[URLValidator(schemes=["https", "http"])]
    )
    link_text = models.CharField(
        max_length=100,
        blank=True,
        help_text="The website link's words, e.g. 'fill in a contact form'.",
    )
    placement = models.CharField(
        max_length=30, choices=SupportPlacement.choices, default=SupportPlacement.SUPPORT_SERVICES
    )
    theme = models.CharField(
        max_length=200,
        blank=True,
        help_text="Listed only in reports of meetings on this theme; blank for every report.",
    )
    position = models.PositiveSmallIntegerField(default=0)
    panels = models.ManyToManyField(Panel, blank=True, related_name="support_services")
    version = models.PositiveIntegerField(default=1, help_text="Goes up with every edit.")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            choice_constraint("supportservice", "placement", SupportPlacement),
            models.UniqueConstraint(fields=["name"], name="supportservice_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        if self.phone and not any(c.isdigit() for c in self.phone):
            errors["phone"] = _("Enter a phone number, like 0808 802 0300")
        if not (self.phone or self.email or self.url):
            errors["phone"] = _("Enter a phone number, email address or website for this service")
        link = _("Enter the website the link goes to, or leave the link's words out")
        for suffix in ("", "_cy"):  # the English, then the Welsh
            if getattr(self, f"link_text{suffix}", None) and not self.url:
                errors[f"link_text{suffix}"] = link
            if claim := selection_claim_error(getattr(self, f"description{suffix}", None) or ""):
                errors[f"description{suffix}"] = claim
        if errors:
            raise ValidationError(errors)

    @property
    def description_html(self):
        return markup.render(self.description)

    @property
    def dial(self) -> str:
        return "".join(c for c in self.phone if c.isdigit() or c == "+")
