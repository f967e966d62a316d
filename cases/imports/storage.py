"""Where uploaded extracts wait between the preview and the commit.

Files get a random name that says nothing about the force or the file, are readable by
the service alone, and are deleted once their batch is committed, rejected or abandoned.

By default they live under PRIVATE_UPLOAD_ROOT (never a served directory). When
STORAGES has an "extracts" entry (object storage, FILE_STORAGE=s3), that is where they
are kept, so any app server or worker can check or confirm an upload another one took;
PRIVATE_UPLOAD_ROOT is then only this machine's working copy, fetched when first needed.
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

from .base import ExtractError

SHARED_ALIAS = "extracts"


def root() -> Path:
    """This machine's folder of extracts (the only copy, or the working copy)."""
    path = Path(settings.PRIVATE_UPLOAD_ROOT)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def shared() -> Storage | None:
    """The object storage extracts are kept in, if there is one."""
    if SHARED_ALIAS not in settings.STORAGES:
        return None
    return storages[SHARED_ALIAS]


def _checked(stored_name: str) -> str:
    if not stored_name or Path(stored_name).name != stored_name:
        raise ValueError("Not a stored extract name.")
    return stored_name


def path_for(stored_name: str) -> Path:
    """The local path of a stored file, fetched from shared storage if it is kept there
    and not yet here. A file that is nowhere gives a path that does not exist."""
    path = root() / _checked(stored_name)
    remote = shared()
    if remote is not None and not path.exists() and remote.exists(stored_name):
        _fetch(remote, stored_name, path)
    return path


def _fetch(remote: Storage, stored_name: str, path: Path) -> None:
    partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as local, remote.open(stored_name, "rb") as source:
            while chunk := source.read(1 << 20):
                local.write(chunk)
        partial.replace(path)  # whole or not at all, should two fetch at once
    finally:
        partial.unlink(missing_ok=True)


def share(path: Path) -> None:
    """Copy a file written here (an upload, the rows staged from it) to shared storage."""
    remote = shared()
    if remote is None:
        return
    with path.open("rb") as handle:
        saved = remote.save(_checked(path.name), File(handle))
    if saved != path.name:
        raise ExtractError(_("The file could not be stored. Upload it again."))


def too_big_message() -> str:
    return _("The selected file must be smaller than %(megabytes)s MB.") % {
        "megabytes": settings.IMPORT_MAX_BYTES // (1024 * 1024)
    }


def store(chunks: Iterable[bytes]) -> tuple[str, str, int]:
    """Save the chunks privately; returns (stored name, SHA-256, size in bytes)."""
    stored_name = secrets.token_hex(16)
    target = root() / stored_name
    digest = hashlib.sha256()
    size = 0
    limit = settings.IMPORT_MAX_BYTES
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            for chunk in chunks:
                size += len(chunk)
                if size > limit:
                    raise ExtractError(too_big_message())
                digest.update(chunk)
                handle.write(chunk)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    if size == 0:
        target.unlink(missing_ok=True)
        raise ExtractError(_("The selected file is empty."))
    try:
        share(target)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return stored_name, digest.hexdigest(), size


def file_chunks(path: Path, size: int = 1 << 20):
    with open(path, "rb") as handle:
        while chunk := handle.read(size):
            yield chunk


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    for chunk in file_chunks(path):
        digest.update(chunk)
    return digest.hexdigest()


def staged_path(stored_name: str) -> Path:
    """Where the check stages the rows it has read from `stored_name` (see staging.py)."""
    return path_for(stored_name + ".rows")


def delete_staged(stored_name: str) -> None:
    """Delete the rows staged from an upload (not the upload), here and in shared storage."""
    name = _checked(stored_name) + ".rows"
    (root() / name).unlink(missing_ok=True)
    remote = shared()
    if remote is not None:
        remote.delete(name)


def forget_local_copies(stored_name: str) -> None:
    """With shared storage, this machine's working copies are only a cache: a worker drops
    them when its task ends, so no unscreened extract lingers on a machine."""
    if shared() is None or not stored_name:
        return
    for name in (_checked(stored_name), stored_name + ".rows"):
        (root() / name).unlink(missing_ok=True)


def delete(stored_name: str) -> None:
    """Delete an upload and the rows staged from it, here and in shared storage."""
    if not stored_name:
        return
    names = [_checked(stored_name), stored_name + ".rows"]
    for name in names:
        (root() / name).unlink(missing_ok=True)
    remote = shared()
    if remote is not None:
        for name in names:
            remote.delete(name)


def delete_unnamed(*, keep: set[str], older_than: float) -> int:
    """Delete uploads (and staged rows) not in `keep` last changed before `older_than`
    (a Unix time), here and in shared storage; returns how many uploads went."""
    gone = set()
    for path in root().iterdir():
        stored_name = path.name.removesuffix(".rows")
        if stored_name in keep or not path.is_file() or path.stat().st_mtime >= older_than:
            continue
        path.unlink(missing_ok=True)
        if path.name == stored_name:
            gone.add(stored_name)
    remote = shared()
    for name in remote.listdir("")[1] if remote is not None else []:
        stored_name = name.removesuffix(".rows")
        if stored_name in keep or remote.get_modified_time(name).timestamp() >= older_than:
            continue
        remote.delete(name)
        if name == stored_name:
            gone.add(stored_name)
    return len(gone)
