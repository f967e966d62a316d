"""gunicorn settings for `make serve` (read with --config python:scrutiny.gunicorn_conf).

Everything here can be overridden on gunicorn's command line or with GUNICORN_CMD_ARGS;
WEB_CONCURRENCY sets the number of workers (gunicorn reads it itself)."""

import os

wsgi_app = "scrutiny.wsgi:application"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Rendering a long report's PDF takes a second or two; nothing legitimate takes a minute.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Django writes one access line per request with its id (core.request_log), so gunicorn's
# own access log is off; its error log goes to stdout as JSON lines like the app's.
accesslog = None
errorlog = "-"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "core.request_log.JsonLines"}},
    "filters": {"request_id": {"()": "core.request_log.RequestIdFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
# The TLS proxy in front sets X-Forwarded-Proto; gunicorn trusts it only from these
# addresses, and only when there is such a proxy (BEHIND_TLS_PROXY, read as Django's
# settings read it). Without one, nobody's X-Forwarded-Proto makes plain http "secure".
_BEHIND_TLS_PROXY = os.environ.get("BEHIND_TLS_PROXY", "").strip().lower() in {
    "1",
    "true",
    "yes",
    "on",
}
forwarded_allow_ips = (
    os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1") if _BEHIND_TLS_PROXY else ""
)
