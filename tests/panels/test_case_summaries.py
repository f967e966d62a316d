"""Every page that lists a case before its papers are opened says what the case is in its
kind's words: an out of court resolution's offence and outcome type, as it always did; a
stop and search's power used and ethnicity (its summary fields), never an empty outcome."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from panels.enums import MeetingStatus
from panels.workflow import meeting_transition
from tests import factories
from tests.record_kinds import STOP_SEARCH, framework_for, kind, kind_case


def cells(body: str, table_caption: str) -> list[list[str]]:
    table = body[body.index(table_caption) :]
    table = table[: table.index("</table>")]
    rows = re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", table, re.S)
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        ]
        for row in rows
    ]


def summary_rows(body: str) -> list[tuple[str, str]]:
    found = re.findall(
        r'<dt class="govuk-summary-list__key">([^<]*)</dt><dd class="govuk-summary-list__value">'
        r"([^<]*)</dd>",
        body,
    )
    return found


@pytest.fixture
def searches(db):
    return kind(STOP_SEARCH)


@pytest.fixture
def ss_panel(searches, mina, chris):
    """The members' panel, pointed at the stop and search kind."""
    panel = mina.memberships.get().panel
    panel.framework = framework_for(searches, "oocr-three-way")
    panel.save(update_fields=["framework"])
    return panel


def _search(searches, force, reference, **values):
    return kind_case(searches, values, force=force, reference=reference)


@pytest.fixture
def ss_meeting(ss_panel, searches, olu):
    meeting = factories.MeetingFactory(panel=ss_panel)
    force = ss_panel.force
    cases = [
        _search(searches, force, "SS-1", power="pace1", ethnicity="b"),
        _search(searches, force, "SS-2", power="mda23"),
    ]
    for position, case in enumerate(cases, start=1):
        factories.ReviewedCaseFactory(meeting=meeting, position=position, case=case)
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    return meeting


@pytest.fixture
def oocr_meeting(meeting, olu):
    factories.ReviewedCaseFactory(meeting=meeting, position=1, case__offence="Theft from a shop")
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    return meeting


def test_task_list_hints_a_search_by_its_summary_fields(client, mina, ss_meeting):
    client.force_login(mina)

    body = client.get("/").content.decode()

    hints = re.findall(r'<div class="govuk-task-list__hint">([^<]*)</div>', body)
    assert hints == [
        "Power used: PACE s1; Self-defined ethnicity: Black",
        "Power used: Misuse of Drugs Act s23",
    ]
    assert "Case 1: Stop and search (test)</a>" in body


def test_task_list_hints_an_out_of_court_resolution_by_its_outcome_type(client, mina, oocr_meeting):
    client.force_login(mina)

    body = client.get("/").content.decode()

    assert "Case 1: Theft from a shop</a>" in body
    hints = re.findall(r'<div class="govuk-task-list__hint">([^<]*)</div>', body)
    assert hints == ["Community Resolution"]


def test_agenda_of_a_search_meeting_shows_its_summary_fields_as_columns(client, chris, ss_meeting):
    client.force_login(chris)

    body = client.get(f"/panels/meetings/{ss_meeting.pk}/").content.decode()

    assert cells(body, "Cases on the agenda") == [
        ["Case", "Power used", "Self-defined ethnicity"],
        ["Case 1", "PACE s1", "Black"],
        ["Case 2", "Misuse of Drugs Act s23", "Not recorded"],
    ]


def test_agenda_of_an_out_of_court_meeting_shows_offence_and_outcome(client, chris, oocr_meeting):
    client.force_login(chris)

    body = client.get(f"/panels/meetings/{oocr_meeting.pk}/").content.decode()

    assert cells(body, "Cases on the agenda") == [
        ["Case", "Offence", "Outcome"],
        ["Case 1", "Theft from a shop", "Community Resolution"],
    ]


def test_agenda_reads_summaries_in_the_same_number_of_queries_however_many_cases(
    client, chris, ss_meeting, searches
):
    client.force_login(chris)
    url = f"/panels/meetings/{ss_meeting.pk}/"
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    for position in range(3, 13):
        case = _search(searches, ss_meeting.panel.force, f"SS-{position}", power="pace1")
        factories.ReviewedCaseFactory(meeting=ss_meeting, position=position, case=case)

    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200

    assert len(large) == len(small)


def test_task_list_reads_summaries_in_the_same_number_of_queries_however_many_cases(
    client, mina, ss_meeting, searches
):
    client.force_login(mina)
    with CaptureQueriesContext(connection) as small:
        assert client.get("/").status_code == 200
    for position in range(3, 13):
        case = _search(searches, ss_meeting.panel.force, f"SS-{position}", power="pace1")
        factories.ReviewedCaseFactory(meeting=ss_meeting, position=position, case=case)

    with CaptureQueriesContext(connection) as large:
        assert client.get("/").status_code == 200

    assert len(large) == len(small)


def test_conflict_page_names_a_search_by_its_kind_date_and_summary_fields(client, mina, ss_meeting):
    client.force_login(mina)

    body = client.get(f"/panels/meetings/{ss_meeting.pk}/cases/1/conflict/").content.decode()

    assert summary_rows(body) == [
        ("Record", "Stop and search (test)"),
        ("Date of search", "1 March 2025"),
        ("Power used", "PACE s1"),
        ("Self-defined ethnicity", "Black"),
    ]


def test_conflict_page_of_an_out_of_court_resolution_shows_offence_and_outcome_type(
    client, mina, oocr_meeting
):
    client.force_login(mina)

    body = client.get(f"/panels/meetings/{oocr_meeting.pk}/cases/1/conflict/").content.decode()

    assert summary_rows(body) == [
        ("Offence", "Theft from a shop"),
        ("Outcome type", "Community Resolution"),
    ]


def _in_discussion(meeting, olu):
    meeting_transition(meeting=meeting, to=MeetingStatus.IN_DISCUSSION, by=olu)


def test_decision_page_names_a_search_in_its_kind_s_words(client, chris, olu, ss_meeting):
    _in_discussion(ss_meeting, olu)
    client.force_login(chris)

    body = client.get(f"/panels/meetings/{ss_meeting.pk}/cases/1/decision/").content.decode()

    line = (
        "Stop and search (test), 1 March 2025, Power used: PACE s1; Self-defined ethnicity: Black."
    )
    assert f'<p class="govuk-body">{line} <a' in body


def test_decision_page_of_an_out_of_court_resolution_names_offence_and_outcome(
    client, chris, olu, oocr_meeting
):
    _in_discussion(oocr_meeting, olu)
    client.force_login(chris)

    body = client.get(f"/panels/meetings/{oocr_meeting.pk}/cases/1/decision/").content.decode()

    assert '<p class="govuk-body">Theft from a shop, Community Resolution. <a' in body


def test_observation_form_names_each_case_of_a_kind_without_an_offence(
    client, chris, olu, ss_meeting
):
    _in_discussion(ss_meeting, olu)
    client.force_login(chris)

    body = client.get(f"/panels/meetings/{ss_meeting.pk}/notes/add/").content.decode()

    assert "Case 1: Stop and search (test)</option>" in body
