from django.db import models
from django.utils.translation import gettext_noop

# Labels are marked for the catalogue but stay English here: they go into stored and
# published data (report figures, open data). Pages translate them as they show them.


class ScrutinyMeetingStatus(models.TextChoices):
    PLANNED = "planned", gettext_noop("Planned")
    QUESTIONS_SENT = "questions_sent", gettext_noop("Questions sent")
    EVIDENCE_RECEIVED = "evidence_received", gettext_noop("Evidence received")
    DECIDED = "decided", gettext_noop("Decided")
    CLOSED = "closed", gettext_noop("Closed")


class AssuranceLevel(models.TextChoices):
    ASSURED = "assured", gettext_noop("Assured")
    PARTLY_ASSURED = "partly_assured", gettext_noop("Partly assured")
    NOT_ASSURED = "not_assured", gettext_noop("Not assured")
