from django.db import models


class ReportKind(models.TextChoices):
    MEETING = "meeting", "Meeting findings"
    PERIOD = "period", "Period report"
    NOTES = "notes", "Accountability meeting notes"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class SectionKey(models.TextChoices):
    """The narrative sections of a report, in the order the published reports use."""

    INTRODUCTION = "introduction", "What the panel looks at"
    WHY = "why", "Why the panel scrutinises"
    HOW = "how", "How the panel scrutinises"
    THEME_BACKGROUND = "theme_background", "The meeting's theme"
    FURTHER_INFORMATION = "further_information", "Further information"
    SUPPORT_SERVICES = "support_services", "Support services"
    USING_FINDINGS = "using_findings", "How the findings are used"
    OTHER_FORMATS = "other_formats", "Another format"


class DisclosureKind(models.TextChoices):
    CASE_REFERENCE = "case_reference", "A case reference"
    NARRATIVE = "narrative", "Words copied from a case's narrative"
    MEMBER_NAME = "member_name", "A panel member's name"
    # Never accepted: the report says how cases were chosen once, from the draw's record.
    SELECTION_CLAIM = "selection_claim", "Words saying how the cases were chosen"


class CriteriaDisplay(models.TextChoices):
    """How a report shows its findings per criterion."""

    BOTH = "both", "Sentences and a table with a chart"
    SENTENCES = "sentences", "Sentences only"
    TABLE = "table", "A table with a chart only"


class SupportPlacement(models.TextChoices):
    """Where in a report a support service is listed, as the published reports place them."""

    FURTHER_INFORMATION = "further_information", "With the further information"
    SUPPORT_SERVICES = "support_services", "Under support for victims and witnesses"
