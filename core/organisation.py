"""The office that runs the service, and how the public can reach it (from settings)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .bilingual import WELSH, InEnglish


def _in_welsh() -> bool:
    return (get_language() or "en").split("-")[0] == WELSH


def service_name() -> str:
    """The service's name in the active language: SERVICE_NAME_CY on a Welsh page, or the
    English name as `InEnglish` while none is set."""
    if _in_welsh():
        return settings.SERVICE_NAME_CY or InEnglish(settings.SERVICE_NAME)
    return settings.SERVICE_NAME


def organisation() -> dict:
    """Its name, and each way to reach it that is set: email, phone, website, post; and
    the page about its scrutiny ("Find out more"), if set, else its website."""
    email, phone, url = (
        settings.ORGANISATION_EMAIL,
        settings.ORGANISATION_PHONE,
        settings.ORGANISATION_URL,
    )
    ways = []
    if email:
        ways.append({"before": _("by email at"), "href": f"mailto:{email}", "text": email})
    if phone:
        dial = "".join(c for c in phone if c.isdigit() or c == "+")
        ways.append({"before": _("by phone on"), "href": f"tel:{dial}", "text": phone})
    if url:
        label = url.split("://", 1)[-1].rstrip("/")
        ways.append({"before": _("through its website at"), "href": url, "text": label})
    address = settings.ORGANISATION_ADDRESS
    if address:
        ways.append({"before": _("by post to"), "href": "", "text": address})
    name = settings.ORGANISATION_NAME
    if _in_welsh():
        # Welsh needs no article; an office with no Welsh name is marked as English.
        name = getattr(settings, "ORGANISATION_NAME_CY", "") or InEnglish(name)
        in_sentence = (
            format_html('<span lang="{}">{}</span>', name.lang, name)
            if isinstance(name, InEnglish)
            else name
        )
    else:
        # "contact the Office of …", but "contact Demoshire OPCC".
        in_sentence = f"the {name}" if name.startswith("Office ") else name
    more = settings.ORGANISATION_SCRUTINY_URL or url
    return {
        "name": name,
        "lang": getattr(name, "lang", ""),
        "in_sentence": in_sentence,
        "ways": ways,
        "email": email,
        "phone": phone,
        "url": url,
        "address": address,
        "scrutiny_url": more,
        "scrutiny_label": more.split("://", 1)[-1].rstrip("/"),
    }


def contact_markdown() -> str:
    """The same ways in words, for a report's text: "by email at [x](mailto:x) or …"."""
    ways = [
        f"{w['before']} [{w['text']}]({w['href']})" if w["href"] else f"{w['before']} {w['text']}"
        for w in organisation()["ways"]
    ]
    if len(ways) > 1:
        return f"{', '.join(ways[:-1])} or {ways[-1]}"
    return ways[0] if ways else ""


@register(Tags.security, deploy=True)
def contact_is_set(app_configs, **kwargs) -> list[Warning]:
    """Public pages tell people to contact the office: a deployment must say how."""
    if organisation()["ways"]:
        return []
    return [
        Warning(
            "The public pages cannot say how to contact the office that runs the service.",
            hint="Set ORGANISATION_EMAIL, ORGANISATION_PHONE or ORGANISATION_URL.",
            id="scrutiny.W001",
        )
    ]
