"""Writing support services: one transaction each, checked before it is saved."""

from dataclasses import dataclass, field

from django.db import transaction

from core.bilingual import english
from core.stale import check_version, lock_at_version

from ..models import SupportService

# The words a report shows that carry a Welsh version beside the English (docs/adr/0017).
WELSH_FIELDS = ("name", "description", "link_text")


@dataclass(frozen=True)
class SupportServiceInput:
    name: str
    description: str
    phone: str
    email: str
    url: str
    link_text: str
    placement: str
    theme: str
    position: int
    panels: list
    welsh: dict = field(default_factory=dict)  # name → its Welsh, for the boxes sent


def support_service_save(
    *, service: SupportService | None, data: SupportServiceInput, by, version: int
) -> SupportService:
    """Add a service (`service` None) or change one opened at `version`. The English is
    written as English whatever the page's language; a blank Welsh name is no name."""
    with transaction.atomic(), english():
        if service is None:
            check_version(None, version)
            service = SupportService()
        else:
            service = lock_at_version(SupportService.objects, pk=service.pk, seen=version)
            service.version += 1
        for name in (
            "name",
            "description",
            "phone",
            "email",
            "url",
            "link_text",
            "placement",
            "theme",
        ):
            setattr(service, name, getattr(data, name).strip())
        for name, welsh in data.welsh.items():
            setattr(service, f"{name}_cy", welsh or (None if name == "name" else ""))
        service.position = data.position
        service.updated_by = by
        service.full_clean()
        service.save()
        service.panels.set(data.panels)
    return service


def support_service_delete(*, service: SupportService, version: int) -> None:
    """Remove a service from every panel's future reports (published ones keep it)."""
    with transaction.atomic():
        lock_at_version(SupportService.objects, pk=service.pk, seen=version).delete()
