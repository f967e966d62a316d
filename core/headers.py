"""Response headers every page carries, and one-line logging of refusals.

`SecurityHeadersMiddleware` sits high in MIDDLEWARE so it sees every response,
static files included:

- `Cache-Control: private, no-store` on anything for a signed-in user, anything
  that sets or reads a cookie, and anything that is not a plain successful GET;
  an anonymous visitor's public page may be cached for PUBLIC_CACHE_SECONDS.
  Static files keep WhiteNoise's own caching.
- `Permissions-Policy` (settings.PERMISSIONS_POLICY) and
  `Cross-Origin-Opener-Policy` where Django's SecurityMiddleware did not add it.

Content-Security-Policy comes from django-csp, HSTS, nosniff and Referrer-Policy
from Django's SecurityMiddleware, X-Frame-Options from XFrameOptionsMiddleware.
"""

import logging

from django.conf import settings
from django.utils.cache import patch_vary_headers

NO_STORE = "private, no-store"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if not self._is_static(request):
            self._set_cache_control(request, response)
        return response

    @staticmethod
    def _is_static(request) -> bool:
        return request.path_info.startswith(settings.STATIC_URL)

    @staticmethod
    def _set_cache_control(request, response) -> None:
        if _is_private(request, response):
            response["Cache-Control"] = NO_STORE
            response.headers.pop("Expires", None)
            return
        if "Cache-Control" not in response:
            response["Cache-Control"] = f"public, max-age={settings.PUBLIC_CACHE_SECONDS}"
            # What a signed-in person sees differs; caches must tell them apart.
            patch_vary_headers(response, ["Cookie"])


def _is_private(request, response) -> bool:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return True
    if response.cookies:
        return True
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return True
    cache_control = response.get("Cache-Control", "")
    return "private" in cache_control or "no-store" in cache_control


class RefusalsOneLine(logging.Filter):
    """Log a 403 as one line: Django attaches the PermissionDenied traceback to it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403 or (
            record.exc_info and _is_permission_denied(record.exc_info[1])
        ):
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True


def _is_permission_denied(exc) -> bool:
    from django.core.exceptions import PermissionDenied

    return isinstance(exc, PermissionDenied)
