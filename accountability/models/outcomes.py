"""What a scrutiny meeting concludes: the Commissioner's decision per topic, other areas
discussed, numbered actions and follow-ups."""

from django.conf import settings
from django.db import models

from core.models import choice_constraint
from panels.models import Action

from ..enums import AssuranceLevel
from .meetings import ScrutinyMeeting, Topic


class TopicDecision(models.Model):
    meeting = models.ForeignKey(ScrutinyMeeting, on_delete=models.PROTECT, related_name="decisions")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="decisions")
    level = models.CharField(max_length=20, choices=AssuranceLevel.choices)
    rationale = models.TextField()
    # The last decision on the same topic at an earlier meeting, set by the service, so the
    # rationale can be read against it ("Since the previous update in September 2024…").
    previous = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["meeting", "topic"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "topic"], name="topicdecision_meeting_topic_unique"
            ),
            choice_constraint("topicdecision", "level", AssuranceLevel),
            models.CheckConstraint(
                condition=~models.Q(rationale=""), name="topicdecision_rationale_given"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic}: {self.get_level_display()}"


class OtherArea(models.Model):
    """Another area discussed at the meeting, outside its topics."""

    meeting = models.ForeignKey(
        ScrutinyMeeting, on_delete=models.PROTECT, related_name="other_areas"
    )
    heading = models.CharField(max_length=200)
    text = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["meeting", "pk"]

    def __str__(self) -> str:
        return self.heading


class ScrutinyAction(models.Model):
    """A numbered action of a scrutiny meeting. The action itself (description, owner, due
    date, status, the force's responses and reminders) is the panels' Action, so the
    force's liaison answers it and it is tracked as every other action is."""

    meeting = models.ForeignKey(ScrutinyMeeting, on_delete=models.PROTECT, related_name="actions")
    action = models.OneToOneField(Action, on_delete=models.PROTECT, related_name="scrutiny")
    number = models.PositiveIntegerField()

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"], name="scrutinyaction_meeting_number_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="scrutinyaction_number_min"
            ),
        ]

    def __str__(self) -> str:
        return f"Action {self.number}"


class FollowUp(models.Model):
    """A dated item on a topic set at a meeting, e.g. "a further performance update in six
    months"; reminders go to OPCC staff and the force's liaison as it nears."""

    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="follow_ups")
    meeting = models.ForeignKey(
        ScrutinyMeeting, on_delete=models.PROTECT, related_name="follow_ups"
    )
    due_date = models.DateField()
    text = models.TextField()
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="followup_text_given")
        ]

    def __str__(self) -> str:
        return f"{self.topic}: {self.due_date:%-d %B %Y}"
