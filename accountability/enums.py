from django.db import models
from django.utils.translation import gettext_lazy as _


class ScrutinyMeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    QUESTIONS_SENT = "questions_sent", _("Questions sent")
    EVIDENCE_RECEIVED = "evidence_received", _("Evidence received")
    DECIDED = "decided", _("Decided")
    CLOSED = "closed", _("Closed")


class AssuranceLevel(models.TextChoices):
    ASSURED = "assured", _("Assured")
    PARTLY_ASSURED = "partly_assured", _("Partly assured")
    NOT_ASSURED = "not_assured", _("Not assured")
