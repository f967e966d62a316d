"""Reads of the force's figures, for OPCC staff's pages and a report's options."""

from django.shortcuts import get_object_or_404

from .models import ForceFigure


def force_figures():
    return ForceFigure.objects.select_related("force").order_by(
        "force__name", "-period_end", "measure", "pk"
    )


def force_figure(*, pk: int) -> ForceFigure:
    return get_object_or_404(ForceFigure.objects.select_related("force"), pk=pk)


def figures_of_force(*, force_id: int):
    return force_figures().filter(force_id=force_id)
