"""Writes of the force's figures: one at a time, or a CSV all or nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction

from core.audit import AuditEvent, record
from core.bilingual import english
from core.stale import lock_at_version

from .models import ForceFigure


def force_figure_save(*, by, values: dict, figure: ForceFigure | None = None, version: int = 0):
    """Add a figure, or change one from the version the form was opened at; its English
    is written as English whatever the page's language, its Welsh where the form sent it."""
    with transaction.atomic(), english():
        if figure is None:
            current = ForceFigure(updated_by=by)
        else:
            current = lock_at_version(ForceFigure.objects, pk=figure.pk, seen=version)
            current.version += 1
        for name, value in values.items():
            setattr(current, name, value)
        current.updated_by = by
        current.full_clean()
        current.save()  # the audit trail records it (scrutiny/audited.py)
    return current


def force_figures_import(*, by, rows: list[dict], problems: list[str]) -> list[ForceFigure]:
    """Every row, or none: any problem refuses the file and writes nothing."""
    if problems:
        raise ValidationError({"file": problems})
    with transaction.atomic(), english():
        figures = []
        for values in rows:
            figure = ForceFigure(updated_by=by, **values)
            figure.full_clean()
            figures.append(figure)
        created = ForceFigure.objects.bulk_create(figures)
    record(
        AuditEvent.CREATED,
        model=ForceFigure,
        actor=by,
        summary=f"{len(created)} force figure{'s' if len(created) != 1 else ''} imported",
    )
    return created
