"""Request bodies are refused by their declared size, before anything reads them.

Without this, Django parses whatever arrives: a 150 MB file posted to the sign-in page
by anyone would be streamed to the temporary folder (CSRF's check reads the form) before
any view could say no. Every request may carry at most `REQUEST_MAX_BYTES`; a view
marked with `allows_large_body` accepts up to its own limit, and only from someone
signed in. A body sent in chunks, with no length to check, is refused outright.

The proxy in front applies the same limits (`client_max_body_size`, docs/operations.md),
so an oversized body usually never reaches the service at all.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpResponse

_TOO_LARGE = (
    "Sorry, that was too large to send.\n\n"
    "Nothing has been saved. If you were uploading a case extract, check it is smaller "
    "than the limit the upload page gives, and try again.\n"
)
_NO_LENGTH = (
    "Sorry, that could not be sent.\n\n"
    "The request did not say how large it was. Nothing has been saved.\n"
)


def allows_large_body(max_bytes: Callable[[], int]):
    """Marks a view that accepts bodies up to `max_bytes()` from signed-in users (read
    when a request comes, so a test or the environment can change the setting)."""

    def mark(view):
        view.request_max_bytes = max_bytes
        return view

    return mark


def _declared_length(request) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def _refuse(text: str, status: int) -> HttpResponse:
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")


class RequestSizeMiddleware:
    """Put early in MIDDLEWARE: its `__call__` refuses bodies larger than any view
    accepts; its `process_view`, which runs before CSRF's, refuses one larger than the
    view accepts, or than `REQUEST_MAX_BYTES` from someone not signed in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
            return _refuse(_NO_LENGTH, 411)
        largest = max(settings.REQUEST_MAX_BYTES, settings.REQUEST_MAX_BYTES_UPLOAD)
        if _declared_length(request) > largest:
            return _refuse(_TOO_LARGE, 413)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        length = _declared_length(request)
        if length <= settings.REQUEST_MAX_BYTES:
            return None
        view_limit = getattr(view_func, "request_max_bytes", None)
        user = getattr(request, "user", None)
        if view_limit is None or user is None or not user.is_authenticated:
            return _refuse(_TOO_LARGE, 413)
        if length > view_limit():
            return _refuse(_TOO_LARGE, 413)
        return None
