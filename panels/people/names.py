"""A panel's name in each language and its address: the checks that keep them unique."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..models import Panel

SLUG_MAX = Panel._meta.get_field("slug").max_length
# "new" is a page of its own; the Commissioner's scrutiny notes are published under
# /findings/accountability/, where a panel of that slug would put its reports too.
RESERVED_SLUGS = {"new", "accountability"}


def unique_slug(name: str) -> str:
    base = slugify(name)[: SLUG_MAX - 4].strip("-") or "panel"
    slug, n = base, 2
    # "new" is the address of the page that creates a panel.
    while slug in RESERVED_SLUGS or Panel.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def check_name(name: str, exclude_pk: int | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Enter the panel's name")})
    if Panel.objects.filter(name__iexact=name).exclude(pk=exclude_pk).exists():
        raise ValidationError({"name": _("There is already a panel with this name. Enter another")})
    return name


def check_welsh_name(name_cy: str | None, exclude_pk: int | None = None) -> str | None:
    """The Welsh name, spaces squeezed; None (stored as none) when blank, as names are
    unique in each language."""
    name_cy = " ".join((name_cy or "").split())
    if not name_cy:
        return None
    if Panel.objects.filter(name_cy__iexact=name_cy).exclude(pk=exclude_pk).exists():
        raise ValidationError(
            {"name_cy": _("There is already a panel with this Welsh name. Enter another")}
        )
    return name_cy
