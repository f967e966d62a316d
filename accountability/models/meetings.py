"""Topics, the Commissioner's scrutiny meetings, and the questions put to the force with
the force's answers and the OPCC's summaries of them."""

from django.conf import settings
from django.db import models
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from cases.models import Force
from core.models import StatusHistory, choice_constraint

from ..enums import ScrutinyMeetingStatus


class Topic(models.Model):
    """What the Commissioner holds the force to account for, over several meetings, e.g.
    "Use of out of court resolutions and Outcome 16"."""

    force = models.ForeignKey(Force, on_delete=models.PROTECT, related_name="scrutiny_topics")
    title = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["title", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["force", "title"], name="topic_force_title_unique")
        ]

    def __str__(self) -> str:
        return self.title


class ScrutinyMeeting(models.Model):
    force = models.ForeignKey(Force, on_delete=models.PROTECT, related_name="scrutiny_meetings")
    date = models.DateField()
    theme = models.CharField(
        max_length=200, blank=True, help_text='e.g. "Tackling offending and reoffending".'
    )
    topics = models.ManyToManyField(Topic, related_name="meetings")
    status = models.CharField(
        max_length=20,
        choices=ScrutinyMeetingStatus.choices,
        default=ScrutinyMeetingStatus.PLANNED,
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["force", "date"], name="scrutinymeeting_force_date_unique"
            ),
            choice_constraint("scrutinymeeting", "status", ScrutinyMeetingStatus),
        ]

    def __str__(self) -> str:
        return _("Scrutiny meeting %(date)s") % {"date": date_format(self.date, "j F Y")}


class ScrutinyMeetingStatusChange(StatusHistory):
    meeting = models.ForeignKey(
        ScrutinyMeeting, on_delete=models.PROTECT, related_name="status_history"
    )


class Question(models.Model):
    meeting = models.ForeignKey(ScrutinyMeeting, on_delete=models.PROTECT, related_name="questions")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="questions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    due_date = models.DateField(null=True, blank=True, help_text="When the force's answer is due.")
    # Set when the question is sent to the force; until then only OPCC staff see it.
    sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"], name="question_meeting_number_unique"
            ),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="question_number_min"),
            models.CheckConstraint(condition=~models.Q(text=""), name="question_text_given"),
        ]

    def __str__(self) -> str:
        return f"Question {self.number}"


class QuestionAnswer(models.Model):
    """The force's written answer to a question, given by its liaison in the service."""

    question = models.OneToOneField(Question, on_delete=models.PROTECT, related_name="answer")
    text = models.TextField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="questionanswer_text_given")
        ]

    def __str__(self) -> str:
        return f"Answer to {self.question}"


class EvidenceDocument(models.Model):
    """A redacted PDF the force gives with an answer: checked and screened as a case
    document is (cases/documents), kept privately under a random name."""

    answer = models.ForeignKey(QuestionAnswer, on_delete=models.PROTECT, related_name="documents")
    title = models.CharField(max_length=200)
    stored_name = models.CharField(max_length=64, editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    size = models.PositiveBigIntegerField(help_text="In bytes.", editable=False)
    page_count = models.PositiveIntegerField(editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["answer", "uploaded_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "sha256"], name="evidencedocument_once_per_answer"
            )
        ]

    def __str__(self) -> str:
        return self.title


class EvidenceSummary(models.Model):
    """OPCC staff's brief summary of the force's evidence on a question: the text that is
    published in the meeting's notes."""

    question = models.OneToOneField(
        Question, on_delete=models.PROTECT, related_name="evidence_summary"
    )
    text = models.TextField()
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name_plural = "evidence summaries"
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="evidencesummary_text_given")
        ]

    def __str__(self) -> str:
        return f"Summary of evidence on {self.question}"
