from django.db import models


class FrameworkKind(models.TextChoices):
    OOCR = "oocr", "Out of court resolutions"
    VCOP = "vcop", "Victims' Code of Practice"
    OTHER = "other", "Other"


class AgeGroup(models.TextChoices):
    ADULT = "adult", "Adult"
    YOUTH = "youth", "Youth"


class MembershipRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    MEMBER = "member", "Member"


class Agency(models.TextChoices):
    CPS = "cps", "Crown Prosecution Service"
    MAGISTRACY = "magistracy", "Magistracy"
    COURTS = "courts", "HM Courts and Tribunals Service"
    PROBATION = "probation", "Probation Service"
    YOUTH_JUSTICE = "youth_justice", "Youth Justice Service"
    POLICE = "police", "Police"
    OPCC = "opcc", "Office of the Police and Crime Commissioner"
    VICTIM_SERVICES = "victim_services", "Victim services"
    INDEPENDENT = "independent", "Independent member"
    OTHER = "other", "Other"


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    RATING_OPEN = "rating_open", "Open for rating"
    IN_DISCUSSION = "in_discussion", "In discussion"
    CLOSED = "closed", "Closed"
    CANCELLED = "cancelled", "Cancelled"


class CaseSource(models.TextChoices):
    SAMPLED = "sampled", "Drawn at random"
    CARRIED_OVER = "carried_over", "Carried over from an earlier meeting"
    ADDED = "added", "Added by OPCC staff"


class Assessment(models.TextChoices):
    MET = "met", "Met"
    PARTLY_MET = "partly_met", "Partly met"
    NOT_MET = "not_met", "Not met"
    NOT_RECORDED = "not_recorded", "Not recorded"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class RatingStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    # The rater declared a conflict after rating: kept, never counted.
    WITHDRAWN = "withdrawn", "Withdrawn (conflict declared)"


class ReminderKind(models.TextChoices):
    AHEAD = "ahead", "Before the deadline"
    DUE = "due", "On the day of the deadline"


class AttendanceKind(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    OBSERVER = "observer", "Observer"


class ObservationKind(models.TextChoices):
    GOOD_PRACTICE = "good_practice", "Good practice"
    LEARNING = "learning", "Learning"
    GENERAL = "general", "General"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Done"
    CLOSED = "closed", "Dropped"


class ResponseState(models.TextChoices):
    """A force's response to an action: submitted by its liaison, then approved by OPCC
    staff (it may be published) or returned to the force with a reason."""

    SUBMITTED = "submitted", "Awaiting review"
    APPROVED = "approved", "Approved"
    RETURNED = "returned", "Returned"


class Stratum(models.TextChoices):
    """Case fields a sample can be spread across."""

    OUTCOME_TYPE = "outcome_type", "Outcome type"
    OFFENCE_CATEGORY = "offence_category", "Offence category"
    OFFENDER_AGE_BAND = "offender_age_band", "Offender age band"


class CaseFlag(models.TextChoices):
    """Case flags a pool can be filtered on; values are Case field names."""

    DOMESTIC_ABUSE = "is_domestic_abuse", "Domestic abuse"
    HATE_CRIME = "is_hate_crime", "Hate crime"
    VIOLENCE = "is_violence", "Violence"
    SEXUAL = "is_sexual", "Sexual offence"


class CategoryColour(models.TextChoices):
    """A category's colour in a red, amber, green display scheme; none by default."""

    NONE = "", "No colour"
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
