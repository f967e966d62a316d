"""The findings in words, category by category, for every framework the panels use."""

import pytest

from reports import bullets, services
from reports.presenters import meeting_report
from tests.reports.conftest import closed_meeting

pytestmark = pytest.mark.django_db


def sentences(meeting, olu):
    report = services.report_generate(meeting=meeting, by=olu)
    return [str(f.sentence) for f in meeting_report(report).findings if f.shown]


def test_oocr_four_way_counts_are_said_as_published(olu):
    meeting = closed_meeting({"consistent-with-observations": 2, "inconsistent": 8})

    assert sentences(meeting, olu) == [
        "The panel was of the view that no cases were consistent with Policy.",
        "The panel was of the view that 2 cases were consistent with Policy but with "
        "observations. Their reasons for making this decision were:",
        "The panel was of the view that 8 cases were inconsistent with Policy and their "
        "reasons for making this decision were:",
        "The panel reached a conclusion on every case.",
    ]


def test_oocr_four_way_single_cases_and_no_conclusion(olu):
    meeting = closed_meeting({"consistent": 1, "no-conclusion": 1}, reasons={1: ""})

    assert sentences(meeting, olu) == [
        "The panel was of the view that 1 case was consistent with Policy.",
        "The panel was of the view that no cases were consistent with Policy but with "
        "observations.",
        "The panel was of the view that no cases were inconsistent with Policy.",
        "The panel failed to reach a conclusion on 1 case. The reasons were:",
    ]


def test_oocr_three_way_counts_are_said_in_its_own_words(olu):
    meeting = closed_meeting(
        {"appropriate": 3, "appropriate-with-observations": 1, "inappropriate": 2},
        framework_slug="oocr-three-way",
        reasons={1: "", 2: "", 3: ""},
    )

    assert sentences(meeting, olu) == [
        "The panel was of the view that 3 cases were appropriate and consistent with local "
        "policy and national guidance.",
        "The panel was of the view that 1 case was appropriate and consistent with local "
        "policy and national guidance, with observations. Their reasons for making this "
        "decision were:",
        "The panel was of the view that 2 cases were inappropriate and inconsistent with "
        "local policy and national guidance and their reasons for making this decision were:",
    ]


def test_victims_code_lists_only_the_categories_cases_fell_into(olu):
    meeting = closed_meeting(
        {"fully-compliant": 4, "partially-compliant": 2}, framework_slug="vcop-seven-way"
    )

    assert sentences(meeting, olu) == [
        "The panel deemed that 4 cases were found to be overall compliant with the 12 "
        "Victims Rights and included good practice such as:",
        "The panel deemed 2 cases to be Partially compliant with the 12 Victims Rights. "
        "Observations included the following:",
    ]


def test_victims_code_every_other_category(olu):
    meeting = closed_meeting(
        {
            "non-compliant": 1,
            "victim-did-not-engage": 2,
            "no-decision": 1,
            "information-not-recorded": 1,
            "not-applicable": 1,
        },
        framework_slug="vcop-seven-way",
    )

    assert sentences(meeting, olu) == [
        "The panel deemed 1 case to be Non-compliant with the 12 Victims Rights. "
        "Observations included the following:",
        "The panel placed 2 cases in the category “Victim did not engage”. Their reasons were:",
        "The panel failed to reach a decision on 1 case. The reasons were:",
        "The panel placed 1 case in the category “Information not recorded”. Their reasons were:",
        "The panel placed 1 case in the category “Not applicable”. Their reasons were:",
    ]


def test_victims_code_report_lists_the_12_rights(olu):
    meeting = closed_meeting({"fully-compliant": 1}, framework_slug="vcop-seven-way")
    report = services.report_generate(meeting=meeting, by=olu)

    rights = meeting_report(report).rights

    assert len(rights) == 12
    assert rights[0] == "To be able to understand and to be understood"


def test_every_category_is_in_the_numbered_list_and_the_chart(olu):
    meeting = closed_meeting({"fully-compliant": 1}, framework_slug="vcop-seven-way")
    report = services.report_generate(meeting=meeting, by=olu)

    presented = meeting_report(report)

    assert [f.number for f in presented.findings] == [1, 2, 3, 4, 5, 6, 7]
    assert [row["count"] for row in presented.chart["rows"]] == [1, 0, 0, 0, 0, 0, 0]


def test_report_chart_names_each_category_as_its_table_does(build_meeting, olu):
    from reports.publishing import body_html

    meeting = build_meeting(
        {"fully-compliant": 1, "no-decision": 1}, framework_slug="vcop-seven-way"
    )
    report = services.report_generate(meeting=meeting, by=olu)

    html = body_html(report)

    chart = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    table = html.split('id="category-figures"', 1)[1].split("</table>", 1)[0]
    assert "Panel failed to reach a decision" in chart and "No decision" not in chart
    assert "Panel failed to reach a decision" in table


def test_a_bullet_for_both_cases_of_its_category_says_in_both_cases(build_meeting, olu):
    meeting = build_meeting(
        {"fully-compliant": 1, "partially-compliant": 2}, framework_slug="vcop-seven-way"
    )
    report = services.report_generate(meeting=meeting, by=olu)
    category = report.panel.framework.categories.get(code="partially-compliant")
    both = list(category.decisions.filter(reviewed_case__meeting=meeting))
    bullets.bullet_save(
        report=report,
        category=category,
        decisions=both,
        text="it could not be determined if a victim's booklet was provided.",
        by=olu,
        version=report.version,
    )
    bullets.bullet_save(
        report=report,
        category=category,
        decisions=both[:1],
        text="the victim was not updated.",
        by=olu,
        version=report.version,
    )

    (finding,) = [f for f in meeting_report(report).findings if f.count == 2]
    assert [b.sentence for b in finding.bullets] == [
        "In both cases it could not be determined if a victim's booklet was provided.",
        "In one case the victim was not updated.",
    ]
