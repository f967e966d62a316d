from django.db import models
from django.utils.translation import gettext_lazy as _


class OffenderAgeBand(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18")
    AGE_18_24 = "18_24", _("18 to 24")
    AGE_25_34 = "25_34", _("25 to 34")
    AGE_35_49 = "35_49", _("35 to 49")
    AGE_50_64 = "50_64", _("50 to 64")
    AGE_65_PLUS = "65_plus", _("65 and over")
    NOT_RECORDED = "not_recorded", _("Not recorded")


class Admission(models.TextChoices):
    FULL = "full", _("Full and frank admission on record")
    PARTIAL = "partial", _("Partial or qualified admission")
    NONE = "none", _("No admission")
    NOT_RECORDED = "not_recorded", _("Not recorded")


class VictimViews(models.TextChoices):
    SOUGHT_RECORDED = "sought_recorded", _("Sought and recorded")
    SOUGHT_DECLINED = "sought_declined", _("Sought; victim declined to give views")
    NOT_SOUGHT = "not_sought", _("Not sought")
    NO_VICTIM = "no_victim", _("No identifiable victim")
    NOT_RECORDED = "not_recorded", _("Not recorded")


class AuthorisingRank(models.TextChoices):
    CONSTABLE = "constable", _("Constable")
    SERGEANT = "sergeant", _("Sergeant")
    INSPECTOR = "inspector", _("Inspector")
    CHIEF_INSPECTOR = "chief_inspector", _("Chief Inspector")
    SUPERINTENDENT = "superintendent", _("Superintendent")
    CPS = "cps", _("Crown Prosecution Service")
    NOT_RECORDED = "not_recorded", _("Not recorded")


class CaseStatus(models.TextChoices):
    IN_POOL = "in_pool", _("In the pool")
    ON_AGENDA = "on_agenda", _("On a meeting agenda")
    REVIEWED = "reviewed", _("Reviewed by a panel")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class BatchStatus(models.TextChoices):
    UPLOADED = "uploaded", _("Uploaded")
    PREVIEWED = "previewed", _("Checked, awaiting confirmation")
    COMMITTED = "committed", _("Imported")
    REJECTED = "rejected", _("Rejected")
    ABANDONED = "abandoned", _("Abandoned")


class PrivacyKind(models.TextChoices):
    NI_NUMBER = "ni_number", _("National Insurance number")
    PNC_ID = "pnc_id", _("PNC ID")
    POSTCODE = "postcode", _("Postcode")
    EMAIL = "email", _("Email address")
    PHONE = "phone", _("Phone number")
    VEHICLE_REG = "vehicle_reg", _("Vehicle registration")
    DATE_OF_BIRTH = "date_of_birth", _("Date of birth")
    TITLED_NAME = "titled_name", _("Title followed by a name")
    STREET_ADDRESS = "street_address", _("Street address")


class FindingStatus(models.TextChoices):
    OPEN = "open", _("Needs a decision")
    REDACTED = "redacted", _("Redacted")
    ACCEPTED = "accepted", _("Accepted with a reason")


class DocumentStatus(models.TextChoices):
    AWAITING_DECISIONS = "awaiting_decisions", _("Findings to decide")
    SHOWN = "shown", _("Shown to readers")
    WITHDRAWN = "withdrawn", _("Withdrawn")
