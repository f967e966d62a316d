"""Publishing in Welsh and English at once (PUBLISH_LANGUAGES): each version is frozen as a
web page and a tagged PDF in each language, its open data carries the Welsh labels beside
the English, and the two versions link to each other. English-only deployments publish as
they always have."""

import csv
import io
import re

import pikepdf
import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation

from reports import services
from reports.enums import SectionKey
from reports.figures import DICTIONARY
from reports.published_languages import PublishedLanguage
from tests.reports.conftest import publish, write

pytestmark = pytest.mark.django_db


@pytest.fixture
def bilingual(settings, request):
    request.getfixturevalue("welsh")
    settings.PUBLISH_LANGUAGES = ("en", "cy")


def base(report, language: str = "en") -> str:
    with translation.override(language):
        return reverse("public:report", args=[report.panel.slug, report.slug])


def html_lang(page: str) -> str:
    return page.split('<html lang="', 1)[1].split('"', 1)[0]


def pdf_language(name: str) -> str:
    with default_storage.open(name, "rb") as stored:
        pdf = pikepdf.open(io.BytesIO(stored.read()))
    return str(pdf.Root.Lang)


def csv_rows(client, report):
    return list(csv.reader(io.StringIO(client.get(f"{base(report)}figures.csv").content.decode())))


def test_an_english_only_deployment_publishes_as_before(client, draft, olu, nia):
    version = publish(draft, author=olu, approver=nia)

    page = client.get(base(draft)).content.decode()

    assert PublishedLanguage.objects.count() == 0
    assert "languages" not in version.figures
    assert csv_rows(client, draft)[0] == [name for name, _ in DICTIONARY]
    assert 'id="other-languages"' not in page
    assert 'id="english-only"' not in page


def test_the_welsh_address_of_a_report_published_in_english_only_says_so(
    client, welsh, draft, olu, nia
):
    version = publish(draft, author=olu, approver=nia)

    page = client.get(base(draft, "cy")).content.decode()
    pdf = client.get(f"{base(draft, 'cy')}report.pdf")

    assert html_lang(page) == "cy"
    assert '<p class="govuk-inset-text" id="english-only">' in page
    assert "Cyhoeddwyd yr adroddiad hwn yn Saesneg yn unig." in page
    assert '<div class="govuk-grid-column-two-thirds" lang="en-GB">' in page
    assert '<article class="app-report" lang="en-GB">' in page
    assert 'id="other-languages"' not in page
    assert f'href="{base(draft, "cy")}report.pdf" lang="en-GB">{version.title}</a>' in page
    assert pdf["Content-Disposition"] == f'inline; filename="{draft.slug}-v1.pdf"'


@pytest.mark.usefixtures("bilingual")
def test_publishing_freezes_a_page_and_a_tagged_pdf_in_each_language(draft, olu, nia):
    version = publish(draft, author=olu, approver=nia)
    welsh_version = version.languages.get()

    with default_storage.open(welsh_version.html_file.name, "rb") as stored:
        welsh_page = stored.read().decode()
    with default_storage.open(version.html_file.name, "rb") as stored:
        english_page = stored.read().decode()

    assert welsh_version.language == "cy"
    assert '<article class="app-report" lang="cy">' in welsh_page
    assert "Canfyddiadau cyfarfod y panel" in welsh_page
    assert '<article class="app-report" lang="en-GB">' in english_page
    assert "The findings from the panel's meeting" in english_page
    assert pdf_language(welsh_version.pdf_file.name) == "cy"
    assert pdf_language(version.pdf_file.name) == "en-GB"
    assert welsh_version.pdf_pages >= 1 and len(welsh_version.pdf_sha256) == 64


@pytest.mark.usefixtures("bilingual")
def test_both_versions_appear_together_each_linking_to_the_other(client, draft, olu, nia):
    publish(draft, author=olu, approver=nia)
    english_address, welsh_address = base(draft), base(draft, "cy")

    english = client.get(english_address).content.decode()
    welsh_page = client.get(welsh_address).content.decode()
    welsh_pdf = client.get(f"{welsh_address}report.pdf")

    assert (english_address, welsh_address) == (
        f"/en/findings/{draft.panel.slug}/{draft.slug}/",
        f"/cy/findings/{draft.panel.slug}/{draft.slug}/",
    )
    assert html_lang(english) == "en-GB"
    assert f'href="{welsh_address}" hreflang="cy" lang="cy"' in english
    assert "Darllen yr adroddiad hwn yn Gymraeg" in english
    assert f'href="{english_address}report.pdf"' in english
    assert html_lang(welsh_page) == "cy"
    assert f'href="{english_address}" hreflang="en-GB" lang="en-GB"' in welsh_page
    assert "Read this report in English" in welsh_page
    assert '<article class="app-report" lang="cy">' in welsh_page
    assert 'id="english-only"' not in welsh_page
    assert f'href="{welsh_address}report.pdf"' in welsh_page
    assert "Lawrlwytho" in welsh_page  # the page around it is in Welsh too
    assert welsh_pdf.status_code == 200
    assert welsh_pdf["Content-Type"] == "application/pdf"
    assert welsh_pdf["Content-Disposition"] == f'inline; filename="{draft.slug}-v1-cy.pdf"'


@pytest.mark.usefixtures("bilingual")
def test_the_hreflang_alternates_name_the_prefixed_addresses(client, draft, olu, nia):
    publish(draft, author=olu, approver=nia)
    english_address, welsh_address = base(draft), base(draft, "cy")

    page = client.get(welsh_address).content.decode()

    assert re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page) == [
        ("en", f"http://testserver{english_address}"),
        ("cy", f"http://testserver{welsh_address}"),
        ("x-default", f"http://testserver{english_address}"),
    ]


@pytest.mark.usefixtures("bilingual")
def test_the_addresses_with_the_language_at_the_end_move_for_good(
    client, draft, olu, nia, django_assert_num_queries
):
    publish(draft, author=olu, approver=nia)
    english, welsh = base(draft), base(draft, "cy")

    with django_assert_num_queries(0):
        moved = {
            old: (response.status_code, response["Location"])
            for old in [f"{english}cy/", f"{english}cy/report.pdf", f"{english}versions/1/cy/"]
            for response in [client.get(old)]
        }

    assert moved == {
        f"{english}cy/": (301, welsh),
        f"{english}cy/report.pdf": (301, f"{welsh}report.pdf"),
        f"{english}versions/1/cy/": (301, f"{welsh}versions/1/"),
    }
    assert client.get(f"{english}fr/").status_code == 404


@pytest.mark.usefixtures("bilingual")
def test_open_data_carries_the_welsh_labels_beside_the_unchanged_columns(client, draft, olu, nia):
    publish(draft, author=olu, approver=nia)

    header, *rows = csv_rows(client, draft)
    by_name = [dict(zip(header, row, strict=True)) for row in rows]
    data = client.get(f"{base(draft)}figures.json").json()

    assert header == [name for name, _ in DICTIONARY] + [
        "category_cy",
        "text_cy",
        "criterion_group_cy",
    ]
    categories = [row for row in by_name if row["record"] == "category"]
    assert [row["category_cy"] for row in categories] == [
        data["categories"][n]["category_cy"] for n in range(len(categories))
    ]
    assert all(row["category_cy"] for row in categories)
    reasons = [row for row in by_name if row["record"] == "reason"]
    assert reasons and all(row["text_cy"] for row in reasons)
    assert data["languages"] == ["en", "cy"]


@pytest.mark.usefixtures("bilingual")
def test_a_correction_and_a_withdrawal_apply_to_both_languages(client, draft, olu, nia):
    publish(draft, author=olu, approver=nia)
    services.report_correct(report=draft, by=olu)
    write(draft, "Fixed.", by=olu, key=SectionKey.WHY, heading="Why")
    draft.sections.filter(key=SectionKey.WHY).update(body_cy="Wedi'i gywiro.")
    corrected = publish(
        draft,
        author=olu,
        approver=nia,
        note="Corrected the panel's purpose.",
        note_cy="Cywirwyd diben y panel.",
    )

    welsh_now = client.get(base(draft, "cy")).content.decode()
    welsh_before = client.get(f"{base(draft, 'cy')}versions/1/")
    english_now = client.get(base(draft, "en")).content.decode()

    assert corrected.languages.get().language == "cy"
    assert "Wedi&#x27;i gywiro." in welsh_now or "Wedi'i gywiro." in welsh_now
    assert "Cywirwyd diben y panel." in welsh_now
    assert "Corrected the panel" not in welsh_now
    assert "Corrected the panel&#x27;s purpose." in english_now
    assert "Cywirwyd" not in english_now
    assert welsh_before.status_code == 200
    assert "Wedi'i ddisodli" in welsh_before.content.decode()
    assert "Cywirwyd diben y panel." in welsh_before.content.decode()

    services.report_withdraw(report=draft, by=olu, reason="Published in error.")

    assert client.get(base(draft, "cy")).status_code == 404
    assert client.get(f"{base(draft, 'cy')}report.pdf").status_code == 404
    assert "Published in error." in client.get(base(draft, "cy")).content.decode()
