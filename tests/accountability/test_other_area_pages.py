"""Other areas discussed at a meeting: adding and changing one."""

import pytest
from django.urls import reverse

from accountability import services
from accountability.models import OtherArea

from .pages import error_page, signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def area(olu, scrutiny):
    return services.other_area_save(meeting=scrutiny, by=olu, heading="FTR48")


def add(meeting) -> str:
    return reverse("accountability:other_area_add", args=[meeting.pk])


def edit(area) -> str:
    return reverse("accountability:other_area_edit", args=[area.pk])


def test_signed_out_goes_to_sign_in(client, area):
    signed_out_goes_to_sign_in(client, add(area.meeting))
    signed_out_goes_to_sign_in(client, edit(area))


@pytest.mark.parametrize("who", ["lee", "mina", "cleo", "eve"])
def test_refused_to_all_but_opcc_staff(client, request, area, who):
    user = request.getfixturevalue(who)
    assert status_for(client, user, add(area.meeting)) == 403
    assert status_for(client, user, edit(area)) == 403
    assert status_for(client, user, add(area.meeting), "post", {"heading": "X"}) == 403
    assert OtherArea.objects.count() == 1


def test_an_area_that_does_not_exist_is_not_found(client, olu):
    assert status_for(client, olu, reverse("accountability:other_area_edit", args=[999])) == 404


def test_opcc_staff_add_an_area(client, olu, scrutiny):
    client.force_login(olu)

    response = client.post(add(scrutiny), {"heading": "The V100 pilot", "text": "", "version": 0})

    assert response.status_code == 302
    assert OtherArea.objects.get().heading == "The V100 pilot"


def test_a_blank_heading_is_refused(client, olu, scrutiny):
    client.force_login(olu)

    response = client.post(add(scrutiny), {"heading": "", "version": 0})

    error_page(response, "Enter what was discussed")
    assert OtherArea.objects.count() == 0


def test_changed_from_an_old_page_answers_409(client, olu, area):
    client.force_login(olu)
    data = {"heading": "First", "version": area.version}
    client.post(edit(area), data)

    response = client.post(edit(area), data | {"heading": "Mine"})

    assert response.status_code == 409
    assert OtherArea.objects.get().heading == "First"


def test_query_count(client, olu, area, django_assert_num_queries):
    client.force_login(olu)
    client.get(edit(area))
    with django_assert_num_queries(4):
        assert client.get(edit(area)).status_code == 200
