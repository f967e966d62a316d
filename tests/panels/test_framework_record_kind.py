"""A framework names the kind of record its panels review: chosen when it is made, shown on
its page, and fixed once its panels have meetings."""

import pytest
from django.urls import reverse

from cases.kinds.services import kind_create
from panels.frameworks import services
from panels.models import Framework
from tests import factories
from tests.cases.kind_dictionaries import STOP_SEARCH

pytestmark = pytest.mark.django_db


@pytest.fixture
def stop_search(alice):
    return kind_create(code="patrol-search", name="Patrol search", data=STOP_SEARCH.encode())


def _edit(client, framework, **changes):
    data = {
        "name": framework.name,
        "slug": framework.slug,
        "kind": framework.kind,
        "record_kind": framework.record_kind_id,
        "criteria_heading": framework.criteria_heading,
        "is_active": "on",
        "seen": services.fingerprint(framework),
        **changes,
    }
    return client.post(reverse("panels:framework_edit", args=[framework.pk]), data)


def test_a_new_framework_reviews_the_kind_chosen(client, alice, stop_search):
    client.force_login(alice)
    form = client.get(reverse("panels:framework_create")).content.decode()

    client.post(
        reverse("panels:framework_create"),
        {
            "name": "Patrol search scrutiny",
            "slug": "patrol-search",
            "kind": "other",
            "record_kind": stop_search.pk,
            "criteria_heading": "Criteria",
            "is_active": "on",
        },
    )

    assert "The kind of record its panels review" in form
    assert Framework.objects.get(slug="patrol-search").record_kind == stop_search


def test_a_framework_without_meetings_may_change_its_kind(client, alice, stop_search):
    framework = factories.framework("vcop-seven-way")
    client.force_login(alice)

    response = _edit(client, framework, record_kind=stop_search.pk)

    assert response.status_code == 302
    framework.refresh_from_db()
    assert framework.record_kind == stop_search


def test_once_its_panels_have_meetings_the_kind_cannot_change(client, alice, stop_search):
    framework = factories.framework()
    factories.MeetingFactory(panel=factories.PanelFactory(framework=framework))
    client.force_login(alice)

    page = client.get(reverse("panels:framework_edit", args=[framework.pk])).content.decode()
    response = _edit(client, framework, record_kind=stop_search.pk)

    assert "Its panels have meetings, so the kind of record it reviews" in page
    assert response.status_code == 200
    assert (
        "This framework's panels have meetings, whose cases are Out of court resolution "
        "records, so the kind of record it reviews cannot change."
    ) in response.content.decode().replace("&#x27;", "'")
    framework.refresh_from_db()
    assert framework.record_kind.code == "oocr"
    # Other changes still save.
    assert _edit(client, framework, name="Renamed framework").status_code == 302


def test_the_framework_page_and_list_show_the_kind(client, alice):
    framework = factories.framework()
    client.force_login(alice)

    detail = client.get(reverse("panels:framework_detail", args=[framework.pk])).content.decode()
    listed = client.get(reverse("panels:framework_list")).content.decode()

    assert reverse("cases:kind_detail", args=[framework.record_kind_id]) in detail
    assert "Out of court resolution</a> records" in detail
    assert "Out of court resolution" in listed
