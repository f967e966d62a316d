"""Retention for the panels app: members' own ratings of a finished meeting, and the
evidence files the force sent with its responses to actions.

A rating (with its saved versions and criterion assessments), a non-voting
attendee's comment and a conflict declaration are one member's working papers for a
meeting. They go RETENTION_RATING_DAYS after the meeting was closed (or cancelled).
The panel's decisions, observations and actions stay with the meeting: they are what
the findings reports rest on, and published reports are kept indefinitely. A
decision keeps the members' majority category it was recorded with, so erasing the
ratings does not change what the decision says.

The force's evidence PDFs sent with its responses to an action go
RETENTION_EVIDENCE_DAYS after the action was closed (done or dropped), counted from the
action's last change, so reopening or editing an action restarts the clock. Only the
files go: the response rows stay, with their text, who sent and reviewed them and the
evidence's title, because the approved response is quoted in published reports ("Force's
response") and the rest is the record of how the action was answered. An erased file's
row keeps an empty `stored_name`; pages say it was erased and its download is a 404.

`manage.py purge_expired` (reports/retention.py) calls these inside one transaction
and writes the audit entries.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from auditlog.context import disable_auditlog
from django.conf import settings
from django.db import models, transaction
from django.db.models import Max, Q

from cases.documents import storage as document_storage

from .enums import ActionStatus, MeetingStatus
from .models import (
    CaseComment,
    ConflictDeclaration,
    Meeting,
    Rating,
    RatingVersion,
    ResponseEvidence,
)

FINISHED = (MeetingStatus.CLOSED, MeetingStatus.CANCELLED)
CLOSED_ACTION = (ActionStatus.COMPLETED, ActionStatus.CLOSED)


def rating_cutoff(now: datetime.datetime) -> datetime.datetime:
    return now - datetime.timedelta(days=settings.RETENTION_RATING_DAYS)


def expired_meetings(*, now: datetime.datetime) -> models.QuerySet[Meeting]:
    """Meetings closed or cancelled before the cutoff (by their status history)."""
    return (
        Meeting.objects.filter(status__in=FINISHED)
        .annotate(
            finished_at=Max(
                "status_history__changed_at",
                filter=Q(status_history__to_status__in=FINISHED),
            )
        )
        .filter(finished_at__lt=rating_cutoff(now))
        .order_by("pk")
    )


def expired_ratings(*, now: datetime.datetime) -> models.QuerySet[Rating]:
    return Rating.objects.filter(
        reviewed_case__meeting__in=expired_meetings(now=now).values("pk")
    ).order_by("pk")


def expired_papers(*, now: datetime.datetime) -> dict[str, list[int]]:
    """The ids of every working paper past retention, by model label."""
    meetings = expired_meetings(now=now).values("pk")
    on = {"reviewed_case__meeting__in": meetings}
    return {
        Rating._meta.label: list(expired_ratings(now=now).values_list("pk", flat=True)),
        CaseComment._meta.label: list(
            CaseComment.objects.filter(**on).order_by("pk").values_list("pk", flat=True)
        ),
        ConflictDeclaration._meta.label: list(
            ConflictDeclaration.objects.filter(**on).order_by("pk").values_list("pk", flat=True)
        ),
    }


def erase_papers(*, papers: dict[str, Sequence[int]]) -> dict[str, int]:
    """Delete the ratings (versions first: they PROTECT their rating; assessments and
    themes CASCADE), comments and conflict declarations named in `papers`.

    django-auditlog's per-row delete entries are off here (a conflict declaration's
    details would be copied into the trail); the caller writes one erasure entry.
    """
    ratings = list(papers.get(Rating._meta.label, ()))
    counts: dict[str, int] = {}
    with disable_auditlog():
        # RatingVersion rows are history and their queryset refuses delete(); the purge
        # alone deletes them, through the plain QuerySet.delete.
        _total, versions = models.QuerySet.delete(
            RatingVersion.objects.filter(rating_id__in=ratings)
        )
        counts[RatingVersion._meta.label] = versions.get(RatingVersion._meta.label, 0)
        for model in (Rating, CaseComment, ConflictDeclaration):
            ids = list(papers.get(model._meta.label, ()))
            _total, per_model = model.objects.filter(pk__in=ids).delete()
            counts[model._meta.label] = per_model.get(model._meta.label, 0)
    return counts


def evidence_cutoff(now: datetime.datetime) -> datetime.datetime:
    return now - datetime.timedelta(days=settings.RETENTION_EVIDENCE_DAYS)


def expired_response_evidence(*, now: datetime.datetime) -> models.QuerySet[ResponseEvidence]:
    """Evidence files still kept whose action was closed, and not changed, before the cutoff."""
    return (
        ResponseEvidence.objects.filter(
            response__action__status__in=CLOSED_ACTION,
            response__action__updated_at__lt=evidence_cutoff(now),
        )
        .exclude(stored_name="")
        .order_by("pk")
    )


def erase_response_evidence(*, evidence_ids: Sequence[int]) -> int:
    """Forget these evidence files (the rows stay, with an empty `stored_name`); the files
    go from storage, here and in shared storage, once the transaction commits.

    Run inside the caller's transaction, as cases' extract files are: if it rolls back,
    the rows still name their files and nothing is deleted.
    """
    rows = ResponseEvidence.objects.select_for_update().filter(pk__in=evidence_ids).order_by("pk")
    names = list(rows.exclude(stored_name="").values_list("stored_name", flat=True))
    ResponseEvidence.objects.filter(pk__in=evidence_ids).update(stored_name="")
    transaction.on_commit(lambda: [document_storage.delete(name) for name in names])
    return len(names)
