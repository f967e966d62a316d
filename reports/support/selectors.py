"""Reading support services: every one for OPCC staff's pages, a panel's for its reports."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from core.bilingual import by_words, english_of, welsh_of
from panels.models import Panel

from ..models import SupportService


def support_services() -> QuerySet[SupportService]:
    return SupportService.objects.prefetch_related("panels")


def support_service(*, pk: int) -> SupportService:
    return get_object_or_404(support_services(), pk=pk)


def has_welsh(service: SupportService) -> bool:
    """Whether each of its words a report shows (name, description, link's words) that
    has English has its Welsh too."""
    names = ("name", "description", "link_text")
    return all(welsh_of(service, n).strip() for n in names if english_of(service, n).strip())


def all_panels() -> QuerySet[Panel]:
    return Panel.objects.order_by(by_words("name"))


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
