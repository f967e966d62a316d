"""The home page: each role's summary, read through scoped selectors."""

import pytest
from django.urls import reverse

from cases.enums import CaseStatus
from tests import factories

pytestmark = pytest.mark.django_db


def test_home_data_admin_sees_case_and_pool_counts(client, alice):
    factories.CaseFactory.create_batch(2, status=CaseStatus.IN_POOL)
    factories.CaseFactory(status=CaseStatus.WITHDRAWN)
    client.force_login(alice)

    response = client.get(reverse("home"))

    summary = response.context["data_admin"]
    assert (summary["case_count"], summary["pool_size"], summary["open_findings"]) == (3, 2, 0)


def test_home_user_without_role_sees_no_admin_summary(client, eve):
    client.force_login(eve)

    response = client.get(reverse("home"))

    assert ("data_admin" in response.context, "opcc" in response.context) == (False, False)


def test_home_query_count_is_fixed(client, alice, django_assert_max_num_queries):
    factories.BatchFactory.create_batch(3)
    factories.CaseFactory.create_batch(5, status=CaseStatus.IN_POOL)
    client.force_login(alice)

    with django_assert_max_num_queries(20):
        response = client.get(reverse("home"))

    assert response.status_code == 200
