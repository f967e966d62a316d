"""The panels' decisions on a force's cases, for its liaison: on a page and as CSV/XLSX."""

import io

import openpyxl
import pytest
from django.urls import reverse

from core.models import AuditEntry
from panels.enums import MeetingStatus
from panels.models import Meeting
from tests import factories


@pytest.fixture
def decided(meeting, chris, mina):
    """A closed meeting: one decision with reasons and a theme, and Mina's rating of it."""
    decision = factories.DecisionFactory(
        reviewed_case__meeting=meeting,
        reviewed_case__case__reference="=HYPERLINK(1)",
        reasons="No admission was recorded.",
        recorded_by=chris,
    )
    decision.themes.set([factories.theme("no-clear-admission")])
    factories.RatingFactory(
        reviewed_case=decision.reviewed_case,
        membership=mina.memberships.get(),
        reasons="Mina's own view, never shown to the force.",
    )
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CLOSED)
    return decision


def page(force) -> str:
    return reverse("panels:force_feedback", args=[force.pk])


def download(force, fmt) -> str:
    return reverse("panels:force_feedback_download", args=[force.pk, fmt])


def test_signed_out_is_sent_to_sign_in(client, panel):
    response = client.get(page(panel.force))

    assert (response.status_code, response.url.startswith(reverse("login"))) == (302, True)


def test_another_forces_liaison_gets_404_for_the_page_and_downloads(client, panel, decided):
    client.force_login(factories.ForceLiaisonFactory().user)

    codes = [client.get(u).status_code for u in (page(panel.force), download(panel.force, "csv"))]

    assert codes == [404, 404]


def test_a_panel_member_gets_404(client, mina, panel):
    client.force_login(mina)

    assert client.get(page(panel.force)).status_code == 404


def test_an_unknown_format_is_not_found(client, lee, panel):
    client.force_login(lee)

    assert client.get(download(panel.force, "json")).status_code == 404


def test_the_liaison_reads_the_decision_reasons_and_themes_never_a_rating(
    client, lee, panel, decided
):
    client.force_login(lee)

    content = client.get(page(panel.force)).content.decode()

    assert [
        "No admission was recorded." in content,
        decided.category.label in content,
        "Mina" in content,
    ] == [True, True, False]


def test_a_meeting_not_yet_closed_is_left_out(client, lee, panel, decided):
    Meeting.objects.filter(pk=decided.reviewed_case.meeting_id).update(
        status=MeetingStatus.IN_DISCUSSION
    )
    client.force_login(lee)

    assert client.get(page(panel.force)).context["rows"] == []


def test_the_csv_neutralises_formulas_and_is_audited(client, lee, panel, decided):
    client.force_login(lee)

    response = client.get(download(panel.force, "csv"))

    lines = response.content.decode().splitlines()
    assert (
        lines[0],
        "'=HYPERLINK(1)" in lines[1],
        AuditEntry.objects.filter(summary="Case feedback downloaded as CSV").count(),
    ) == ("Meeting,Panel,Case reference,Decision,Reasons,Themes", True, 1)


def test_the_xlsx_opens_with_one_row_per_decision(client, lee, panel, decided):
    client.force_login(lee)

    response = client.get(download(panel.force, "xlsx"))

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[2]][4:] == [
        "No admission was recorded.",
        decided.themes.get().name,
    ]


def test_the_page_is_audited(client, lee, panel):
    client.force_login(lee)

    client.get(page(panel.force))

    assert AuditEntry.objects.filter(summary="Case feedback viewed", actor=lee).count() == 1


def test_the_page_takes_a_fixed_number_of_queries(
    client, lee, panel, decided, django_assert_num_queries
):
    client.force_login(lee)
    client.get(page(panel.force))

    with django_assert_num_queries(8):
        client.get(page(panel.force))
