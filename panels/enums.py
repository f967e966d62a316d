from django.db import models
from django.utils.translation import gettext_lazy as _


class FrameworkKind(models.TextChoices):
    OOCR = "oocr", _("Out of court resolutions")
    VCOP = "vcop", _("Victims' Code of Practice")
    OTHER = "other", _("Other")


class AgeGroup(models.TextChoices):
    ADULT = "adult", _("Adult")
    YOUTH = "youth", _("Youth")


class MembershipRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    MEMBER = "member", _("Member")


class Agency(models.TextChoices):
    CPS = "cps", _("Crown Prosecution Service")
    MAGISTRACY = "magistracy", _("Magistracy")
    COURTS = "courts", _("HM Courts and Tribunals Service")
    PROBATION = "probation", _("Probation Service")
    YOUTH_JUSTICE = "youth_justice", _("Youth Justice Service")
    POLICE = "police", _("Police")
    OPCC = "opcc", _("Office of the Police and Crime Commissioner")
    VICTIM_SERVICES = "victim_services", _("Victim services")
    INDEPENDENT = "independent", _("Independent member")
    OTHER = "other", _("Other")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RATING_OPEN = "rating_open", _("Open for rating")
    IN_DISCUSSION = "in_discussion", _("In discussion")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class CaseSource(models.TextChoices):
    SAMPLED = "sampled", _("Drawn at random")
    CARRIED_OVER = "carried_over", _("Carried over from an earlier meeting")
    ADDED = "added", _("Added by OPCC staff")


class Assessment(models.TextChoices):
    MET = "met", _("Met")
    PARTLY_MET = "partly_met", _("Partly met")
    NOT_MET = "not_met", _("Not met")
    NOT_RECORDED = "not_recorded", _("Not recorded")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class RatingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    # The rater declared a conflict after rating: kept, never counted.
    WITHDRAWN = "withdrawn", _("Withdrawn (conflict declared)")


class ReminderKind(models.TextChoices):
    AHEAD = "ahead", _("Before the deadline")
    DUE = "due", _("On the day of the deadline")


class AttendanceKind(models.TextChoices):
    PRESENT = "present", _("Present")
    APOLOGIES = "apologies", _("Apologies")
    OBSERVER = "observer", _("Observer")


class ObservationKind(models.TextChoices):
    GOOD_PRACTICE = "good_practice", _("Good practice")
    LEARNING = "learning", _("Learning")
    GENERAL = "general", _("General")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Done")
    CLOSED = "closed", _("Dropped")


class ResponseState(models.TextChoices):
    """A force's response to an action: submitted by its liaison, then approved by OPCC
    staff (it may be published) or returned to the force with a reason."""

    SUBMITTED = "submitted", _("Awaiting review")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned")


class Stratum(models.TextChoices):
    """Case fields a sample can be spread across."""

    OUTCOME_TYPE = "outcome_type", _("Outcome type")
    OFFENCE_CATEGORY = "offence_category", _("Offence category")
    OFFENDER_AGE_BAND = "offender_age_band", _("Offender age band")


class CaseFlag(models.TextChoices):
    """Case flags a pool can be filtered on; values are Case field names."""

    DOMESTIC_ABUSE = "is_domestic_abuse", _("Domestic abuse")
    HATE_CRIME = "is_hate_crime", _("Hate crime")
    VIOLENCE = "is_violence", _("Violence")
    SEXUAL = "is_sexual", _("Sexual offence")


class CategoryColour(models.TextChoices):
    """A category's colour in a red, amber, green display scheme; none by default."""

    NONE = "", _("No colour")
    RED = "red", _("Red")
    AMBER = "amber", _("Amber")
    GREEN = "green", _("Green")
