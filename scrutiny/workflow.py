"""The one door every status change goes through.

Each workflow (meeting, report, case) declares a table of allowed transitions
and a history model; `transition` locks the row, checks the table, saves the new
status and writes an immutable history row, all in one transaction.
"""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import models, transaction


class TransitionNotAllowed(ValidationError):
    pass


def transition(
    *,
    obj: models.Model,
    to: str,
    by,
    allowed: Mapping[str, set[str]],
    history: type[models.Model],
    subject_field: str,
    note: str = "",
    labels: Mapping[str, str] | None = None,
) -> models.Model:
    labels = labels or {}
    with transaction.atomic():
        locked = type(obj).objects.select_for_update().get(pk=obj.pk)
        current = locked.status
        if to not in allowed.get(current, set()):
            raise TransitionNotAllowed(
                f"Cannot move from {labels.get(current, current)} to {labels.get(to, to)}."
            )
        # Only the status changes, and the table above only names valid statuses (the
        # database constraint backs that up), so a full model validation is not needed.
        locked.status = to
        locked.save(update_fields=["status"])
        history.objects.create(
            **{subject_field: locked}, from_status=current, to_status=to, changed_by=by, note=note
        )
    obj.status = to
    return locked
