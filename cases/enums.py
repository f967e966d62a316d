from django.db import models
from django.utils.translation import gettext_noop

# Labels are marked for the catalogue but stay English here: they go into stored and
# published data (report figures, open data). Pages translate them as they show them.


class OffenderAgeBand(models.TextChoices):
    UNDER_18 = "under_18", gettext_noop("Under 18")
    AGE_18_24 = "18_24", gettext_noop("18 to 24")
    AGE_25_34 = "25_34", gettext_noop("25 to 34")
    AGE_35_49 = "35_49", gettext_noop("35 to 49")
    AGE_50_64 = "50_64", gettext_noop("50 to 64")
    AGE_65_PLUS = "65_plus", gettext_noop("65 and over")
    NOT_RECORDED = "not_recorded", gettext_noop("Not recorded")


class Admission(models.TextChoices):
    FULL = "full", gettext_noop("Full and frank admission on record")
    PARTIAL = "partial", gettext_noop("Partial or qualified admission")
    NONE = "none", gettext_noop("No admission")
    NOT_RECORDED = "not_recorded", gettext_noop("Not recorded")


class VictimViews(models.TextChoices):
    SOUGHT_RECORDED = "sought_recorded", gettext_noop("Sought and recorded")
    SOUGHT_DECLINED = "sought_declined", gettext_noop("Sought; victim declined to give views")
    NOT_SOUGHT = "not_sought", gettext_noop("Not sought")
    NO_VICTIM = "no_victim", gettext_noop("No identifiable victim")
    NOT_RECORDED = "not_recorded", gettext_noop("Not recorded")


class AuthorisingRank(models.TextChoices):
    CONSTABLE = "constable", gettext_noop("Constable")
    SERGEANT = "sergeant", gettext_noop("Sergeant")
    INSPECTOR = "inspector", gettext_noop("Inspector")
    CHIEF_INSPECTOR = "chief_inspector", gettext_noop("Chief Inspector")
    SUPERINTENDENT = "superintendent", gettext_noop("Superintendent")
    CPS = "cps", gettext_noop("Crown Prosecution Service")
    NOT_RECORDED = "not_recorded", gettext_noop("Not recorded")


class CaseStatus(models.TextChoices):
    IN_POOL = "in_pool", gettext_noop("In the pool")
    ON_AGENDA = "on_agenda", gettext_noop("On a meeting agenda")
    REVIEWED = "reviewed", gettext_noop("Reviewed by a panel")
    WITHDRAWN = "withdrawn", gettext_noop("Withdrawn")


class BatchStatus(models.TextChoices):
    UPLOADED = "uploaded", gettext_noop("Uploaded")
    PREVIEWED = "previewed", gettext_noop("Checked, awaiting confirmation")
    COMMITTED = "committed", gettext_noop("Imported")
    REJECTED = "rejected", gettext_noop("Rejected")
    ABANDONED = "abandoned", gettext_noop("Abandoned")


class PrivacyKind(models.TextChoices):
    NI_NUMBER = "ni_number", gettext_noop("National Insurance number")
    PNC_ID = "pnc_id", gettext_noop("PNC ID")
    POSTCODE = "postcode", gettext_noop("Postcode")
    EMAIL = "email", gettext_noop("Email address")
    PHONE = "phone", gettext_noop("Phone number")
    VEHICLE_REG = "vehicle_reg", gettext_noop("Vehicle registration")
    DATE_OF_BIRTH = "date_of_birth", gettext_noop("Date of birth")
    TITLED_NAME = "titled_name", gettext_noop("Title followed by a name")
    STREET_ADDRESS = "street_address", gettext_noop("Street address")


class FindingStatus(models.TextChoices):
    OPEN = "open", gettext_noop("Needs a decision")
    REDACTED = "redacted", gettext_noop("Redacted")
    ACCEPTED = "accepted", gettext_noop("Accepted with a reason")


class DocumentStatus(models.TextChoices):
    AWAITING_DECISIONS = "awaiting_decisions", gettext_noop("Findings to decide")
    SHOWN = "shown", gettext_noop("Shown to readers")
    WITHDRAWN = "withdrawn", gettext_noop("Withdrawn")
