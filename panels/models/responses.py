from django.conf import settings
from django.db import models
from django.utils import timezone

from core.models import choice_constraint

from ..enums import ActionStatus, ResponseState
from .follow_up import Action


class ActionResponse(models.Model):
    """The force's reply to an action addressed to it, written by its liaison. It is
    published beside the action only once OPCC staff approve it; a returned response
    says why, and the liaison answers again with a new one. An approval can be
    withdrawn, which returns the response with the reason why."""

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="responses")
    text = models.TextField()
    proposed_status = models.CharField(max_length=20, choices=ActionStatus.choices)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(
        max_length=10, choices=ResponseState.choices, default=ResponseState.SUBMITTED
    )
    return_reason = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # The action's status when the response was approved, so withdrawing the approval
    # can put it back.
    status_before = models.CharField(max_length=20, choices=ActionStatus.choices, blank=True)
    # An approval withdrawn by OPCC staff: the response is returned (return_reason says
    # why) and reviewed_by/at still name who approved it.
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["action", "-submitted_at", "-pk"]
        constraints = [
            choice_constraint("actionresponse", "state", ResponseState),
            choice_constraint("actionresponse", "proposed_status", ActionStatus),
            # A response is returned to the force only with the reason why.
            models.CheckConstraint(
                condition=~models.Q(state=ResponseState.RETURNED) | ~models.Q(return_reason=""),
                name="actionresponse_returned_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Response to action {self.action_id}: {self.get_state_display()}"


class ResponseEvidence(models.Model):
    """A redacted PDF sent with a response, checked as a case document is; kept privately
    under a random name (cases.documents.storage)."""

    response = models.ForeignKey(ActionResponse, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(max_length=200)
    stored_name = models.CharField(max_length=64, editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    size = models.PositiveBigIntegerField(editable=False)
    page_count = models.PositiveIntegerField(editable=False)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["response", "uploaded_at", "pk"]
        verbose_name_plural = "response evidence"

    def __str__(self) -> str:
        return self.title
