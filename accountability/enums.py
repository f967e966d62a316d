from django.db import models


class ScrutinyMeetingStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    QUESTIONS_SENT = "questions_sent", "Questions sent"
    EVIDENCE_RECEIVED = "evidence_received", "Evidence received"
    DECIDED = "decided", "Decided"
    CLOSED = "closed", "Closed"


class AssuranceLevel(models.TextChoices):
    ASSURED = "assured", "Assured"
    PARTLY_ASSURED = "partly_assured", "Partly assured"
    NOT_ASSURED = "not_assured", "Not assured"
