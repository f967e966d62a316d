"""The public information pages every UK public body's service publishes."""

from datetime import UTC, timedelta

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def accessibility(request):
    return render(
        request, "public/accessibility.html", {"page_title": _("Accessibility statement")}
    )


def privacy(request):
    return render(request, "public/privacy.html", {"page_title": _("Privacy notice")})


def cookies(request):
    """The cookies page names the cookies and lifetimes the settings really use."""
    context = {
        "page_title": _("Cookies"),
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "session_idle": _duration(settings.SESSION_IDLE_MINUTES * 60),
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "csrf_age": _duration(settings.CSRF_COOKIE_AGE),
    }
    return render(request, "public/cookies.html", context)


def _duration(seconds: int) -> str:
    days = seconds // 86400
    if days >= 365:
        years = days // 365
        return ngettext("%(n)s year", "%(n)s years", years) % {"n": years}
    if days:
        return ngettext("%(n)s day", "%(n)s days", days) % {"n": days}
    minutes = seconds // 60
    return ngettext("%(n)s minute", "%(n)s minutes", minutes) % {"n": minutes}


def security_txt(request):
    """/.well-known/security.txt (RFC 9116): whom to tell about a vulnerability."""
    expires = timezone.now().astimezone(UTC).replace(microsecond=0) + timedelta(days=365)
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: en",
        f"Canonical: {settings.SITE_URL}/.well-known/security.txt",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
