"""OPCC staff keep the support services reports point to: add, change, remove."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reports.models import SupportService
from tests import factories

pytestmark = pytest.mark.django_db

LIST = reverse("reports:support_service_list")
NEW = reverse("reports:support_service_new")


def helpline(**overrides) -> dict:
    data = {
        "version": "0",
        "name": "National Stalking Helpline",
        "description": "Confidential, free advice and support.",
        "phone": "0808 802 0300",
        "email": "advice@stalkinghelpline.org",
        "url": "https://www.stalkinghelpline.org/",
        "link_text": "fill in a contact form",
        "placement": "further_information",
        "position": "1",
    }
    return data | overrides


@pytest.fixture
def service(db):
    return SupportService.objects.create(
        name="Criminal Justice and You", url="https://www.cjsyou.example/", position=2
    )


def test_support_service_pages_signed_out_send_to_sign_in(client, service):
    for url in (LIST, NEW, reverse("reports:support_service_edit", args=[service.pk])):
        response = client.get(url)
        assert response.status_code == 302 and "/sign-in/" in response["Location"], url


@pytest.mark.parametrize("who", ["alice", "eve", "chris"])
def test_support_service_pages_refuse_everyone_but_opcc_staff(client, request, service, who):
    client.force_login(request.getfixturevalue(who))
    urls = [
        LIST,
        NEW,
        reverse("reports:support_service_edit", args=[service.pk]),
        reverse("reports:support_service_remove", args=[service.pk]),
    ]

    assert [client.get(url).status_code for url in urls] == [403] * 4
    assert client.post(NEW, helpline()).status_code == 403
    assert SupportService.objects.count() == 1


def test_support_service_added_by_opcc_staff_for_the_panels_chosen(client, olu, panel):
    client.force_login(olu)

    response = client.post(NEW, helpline(panels=[panel.pk]))

    assert response.status_code == 302 and response["Location"] == LIST
    saved = SupportService.objects.get()
    assert (saved.name, saved.phone, saved.placement) == (
        "National Stalking Helpline",
        "0808 802 0300",
        "further_information",
    )
    assert list(saved.panels.all()) == [panel]
    assert "National Stalking Helpline" in client.get(LIST).content.decode()


def test_support_service_without_any_way_to_reach_it_is_refused_naming_the_field(client, olu):
    client.force_login(olu)

    response = client.post(NEW, helpline(phone="", email="", url="", link_text=""))

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Enter a phone number, email address or website for this service" in page
    assert SupportService.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Enter the name of the service"),
        ("email", "advice at helpline", "Enter an email address in the correct format"),
        ("url", "javascript:alert(1)", "Enter a website address"),
        ("phone", "call us", "Enter a phone number, like 0808 802 0300"),
        ("position", "first", "Enter the order in the list as a whole number"),
        ("description", "Cases were selected at random.", "Remove “selected at random”"),
    ],
)
def test_support_service_bad_input_is_refused_with_a_message(client, olu, field, value, message):
    client.force_login(olu)

    response = client.post(NEW, helpline(**{field: value}))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert SupportService.objects.count() == 0


def test_support_service_changed_from_an_old_page_answers_409_keeping_the_answers(
    client, olu, service
):
    client.force_login(olu)
    url = reverse("reports:support_service_edit", args=[service.pk])
    client.post(url, helpline(name="Renamed first", version=str(service.version)))

    response = client.post(url, helpline(name="My own name", version=str(service.version)))

    assert response.status_code == 409
    assert "Someone else changed this support service" in response.content.decode()
    assert 'value="My own name"' in response.content.decode()
    assert SupportService.objects.get().name == "Renamed first"


def test_support_service_removed_by_opcc_staff(client, olu, service):
    client.force_login(olu)
    url = reverse("reports:support_service_remove", args=[service.pk])

    response = client.post(url, {"version": str(service.version)})

    assert response.status_code == 302
    assert SupportService.objects.count() == 0


def test_support_service_list_query_count_does_not_grow_with_services(client, olu):
    client.force_login(olu)
    panels = [factories.PanelFactory() for _ in range(3)]

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST).status_code == 200
        return len(captured)

    SupportService.objects.create(name="One", phone="0100").panels.set(panels[:1])
    few = count()
    for n in range(5):
        SupportService.objects.create(name=f"More {n}", phone="0100").panels.set(panels)

    assert count() == few
