"""The demo's records of other kinds: the Victims' Code meeting's cases with what each agency
recorded, and a community panel's closed stop and search meeting."""

import datetime

import pytest
from django.db.models import F

from cases import privacy
from cases.kind_data.vcop import RIGHTS_FIELDS
from cases.kinds.presenters import NOT_RECORDED, case_sections
from cases.kinds.selectors import field_value, filter_by_field, kind_sections
from cases.models import Case, FieldType
from cases.models.kinds import FILTERABLE_TYPES
from panels.demo.loader import load_demo
from panels.enums import MeetingStatus
from panels.meetings.selectors import decision_counts
from panels.models import Decision, Meeting, Observation, ReviewedCase
from tests.worlds import module_world


@pytest.fixture(scope="module")
def _demo_for_the_module(django_db_setup, django_db_blocker):
    """The demo, built once for the module inside a transaction rolled back at its end."""
    yield from module_world(django_db_blocker, load_demo)


@pytest.fixture
def demo(_demo_for_the_module, db):
    return None


def cases_of(panel_slug: str) -> list[Case]:
    meeting = Meeting.objects.get(panel__slug=panel_slug, status=MeetingStatus.CLOSED)
    return [rc.case for rc in meeting.reviewed_cases.select_related("case__kind")]


def kind_cases() -> list[Case]:
    return list(Case.objects.exclude(kind__code="oocr").select_related("kind"))


def test_demo_stop_search_meeting_is_closed_and_decided(demo):
    meeting = Meeting.objects.get(panel__slug="stop-search")

    counts = {row.category.code: row.count for row in decision_counts(meeting=meeting)}
    assert (meeting.status, meeting.date) == (MeetingStatus.CLOSED, datetime.date(2025, 11, 19))
    assert counts == {"good-practice": 3, "adequate": 3, "concern": 4}
    assert {case.kind.code for case in cases_of("stop-search")} == {"stop-search"}


def test_demo_stop_search_concerns_are_counted_by_ethnicity(demo):
    concerns = Case.objects.filter(reviews__decision__category__code="concern")
    field = Meeting.objects.get(panel__slug="stop-search").panel.framework.record_kind.fields.get(
        code="self_defined_ethnicity"
    )

    by_group = {
        code: filter_by_field(concerns, field, [code]).count() for code in ["black", "white"]
    }
    assert by_group == {"black": 3, "white": 1}
    assert Observation.objects.filter(text__contains="three of the four searches").exists()


def test_demo_meetings_review_the_kind_their_framework_names(demo):
    mismatched = ReviewedCase.objects.exclude(
        case__kind=F("meeting__panel__framework__record_kind")
    )

    assert list(mismatched) == []


def test_demo_vcop_cases_show_police_cps_and_witness_care_sections(demo):
    cases = cases_of("victims-code")
    sections = kind_sections(cases[0].kind)

    assert {case.kind.code for case in cases} == {"vcop"}
    for case in cases:
        filled = {
            s.name
            for s in case_sections(case, sections)
            if any(r.text != NOT_RECORDED for r in s.rows)
        }
        assert {"Police", "CPS", "Courts and witness care"} <= filled, case.reference


def test_demo_vcop_cases_hold_something_for_every_right(demo):
    cases = cases_of("victims-code")
    fields = {f.code: f for f in cases[0].kind.fields.all()}

    unanswered = [
        (case.reference, right)
        for case in cases
        for right, _label, codes in RIGHTS_FIELDS
        if all(field_value(case, fields[code]) is None for code in codes)
    ]
    assert unanswered == []


def test_demo_values_fit_the_fields_of_their_kind(demo):
    problems = []
    for case in kind_cases():
        fields = {f.code: f for f in case.kind.fields.all()}
        problems += [
            f"{case.reference}: {code} not a field" for code in case.values if code not in fields
        ]
        problems += [
            f"{case.reference}: {code}"
            for code, field in fields.items()
            if code in case.values and not _fits(field, case.values[code])
        ]
        problems += [
            f"{case.reference}: {code} required"
            for code, field in fields.items()
            if field.required and code not in case.values
        ]
    assert problems == []


def test_demo_cases_keep_their_choice_yes_no_and_number_values_as_facets(demo):
    cases = kind_cases()
    expected = {
        case.reference: {
            code: value
            for code, value in case.values.items()
            if case.kind.fields.get(code=code).type in FILTERABLE_TYPES
        }
        for case in cases
    }

    assert {case.reference: case.facets for case in cases} == expected
    assert all(case.facets for case in cases)
    assert any(len(case.facets) < len(case.values) for case in cases)  # text left out


def test_demo_free_text_passes_the_privacy_screen(demo):
    texts = []
    for case in kind_cases():
        free = [
            c for c, f in _fields(case).items() if f.type in (FieldType.TEXT, FieldType.LONG_TEXT)
        ]
        texts += [case.facts_at_decision, case.later_information, case.offence]
        texts += [case.values[code] for code in free if code in case.values]
    texts += [d.reasons for d in Decision.objects.filter(reviewed_case__case__in=kind_cases())]
    texts += list(Observation.objects.values_list("text", flat=True))

    assert [text for text in texts if privacy.scan(text)] == []


def _fields(case: Case) -> dict:
    return {f.code: f for f in case.kind.fields.all()}


def _fits(field, value) -> bool:
    codes = set(field.choice_labels())
    checks = {
        FieldType.YES_NO: lambda v: isinstance(v, bool),
        FieldType.CHOICE: lambda v: v in codes,
        FieldType.MULTI_CHOICE: lambda v: isinstance(v, list) and set(v) <= codes,
        FieldType.DATE: lambda v: bool(datetime.date.fromisoformat(v)),
        FieldType.DATETIME: lambda v: len(v) == 16 and bool(datetime.datetime.fromisoformat(v)),
        FieldType.INTEGER: lambda v: isinstance(v, int) and not isinstance(v, bool),
    }
    return checks.get(field.type, lambda v: isinstance(v, str) and v.strip() == v != "")(value)
