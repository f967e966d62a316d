"""Case papers follow the case's record kind: the core first, then each of the kind's
sections in order with its fields, saying who imported it and when."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cases.models import CaseSectionSource, RecordSection
from panels.enums import MeetingStatus
from panels.workflow import meeting_transition
from tests import factories
from tests.record_kinds import VICTIMS_CODE, kind, kind_case

VALUES = {
    "needs_assessed": True,
    "referred_to": ["vs", "idva"],
    "first_contact": "2025-02-03",
    "police_notes": "First paragraph.\n\nSecond paragraph.",
    "plea": "not_guilty",
    "vps_read": False,
    "letter": "https://dems.example.police.uk/letters/42",
    "witness_care_log": "https://elsewhere.example.com/log/7",
}


def papers_url(meeting, position=1) -> str:
    return f"/panels/meetings/{meeting.pk}/cases/{position}/"


def headings(body: str) -> list[str]:
    return re.findall(r"<h2[^>]*>([^<]+)</h2>", body)


def row_value(body: str, label: str) -> str:
    match = re.search(
        rf'<dt class="govuk-summary-list__key">{re.escape(label)}(?:<span[^>]*>[^<]*</span>)?'
        r'</dt>\s*<dd class="govuk-summary-list__value">(.*?)</dd>',
        body,
        re.S,
    )
    assert match, f"no row {label!r}"
    return match.group(1).strip()


@pytest.fixture
def victims_code(db):
    return kind(VICTIMS_CODE)


@pytest.fixture
def vcop_meeting(meeting, olu, mina, chris, alice, victims_code):
    batch = factories.BatchFactory(force=meeting.panel.force, uploaded_by=alice, kind=victims_code)
    case = kind_case(
        victims_code,
        VALUES,
        force=meeting.panel.force,
        reference="VC-1",
        facts_at_decision="What the police knew.",
        later_information="Learned afterwards.",
        batch=batch,
    )
    factories.ReviewedCaseFactory(meeting=meeting, position=1, case=case)
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    factories.declare(mina, meeting.reviewed_cases.get())
    return meeting


def test_papers_of_a_kind_show_the_core_then_each_section_in_order(
    client, mina, vcop_meeting, settings
):
    settings.RECORD_LINK_HOSTS = ["dems.example.police.uk"]
    client.force_login(mina)

    response = client.get(papers_url(vcop_meeting))

    body = response.content.decode()
    assert response.context["page_title"] == "Case 1: Victims' Code case (test)"
    assert "<h1" in body and "Case 1: Victims&#x27; Code case (test)</h1>" in body
    assert headings(body)[:6] == [
        "The case",
        "Summary",
        "Information that came later",
        "Police",
        "CPS",
        "Courts and witness care",
    ]
    assert row_value(body, "Reference") == "VC-1"
    assert row_value(body, "Date the case closed") == "1 March 2025"
    assert body.index("Summary</h2>") < body.index("What the police knew.")
    assert body.index("Information that came later") < body.index("Learned afterwards.")
    police = body[body.index("Police</h2>") : body.index("CPS</h2>")]
    assert police.index("Needs assessment done") < police.index("Referred to")
    assert police.index("Referred to") < police.index("First contact")


def test_papers_show_each_value_as_a_person_reads_it(client, mina, vcop_meeting, settings):
    settings.RECORD_LINK_HOSTS = ["dems.example.police.uk"]
    client.force_login(mina)

    body = client.get(papers_url(vcop_meeting)).content.decode()

    assert row_value(body, "Needs assessment done") == "Yes"
    assert row_value(body, "Referred to") == "Victim Support, IDVA"
    assert row_value(body, "First contact") == "3 February 2025"
    notes = "<p>First paragraph.</p>\n\n<p>Second paragraph.</p>"
    assert row_value(body, "Officer&#x27;s notes") == notes
    assert row_value(body, "Plea") == "Not guilty"
    assert row_value(body, "Victim Personal Statement read") == "No"
    assert row_value(body, "Updates given") == "Not recorded"
    assert "Right 4: an assessment of the victim&#x27;s needs." in body


def test_papers_link_only_to_allowed_hosts(client, mina, vcop_meeting, settings):
    settings.RECORD_LINK_HOSTS = ["dems.example.police.uk"]
    client.force_login(mina)

    body = client.get(papers_url(vcop_meeting)).content.decode()

    letter = row_value(body, "CPS letter")
    assert letter.startswith(
        '<a class="govuk-link" href="https://dems.example.police.uk/letters/42"'
    )
    log = row_value(body, "Witness care log")
    assert log == "https://elsewhere.example.com/log/7"
    assert 'href="https://elsewhere.example.com' not in body


def test_papers_say_who_imported_each_section_and_when(client, mina, vcop_meeting, victims_code):
    case = vcop_meeting.reviewed_cases.get().case
    cps = RecordSection.objects.get(kind=victims_code, name="CPS")
    sam = factories.UserFactory(username="sam", first_name="Sam", last_name="Okafor")
    CaseSectionSource.objects.create(
        case=case,
        section=cps,
        imported_by=sam,
        imported_at=timezone.make_aware(datetime.datetime(2026, 2, 14, 10, 0)),
    )
    alice = case.batch.uploaded_by
    uploaded = f"{timezone.localtime(case.batch.uploaded_at):%-d %B %Y}"
    client.force_login(mina)

    body = client.get(papers_url(vcop_meeting)).content.decode()

    sources = dict(re.findall(r"id=\"record-section-\d\">([^<]+)</h2>\s*<p[^>]*>([^<]+)</p>", body))
    assert sources == {
        "Police": f"Imported by {alice.get_full_name()} on {uploaded}",
        "CPS": "Imported by Sam Okafor on 14 February 2026",
        "Courts and witness care": f"Imported by {alice.get_full_name()} on {uploaded}",
    }


def test_papers_of_a_case_from_no_extract_name_no_importer(client, mina, vcop_meeting):
    case = vcop_meeting.reviewed_cases.get().case
    case.batch = None
    case.save()
    client.force_login(mina)

    body = client.get(papers_url(vcop_meeting)).content.decode()

    assert "Imported by" not in body
    assert "Police</h2>" in body


def test_the_chair_reads_the_same_sections(client, chris, vcop_meeting):
    factories.declare(chris, vcop_meeting.reviewed_cases.get())
    client.force_login(chris)

    body = client.get(papers_url(vcop_meeting)).content.decode()

    assert headings(body)[3:6] == ["Police", "CPS", "Courts and witness care"]


def test_papers_of_an_out_of_court_resolution_show_all_they_showed_before(
    client, mina, meeting, olu
):
    factories.ReviewedCaseFactory(
        meeting=meeting,
        position=1,
        case__reference="OC-1",
        case__offence="Harassment",
        case__crime_code=factories.crime_code("8L"),
        case__offender_age_band="18_24",
        case__gravity_score=3,
        case__admission="full",
        case__victim_views="sought_recorded",
        case__authorising_rank="sergeant",
        case__previous_offending="One caution in 2019.",
        case__conditions="Letter of apology.",
    )
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    factories.declare(mina, meeting.reviewed_cases.get())
    client.force_login(mina)

    body = client.get(papers_url(meeting)).content.decode()

    assert "Case 1: Harassment</h1>" in body
    assert headings(body)[:4] == ["The case", "Facts at decision", "Offence", "Outcome"]
    shown = {
        "Reference": "OC-1",
        "Outcome date": "1 March 2025",
        "Offence": "Harassment",
        "Crime code": "8L " + factories.crime_code("8L").description,
        "Offence date": "10 January 2025",
        "Outcome type": "Community Resolution",
        "Gravity score": "3",
        "Previous offending": "<p>One caution in 2019.</p>",
        "Conditions": "<p>Letter of apology.</p>",
    }
    for label, value in shown.items():
        assert row_value(body, label) == value, label
    assert row_value(body, "Offender age band") == "18 to 24"
    assert row_value(body, "Admission") == "Full and frank admission on record"
    assert row_value(body, "Victim&#x27;s views") == "Sought and recorded"
    assert row_value(body, "Authorising rank") == "Sergeant"


def test_papers_read_the_kind_in_the_same_number_of_queries_however_big(client, mina, meeting, olu):
    small = kind({"code": "small", "name": "Small", "sections": [("One", [_field(1)])]})
    big = kind(
        {
            "code": "big",
            "name": "Big",
            "sections": [(f"S{s}", [_field(s * 10 + f) for f in range(6)]) for s in range(5)],
        }
    )
    for position, record_kind in enumerate([small, big], start=1):
        case = kind_case(record_kind, {}, force=meeting.panel.force)
        factories.ReviewedCaseFactory(meeting=meeting, position=position, case=case)
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    for reviewed in meeting.reviewed_cases.all():
        factories.declare(mina, reviewed)
    client.force_login(mina)

    counts = []
    for position in (1, 2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(papers_url(meeting, position)).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]


def _field(n: int) -> dict:
    return {"code": f"f{n}", "label": f"Field {n}", "type": "text"}


def test_task_list_and_agenda_name_a_case_of_a_kind_without_an_offence(
    client, mina, chris, vcop_meeting
):
    client.force_login(mina)
    assert "Case 1: Victims&#x27; Code case (test)</a>" in client.get("/").content.decode()

    client.force_login(chris)
    agenda = client.get(f"/panels/meetings/{vcop_meeting.pk}/").content.decode()
    # The kind's one filterable list field heads a column of its own.
    assert '<th scope="col" class="govuk-table__header">Plea</th>' in agenda
    assert '<td class="govuk-table__cell">Not guilty</td>' in agenda


def test_papers_read_in_welsh_mark_the_records_english_labels_and_narrative(
    client, mina, vcop_meeting, welsh
):
    client.force_login(mina)
    client.cookies["django_language"] = "cy"

    body = client.get(papers_url(vcop_meeting)).content.decode()

    assert '<dt class="govuk-summary-list__key" lang="en-GB">Needs assessment done' in body
    assert '<p class="govuk-body app-narrative" lang="en-GB">' in body
    # Yes, no and dates are the page's; choices with no Welsh yet are English.
    assert '<dd class="govuk-summary-list__value">Ie</dd>' in body
    assert '<dd class="govuk-summary-list__value">3 Chwefror 2025</dd>' in body
    assert '<dd class="govuk-summary-list__value" lang="en-GB">Victim Support, IDVA</dd>' in body


def test_papers_read_in_welsh_give_the_kinds_welsh_where_it_has_it(
    client, mina, vcop_meeting, victims_code, welsh
):
    field = victims_code.fields.get(code="referred_to")
    field.label_cy = "Wedi'i gyfeirio at"
    field.choices = [{**c, "label_cy": f"{c['label']} (cy)"} for c in field.choices]
    field.save()
    section = field.section
    section.name_cy = "Heddlu"
    section.save()
    client.force_login(mina)
    client.cookies["django_language"] = "cy"

    body = client.get(papers_url(vcop_meeting)).content.decode()

    assert ">Heddlu</h2>" in body and '<dt class="govuk-summary-list__key">Wedi' in body
    assert '<dd class="govuk-summary-list__value">Victim Support (cy), IDVA (cy)</dd>' in body
    # A field with no Welsh yet, in the same section, is still marked.
    assert '<dt class="govuk-summary-list__key" lang="en-GB">Needs assessment done' in body
