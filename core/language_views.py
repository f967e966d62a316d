"""The language switcher's link: a plain GET, so it works as a link in every header."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .language import SESSION_KEY, is_language, language_preference_save

_YEAR = 365 * 24 * 60 * 60


def switch_language(request):
    """Show the service in `?language=`, remember it, and go back to `next` (this site's
    pages only; anywhere else, the home page). A language the service does not have is
    ignored."""
    language = request.GET.get("language")
    back = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = reverse("home")
    response = redirect(back)
    if not is_language(language):
        return response
    if request.user.is_authenticated:
        language_preference_save(user=request.user, language=language)
        request.session[SESSION_KEY] = language
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=_YEAR,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
    )
    return response
