"""The public information pages every UK public body's service publishes."""

from django.conf import settings
from django.shortcuts import render


def accessibility(request):
    return render(request, "public/accessibility.html", {"page_title": "Accessibility statement"})


def privacy(request):
    return render(request, "public/privacy.html", {"page_title": "Privacy notice"})


def cookies(request):
    """The cookies page names the cookies and lifetimes the settings really use."""
    context = {
        "page_title": "Cookies",
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "session_age": _duration(settings.SESSION_COOKIE_AGE),
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "csrf_age": _duration(settings.CSRF_COOKIE_AGE),
    }
    return render(request, "public/cookies.html", context)


def _duration(seconds: int) -> str:
    days = seconds // 86400
    if days >= 365:
        years = days // 365
        return f"{years} year{'s' if years != 1 else ''}"
    if days:
        return f"{days} day{'s' if days != 1 else ''}"
    minutes = seconds // 60
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
