"""The Django admin for data admins: useful lists, and refusals that protect history."""

import pytest
from django.contrib import admin

from panels.models import Theme
from tests import factories


@pytest.mark.parametrize(
    "model", [m for m in admin.site._registry if m._meta.app_label in {"cases", "panels"}]
)
def test_admin_changelist_loads_for_a_data_admin(client, alice, model):
    client.force_login(alice)
    opts = model._meta

    response = client.get(f"/admin/{opts.app_label}/{opts.model_name}/")

    assert response.status_code == 200


@pytest.mark.parametrize("model", ["framework", "outcomecategory", "criterion", "theme"])
def test_admin_never_deletes_reference_rows_ratings_point_at(client, alice, panel, model):
    """Refused whether in use or not, so a delete page cannot tell which ones a hidden
    rating uses; they are retired (unticked as active) instead."""
    framework = panel.framework
    row = {
        "framework": framework,
        "outcomecategory": framework.categories.first(),
        "criterion": framework.criteria.first(),
        "theme": Theme.objects.first(),
    }[model]
    client.force_login(alice)

    response = client.post(f"/admin/panels/{model}/{row.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert type(row).objects.filter(pk=row.pk).exists()


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


@pytest.mark.parametrize("model", ["meeting", "observation", "action"])
def test_meetings_notes_and_actions_are_only_read_in_the_admin(client, model, meeting):
    """Their pages' services hold the rules (dates, statuses, who may write), so the
    admin does not write around them."""
    root = factories.UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(root)

    assert client.get(f"/admin/panels/{model}/add/").status_code == 403
    response = client.post(
        f"/admin/panels/meeting/{meeting.pk}/change/",
        {"panel": meeting.panel.pk, "date": "2030-01-01", "theme": "Changed"},
    )
    assert response.status_code == 403
    meeting.refresh_from_db()
    assert meeting.theme == "Stalking or Harassment"
