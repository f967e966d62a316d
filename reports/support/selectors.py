"""Reading support services: every one for OPCC staff's pages, a panel's for its reports."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from panels.models import Panel

from ..models import SupportService


def support_services() -> QuerySet[SupportService]:
    return SupportService.objects.prefetch_related("panels")


def support_service(*, pk: int) -> SupportService:
    return get_object_or_404(support_services(), pk=pk)


def all_panels() -> QuerySet[Panel]:
    return Panel.objects.order_by("name")


def _squeezed(theme: str) -> str:
    return " ".join(theme.lower().split())


def panel_support_services(*, panel, theme: str = "") -> dict[str, list[SupportService]]:
    """The panel's services by where its reports list them (placement → services): those
    for every report, and those kept for the meeting's theme (matched ignoring case)."""
    placed: dict[str, list[SupportService]] = {}
    for service in SupportService.objects.filter(panels=panel):
        if service.theme and _squeezed(service.theme) != _squeezed(theme):
            continue
        placed.setdefault(service.placement, []).append(service)
    return placed
