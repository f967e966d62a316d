"""Shared building blocks for the apps' models."""

import datetime
import uuid

from auditlog.models import AbstractLogEntry, LogEntryManager
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _


@deconstructible(path="core.models.CodePointOrder")
class CodePointOrder(models.Func):
    """A text column compared byte by byte, which for UTF-8 is code-point order.

    That is the order Python sorts strings in, whatever collation the database
    was created with. PostgreSQL needs `COLLATE "C"` for it; SQLite compares
    text that way already (its BINARY collation), and has no collation "C".
    """

    arity = 1
    template = '%(expressions)s COLLATE "C"'

    def as_sqlite(self, compiler, connection, **extra_context):
        return compiler.compile(self.get_source_expressions()[0])


class ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValidationError("History rows cannot be changed.")

    def delete(self):
        raise ValidationError("History rows cannot be deleted.")


class ImmutableModel(models.Model):
    """Rows written once and never edited or deleted, one at a time or in bulk."""

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("History rows cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("History rows cannot be deleted.")


class StatusHistory(ImmutableModel):
    """One row per status change: who moved what, from where to where, and when.

    Rows are written once by the workflow function and never edited, so the
    record of decisions stands even if the object later changes.
    """

    from_status = models.CharField(max_length=32, blank=True)
    to_status = models.CharField(max_length=32)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        abstract = True
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status or '—'} → {self.to_status}"


def choice_constraint(model_label: str, field: str, choices: type[models.TextChoices]):
    """A database check that `field` holds one of `choices`, so bad values cannot be stored."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__in": choices.values}),
        name=f"{model_label}_{field}_valid",
    )


class AuditEntryQuerySet(ImmutableQuerySet):
    pass


class AuditEntryManager(LogEntryManager.from_queryset(AuditEntryQuerySet)):
    """django-auditlog's manager (log_create and friends) over a queryset that
    refuses update() and delete()."""


class AuditEvent(models.TextChoices):
    """What happened, in the words a data admin filters the audit trail by."""

    CREATED = "created", _("Created")
    CHANGED = "changed", _("Changed")
    DELETED = "deleted", _("Deleted")
    VIEWED = "viewed", _("Viewed")
    EXPORTED = "exported", _("Exported")
    DOWNLOADED = "downloaded", _("Downloaded")
    IMPORTED = "imported", _("Imported")
    DRAWN = "drawn", _("Sample drawn")
    PUBLISHED = "published", _("Published")
    ERASED = "erased", _("Erased (retention)")
    SIGNED_IN = "signed_in", _("Signed in")
    SIGN_IN_FAILED = "sign_in_failed", _("Sign-in failed")
    SIGNED_OUT = "signed_out", _("Signed out")
    LOCKED_OUT = "locked_out", _("Locked out")
    REFUSED = "refused", _("Refused")
    SECURITY = "security", _("Security setting")


class AuditEntry(AbstractLogEntry):
    """One line of the append-only audit trail.

    django-auditlog writes the created/changed/deleted rows of registered models
    (with before and after) and the viewed rows; `core.audit.record` writes the
    rest. Nothing in the service updates or deletes a row: the queryset and the
    model refuse, the admin is read-only and, on PostgreSQL, a trigger refuses
    UPDATE and DELETE (docs/adr/0008-audit-trail.md).
    """

    # Who and what are kept even if someone tries to delete them: a user or a
    # content type with audit entries cannot be deleted.
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.PROTECT, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        blank=True,
        null=True,
        related_name="+",
    )
    event = models.CharField(max_length=20, choices=AuditEvent.choices, db_index=True)
    summary = models.CharField(max_length=300, blank=True)

    objects = AuditEntryManager()

    class Meta(AbstractLogEntry.Meta):
        verbose_name = "audit entry"
        verbose_name_plural = "audit trail"
        ordering = ["-timestamp", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_pk"], name="audit_object"),
            models.Index(fields=["actor", "timestamp"], name="audit_actor_time"),
        ]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("Audit entries cannot be changed.")
        if not self.event:
            self.event = _EVENT_OF_ACTION.get(self.action, AuditEvent.CHANGED)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Audit entries cannot be deleted.")

    def __str__(self) -> str:
        return f"{self.timestamp:%Y-%m-%d %H:%M:%S} {self.get_event_display()}: {self.object_repr}"


_EVENT_OF_ACTION = {
    AbstractLogEntry.Action.CREATE: AuditEvent.CREATED,
    AbstractLogEntry.Action.UPDATE: AuditEvent.CHANGED,
    AbstractLogEntry.Action.DELETE: AuditEvent.DELETED,
    AbstractLogEntry.Action.ACCESS: AuditEvent.VIEWED,
}


# Background work and its progress (core.jobs runs it).
class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("In progress")
    DONE = "done", _("Finished")
    FAILED = "failed", _("Failed")


class Job(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(max_length=200, help_text="What is being done, e.g. Checking x.csv")
    task_path = models.CharField(max_length=200)
    task_kwargs = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(null=True, blank=True)
    # How progress reads, with {done} and {total}: "Checked {done} of {total} rows"; and
    # while the total is not known: "Checked {done} rows".
    wording = models.CharField(max_length=120, default="{done} of {total} done")
    wording_no_total = models.CharField(max_length=120, default="{done} done")
    # Where the person goes when it has finished (the batch, the report).
    result_url = models.CharField(max_length=300, blank=True)
    error = models.TextField(blank=True, help_text="Why it failed, in words for the person")
    attempts = models.PositiveSmallIntegerField(default=0)
    # The staff role the work needs (core.roles.StaffRole): without it now, whoever
    # started the job can no longer see or retry it.
    required_role = models.CharField(max_length=30, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "core"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=JobStatus.values), name="job_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def finished(self) -> bool:
        return self.status in {JobStatus.DONE, JobStatus.FAILED}

    def _quiet_too_long(self) -> bool:
        quiet = timezone.now() - self.updated_at
        return quiet > datetime.timedelta(seconds=settings.JOB_STALLED_SECONDS)

    @property
    def stalled(self) -> bool:
        """Started, but no news for longer than any step takes: its worker stopped."""
        return self.status == JobStatus.RUNNING and self._quiet_too_long()

    @property
    def waiting_long(self) -> bool:
        """Not started for a long while: no worker is running, or all are busy."""
        return self.status == JobStatus.QUEUED and self._quiet_too_long()

    @property
    def percent(self) -> int | None:
        if not self.total:
            return 100 if self.status == JobStatus.DONE else None
        return min(100, round(100 * self.done / self.total))

    def can_retry(self) -> bool:
        return self.status == JobStatus.FAILED or self.stalled

    @property
    def progress_text(self) -> str:
        if self.status == JobStatus.QUEUED:
            return "Waiting to start"
        if self.total is None:
            return self.wording_no_total.format(done=f"{self.done:,}")
        return self.wording.format(done=f"{min(self.done, self.total):,}", total=f"{self.total:,}")


class PasswordResetRequest(models.Model):
    """One password reset asked for, counted against the hourly limit of the address it
    was asked for (`key` "address:" and a keyed hash, never the address itself) or of
    the account a reset mail was sent to ("account:" and its id). A table, not a cache,
    so every app server counts the same requests (core/password_resets.py)."""

    key = models.CharField(max_length=80)
    requested_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["key", "requested_at"], name="core_pwreset_key_time")]

    def __str__(self) -> str:
        return f"{self.key} at {self.requested_at:%Y-%m-%d %H:%M}"


# Emails about waiting work (core.notifications sends them).
class NotificationKind(models.TextChoices):
    """Each kind of email about waiting work a person can turn off. Security emails
    (password resets, invitations, email-change confirmations) are not kinds: they
    are always sent."""

    RATING_OPEN = "rating_open", _("A meeting opens for rating")
    RATING_REMINDER = "rating_reminder", _("A rating deadline is near and you have cases to rate")
    APPROVAL_WAITING = "approval_waiting", _("A findings report is waiting for your approval")
    REPORT_RETURNED = "report_returned", _("A findings report you wrote is returned to you")
    REPORT_PUBLISHED = "report_published", _("A findings report is published")
    ACTION_ASSIGNED = "action_assigned", _("An action is given to you")
    ACTION_DUE = "action_due", _("An action of yours is nearly due or overdue")
    # The force's side and the Commissioner's scrutiny of it.
    RESPONSE_WAITING = "response_waiting", _("A force's response or answer is waiting for review")
    QUESTIONS_SENT = "questions_sent", _("The Commissioner's questions are sent to your force")
    QUESTION_DUE = "question_due", _("A question to your force is nearly due or overdue")
    FOLLOW_UP_DUE = "follow_up_due", _("A follow-up of the Commissioner's scrutiny is near")


class NotificationPreference(models.Model):
    """A kind of email someone has chosen to get or not. No row means they get it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=30, choices=NotificationKind.choices)
    enabled = models.BooleanField(default=True)

    class Meta:
        app_label = "core"
        ordering = ["user", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_unique"),
            choice_constraint("notification_preference", "kind", NotificationKind),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_kind_display()} ({'on' if self.enabled else 'off'})"


class SentNotification(models.Model):
    """A once-only email already sent (an action falling due), so a daily job run twice,
    or every day, does not send it again. `key` names what it was about and in which
    state, e.g. "action:12:2026-12-10:overdue"; it holds no case detail."""

    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=30, choices=NotificationKind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "core"
        ordering = ["-sent_at"]
        constraints = [choice_constraint("sent_notification", "kind", NotificationKind)]

    def __str__(self) -> str:
        return self.key


# The language a person reads the service in (core.language).
class Language(models.TextChoices):
    ENGLISH = "en", "English"
    WELSH = "cy", "Cymraeg"


class LanguagePreference(models.Model):
    """The language someone chose with the switcher, kept for their next sign-in on any
    browser. No row: the language cookie or the browser's language decides."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="language_preference"
    )
    language = models.CharField(max_length=5, choices=Language.choices)

    class Meta:
        app_label = "core"
        constraints = [choice_constraint("language_preference", "language", Language)]

    def __str__(self) -> str:
        return f"{self.user}: {self.language}"
