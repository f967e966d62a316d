from django.db import models


class OffenderAgeBand(models.TextChoices):
    UNDER_18 = "under_18", "Under 18"
    AGE_18_24 = "18_24", "18 to 24"
    AGE_25_34 = "25_34", "25 to 34"
    AGE_35_49 = "35_49", "35 to 49"
    AGE_50_64 = "50_64", "50 to 64"
    AGE_65_PLUS = "65_plus", "65 and over"
    NOT_RECORDED = "not_recorded", "Not recorded"


class Admission(models.TextChoices):
    FULL = "full", "Full and frank admission on record"
    PARTIAL = "partial", "Partial or qualified admission"
    NONE = "none", "No admission"
    NOT_RECORDED = "not_recorded", "Not recorded"


class VictimViews(models.TextChoices):
    SOUGHT_RECORDED = "sought_recorded", "Sought and recorded"
    SOUGHT_DECLINED = "sought_declined", "Sought; victim declined to give views"
    NOT_SOUGHT = "not_sought", "Not sought"
    NO_VICTIM = "no_victim", "No identifiable victim"
    NOT_RECORDED = "not_recorded", "Not recorded"


class AuthorisingRank(models.TextChoices):
    CONSTABLE = "constable", "Constable"
    SERGEANT = "sergeant", "Sergeant"
    INSPECTOR = "inspector", "Inspector"
    CHIEF_INSPECTOR = "chief_inspector", "Chief Inspector"
    SUPERINTENDENT = "superintendent", "Superintendent"
    CPS = "cps", "Crown Prosecution Service"
    NOT_RECORDED = "not_recorded", "Not recorded"


class CaseStatus(models.TextChoices):
    IN_POOL = "in_pool", "In the pool"
    ON_AGENDA = "on_agenda", "On a meeting agenda"
    REVIEWED = "reviewed", "Reviewed by a panel"
    WITHDRAWN = "withdrawn", "Withdrawn"


class BatchStatus(models.TextChoices):
    UPLOADED = "uploaded", "Uploaded"
    PREVIEWED = "previewed", "Checked, awaiting confirmation"
    COMMITTED = "committed", "Imported"
    REJECTED = "rejected", "Rejected"
    ABANDONED = "abandoned", "Abandoned"


class PrivacyKind(models.TextChoices):
    NI_NUMBER = "ni_number", "National Insurance number"
    PNC_ID = "pnc_id", "PNC ID"
    POSTCODE = "postcode", "Postcode"
    EMAIL = "email", "Email address"
    PHONE = "phone", "Phone number"
    VEHICLE_REG = "vehicle_reg", "Vehicle registration"
    DATE_OF_BIRTH = "date_of_birth", "Date of birth"
    TITLED_NAME = "titled_name", "Title followed by a name"
    STREET_ADDRESS = "street_address", "Street address"


class FindingStatus(models.TextChoices):
    OPEN = "open", "Needs a decision"
    REDACTED = "redacted", "Redacted"
    ACCEPTED = "accepted", "Accepted with a reason"


class DocumentStatus(models.TextChoices):
    AWAITING_DECISIONS = "awaiting_decisions", "Findings to decide"
    SHOWN = "shown", "Shown to readers"
    WITHDRAWN = "withdrawn", "Withdrawn"
