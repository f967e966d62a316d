"""The one door every status change goes through.

Each workflow (meeting, report, case) declares a table of allowed transitions
and a history model; `transition` (one row) and `transition_many` (several, all
or none) lock the rows, check the table, save the new status and write an
immutable history row for each, all in one transaction.
"""

from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import models, transaction


class TransitionNotAllowed(ValidationError):
    pass


def transition(*, obj: models.Model, **options) -> models.Model:
    """Move one row; the options are those of `transition_many`."""
    (locked,) = transition_many(objs=[obj], **options)
    return locked


def transition_many(
    *,
    objs: Sequence[models.Model],
    to: str,
    by,
    allowed: Mapping[str, set[str]],
    history: type[models.Model],
    subject_field: str,
    note: str = "",
    labels: Mapping[str, str] | None = None,
) -> list[models.Model]:
    """Move several rows of one model to `to` together: all of them or none.

    Rows are locked in key order, so two callers moving overlapping rows wait
    for each other instead of deadlocking; a drawn sample moves its thirty
    cases in four queries rather than a hundred and twenty.
    """
    if not objs:
        return []
    labels = labels or {}
    model = type(objs[0])
    with transaction.atomic():
        locked = list(
            model.objects.select_for_update().filter(pk__in=[o.pk for o in objs]).order_by("pk")
        )
        if len(locked) != len({o.pk for o in objs}):
            raise model.DoesNotExist(f"A {model._meta.verbose_name} to move no longer exists.")
        for row in locked:
            if to not in allowed.get(row.status, set()):
                current = row.status
                raise TransitionNotAllowed(
                    f"Cannot move from {labels.get(current, current)} to {labels.get(to, to)}."
                )
        # Only the status changes, and the table above only names valid statuses (the
        # database constraint backs that up), so a full model validation is not needed.
        model.objects.filter(pk__in=[row.pk for row in locked]).update(status=to)
        history.objects.bulk_create(
            history(
                **{subject_field: row},
                from_status=row.status,
                to_status=to,
                changed_by=by,
                note=note,
            )
            for row in locked
        )
    for row in locked:
        row.status = to
    for obj in objs:
        obj.status = to
    by_pk = {row.pk: row for row in locked}
    return [by_pk[obj.pk] for obj in objs]
