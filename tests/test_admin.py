"""The Django admin for data admins: useful lists, and refusals that protect history."""

import pytest
from django.contrib import admin

from panels.models import Framework
from tests import factories


@pytest.mark.parametrize(
    "model", [m for m in admin.site._registry if m._meta.app_label in {"cases", "panels"}]
)
def test_admin_changelist_loads_for_a_data_admin(client, alice, model):
    client.force_login(alice)
    opts = model._meta

    response = client.get(f"/admin/{opts.app_label}/{opts.model_name}/")

    assert response.status_code == 200


def test_admin_refuses_to_delete_a_framework_in_use(client, alice, panel):
    client.force_login(alice)
    framework = panel.framework

    response = client.post(
        f"/admin/panels/framework/{framework.pk}/delete/", {"post": "yes"}, follow=True
    )

    assert response.status_code == 200
    assert "would require deleting the following protected related objects" in (
        response.content.decode()
    )
    assert Framework.objects.filter(pk=framework.pk).exists()


def test_admin_refuses_to_delete_a_category_with_ratings(client, alice, meeting, mina):
    rating = factories.RatingFactory(
        reviewed_case=factories.ReviewedCaseFactory(meeting=meeting),
        membership=mina.memberships.get(),
    )
    client.force_login(alice)

    response = client.post(
        f"/admin/panels/outcomecategory/{rating.category.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 200
    assert "Cannot delete outcome category" in response.content.decode()
    rating.category.refresh_from_db()


def test_admin_for_panel_member_is_refused(client, mina):
    client.force_login(mina)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_admin_meeting_action_reports_refused_transition(client, olu, meeting):
    olu.is_staff = True
    olu.save()
    client.force_login(olu)

    response = client.post(
        "/admin/panels/meeting/",
        {"action": "close_meeting", "_selected_action": [meeting.pk]},
        follow=True,
    )

    assert "Cannot move from Planned to Closed" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == "planned"


def test_admin_privacy_finding_cannot_be_resolved_outside_the_import_pages(client, alice):
    from cases.models import PrivacyFinding

    finding = PrivacyFinding.objects.create(
        batch=factories.BatchFactory(), row_number=2, column="facts", kind="email"
    )
    client.force_login(alice)

    client.post(
        f"/admin/cases/privacyfinding/{finding.pk}/change/",
        {"status": "accepted", "reason": "Looks fine"},
    )

    finding.refresh_from_db()
    assert (finding.status, finding.reason) == ("open", "")
