"""The service's and the office's names on Welsh pages (docs/welsh.md): their Welsh where
the deployment gives it (SERVICE_NAME_CY, ORGANISATION_NAME_CY), else the English marked
lang="en-GB"; never "the" before the office's name inside a Welsh sentence."""

import pytest

pytestmark = pytest.mark.django_db

OFFICE_CY = "Swyddfa Comisiynydd Heddlu a Throseddu Testshire"


@pytest.fixture
def office(settings):
    settings.SERVICE_NAME = "Scrutiny panels"
    settings.ORGANISATION_NAME = "Office of the Police and Crime Commissioner for Testshire"
    settings.ORGANISATION_EMAIL = "opcc@testshire.example"
    return settings


def test_a_welsh_page_names_the_service_and_the_office_in_welsh(client, office, welsh):
    office.SERVICE_NAME_CY = "Paneli craffu"
    office.ORGANISATION_NAME_CY = OFFICE_CY

    page = client.get("/cy/accessibility/").content.decode()

    assert 'class="app-header__service-name">Paneli craffu</a>' in page
    assert f'<span class="app-header__organisation">{OFFICE_CY}</span>' in page
    assert f"{OFFICE_CY} sy'n rhedeg Paneli craffu." in page
    assert "Office of the Police" not in page.split("<main", 1)[0]
    assert "the Office" not in page


def test_without_their_welsh_a_welsh_page_marks_the_english_names(client, office, welsh):
    office.SERVICE_NAME_CY = ""
    office.ORGANISATION_NAME_CY = ""

    page = client.get("/cy/privacy/").content.decode()

    assert 'class="app-header__service-name"><span lang="en-GB">Scrutiny panels</span></a>' in page
    assert (
        '<span class="app-header__organisation"><span lang="en-GB">Office of the Police and '
        "Crime Commissioner for Testshire</span></span>"
    ) in page
    assert "the Office of the Police and Crime Commissioner for Testshire" not in page
    assert (
        '<span lang="en-GB">Office of the Police and Crime Commissioner for Testshire</span>'
        in page.split("<footer", 1)[1]
    )


def test_an_english_page_keeps_the_english_names_and_the_article(client, office):
    office.SERVICE_NAME_CY = "Paneli craffu"
    office.ORGANISATION_NAME_CY = OFFICE_CY

    page = client.get("/en/privacy/").content.decode()

    assert 'class="app-header__service-name">Scrutiny panels</a>' in page
    assert "contact the Office of the Police and Crime Commissioner for Testshire" in page
    assert OFFICE_CY not in page


def test_the_welsh_office_name_is_set_with_the_english_and_not_guessed(monkeypatch):
    from scrutiny.env import organisation_settings

    monkeypatch.delenv("ORGANISATION_NAME", raising=False)
    monkeypatch.delenv("ORGANISATION_NAME_CY", raising=False)
    assert organisation_settings(debug=False)["ORGANISATION_NAME_CY"] == (
        "Swyddfa'r Comisiynydd Heddlu a Throseddu"
    )
    monkeypatch.setenv("ORGANISATION_NAME", "Testshire OPCC")
    # Not the demo's Welsh name, which is another office's.
    assert organisation_settings(debug=True)["ORGANISATION_NAME_CY"] == ""
    monkeypatch.setenv("ORGANISATION_NAME_CY", "SCHTh Testshire")
    assert organisation_settings(debug=False)["ORGANISATION_NAME_CY"] == "SCHTh Testshire"


def test_the_services_welsh_name_goes_with_the_default_name_only(monkeypatch):
    from scrutiny.env import service_names

    monkeypatch.delenv("SERVICE_NAME", raising=False)
    monkeypatch.delenv("SERVICE_NAME_CY", raising=False)
    assert service_names() == ("Scrutiny panels", "Paneli craffu")
    monkeypatch.setenv("SERVICE_NAME", "Testshire scrutiny")
    assert service_names() == ("Testshire scrutiny", "")
    monkeypatch.setenv("SERVICE_NAME_CY", "Craffu Testshire")
    assert service_names() == ("Testshire scrutiny", "Craffu Testshire")
