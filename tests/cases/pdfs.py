"""Real PDFs for the document tests, written with pikepdf: clean ones, and each kind a
data admin must not be able to attach."""

import dataclasses
import io
import zipfile
import zlib

import pikepdf
from pikepdf import Array, Dictionary, Name, String


def limit(settings, **changes) -> None:
    """Change some of the limits on documents for one test (the `settings` fixture)."""
    settings.DOCUMENT_LIMITS = dataclasses.replace(settings.DOCUMENT_LIMITS, **changes)


LETTER = [
    "Crown Prosecution Service",
    "Decision letter on the case under review.",
    "The prosecutor reviewed the file and the outcome.",
]


def _escaped(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _text_page(pdf: pikepdf.Pdf, font, lines: list[str]):
    ops = ["BT /F1 12 Tf 72 720 Td 14 TL"]
    ops += [f"({_escaped(line)}) Tj T*" for line in lines]
    ops.append("ET")
    page = pdf.add_blank_page(page_size=(595, 842))
    page.Resources = Dictionary(Font=Dictionary(F1=font))
    page.Contents = pdf.make_stream("\n".join(ops).encode("latin-1"))
    return page


def _image_page(pdf: pikepdf.Pdf):
    """A page showing only a picture, as a scanner writes one."""
    image = pikepdf.Stream(pdf, bytes(range(256)) * 4)
    image.Type, image.Subtype = Name.XObject, Name.Image
    image.Width, image.Height = 32, 32
    image.ColorSpace, image.BitsPerComponent = Name.DeviceGray, 8
    page = pdf.add_blank_page(page_size=(595, 842))
    page.Resources = Dictionary(XObject=Dictionary(Im1=image))
    page.Contents = pdf.make_stream(b"q 400 0 0 400 100 300 cm /Im1 Do Q")
    return page


def _new(pages) -> pikepdf.Pdf:
    """A PDF of `pages`: each a list of lines, or None for a page showing only a picture."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    )
    for lines in pages:
        if lines is None:
            _image_page(pdf)
        else:
            _text_page(pdf, font, lines)
    return pdf


def _saved(pdf: pikepdf.Pdf, **options) -> bytes:
    """The PDF's bytes, its streams left as written (a bomb stays deflated)."""
    if "encryption" not in options:
        options["stream_decode_level"] = pikepdf.StreamDecodeLevel.none
        # The same pages give the same bytes, whenever they are made (the /ID is not a time).
        options["deterministic_id"] = True
    buffer = io.BytesIO()
    pdf.save(buffer, **options)
    return buffer.getvalue()


def text_pdf(*pages: list[str]) -> bytes:
    """A clean PDF with a text layer; one page of LETTER unless pages are given."""
    return _saved(_new(pages or [LETTER]))


def phone_pdf() -> bytes:
    """A letter whose second page gives a phone number."""
    return text_pdf(LETTER, ["The witness care officer can be reached on 07700 900123."])


def encrypted_pdf(*, empty_password: bool = False) -> bytes:
    """Encrypted with a password to open it, or (`empty_password`) one only to change it."""
    user = "" if empty_password else "open-sesame"
    encryption = pikepdf.Encryption(owner="owner-sesame", user=user)
    return _saved(_new([LETTER]), encryption=encryption)


def javascript_pdf() -> bytes:
    """A letter that runs JavaScript when it is opened (an OpenAction)."""
    pdf = _new([LETTER])
    pdf.Root.OpenAction = Dictionary(S=Name.JavaScript, JS=String("app.alert('hello');"))
    return _saved(pdf)


def javascript_names_pdf() -> bytes:
    """A letter with document-level JavaScript in the names tree."""
    pdf = _new([LETTER])
    action = pdf.make_indirect(Dictionary(S=Name.JavaScript, JS=String("this.print();")))
    pdf.Root.Names = Dictionary(JavaScript=Dictionary(Names=Array([String("run"), action])))
    return _saved(pdf)


def launch_pdf() -> bytes:
    """A letter with a link that launches a program."""
    pdf = _new([LETTER])
    link = Dictionary(
        Type=Name.Annot,
        Subtype=Name.Link,
        Rect=Array([72, 700, 300, 720]),
        A=Dictionary(S=Name.Launch, F=String("calc.exe")),
    )
    pdf.pages[0].Annots = Array([pdf.make_indirect(link)])
    return _saved(pdf)


def attachment_pdf() -> bytes:
    """A letter carrying an embedded file (pikepdf's attachments)."""
    pdf = _new([LETTER])
    pdf.attachments["notes.txt"] = pikepdf.AttachedFileSpec(
        pdf, b"Unscreened notes.", mime_type="text/plain"
    )
    return _saved(pdf)


def image_only_pdf() -> bytes:
    """A scan: pages that are pictures, with no text at all."""
    return _saved(_new([None, None]))


def partly_scanned_pdf() -> bytes:
    """A typed first page and a scanned second one."""
    return _saved(_new([LETTER, None]))


def zip_renamed() -> bytes:
    """A zip archive, to be uploaded with a name ending in .pdf."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("letter.txt", "Crown Prosecution Service")
    return buffer.getvalue()


def bomb_pdf(unpacked: int) -> bytes:
    """A letter with a stream of `unpacked` zero bytes, deflated to almost nothing."""
    pdf = _new([LETTER])
    stream = pikepdf.Stream(pdf, b"")
    stream.write(zlib.compress(b"\0" * unpacked, 9), filter=Name.FlateDecode)
    pdf.Root.Padding = pdf.make_indirect(stream)
    return _saved(pdf)


def many_pages_pdf(count: int) -> bytes:
    return text_pdf(*([[f"Page {n} of the log."] for n in range(1, count + 1)]))


def padded_pdf(size: int) -> bytes:
    """A clean letter made about `size` bytes long by a stream nothing draws."""
    pdf = _new([LETTER])
    pdf.Root.Padding = pdf.make_indirect(pikepdf.Stream(pdf, bytes(range(256)) * (size // 256)))
    return _saved(pdf, compress_streams=False)
