"""Where uploaded extracts wait between the preview and the commit.

Files go under PRIVATE_UPLOAD_ROOT (never a served directory) with a random name
that says nothing about the force or the file, readable by the service alone, and
are deleted once their batch is committed, rejected or abandoned.
"""

import hashlib
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings

from .base import ExtractError


def root() -> Path:
    path = Path(settings.PRIVATE_UPLOAD_ROOT)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def path_for(stored_name: str) -> Path:
    if not stored_name or Path(stored_name).name != stored_name:
        raise ValueError("Not a stored extract name.")
    return root() / stored_name


def too_big_message() -> str:
    return (
        f"The selected file must be smaller than {settings.IMPORT_MAX_BYTES // (1024 * 1024)} MB."
    )


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
        raise ExtractError("The selected file is empty.")
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


def delete(stored_name: str) -> None:
    """Delete an upload and the rows staged from it."""
    if stored_name:
        path_for(stored_name).unlink(missing_ok=True)
        staged_path(stored_name).unlink(missing_ok=True)


def delete_unnamed(*, keep: set[str], older_than: float) -> int:
    """Delete uploads (and staged rows) not in `keep` last changed before `older_than`
    (a Unix time); returns how many uploads went."""
    deleted = 0
    for path in root().iterdir():
        stored_name = path.name.removesuffix(".rows")
        if stored_name in keep or not path.is_file() or path.stat().st_mtime >= older_than:
            continue
        path.unlink(missing_ok=True)
        deleted += path.name == stored_name
    return deleted
