"""Where case documents are kept: privately, under a random name, as long as their case.

The folder is `documents/` inside PRIVATE_UPLOAD_ROOT, which no web server serves; the
extracts' daily sweep there deletes only files, never this folder or what is in it.
When STORAGES has a "documents" entry (object storage, FILE_STORAGE=s3), that is where
documents are kept, apart from the extracts, so any app server can serve one another took;
the local folder is then only this machine's working copy, fetched when first needed.
"""

import hashlib
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.utils.translation import gettext as _

SHARED_ALIAS = "documents"


class StoreError(Exception):
    """The upload could not be kept; `message` says why, for the person uploading."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def root() -> Path:
    path = Path(settings.PRIVATE_UPLOAD_ROOT) / "documents"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def shared() -> Storage | None:
    if SHARED_ALIAS not in settings.STORAGES:
        return None
    return storages[SHARED_ALIAS]


def _checked(stored_name: str) -> str:
    if not stored_name or Path(stored_name).name != stored_name or stored_name.startswith("."):
        raise ValueError("Not a stored document name.")
    return stored_name


def too_big_message() -> str:
    megabytes = settings.DOCUMENT_LIMITS.max_bytes // (1024 * 1024)
    return _("The selected file must be smaller than %(megabytes)s MB") % {"megabytes": megabytes}


def store(chunks: Iterable[bytes]) -> tuple[str, str, int]:
    """Write the chunks here under a new random name, readable by the service alone;
    returns (stored name, SHA-256, size in bytes). Nothing is left behind on refusal."""
    stored_name = secrets.token_hex(16)
    target = root() / stored_name
    digest, size = hashlib.sha256(), 0
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            for chunk in chunks:
                size += len(chunk)
                if size > settings.DOCUMENT_LIMITS.max_bytes:
                    raise StoreError(too_big_message())
                digest.update(chunk)
                handle.write(chunk)
        if size == 0:
            raise StoreError(_("The selected file is empty"))
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return stored_name, digest.hexdigest(), size


def share(stored_name: str) -> None:
    """Copy a checked document to shared storage, if there is one."""
    remote = shared()
    if remote is None:
        return
    with (root() / _checked(stored_name)).open("rb") as handle:
        saved = remote.save(stored_name, File(handle))
    if saved != stored_name:
        remote.delete(saved)
        raise StoreError(_("The document could not be stored. Upload it again"))


def path_for(stored_name: str) -> Path:
    """The local path of a kept document, fetched from shared storage if it is kept there
    and not yet here. A document that is nowhere gives a path that does not exist."""
    path = root() / _checked(stored_name)
    remote = shared()
    if remote is not None and not path.exists() and remote.exists(stored_name):
        partial = path.with_name(f".{stored_name}.{secrets.token_hex(4)}.part")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as local, remote.open(stored_name, "rb") as source:
                while chunk := source.read(1 << 20):
                    local.write(chunk)
            partial.replace(path)  # whole or not at all, should two fetch at once
        finally:
            partial.unlink(missing_ok=True)
    return path


def delete(stored_name: str) -> None:
    """Delete a document's file, here and in shared storage."""
    if not stored_name:
        return
    (root() / _checked(stored_name)).unlink(missing_ok=True)
    remote = shared()
    if remote is not None:
        remote.delete(stored_name)
