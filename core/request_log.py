"""One id per request, on every log line it causes, and logs as JSON lines.

A load balancer or proxy we trust (TRUSTED_PROXY_COUNT) may send its own X-Request-ID;
it is kept when it looks like an id (so one request can be followed from the proxy's log
into ours), and a new one is made otherwise. The id goes back in the response's
X-Request-ID header, so a user reporting a problem can quote it.
"""

import contextvars
import logging
import re
import time
import uuid

from django.conf import settings
from pythonjsonlogger.json import JsonFormatter

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
_ACCEPTABLE_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
access_log = logging.getLogger("scrutiny.access")


def current_request_id() -> str:
    return _request_id.get()


def audit_correlation_id() -> str | None:
    """Audit entries carry the id of the request that wrote them (AUDITLOG_CID_GETTER)."""
    return _request_id.get() or None


def _incoming_id(request) -> str:
    """The proxy's id, when the service sits behind one it trusts (TRUSTED_PROXY_COUNT);
    otherwise a new one: a client must not choose the id its audit entries carry."""
    offered = request.headers.get("X-Request-ID", "")
    if settings.TRUSTED_PROXY_COUNT and _ACCEPTABLE_ID.fullmatch(offered):
        return offered
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """First in the chain: everything logged while the request runs carries its id.

    With ACCESS_LOG on, one line per request says what was asked, the answer and how
    long it took (the server's own access log knows neither the id nor the user)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.log_access = getattr(settings, "ACCESS_LOG", False)

    def __call__(self, request):
        token = _request_id.set(_incoming_id(request))
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = _request_id.get()
            if self.log_access:
                self._log(request, response, started)
            return response
        finally:
            _request_id.reset(token)

    @staticmethod
    def _log(request, response, started) -> None:
        user = getattr(request, "user", None)
        access_log.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "user_id": user.pk if user is not None and user.is_authenticated else None,
            },
        )


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on the record ("" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get()
        return True


class JsonLines(JsonFormatter):
    """One JSON object per line: time, level, logger, message, request id, and any extras."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("timestamp", "time")
        kwargs.setdefault(
            "rename_fields", {"levelname": "level", "name": "logger", "exc_info": "exception"}
        )
        super().__init__("%(levelname)s %(name)s %(message)s %(request_id)s", *args, **kwargs)
