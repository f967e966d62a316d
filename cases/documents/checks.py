"""Checking an uploaded PDF before anything of it is kept.

A document is refused, with a message saying why, when it is:
- not really a PDF (the bytes, not the name: a zip renamed ".pdf" is a zip);
- damaged beyond reading, or encrypted (even with an empty password: it cannot be
  read the way readers will read it, and a password-protected copy cannot be screened);
- active: JavaScript anywhere (/JS, a JavaScript action or name tree, an action run on
  opening or on an event, an XFA form), or an action that opens other files or
  programs or sends data;
- carrying files: embedded files, file attachment annotations, rich media;
- a bomb: more pages than DOCUMENT_MAX_PAGES, streams that unpack to more than
  DOCUMENT_MAX_UNPACKED_BYTES in all (a deflated stream is counted as it unpacks, never
  held whole), or more than DOCUMENT_MAX_TEXT_CHARS of text;
- without a text layer (a scan): with no text at all, or a page showing a picture
  and no text. What cannot be read cannot be screened for personal data.

The structure is read with pikepdf (qpdf); the text with pypdf, under the same limits.
"""

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pypdf
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pypdf.errors import LimitReachedError
from pypdf.filters import ASCII85Decode, ASCIIHexDecode, LZWDecode, RunLengthDecode

NOT_A_PDF = gettext_lazy("The selected file must be a PDF")
ZIP = gettext_lazy("The selected file is a zip archive, not a PDF. Upload the PDF itself")
DAMAGED = gettext_lazy(
    "The selected PDF is damaged, so it cannot be checked. Save it again as a PDF and upload that"
)
ENCRYPTED = gettext_lazy(
    "The selected PDF is encrypted or protected with a password, so it cannot be screened. "
    "Save a copy without protection and upload that"
)
JAVASCRIPT = gettext_lazy(
    "The selected PDF contains JavaScript or actions that run when it is opened. Print it "
    "to a new PDF, which leaves them out, and upload that"
)
ACTIONS = gettext_lazy(
    "The selected PDF contains actions that open other files or programs, or send data. "
    "Print it to a new PDF, which leaves them out, and upload that"
)
EMBEDDED = gettext_lazy(
    "The selected PDF has files attached to or embedded in it. Print it to a new PDF, "
    "which leaves them out, and upload that"
)
NO_TEXT = gettext_lazy(
    "The selected PDF has no text layer (it looks like a scan), so it cannot be screened "
    "for personal data. Upload a copy saved from the original document, or one run "
    "through text recognition"
)

# Keys that only active content uses; an /AA dictionary runs actions on events.
_ACTIVE_KEYS = frozenset({"/JS", "/JavaScript", "/AA", "/XFA"})
_OPENING_OTHERS = frozenset(
    {"/Launch", "/SubmitForm", "/ImportData", "/GoToE", "/GoToR", "/RichMediaExecute"}
    | {"/Rendition", "/Movie", "/Sound"}
)
_CARRYING_FILES = frozenset({"/FileAttachment", "/RichMedia", "/3D", "/Screen"})
_DEPTH = 100  # of direct objects inside one object; real files stay far below
_MAX_OBJECTS = 1_000_000
_CHUNK = 1 << 20


class DocumentRefused(Exception):
    """Why an upload cannot be kept, in the words of an error message."""

    def __init__(self, message: str):
        # Lazy wording is put into words now, in the language of the page that asked.
        super().__init__(str(message))
        self.message = str(message)


@dataclass(frozen=True)
class CheckedPdf:
    page_count: int
    pages: list[str]  # each page's text, in order


def check_pdf(path: Path) -> CheckedPdf:
    """The PDF's pages and their text, or DocumentRefused saying why it cannot be kept."""
    _check_head(path)
    pictured = _check_structure(path)
    pages = page_texts(path)
    _check_text(pages, pictured)
    return CheckedPdf(page_count=len(pages), pages=pages)


def _check_head(path: Path) -> None:
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK"):
        raise DocumentRefused(ZIP)
    if not head.startswith(b"%PDF-"):
        raise DocumentRefused(NOT_A_PDF)


def _check_structure(path: Path) -> set[int]:
    """Check what the file holds; returns the numbers (from 1) of pages showing a picture."""
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        raise DocumentRefused(ENCRYPTED) from None
    except (pikepdf.PdfError, ValueError, RuntimeError):
        raise DocumentRefused(DAMAGED) from None
    with pdf:
        if pdf.is_encrypted:
            raise DocumentRefused(ENCRYPTED)
        try:
            _check_page_count(len(pdf.pages))
            _check_objects(pdf)
            return {n for n, page in enumerate(pdf.pages, start=1) if _shows_picture(page.obj)}
        except (pikepdf.PdfError, ValueError, RuntimeError, RecursionError):
            raise DocumentRefused(DAMAGED) from None


def _check_page_count(count: int) -> None:
    limit = settings.DOCUMENT_LIMITS.max_pages
    if count > limit:
        raise DocumentRefused(
            _(
                "The selected PDF has %(count)s pages. A document can have at most %(limit)s: "
                "split it into smaller documents"
            )
            % {"count": f"{count:,}", "limit": f"{limit:,}"}
        )
    if count == 0:
        raise DocumentRefused(_("The selected PDF has no pages"))


def _too_big() -> DocumentRefused:
    megabytes = settings.DOCUMENT_LIMITS.max_unpacked_bytes // (1024 * 1024)
    return DocumentRefused(
        _(
            "The selected PDF unpacks to more than %(megabytes)s MB, far more than a document "
            "should, so it has not been read"
        )
        % {"megabytes": f"{megabytes:,}"}
    )


def _check_objects(pdf: pikepdf.Pdf) -> None:
    objects = pdf.objects
    if len(objects) > _MAX_OBJECTS:
        raise _too_big()
    budget = settings.DOCUMENT_LIMITS.max_unpacked_bytes
    for obj in objects:
        if isinstance(obj, pikepdf.Stream):
            _walk(obj.stream_dict, 0)
            budget -= _unpacked_size(obj, budget)
        else:
            _walk(obj, 0)


def _walk(value, depth: int) -> None:
    """Judge a dictionary or array and the direct objects inside it (indirect ones are
    judged on their own, as every object of the file is)."""
    if depth > _DEPTH:
        raise DocumentRefused(DAMAGED)
    if isinstance(value, pikepdf.Dictionary):
        _judge(value)
        children = [value.get(key) for key in value.keys()]  # noqa: SIM118 (pikepdf keys)
    elif isinstance(value, pikepdf.Array):
        children = list(value)
    else:
        return
    for child in children:
        if isinstance(child, pikepdf.Dictionary | pikepdf.Array) and not child.is_indirect:
            _walk(child, depth + 1)


def _judge(dictionary: pikepdf.Dictionary) -> None:
    keys = set(dictionary.keys())
    action = _name(dictionary.get("/S"))
    if keys & _ACTIVE_KEYS or action == "/JavaScript":
        raise DocumentRefused(JAVASCRIPT)
    if action in _OPENING_OTHERS:
        raise DocumentRefused(ACTIONS)
    opening = dictionary.get("/OpenAction")
    if isinstance(opening, pikepdf.Dictionary) and _name(opening.get("/S")) != "/GoTo":
        raise DocumentRefused(JAVASCRIPT)
    carries_files = (
        "/EmbeddedFiles" in keys
        or "/EF" in keys
        or _name(dictionary.get("/Type")) == "/EmbeddedFile"
        or _name(dictionary.get("/Subtype")) in _CARRYING_FILES
    )
    if carries_files:
        raise DocumentRefused(EMBEDDED)


def _name(value) -> str | None:
    return str(value) if isinstance(value, pikepdf.Name) else None


def _filters(stream: pikepdf.Stream) -> list[str]:
    found = stream.get("/Filter")
    if isinstance(found, pikepdf.Array):
        return [str(item) for item in found]
    return [str(found)] if isinstance(found, pikepdf.Name) else []


def _unpacked_size(stream: pikepdf.Stream, budget: int) -> int:
    """How many bytes the stream unpacks to through the filters anything here would run
    (pictures' own codecs are left packed), refusing it past `budget`."""
    data = stream.read_raw_bytes()
    generic = []
    for name in _filters(stream):
        if name not in _DECODERS:
            break  # a picture's codec, or encryption: nothing here unpacks it
        generic.append(name)
    if not generic:
        return len(data)
    for name in generic[:-1]:
        data = _DECODERS[name](data, budget)
    last = generic[-1]
    if last in ("/FlateDecode", "/Fl"):
        return _inflated_size(data, budget)
    return len(_DECODERS[last](data, budget))


def _inflated_size(data: bytes, budget: int) -> int:
    """The size `data` inflates to, counted a chunk at a time and never held whole."""
    inflater = zlib.decompressobj()
    size = 0
    try:
        chunk = inflater.decompress(data, _CHUNK)
        while chunk:
            size += len(chunk)
            if size > budget:
                raise _too_big()
            chunk = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
    except zlib.error:
        return size  # a broken stream: readers show what inflated before the break
    return size


def _inflate(data: bytes, budget: int) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, budget + 1)
    except zlib.error:
        return b""
    if len(out) > budget:
        raise _too_big()
    return out


def _with_pypdf(decoder) -> Callable[[bytes, int], bytes]:
    def decode(data: bytes, budget: int) -> bytes:
        limits = {
            "lzw_maximum_output_length": max(budget, 1),
            "run_length_maximum_output_length": max(budget, 1),
        }
        try:
            with pypdf.apply_configuration(**limits):
                out = decoder.decode(data)
        except LimitReachedError:
            raise _too_big() from None
        except (pypdf.errors.PyPdfError, ValueError, IndexError, KeyError):
            return b""
        if len(out) > budget:
            raise _too_big()
        return out

    return decode


_DECODERS: dict[str, Callable[[bytes, int], bytes]] = {
    "/FlateDecode": _inflate,
    "/Fl": _inflate,
    "/LZWDecode": _with_pypdf(LZWDecode),
    "/LZW": _with_pypdf(LZWDecode),
    "/RunLengthDecode": _with_pypdf(RunLengthDecode),
    "/RL": _with_pypdf(RunLengthDecode),
    "/ASCIIHexDecode": _with_pypdf(ASCIIHexDecode),
    "/AHx": _with_pypdf(ASCIIHexDecode),
    "/ASCII85Decode": _with_pypdf(ASCII85Decode),
    "/A85": _with_pypdf(ASCII85Decode),
}


def _shows_picture(owner: pikepdf.Dictionary, depth: int = 0) -> bool:
    """Whether a page (or a form it draws) has a picture among its resources."""
    resources = owner.get("/Resources")
    xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    if not isinstance(xobjects, pikepdf.Dictionary) or depth > 4:
        return False
    for key in xobjects.keys():  # noqa: SIM118 (pikepdf keys)
        xobject = xobjects.get(key)
        if not isinstance(xobject, pikepdf.Stream):
            continue
        subtype = _name(xobject.get("/Subtype"))
        if subtype == "/Image" or (subtype == "/Form" and _shows_picture(xobject, depth + 1)):
            return True
    return False


def _limits() -> dict:
    budget = settings.DOCUMENT_LIMITS.max_unpacked_bytes
    return {
        "zlib_maximum_output_length": budget,
        "lzw_maximum_output_length": budget,
        "run_length_maximum_output_length": budget,
        "brotli_maximum_output_length": budget,
        "stream_decoding_work_maximum_length": budget,
        "jbig2dec_binary": None,  # never run another program on an upload
    }


def page_texts(path: Path, *, only: int | None = None) -> list[str]:
    """Each page's text (or, with `only`, that page number's alone, as a one-item list),
    stopping past DOCUMENT_MAX_TEXT_CHARS in all."""
    limit = settings.DOCUMENT_LIMITS.max_text_chars
    texts, total = [], 0
    try:
        with pypdf.apply_configuration(**_limits()):
            reader = pypdf.PdfReader(path, strict=False)
            pages = reader.pages if only is None else [reader.pages[only - 1]]
            for page in pages:
                text = page.extract_text() or ""
                total += len(text)
                if total > limit:
                    raise DocumentRefused(
                        _(
                            "The selected PDF holds more than %(limit)s characters of text, more "
                            "than can be screened at once. Split it into smaller documents"
                        )
                        % {"limit": f"{limit:,}"}
                    )
                texts.append(text)
    except LimitReachedError:
        raise _too_big() from None
    except DocumentRefused:
        raise
    except Exception:  # whatever a damaged file makes the reader raise
        raise DocumentRefused(DAMAGED) from None
    return texts


def _check_text(pages: list[str], pictured: set[int]) -> None:
    blank = {n for n, text in enumerate(pages, start=1) if not text.strip()}
    if len(blank) == len(pages):
        raise DocumentRefused(NO_TEXT)
    scanned = sorted(blank & pictured)
    if scanned:
        raise DocumentRefused(
            _(
                "Page %(page)s of the selected PDF shows a picture and has no text layer "
                "(it looks like a scan), so it cannot be screened for personal data. Upload a "
                "copy whose every page has its text, for example one run through text recognition"
            )
            % {"page": scanned[0]}
        )
