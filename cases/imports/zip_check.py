"""Checking an uploaded workbook as a plain zip before any of it is parsed: its parts,
their sizes and compression ratio, and no macros or controls (docs/adr/0003-case-import.md).
"""

import re
import struct
import zipfile
import zlib
from pathlib import Path
from xml.parsers import expat

from django.conf import settings

from cases.import_wording import Text

from .base import ExtractError

SMALL_PART_LIMIT = 16 * 1024 * 1024
MACRO_PARTS = re.compile(r"vbaproject|^xl/macrosheets/|^xl/activex/|^xl/dialogsheets/", re.I)
MACRO_TYPES = re.compile(rb"macroEnabled|vbaProject|activeX", re.I)
# What reading a corrupt zip or XML part can raise; each means "damaged".
DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    expat.ExpatError,
    EOFError,
    OSError,
    ValueError,
    KeyError,
    IndexError,
    NotImplementedError,  # a zip version or compression method zipfile does not support
    RuntimeError,  # an encrypted part
    struct.error,
)


def check_zip(path: Path) -> zipfile.ZipFile:
    """The workbook as an open zip, or ExtractError if it is unsafe or not a workbook."""
    try:
        archive = zipfile.ZipFile(path)
    except DAMAGED:
        raise ExtractError(Text("not_a_workbook")) from None
    try:
        _check_members(archive)
    except DAMAGED:
        archive.close()
        raise ExtractError(Text("not_a_workbook")) from None
    except ExtractError:
        archive.close()
        raise
    return archive


def _check_members(archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    names = {info.filename for info in members}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise ExtractError(Text("zip_not_workbook"))
    if len(members) > settings.IMPORT_MAX_ZIP_MEMBERS:
        raise ExtractError(Text("too_many_parts"))
    total = sum(info.file_size for info in members)
    if total > settings.IMPORT_MAX_UNZIPPED_BYTES:
        size = f"{settings.IMPORT_MAX_UNZIPPED_BYTES // (1024 * 1024):,}"
        raise ExtractError(Text("unpacks_too_big", {"size": size}))
    for info in members:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > settings.IMPORT_MAX_ZIP_RATIO:
            raise ExtractError(Text("over_compressed"))
    # Read only once the sizes are known to be sane.
    if any(MACRO_PARTS.search(name) for name in names) or MACRO_TYPES.search(
        small_part(archive, "[Content_Types].xml")
    ):
        raise ExtractError(Text("macros"))


def small_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """A part read whole: only the workbook's small index parts are read this way."""
    if archive.getinfo(name).file_size > SMALL_PART_LIMIT:
        raise ExtractError(Text("part_far_too_large"))
    return archive.read(name)
