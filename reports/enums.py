from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    MEETING = "meeting", _("Meeting findings")
    PERIOD = "period", _("Period report")
    NOTES = "notes", _("Accountability meeting notes")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class SectionKey(models.TextChoices):
    """The narrative sections of a report, in the order the published reports use."""

    INTRODUCTION = "introduction", _("What the panel looks at")
    WHY = "why", _("Why the panel scrutinises")
    HOW = "how", _("How the panel scrutinises")
    THEME_BACKGROUND = "theme_background", _("The meeting's theme")
    FURTHER_INFORMATION = "further_information", _("Further information")
    SUPPORT_SERVICES = "support_services", _("Support services")
    USING_FINDINGS = "using_findings", _("How the findings are used")
    OTHER_FORMATS = "other_formats", _("Another format")


class DisclosureKind(models.TextChoices):
    CASE_REFERENCE = "case_reference", _("A case reference")
    NARRATIVE = "narrative", _("Words copied from a case's narrative")
    MEMBER_NAME = "member_name", _("A panel member's name")
    # Never accepted: the report says how cases were chosen once, from the draw's record.
    SELECTION_CLAIM = "selection_claim", _("Words saying how the cases were chosen")


class CriteriaDisplay(models.TextChoices):
    """How a report shows its findings per criterion."""

    BOTH = "both", _("Sentences and a table with a chart")
    SENTENCES = "sentences", _("Sentences only")
    TABLE = "table", _("A table with a chart only")


class SupportPlacement(models.TextChoices):
    """Where in a report a support service is listed, as the published reports place them."""

    FURTHER_INFORMATION = "further_information", _("With the further information")
    SUPPORT_SERVICES = "support_services", _("Under support for victims and witnesses")
