"""Limits on what people upload, each set from the environment: a data admin sees them in
plain words when a file breaks one. Read into settings by `from .upload_limits import *`."""

from django.core.exceptions import ImproperlyConfigured

from .env import env_int

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
# Case documents (PDFs a data admin attaches to a case; cases/documents/checks.py): what a
# file may weigh, how many pages it may have, what all its streams may unpack to, and how
# much text it may hold. Past any of them the file is refused as it is uploaded.
DOCUMENT_MAX_BYTES = env_int("DOCUMENT_MAX_BYTES", 20 * 1024 * 1024)
DOCUMENT_MAX_PAGES = env_int("DOCUMENT_MAX_PAGES", 200)
DOCUMENT_MAX_UNPACKED_BYTES = env_int("DOCUMENT_MAX_UNPACKED_BYTES", 200 * 1024 * 1024)
DOCUMENT_MAX_TEXT_CHARS = env_int("DOCUMENT_MAX_TEXT_CHARS", 2_000_000)
if DOCUMENT_MAX_BYTES > IMPORT_MAX_BYTES:
    # The request-size middleware lets no upload past IMPORT_MAX_BYTES (plus the form).
    raise ImproperlyConfigured("DOCUMENT_MAX_BYTES must not be larger than IMPORT_MAX_BYTES.")
