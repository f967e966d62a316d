"""The language a page is shown in.

Public pages carry it in their address (/en/…, /cy/…; Django's LocaleMiddleware reads
it). Staff pages have no prefix: they follow the choice the signed-in person made with
the switcher, which is saved (LanguagePreference) and copied into their session when
they sign in, so reading it costs no query. Without a choice, the language cookie and
then the browser's Accept-Language decide, as LocaleMiddleware does.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.urls import reverse, translate_url
from django.utils import translation

from .models import Language, LanguagePreference

SESSION_KEY = "language"


def language_preference(*, user) -> str | None:
    """The language `user` chose, or None if they never chose."""
    return LanguagePreference.objects.filter(user=user).values_list("language", flat=True).first()


def in_language_of(user):
    """Writing for `user` (an email to them): their chosen language, else the site's
    (English), whatever language the page or worker doing the writing is in."""
    return translation.override(language_preference(user=user) or settings.LANGUAGE_CODE)


@transaction.atomic
def language_preference_save(*, user, language: str) -> LanguagePreference:
    """Save `user`'s choice of language for their later sessions."""
    preference = LanguagePreference.objects.filter(user=user).first() or LanguagePreference(
        user=user
    )
    preference.language = language
    preference.full_clean()
    preference.save()
    return preference


def signed_in(sender, request, user, **kwargs) -> None:
    """On signing in, the person's saved language applies to the rest of the session."""
    if request is None or not hasattr(request, "session"):
        return
    language = language_preference(user=user)
    if language:
        request.session[SESSION_KEY] = language


def is_language(code: str | None) -> bool:
    return code in Language.values


class PreferredLanguageMiddleware:
    """Activates the signed-in person's language on pages without a language prefix.

    The session is read only when the request has a session cookie, so anonymous public
    pages do not vary by cookie or touch the session store."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.SESSION_COOKIE_NAME in request.COOKIES
            and not translation.get_language_from_path(request.path_info)
        ):
            language = request.session.get(SESSION_KEY)
            if is_language(language):
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)


def language_links(request) -> dict:
    """The switcher's link to this page in the other language and, on a public page (one
    whose address has the language in it), the addresses of each language's version."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    other = Language.ENGLISH if current == Language.WELSH else Language.WELSH
    path = request.get_full_path()
    prefixed = bool(translation.get_language_from_path(request.path_info))
    if prefixed:
        switch_url = translate_url(path, other)
        alternates = [
            {"hreflang": code, "href": request.build_absolute_uri(translate_url(path, code))}
            for code in Language.values
        ]
        alternates.append({"hreflang": "x-default", "href": alternates[0]["href"]})
    else:
        query = urlencode({"language": other, "next": path})
        switch_url, alternates = f"{reverse('switch_language')}?{query}", []
    return {
        "html_lang": "cy" if current == Language.WELSH else "en-GB",
        "language_switch": {"url": switch_url, "code": other, "label": Language(other).label},
        "language_alternates": alternates,
    }
