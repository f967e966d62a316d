"""Publishing in Welsh and English at once (PUBLISH_LANGUAGES): each version is frozen as a
web page and a tagged PDF in each language, its open data carries the Welsh labels beside
the English, and the two versions link to each other. English-only deployments publish as
they always have."""

import csv
import io

import pikepdf
import pytest
from django.core.files.storage import default_storage

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


def base(report) -> str:
    return f"/findings/{report.panel.slug}/{report.slug}/"


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
    assert client.get(f"{base(draft)}cy/").status_code == 404


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

    english = client.get(base(draft)).content.decode()
    welsh_page = client.get(f"{base(draft)}cy/").content.decode()
    welsh_pdf = client.get(f"{base(draft)}cy/report.pdf")

    assert f'href="{base(draft)}cy/" hreflang="cy" lang="cy"' in english
    assert "Darllen yr adroddiad hwn yn Gymraeg" in english
    assert f'href="{base(draft)}" hreflang="en-GB" lang="en-GB"' in welsh_page
    assert "Read this report in English" in welsh_page
    assert '<article class="app-report" lang="cy">' in welsh_page
    assert f'href="{base(draft)}cy/report.pdf"' in welsh_page
    assert "Lawrlwytho" in welsh_page  # the page around it is in Welsh too
    assert welsh_pdf.status_code == 200
    assert welsh_pdf["Content-Type"] == "application/pdf"


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
    corrected = publish(draft, author=olu, approver=nia, note="Corrected the panel's purpose.")

    welsh_now = client.get(f"{base(draft)}cy/").content.decode()
    welsh_before = client.get(f"{base(draft)}versions/1/cy/")

    assert corrected.languages.get().language == "cy"
    assert "Wedi&#x27;i gywiro." in welsh_now or "Wedi'i gywiro." in welsh_now
    assert welsh_before.status_code == 200
    assert "Wedi'i ddisodli" in welsh_before.content.decode()

    services.report_withdraw(report=draft, by=olu, reason="Published in error.")

    assert client.get(f"{base(draft)}cy/").status_code == 404
    assert client.get(f"{base(draft)}cy/report.pdf").status_code == 404
    assert "Published in error." in client.get(f"{base(draft)}cy/").content.decode()
