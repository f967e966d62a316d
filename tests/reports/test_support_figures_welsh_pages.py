"""Support services and the force's figures in Welsh beside the English (docs/welsh.md):
written in their Welsh boxes on OPCC staff's pages, or the figures' CSV's Welsh columns,
with the same stale-edit check and audit trail as the English; the lists say whether the
Welsh is given."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import AuditEntry
from reports.models import ForceFigure, SupportService
from tests import factories

from .test_force_figures import _figure, _post
from .test_support_service_pages import helpline

pytestmark = pytest.mark.django_db

LIST = reverse("reports:support_service_list")
NEW = reverse("reports:support_service_new")
FIGURES = reverse("reports:force_figure_list")
IMPORT = reverse("reports:force_figure_import")
HEADINGS = "force,period_start,period_end,measure,number,percentage,source,link"

HELPLINE_CY = {
    "name_cy": "Y Llinell Gymorth Stelcio Genedlaethol",
    "description_cy": "Cyngor a chymorth cyfrinachol am ddim.",
    "link_text_cy": "llenwi ffurflen gysylltu",
}


@pytest.fixture
def force(db):
    return factories.ForceFactory(code="DEMO", name="Demoshire Police")


def edit_url(service) -> str:
    return reverse("reports:support_service_edit", args=[service.pk])


def test_a_support_service_is_saved_with_its_welsh_and_the_change_audited(client, olu):
    client.force_login(olu)

    response = client.post(NEW, helpline(**HELPLINE_CY))

    assert response.status_code == 302
    service = SupportService.objects.get()
    assert (service.name_en, service.name_cy) == (
        "National Stalking Helpline",
        "Y Llinell Gymorth Stelcio Genedlaethol",
    )
    assert service.description_cy == "Cyngor a chymorth cyfrinachol am ddim."
    assert service.link_text_cy == "llenwi ffurflen gysylltu"
    assert AuditEntry.objects.filter(content_type__model="supportservice").exists()


def test_the_service_page_has_a_welsh_box_beside_each_english_one(client, olu, welsh):
    service = SupportService.objects.create(
        name="Helpline", name_cy="Llinell gymorth", phone="0808 000 0000"
    )
    client.force_login(olu)
    client.cookies["django_language"] = "cy"

    page = client.get(edit_url(service)).content.decode()

    for name in ("name_cy", "description_cy", "link_text_cy"):
        assert f'id="id_{name}"' in page
    assert 'name="name_cy" value="Llinell gymorth"' in page
    # Read in Welsh, the English box still holds the English.
    assert 'name="name" value="Helpline"' in page


def test_a_service_saved_from_a_page_read_in_welsh_keeps_its_english(client, olu, welsh):
    service = SupportService.objects.create(name="Helpline", phone="0808 000 0000")
    client.force_login(olu)
    client.cookies["django_language"] = "cy"

    client.post(edit_url(service), helpline(version="1", name="Helpline", **HELPLINE_CY))

    service.refresh_from_db()
    assert (service.name_en, service.name_cy) == (
        "Helpline",
        "Y Llinell Gymorth Stelcio Genedlaethol",
    )


def test_a_post_without_the_welsh_boxes_keeps_the_welsh(client, olu):
    service = SupportService.objects.create(
        name="Helpline", name_cy="Llinell gymorth", phone="0808 000 0000"
    )
    client.force_login(olu)

    client.post(edit_url(service), helpline(version="1", name="Helpline (north)"))

    service.refresh_from_db()
    assert (service.name_en, service.name_cy) == ("Helpline (north)", "Llinell gymorth")


def test_a_blank_welsh_name_is_no_name_so_two_services_can_lack_one(client, olu):
    client.force_login(olu)

    client.post(NEW, helpline(name="One", name_cy=""))
    response = client.post(NEW, helpline(name="Two", name_cy=""))

    assert response.status_code == 302
    assert list(SupportService.objects.values_list("name_cy", flat=True)) == [None, None]


def test_a_welsh_name_another_service_has_is_refused_in_the_forms_words(client, olu, welsh):
    SupportService.objects.create(name="Helpline", name_cy="Llinell gymorth", phone="0808 000 0000")
    client.force_login(olu)

    response = client.post(NEW, helpline(name="Another helpline", name_cy="Llinell gymorth"))

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "name_cy": ["There is already a support service with this Welsh name"]
    }
    assert SupportService.objects.count() == 1
    client.cookies["django_language"] = "cy"
    page = client.post(NEW, helpline(name="Another helpline", name_cy="Llinell gymorth"))
    assert "Mae gwasanaeth cymorth gyda&#x27;r enw Cymraeg hwn eisoes" in page.content.decode()


def test_an_english_name_another_service_has_is_refused_in_the_forms_words(client, olu):
    SupportService.objects.create(name="Helpline", phone="0808 000 0000")
    client.force_login(olu)

    response = client.post(NEW, helpline(name="Helpline"))

    assert response.context["form"].errors == {
        "name": ["There is already a support service with this name"]
    }


def test_a_service_read_in_welsh_says_what_is_missing_in_welsh(client, olu, welsh):
    client.force_login(olu)
    client.cookies["django_language"] = "cy"

    page = client.post(NEW, helpline(phone="", email="", url="", link_text="")).content.decode()

    assert "Rhowch rif ffôn, cyfeiriad e-bost neu wefan ar gyfer y gwasanaeth hwn" in page


def test_welsh_from_a_page_opened_before_another_save_is_refused(client, olu):
    service = SupportService.objects.create(name="Helpline", phone="0808 000 0000")
    client.force_login(olu)
    client.post(edit_url(service), helpline(version="1", name="Helpline", name_cy="Cyntaf"))

    response = client.post(edit_url(service), helpline(version="1", name="Helpline", name_cy="Ail"))

    assert response.status_code == 409
    service.refresh_from_db()
    assert (service.name_cy, service.version) == ("Cyntaf", 2)


def test_welsh_link_words_without_a_website_are_refused(client, olu):
    client.force_login(olu)

    response = client.post(NEW, helpline(url="", link_text="", link_text_cy="llenwi ffurflen"))

    assert response.status_code == 200
    assert "link_text_cy" in response.context["form"].errors
    assert not SupportService.objects.exists()


def test_the_services_list_says_whether_the_welsh_is_given(client, olu):
    SupportService.objects.create(name="Helpline", name_cy="Llinell gymorth", phone="0800")
    SupportService.objects.create(name="Advice", description="Free advice.", phone="0801")
    client.force_login(olu)

    page = client.get(LIST).content.decode()

    rows = page.split('<tr class="govuk-table__row">')[2:]
    advice, helpline_row = sorted(rows, key=lambda row: "Helpline" in row)
    assert "Not given yet" in advice
    assert "Given</strong>" in helpline_row


def test_a_figure_is_saved_with_its_welsh_and_a_stale_one_refused(client, olu, force):
    figure = _figure(force)
    client.force_login(olu)
    url = reverse("reports:force_figure_edit", args=[figure.pk])

    saved = client.post(
        url, _post(force, version="1", measure_cy="Datrysiadau cymunedol", source_cy="Ystadegau")
    )
    stale = client.post(url, _post(force, version="1", measure_cy="Rhywbeth arall"))

    assert saved.status_code == 302 and stale.status_code == 409
    figure.refresh_from_db()
    assert (figure.measure_en, figure.measure_cy, figure.source_cy) == (
        "Community resolutions",
        "Datrysiadau cymunedol",
        "Ystadegau",
    )
    assert AuditEntry.objects.filter(content_type__model="forcefigure").count() == 2


def test_the_figure_page_read_in_welsh_shows_both_boxes(client, olu, force, welsh):
    figure = _figure(force, measure_cy="Datrysiadau cymunedol")
    client.force_login(olu)
    client.cookies["django_language"] = "cy"

    page = client.get(reverse("reports:force_figure_edit", args=[figure.pk])).content.decode()

    assert 'name="measure" value="Community resolutions"' in page
    assert 'name="measure_cy" value="Datrysiadau cymunedol"' in page
    assert 'id="id_source_cy"' in page and 'lang="cy"' in page


def test_the_figures_list_says_whether_the_welsh_is_given(client, olu, force):
    _figure(force, measure="With", measure_cy="Gyda", source_cy="Ffynhonnell")
    _figure(force, measure="Without")
    client.force_login(olu)

    page = client.get(FIGURES).content.decode()

    with_row = page.split(">With<")[1].split("</tr>")[0]
    without_row = page.split(">Without<")[1].split("</tr>")[0]
    assert "Given</strong>" in with_row and "Not given yet" in without_row


def _csv(headings: str, *rows: str):
    text = "\n".join([headings, *rows]) + "\n"
    return SimpleUploadedFile("figures.csv", text.encode(), content_type="text/csv")


def test_a_csv_with_welsh_columns_imports_the_welsh(client, olu, force):
    client.force_login(olu)

    response = client.post(
        IMPORT,
        {
            "file": _csv(
                f"{HEADINGS},measure_cy,source_cy",
                "DEMO,2023-01-01,2023-12-31,Simple cautions,1210,,Home Office,,"
                "Rhybuddion syml,Y Swyddfa Gartref",
                "DEMO,2023-01-01,2023-12-31,Community resolutions,2452,,Home Office,,,",
            )
        },
    )

    assert response.status_code == 302
    figures = {f.measure_en: f for f in ForceFigure.objects.all()}
    assert (figures["Simple cautions"].measure_cy, figures["Simple cautions"].source_cy) == (
        "Rhybuddion syml",
        "Y Swyddfa Gartref",
    )
    assert not figures["Community resolutions"].measure_cy


def test_a_csv_with_a_bad_welsh_cell_imports_nothing_and_names_it(client, olu, force):
    client.force_login(olu)

    response = client.post(
        IMPORT,
        {
            "file": _csv(
                f"{HEADINGS},measure_cy,source_cy",
                "DEMO,2023-01-01,2023-12-31,Simple cautions,1210,,Home Office,,Rhybuddion,Swyddfa",
                f"DEMO,2023-01-01,2023-12-31,Cautions,3,,Home Office,,{'x' * 201},Swyddfa",
            )
        },
    )

    assert response.status_code == 200
    (problem,) = response.context["form"].errors["file"]
    assert problem.startswith("Row 3, measure_cy: ")
    assert not ForceFigure.objects.exists()


def test_the_import_page_names_the_welsh_columns(client, olu):
    client.force_login(olu)

    page = client.get(IMPORT).content.decode()

    assert '<th scope="col" class="govuk-table__header">measure_cy</th>' in page
    assert "It may also have the columns measure_cy, source_cy" in page
