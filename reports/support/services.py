"""Writing support services: one transaction each, checked before it is saved."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

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
        _name_is_free(service)
        service.full_clean()
        service.save()
        service.panels.set(data.panels)
    return service


def _name_is_free(service: SupportService) -> None:
    """Names are unique in each language: say so in the form's words, not the database's."""
    others = SupportService.objects.exclude(pk=service.pk)
    errors = {}
    if service.name_en and others.filter(name_en=service.name_en).exists():
        errors["name"] = _("There is already a support service with this name")
    if service.name_cy and others.filter(name_cy=service.name_cy).exists():
        errors["name_cy"] = _("There is already a support service with this Welsh name")
    if errors:
        raise ValidationError(errors)


def support_service_delete(*, service: SupportService, version: int) -> None:
    """Remove a service from every panel's future reports (published ones keep it)."""
    with transaction.atomic():
        lock_at_version(SupportService.objects, pk=service.pk, seen=version).delete()
