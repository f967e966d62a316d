"""The page where OPCC staff choose which criteria a report shows, and how."""

import pytest

from panels.models import Criterion
from reports import services
from reports.enums import CriteriaDisplay
from reports.models import FindingsReport
from tests import factories
from tests.reports.conftest import closed_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def vcop_draft(olu):
    meeting = closed_meeting({"fully-compliant": 2}, framework_slug="vcop-seven-way")
    return services.report_generate(meeting=meeting, by=olu)


def url(report) -> str:
    return f"/reports/{report.pk}/criteria/"


def pks(report, *codes) -> list[int]:
    return list(
        Criterion.objects.filter(framework=report.panel.framework, code__in=codes).values_list(
            "pk", flat=True
        )
    )


def test_signed_out_visitors_are_sent_to_sign_in(client, vcop_draft):
    assert client.get(url(vcop_draft)).status_code == 302


def test_panel_members_are_refused_and_others_find_nothing(client, vcop_draft, eve):
    member = factories.MembershipFactory(panel=vcop_draft.panel).user
    client.force_login(member)
    assert client.post(url(vcop_draft), {"display": "table"}).status_code == 403
    client.force_login(eve)
    assert client.get(url(vcop_draft)).status_code == 404
    assert FindingsReport.objects.get().criteria_display == CriteriaDisplay.BOTH


def test_every_right_starts_shown_as_sentences_and_a_table(client, vcop_draft, olu):
    client.force_login(olu)

    form = client.get(url(vcop_draft)).context["form"]

    assert len(form["shown"].value()) == 12
    assert form["display"].value() == CriteriaDisplay.BOTH


def test_staff_leave_rights_out_and_choose_the_table(client, vcop_draft, olu):
    client.force_login(olu)
    shown = pks(vcop_draft, "referral-to-support", "complaint")

    response = client.post(
        url(vcop_draft),
        {"version": vcop_draft.version, "shown": shown, "display": CriteriaDisplay.TABLE},
    )

    assert response.status_code == 302
    detail = client.get(response.url).content.decode()
    assert "2 of 12, as a table with a chart only" in detail
    report = FindingsReport.objects.get()
    assert report.criteria_hidden.count() == 10
    assert report.version == vcop_draft.version + 1


def test_no_display_chosen_names_the_field_and_writes_nothing(client, vcop_draft, olu):
    client.force_login(olu)

    response = client.post(url(vcop_draft), {"version": vcop_draft.version, "shown": []})

    assert response.status_code == 200
    assert "Select how the findings per criterion are shown" in response.content.decode()
    assert FindingsReport.objects.get().criteria_hidden.count() == 0


def test_a_stale_save_is_refused_and_writes_nothing(client, vcop_draft, olu):
    client.force_login(olu)
    services.section_save(
        report=vcop_draft, key="why", heading="Why", body="Changed.", by=olu, version=1
    )

    response = client.post(
        url(vcop_draft), {"version": 1, "shown": [], "display": CriteriaDisplay.SENTENCES}
    )

    assert response.status_code == 409
    assert FindingsReport.objects.get().criteria_display == CriteriaDisplay.BOTH


def test_a_report_awaiting_approval_cannot_be_changed(client, vcop_draft, olu):
    services.report_submit(report=vcop_draft, by=olu)
    client.force_login(olu)

    response = client.post(
        url(vcop_draft),
        {"version": vcop_draft.version, "shown": [], "display": CriteriaDisplay.SENTENCES},
    )

    assert "Only a draft can be changed" in response.content.decode()
    assert FindingsReport.objects.get().criteria_display == CriteriaDisplay.BOTH


def test_the_page_runs_a_fixed_number_of_queries(
    client, vcop_draft, olu, django_assert_num_queries
):
    client.force_login(olu)
    client.get(url(vcop_draft))

    with django_assert_num_queries(8):
        assert client.get(url(vcop_draft)).status_code == 200
