"""Findings per criterion, worked by hand: the panel's answers counted, not applicable left
out of the denominator, frozen at publication, rolled up over a period, and published as
open data."""

import csv
import datetime
import io

import pytest

from panels.models import Criterion, Decision, DecisionAssessment
from reports import services
from reports.criteria_services import report_criteria_save
from reports.enums import CriteriaDisplay
from reports.presenters import meeting_report, period_report
from reports.shares import percent
from tests.reports.conftest import closed_meeting, publish

pytestmark = pytest.mark.django_db

VCOP = "vcop-seven-way"


def answer(meeting, code: str, values: list[str]) -> None:
    """The panel's answer on one criterion for each case, in agenda order."""
    criterion = Criterion.objects.get(framework=meeting.panel.framework, code=code)
    decisions = Decision.objects.filter(reviewed_case__meeting=meeting).order_by(
        "reviewed_case__position"
    )
    for decision, value in zip(decisions, values, strict=True):
        DecisionAssessment.objects.create(decision=decision, criterion=criterion, value=value)


@pytest.fixture
def vcop_six(db):
    """Six Victims' Code cases with the panel's answers on three rights:
    - right 4 (referral): met 3, not met 1, not applicable 2 → 3 of 4 (75%)
    - right 6 (investigation): met 4, partly met 1, not recorded 1 → 4 of 6 (67%)
    - right 11 (offender information): not applicable in all 6."""
    meeting = closed_meeting(
        {"fully-compliant": 4, "partially-compliant": 2},
        framework_slug=VCOP,
        date=datetime.date(2026, 3, 4),
    )
    answer(meeting, "referral-to-support", ["met"] * 3 + ["not_met"] + ["not_applicable"] * 2)
    answer(
        meeting,
        "investigation-information",
        ["met"] * 4 + ["partly_met", "not_recorded"],
    )
    answer(meeting, "offender-information", ["not_applicable"] * 6)
    return meeting


def by_code(presented) -> dict:
    return {f.code: f for f in presented.criteria.findings}


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(4, 6, 67), (3, 4, 75), (1, 8, 13), (1, 3, 33), (0, 5, 0), (2, 2, 100), (0, 0, None)],
)
def test_percentages_are_whole_with_halves_rounded_up(part, whole, expected):
    assert percent(part, whole) == expected


def test_a_criterion_is_counted_over_the_cases_where_it_applied(vcop_six, olu):
    report = services.report_generate(meeting=vcop_six, by=olu)

    found = by_code(meeting_report(report))

    referral = found["referral-to-support"]
    assert (referral.met, referral.applied, referral.cases, referral.percentage) == (3, 4, 6, 75)
    assert referral.sentence == (
        "Right 4 (to be referred to services that support victims) was met in 3 of 4 cases "
        "where it applied (75%)."
    )
    assert found["investigation-information"].sentence.endswith(
        "was met in 4 of 6 cases where it applied (67%)."
    )


def test_a_right_not_applicable_in_two_of_six_cases_reads_of_four(olu):
    meeting = closed_meeting({"fully-compliant": 6}, framework_slug=VCOP)
    answer(
        meeting,
        "victim-personal-statement",
        ["met", "met", "not_met", "met", "not_applicable", "not_applicable"],
    )
    report = services.report_generate(meeting=meeting, by=olu)

    sentence = by_code(meeting_report(report))["victim-personal-statement"].sentence

    assert sentence == (
        "Right 7 (to make a Victim Personal Statement) was met in 3 of 4 cases where it "
        "applied (75%)."
    )


def test_a_criterion_that_never_applied_says_so_and_one_case_is_singular(vcop_six, olu):
    one = closed_meeting({"fully-compliant": 1}, framework_slug=VCOP)
    answer(one, "complaint", ["met"])
    found = by_code(meeting_report(services.report_generate(meeting=vcop_six, by=olu)))
    single = by_code(meeting_report(services.report_generate(meeting=one, by=olu)))

    assert found["offender-information"].sentence == (
        "Right 11 (to be given information about the offender following a conviction) did "
        "not apply in any of the 6 cases the panel answered it for."
    )
    assert found["offender-information"].percentage is None
    assert found["complaint"].sentence == (
        "Right 12 (to make a complaint about your rights not being met): the panel recorded "
        "no answer."
    )
    assert single["complaint"].sentence.endswith("was met in 1 of 1 case where it applied (100%).")


def test_oocr_criteria_are_called_criteria(olu):
    meeting = closed_meeting({"inconsistent": 2})
    answer(meeting, "authority", ["not_met", "met"])

    found = by_code(meeting_report(services.report_generate(meeting=meeting, by=olu)))

    assert found["authority"].sentence == (
        "Criterion 5 (authorised at the required rank) was met in 1 of 2 cases where it "
        "applied (50%)."
    )


def test_publication_freezes_the_rows_and_the_open_data_carries_them(client, vcop_six, olu, nia):
    report = services.report_generate(meeting=vcop_six, by=olu)
    version = publish(report, author=olu, approver=nia)
    base = f"/en/findings/{report.panel.slug}/{report.slug}/"

    row = next(r for r in version.figures["criteria"] if r["code"] == "referral-to-support")
    data = client.get(f"{base}figures.json").json()
    rows = list(csv.DictReader(io.StringIO(client.get(f"{base}figures.csv").content.decode())))

    assert row == {
        "position": 4,
        "code": "referral-to-support",
        "criterion": "To be referred to services that support victims",
        "group": "",
        "met": 3,
        "partly_met": 0,
        "not_met": 1,
        "not_recorded": 0,
        "not_applicable": 2,
        "cases": 6,
        "numerator": 3,
        "denominator": 4,
        "percentage": 75,
    }
    assert data["force"] == report.panel.force.code
    assert (data["period_start"], data["period_end"]) == ("2026-03-04", "2026-03-04")
    assert len(data["criteria"]) == 12
    referral = next(r for r in rows if r["text"] == row["criterion"])
    assert {k: referral[k] for k in ("record", "position", "numerator", "denominator")} == {
        "record": "criterion",
        "position": "4",
        "numerator": "3",
        "denominator": "4",
    }
    assert (referral["percentage"], referral["force"], referral["framework"]) == (
        "75",
        report.panel.force.code,
        "Victims' Code of Practice (seven categories)",
    )
    never = next(r for r in rows if r["text"].startswith("To be given information about the off"))
    assert (never["denominator"], never["percentage"]) == ("0", "")


def test_the_published_page_shows_sentences_and_the_table(client, vcop_six, olu, nia):
    report = services.report_generate(meeting=vcop_six, by=olu)
    publish(report, author=olu, approver=nia)

    page = client.get(f"/en/findings/{report.panel.slug}/{report.slug}/").content.decode()

    assert "Findings on each of the victims&#x27; rights" in page
    assert "was met in 3 of 4 cases where it applied (75%)." in page
    assert "3 of 4 (75%)" in page  # the table's last column
    assert '<title id="criteria-chart-title">' in page


def test_editors_leave_criteria_out_and_choose_sentences_only(vcop_six, olu, nia):
    report = services.report_generate(meeting=vcop_six, by=olu)
    shown = list(
        Criterion.objects.filter(
            framework=report.panel.framework,
            code__in=["referral-to-support", "investigation-information"],
        )
    )

    report_criteria_save(
        report=report,
        shown=shown,
        display=CriteriaDisplay.SENTENCES,
        by=olu,
        version=report.version,
    )
    presented = meeting_report(report)
    version = publish(report, author=olu, approver=nia)

    assert [f.code for f in presented.criteria.findings] == [
        "referral-to-support",
        "investigation-information",
    ]
    assert (presented.criteria.show_sentences, presented.criteria.show_table) == (True, False)
    assert [r["code"] for r in version.figures["criteria"]] == [
        "referral-to-support",
        "investigation-information",
    ]


def test_a_period_report_adds_up_the_meetings_published_answers(vcop_six, olu, nia):
    second = closed_meeting(
        {"fully-compliant": 2},
        framework_slug=VCOP,
        panel=vcop_six.panel,
        date=datetime.date(2026, 9, 9),
    )
    answer(second, "referral-to-support", ["met", "not_applicable"])
    for meeting in (vcop_six, second):
        publish(services.report_generate(meeting=meeting, by=olu), author=olu, approver=nia)
    report = services.report_generate_period(
        panel=vcop_six.panel,
        start=datetime.date(2026, 1, 1),
        end=datetime.date(2026, 12, 31),
        by=olu,
    )

    referral = by_code(period_report(report))["referral-to-support"]

    # 3 met, 1 not met, 2 n/a in March; 1 met, 1 n/a in September: 4 of 5.
    assert (referral.met, referral.applied, referral.cases) == (4, 5, 8)
    assert referral.sentence.endswith("was met in 4 of 5 cases where it applied (80%).")
