"""Reading settings from the environment: helpers that fail loudly, naming the variable,
so a misconfigured server stops at start-up instead of running with a silent default,
and the few settings that are built rather than read (the database, S3 storages, logs).
scrutiny/settings.py holds the values themselves."""

import os
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}."
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in the environment.")
    return value


def database_config(base_dir: Path) -> dict:
    """The default database from DATABASE_URL, or a SQLite file under var/."""
    default_url = f"sqlite:///{base_dir / 'var' / 'scrutiny.sqlite3'}"
    url = os.environ.get("DATABASE_URL", "").strip() or default_url
    try:
        config = dj_database_url.parse(url, conn_max_age=env_int("CONN_MAX_AGE", 600))
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
    config["CONN_HEALTH_CHECKS"] = True
    return config


@dataclass(frozen=True)
class DocumentLimits:
    """Past any of these a case document is refused as it is uploaded (docs/security.md)."""

    max_bytes: int  # the file
    max_pages: int
    max_unpacked_bytes: int  # all its streams, unpacked
    max_text_chars: int  # all its pages' text


_DOCUMENT_DEFAULTS = {
    "DOCUMENT_MAX_BYTES": 20 * 1024 * 1024,
    "DOCUMENT_MAX_PAGES": 200,
    "DOCUMENT_MAX_UNPACKED_BYTES": 500 * 1024 * 1024,
    "DOCUMENT_MAX_TEXT_CHARS": 2_000_000,
}


def document_limits(*, import_max_bytes: int) -> DocumentLimits:
    """The limits on case documents, from the environment variables above."""
    values = [env_int(name, default) for name, default in _DOCUMENT_DEFAULTS.items()]
    for name, value in zip(_DOCUMENT_DEFAULTS, values, strict=True):
        if value < 1:
            raise ImproperlyConfigured(f"{name} must be 1 or more.")
    limits = DocumentLimits(*values)
    if limits.max_bytes > import_max_bytes:
        # The request-size middleware lets no upload past IMPORT_MAX_BYTES (plus the form).
        raise ImproperlyConfigured("DOCUMENT_MAX_BYTES must not be larger than IMPORT_MAX_BYTES.")
    return limits


def s3_storage(location: str, *, bucket: str, endpoint_url=None, region_name=None) -> dict:
    """A private S3 storage under `location` in the bucket."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "location": location,
            "endpoint_url": endpoint_url,
            "region_name": region_name,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }


def logging_config(*, log_format: str, level: str) -> dict:
    """Logs to stdout: one JSON object per line with the request's id (core.request_log),
    or plain text lines for reading in a terminal."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "core.request_log.JsonLines"},
            "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": log_format,
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        # WeasyPrint's font subsetting logs every table it touches at INFO.
        "loggers": {
            "fontTools": {"level": "WARNING"},
            "weasyprint.progress": {"level": "WARNING"},
            # pikepdf says at INFO, once per process, that its logging is set up.
            "pikepdf": {"level": "WARNING"},
            # A refusal (403) is a normal event: one line, no traceback (core.headers).
            "django.request": {"filters": ["refusals_one_line"]},
            "django.security": {"filters": ["refusals_one_line"]},
        },
        "filters": {
            "refusals_one_line": {"()": "core.headers.RefusalsOneLine"},
            "request_id": {"()": "core.request_log.RequestIdFilter"},
        },
    }


_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}


def tasks_config(backend: str) -> dict:
    """The task queue: `database` (a worker takes the tasks) or `immediate` (each task runs
    at once, inside the request that asked for it)."""
    if backend not in _TASK_BACKENDS:
        raise ImproperlyConfigured("TASKS_BACKEND must be database or immediate.")
    return {"default": {"BACKEND": _TASK_BACKENDS[backend]}}


def service_names() -> tuple[str, str]:
    """The service's name (SERVICE_NAME) and its name on Welsh pages (SERVICE_NAME_CY): the
    Welsh of the default name while SERVICE_NAME is unset; else none, and Welsh pages show
    the English, marked as English. The office's names are read below."""
    english = os.environ.get("SERVICE_NAME", "").strip()
    welsh = os.environ.get("SERVICE_NAME_CY", "" if english else "Paneli craffu").strip()
    return english or "Scrutiny panels", welsh


# The demo's made-up office, used in debug when a deployment sets none of its own.
_DEMO_OFFICE = {
    "ORGANISATION_NAME": "Office of the Police and Crime Commissioner for Demoshire",
    "ORGANISATION_NAME_CY": "Swyddfa Comisiynydd Heddlu a Throseddu Demoshire",
    "ORGANISATION_EMAIL": "opcc@example.org",
    "ORGANISATION_PHONE": "01632 960000",
    "ORGANISATION_URL": "https://www.example.org/",
    "ORGANISATION_ADDRESS": "Demoshire House, 1 Example Street, Demotown, DM1 1AA",
    "ORGANISATION_SCRUTINY_URL": "https://www.example.org/about-us/scrutiny/",
}


def organisation_settings(*, debug: bool) -> dict[str, str]:
    """The office that runs the service, and how the public reaches it: its name (and its
    Welsh name, for Welsh pages), email, phone, website, postal address and the page about
    its scrutiny. Each is kept once
    here and shown wherever the public is told to contact it (core/organisation.py)."""
    office = {
        name: os.environ.get(name, demo if debug else "").strip()
        for name, demo in _DEMO_OFFICE.items()
    }
    if (
        os.environ.get("ORGANISATION_NAME", "").strip()
        and not os.environ.get("ORGANISATION_NAME_CY", "").strip()
    ):
        office["ORGANISATION_NAME_CY"] = ""  # not the demo's Welsh for another office
    if not office["ORGANISATION_NAME"]:
        # The generic name, and its Welsh, when a deployment names no office of its own.
        office["ORGANISATION_NAME"] = "Office of the Police and Crime Commissioner"
        office["ORGANISATION_NAME_CY"] = office["ORGANISATION_NAME_CY"] or (
            "Swyddfa'r Comisiynydd Heddlu a Throseddu"
        )
    email = office["ORGANISATION_EMAIL"]
    if email and (email.count("@") != 1 or any(c.isspace() for c in email)):
        raise ImproperlyConfigured(f"ORGANISATION_EMAIL must be one email address; got {email!r}.")
    for name in ("ORGANISATION_URL", "ORGANISATION_SCRUTINY_URL"):
        if office[name] and not office[name].startswith(("https://", "http://")):
            raise ImproperlyConfigured(
                f"{name} must start with https:// or http://; got {office[name]!r}."
            )
    phone = office["ORGANISATION_PHONE"]
    if phone and not any(c.isdigit() for c in phone):
        raise ImproperlyConfigured(f"ORGANISATION_PHONE must be a phone number; got {phone!r}.")
    return office


def report_compare_min_cases() -> int:
    """REPORT_COMPARE_MIN_CASES: below this many cases in either period, a period report
    says "too few cases to compare" instead of a change in percentage points (default 10)."""
    value = env_int("REPORT_COMPARE_MIN_CASES", 10)
    if value < 1:
        raise ImproperlyConfigured(f"REPORT_COMPARE_MIN_CASES must be 1 or more; got {value}.")
    return value


def language_settings(*, base_dir: Path) -> dict:
    """English and Welsh (docs/welsh.md). Public pages live under /en/ and /cy/; staff
    pages have no prefix and follow the person's saved choice (core.language). English
    is "en", so addresses read /en/…, but its pages say lang="en-GB" and its dates are
    written the British way (scrutiny/formats/en)."""
    return {
        "LANGUAGE_CODE": "en",
        "LANGUAGES": [("en", "English"), ("cy", "Cymraeg")],
        "LOCALE_PATHS": [base_dir / "locale"],
        "FORMAT_MODULE_PATH": ["scrutiny.formats"],
        "PUBLISH_LANGUAGES": publish_languages(),
        "USE_I18N": True,
        # A blank Welsh reads as the English (docs/adr/0017-bilingual-content.md).
        "MODELTRANSLATION_DEFAULT_LANGUAGE": "en",
        "MODELTRANSLATION_LANGUAGES": ("en", "cy"),
    }


def publish_languages() -> list[str]:
    """PUBLISH_LANGUAGES: the languages reports are published in, `en` (the default) or
    `en,cy` for a deployment bound by the Welsh Language Standards."""
    raw = os.environ.get("PUBLISH_LANGUAGES", "").strip() or "en"
    codes = [code.strip().lower() for code in raw.split(",") if code.strip()]
    if codes not in (["en"], ["en", "cy"]):
        raise ImproperlyConfigured(f"PUBLISH_LANGUAGES must be en or en,cy; got {raw!r}.")
    return codes
