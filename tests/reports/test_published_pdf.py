"""A published report's own PDF: tagged, titled, in English, fonts embedded, findings in it."""

import io

import pikepdf
import pypdf
import pytest
from django.core.files.storage import default_storage

from tests.reports.conftest import publish
from tests.reports.test_rendering import page_fonts, structure_tags

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_pdf(draft, olu, nia):
    version = publish(draft, author=olu, approver=nia)
    return version, default_storage.open(version.pdf_file.name).read()


def test_the_published_pdf_is_tagged_titled_and_in_english(published_pdf):
    version, content = published_pdf
    pdf = pikepdf.open(io.BytesIO(content))

    assert "/StructTreeRoot" in pdf.Root
    assert bool(pdf.Root.MarkInfo.Marked) is True
    assert str(pdf.Root.Lang) == "en-GB"
    assert str(pdf.docinfo.Title) == version.title
    assert {"/H1", "/H2", "/L", "/Table", "/TH"} <= set(structure_tags(pdf))
    fonts = page_fonts(pdf)
    assert fonts and all(
        any(k in f.FontDescriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        for f in fonts
        if "/FontDescriptor" in f
    )
    assert any("Noto-Sans" in str(f.BaseFont) for f in fonts)


def test_the_published_pdf_says_the_findings(published_pdf):
    version, content = published_pdf

    text = " ".join(
        " ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(content)).pages
    )

    assert "3 cases were inconsistent with Policy" in text
    assert "2 cases were consistent with Policy but with observations" in text
    assert f"Page 1 of {version.pdf_pages}" in text
