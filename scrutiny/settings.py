"""Settings for Scrutiny, read from the environment.

Every value a deployment must choose comes from an environment variable, read with the
helpers of scrutiny/env.py, which fail loudly, naming the variable, so a misconfigured
server stops at start-up instead of running with a silent default.
"""

import os
import warnings
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from . import env, policies
from .audited import TRACKED_MODELS
from .env import (
    database_config,
    env_bool,
    env_int,
    env_list,
    env_required,
    logging_config,
    s3_storage,
    tasks_config,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

# A development key is only acceptable while DEBUG is on; production must set its own.
if DEBUG:
    SECRET_KEY = os.environ.get("SECRET_KEY") or "insecure-development-key-only-for-debug"
else:
    SECRET_KEY = env_required("SECRET_KEY")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off (comma-separated).")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, as its docs ask (docs/adr/0017)
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_forms_gds",
    "import_export",
    "rules.apps.AutodiscoverRulesConfig",
    "auditlog",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "cases",
    "panels",
    "accountability",
    "reports",
    # Last, so its post-migrate hook runs after every app's permissions exist.
    "core",
]

MIDDLEWARE = [
    # First: every log line a request causes carries its id (core.request_log).
    "core.request_log.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (django-csp), then Cache-Control / Permissions-Policy /
    # Cross-Origin-Opener-Policy on every response, static files included.
    "csp.middleware.CSPMiddleware",
    "core.headers.SecurityHeadersMiddleware",
    # Refuses a body over its limit before anything below reads it (core.request_size).
    "core.request_size.RequestSizeMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The /cy/ or /en/ of a public page, else the language cookie or the browser's.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff pages (no prefix) in the language the signed-in person chose (core.language).
    "core.language.PreferredLanguageMiddleware",
    # request.user.is_verified(): whether this session has passed two-factor.
    "django_otp.middleware.OTPMiddleware",
    # Every audit entry written during a request carries its user and address.
    "core.audit.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After messages: signing out an idle session leaves a message for the sign-in page.
    "core.auth_events.IdleSessionMiddleware",
    # Sends whoever must use two-factor to set it up or enter a code, page by page.
    "core.two_factor.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "scrutiny.urls"
WSGI_APPLICATION = "scrutiny.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "scrutiny.context_processors.navigation",
            ],
            # {% cached_url %}: {% url %} remembering its answers, for hot loops
            # (core/templatetags/cached_url.py). {% url %} itself is Django's.
            "builtins": ["core.templatetags.cached_url"],
        },
    },
]


DATABASES = {"default": database_config(BASE_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out username or address is refused before any password check.
    "core.auth_events.LockoutBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sign-in hardening (docs/security.md, V2 and V3) -------------------------------------
# Lockout (django-axes): five failures for one username from one address, or five from
# one address whatever the usernames, lock that out for AXES_COOLOFF_MINUTES. The page
# says the same whether or not the username exists.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_MINUTES = env_int("AXES_COOLOFF_MINUTES", 30)
# axes reads a float as hours.
AXES_COOLOFF_TIME = AXES_COOLOFF_MINUTES / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
# Signing in clears only that person's own failures from that address, never the
# address's count of everyone else's (core.auth_events.LockoutHandler).
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "core.auth_events.LockoutHandler"
AXES_USERNAME_CALLABLE = "core.auth_events.axes_username"
# Each attempt while locked out starts the cool-off again, so "try again in 30 minutes"
# stays true and a script gains nothing by keeping on.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
AXES_LOCKOUT_CALLABLE = "scrutiny.views.sign_in_locked_out"
# The same address the audit trail records (X-Forwarded-For only behind the TLS proxy).
AXES_CLIENT_IP_CALLABLE = "core.audit.client_address"
# Sign-ins and sign-outs go to our own audit trail; axes keeps only the failure counts.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False

# Sessions end after SESSION_IDLE_MINUTES without a request (core.auth_events
# .IdleSessionMiddleware) and when the browser closes. The server-side expiry is a
# backstop a little longer than the idle limit, renewed at most every 30 seconds.
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30)
if SESSION_IDLE_MINUTES < 1:
    raise ImproperlyConfigured("SESSION_IDLE_MINUTES must be 1 or more (minutes).")
SESSION_COOKIE_AGE = (SESSION_IDLE_MINUTES + 2) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_SAVE_EVERY_REQUEST = False

# Two-factor authentication (django-otp): OPCC staff, data admins and anyone with admin
# access must use an authenticator app; any member may. Off by default only while DEBUG
# is on, so the demo signs in with a password alone.
REQUIRE_2FA = env_bool("REQUIRE_2FA", not DEBUG)
OTP_TOTP_ISSUER = os.environ.get("SERVICE_NAME", "Scrutiny panels")
# The admin never shows anyone's authenticator key or recovery codes.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# English and Welsh: languages, catalogue, formats, PUBLISH_LANGUAGES (scrutiny/env.py).
globals().update(env.language_settings(base_dir=BASE_DIR))
TIME_ZONE = "Europe/London"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Production serves collected, hashed files; development and tests serve static/ as it is.
STATIC_FROM_SOURCE = env_bool("STATIC_FROM_SOURCE", DEBUG)
WHITENOISE_USE_FINDERS = STATIC_FROM_SOURCE
# ... looked up as each file is asked for, rather than scanned whenever the app starts
# (every test client starts it afresh).
WHITENOISE_AUTOREFRESH = STATIC_FROM_SOURCE
if STATIC_FROM_SOURCE:
    # Files come from the finders, so the absent collectstatic directory is expected.
    warnings.filterwarnings("ignore", message="No directory at", module="whitenoise.base")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if STATIC_FROM_SOURCE
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# The pool index includes the stratum columns so PostgreSQL can draw from the index
# alone; SQLite ignores included columns, which is all the warning says.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

# Published reports' frozen HTML and PDFs, written and read through the storage API only
# (the public site streams them; the web server does not serve this folder).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
# Uploaded extracts are kept outside anything the web server serves.
PRIVATE_UPLOAD_ROOT = Path(os.environ.get("PRIVATE_UPLOAD_ROOT", BASE_DIR / "var" / "uploads"))
# FILE_STORAGE=s3 keeps published reports, extracts and case documents in an S3 bucket
# (django-storages), so every app server and worker sees the same files; the bucket stays
# private, as the app streams published files itself. Credentials come from boto3's usual
# chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the machine's role).
FILE_STORAGE = os.environ.get("FILE_STORAGE", "local")
if FILE_STORAGE not in {"local", "s3"}:
    raise ImproperlyConfigured("FILE_STORAGE must be local or s3.")


if FILE_STORAGE == "s3":
    _bucket = {
        "bucket": env_required("S3_BUCKET"),
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("S3_REGION") or None,
    }
    STORAGES["default"] = s3_storage("published", **_bucket)
    STORAGES["extracts"] = s3_storage("extracts", **_bucket)
    STORAGES["documents"] = s3_storage("documents", **_bucket)
# Case extract imports: limits a data admin sees in plain words when a file breaks them.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 100 * 1024 * 1024)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 300_000)
# Workbooks: what the zip may unpack to, how compressed a part may be, how many parts.
IMPORT_MAX_UNZIPPED_BYTES = env_int("IMPORT_MAX_UNZIPPED_BYTES", 1024 * 1024 * 1024)
IMPORT_MAX_ZIP_RATIO = env_int("IMPORT_MAX_ZIP_RATIO", 200)
IMPORT_MAX_ZIP_MEMBERS = env_int("IMPORT_MAX_ZIP_MEMBERS", 500)
# Problems listed per batch (all are counted), and privacy findings before a file is
# refused as not anonymised at all.
IMPORT_MAX_PROBLEMS = env_int("IMPORT_MAX_PROBLEMS", 1000)
IMPORT_MAX_FINDINGS = env_int("IMPORT_MAX_FINDINGS", 5000)
# Uploads nobody confirms or abandons are abandoned, and their files deleted, after
# this many days by `manage.py abandon_stale_imports`.
IMPORT_ABANDON_AFTER_DAYS = env_int("IMPORT_ABANDON_AFTER_DAYS", 7)
DOCUMENT_LIMITS = env.document_limits(import_max_bytes=IMPORT_MAX_BYTES)

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Mail goes out on one background thread: a stalled server must not hold it for ever.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 15)
# Password resets asked for one address, and reset mails sent to one account, in an hour
# (core/password_resets.py); past it the page answers the same and sends nothing.
PASSWORD_RESET_MAX_PER_HOUR = env_int("PASSWORD_RESET_MAX_PER_HOUR", 3)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "scrutiny@localhost")

# Where the service is reached, for links in emails sent outside a request.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# `manage.py send_rating_reminders` emails members this many days before the deadline, and on it.
RATING_REMINDER_DAYS = env_int("RATING_REMINDER_DAYS", 3)
# `manage.py send_action_reminders` emails an action's owner once when it is due within
# this many days, and once when it is overdue.
ACTION_REMINDER_DAYS = env_int("ACTION_REMINDER_DAYS", 7)
# How long a panel invitation's set-your-password link works (core.invitations).
INVITATION_DAYS = env_int("INVITATION_DAYS", 7)
REPORT_COMPARE_MIN_CASES = env.report_compare_min_cases()  # period reports (scrutiny/env.py)

# Long work (checking and importing extracts, rendering reports to publish, reminders)
# runs as tasks on a queue in the database (docs/adr/0010-background-tasks.md): `make
# worker` runs a worker. TASKS_BACKEND=immediate runs each task at once, inside the
# request that asked for it, with no worker: the tests do, and a one-process trial may.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
TASKS = tasks_config(TASKS_BACKEND)
# A job with no news for this long has lost its worker; its page offers to try again.
JOB_STALLED_SECONDS = env_int("JOB_STALLED_SECONDS", 120)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)

# Security headers (docs/security.md, V14). With DEBUG off, HSTS is on (browsers only
# see it over HTTPS) and plain http is redirected when the service's address (SITE_URL)
# is https; SECURE_SSL_REDIRECT and HSTS_SECONDS override either.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG and SITE_URL.startswith("https://"))
# A load balancer asks for /health/ over plain http on the private network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", not DEBUG)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# The content security policy and permissions policy are fixed, not chosen per
# deployment: scrutiny/policies.py.
CONTENT_SECURITY_POLICY = policies.CONTENT_SECURITY_POLICY
PERMISSIONS_POLICY = policies.PERMISSIONS_POLICY
# Anonymous visitors' public pages may be cached this long; everything else is no-store.
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 300)
# Request bodies (core.request_size): at most REQUEST_MAX_BYTES (1 MB), refused with 413
# before they are read; only the extract upload, for signed-in users, takes more: the
# file's IMPORT_MAX_BYTES and 1 MB for the rest of the form. The proxy in front sets the
# same limits (docs/operations.md). Form fields are kept in memory up to the same 1 MB;
# files stay in memory up to 2.5 MB, beyond that in the temporary folder, which only the
# extract upload can reach.
REQUEST_MAX_BYTES = env_int("REQUEST_MAX_BYTES", 1024 * 1024)
REQUEST_MAX_BYTES_UPLOAD = IMPORT_MAX_BYTES + 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", REQUEST_MAX_BYTES)
FILE_UPLOAD_MAX_MEMORY_SIZE = env_int("FILE_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
DATA_UPLOAD_MAX_NUMBER_FIELDS = env_int("DATA_UPLOAD_MAX_NUMBER_FIELDS", 2000)
DATA_UPLOAD_MAX_NUMBER_FILES = env_int("DATA_UPLOAD_MAX_NUMBER_FILES", 5)
# /.well-known/security.txt (RFC 9116): by default, security@ the service's own domain.
_SITE_HOST = SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", f"mailto:security@{_SITE_HOST}")

# The audit trail (docs/adr/0008-audit-trail.md): django-auditlog writes created /
# changed / deleted rows of these models into core.AuditEntry, with before and
# after. Case narrative and members' own words are left out; a rating shows that
# it changed and its status, never its assessment, which stays blind until reveal.
# How many proxies in front append to X-Forwarded-For (the TLS proxy, a load
# balancer): the client's address is that many entries from the right. None
# unless the deployment says it is behind its TLS proxy.
TRUSTED_PROXY_COUNT = (
    env_int("TRUSTED_PROXY_COUNT", 1) if SECURE_PROXY_SSL_HEADER is not None else 0
)
AUDITLOG_LOGENTRY_MODEL = "core.AuditEntry"
# Each entry's correlation id is the id of the request that wrote it (core.request_log),
# the same id as on that request's log lines.
AUDITLOG_CID_GETTER = "core.request_log.audit_correlation_id"
# django-auditlog's migrations would create its own entry table as well, unused, whose
# key to content types stops the test runner emptying tables on PostgreSQL.
MIGRATION_MODULES = {"auditlog": None}
AUDITLOG_STORE_JSON_CHANGES = True
AUDITLOG_DISABLE_REMOTE_ADDR = False
# Which models, and which of their fields, the trail records (scrutiny/audited.py).
AUDITLOG_INCLUDE_TRACKING_MODELS = TRACKED_MODELS

SERVICE_NAME, SERVICE_NAME_CY = env.service_names()  # in English, and on Welsh pages
# Shown in the phase banner; deployments still in trial keep "Beta".
SERVICE_PHASE = os.environ.get("SERVICE_PHASE", "Beta")

# The office that runs the service and how the public reaches it: ORGANISATION_NAME,
# _EMAIL, _PHONE, _URL, _ADDRESS and _SCRUTINY_URL, read and checked in scrutiny/env.py.
globals().update(env.organisation_settings(debug=DEBUG))
# Hosts a record's link fields may point to (a force's evidence system, say); a link to any
# other host shows as text, never as a link. Comma-separated, e.g. "dems.example.police.uk".
RECORD_LINK_HOSTS = env_list("RECORD_LINK_HOSTS", [])

# Retention (docs/operations.md, "Retention"): `manage.py purge_expired`, run daily,
# erases what is older than these many days. Published reports are a public record and
# are kept indefinitely, with the meetings, reviewed cases and decisions behind them.
RETENTION_EXTRACT_FILE_DAYS = env_int("RETENTION_EXTRACT_FILE_DAYS", 30)
RETENTION_UNSAMPLED_CASE_DAYS = env_int("RETENTION_UNSAMPLED_CASE_DAYS", 3 * 365)
RETENTION_RATING_DAYS = env_int("RETENTION_RATING_DAYS", 6 * 365)
# The force's evidence files (PDFs sent with its responses to actions and its answers to
# the Commissioner's questions), counted from the action or scrutiny meeting closing.
RETENTION_EVIDENCE_DAYS = env_int("RETENTION_EVIDENCE_DAYS", 6 * 365)
RETENTION_AUDIT_DAYS = env_int("RETENTION_AUDIT_DAYS", 7 * 365)
for _name in [name for name in dir() if name.startswith("RETENTION_")]:
    if globals()[_name] < 1:
        raise ImproperlyConfigured(f"{_name} must be 1 or more (days).")

# Logs go to stdout, one JSON object per line with the request's id (core.request_log),
# unless LOG_FORMAT=text (the default with DEBUG on, for reading in a terminal).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured("LOG_FORMAT must be json or text.")
# One line per request (method, path, status, time, user id), for servers without an
# access log of their own that knows the request id; `make serve` turns it on.
ACCESS_LOG = env_bool("ACCESS_LOG", False)
LOGGING = logging_config(log_format=LOG_FORMAT, level=os.environ.get("LOG_LEVEL", "INFO"))
