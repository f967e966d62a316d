"""The frameworks, criteria, outcome types and themes seeded by migration."""

from cases.models import OutcomeType
from panels.models import Criterion, OutcomeCategory, Theme


def labels(framework_slug: str) -> list[str]:
    return list(
        OutcomeCategory.objects.filter(framework__slug=framework_slug).values_list(
            "label", flat=True
        )
    )


def test_oocr_four_way_framework_uses_the_published_wording(db):
    assert labels("oocr-four-way") == [
        "Consistent with Police Policy (and the Crown Prosecution Service Code for Crown "
        "Prosecutors)",
        "Consistent with Police Policy (but with observations added from the panel)",
        "Inconsistent with Police Policy",
        "Panel fails to reach a conclusion",
    ]


def test_oocr_four_way_only_no_conclusion_is_inconclusive(db):
    inconclusive = OutcomeCategory.objects.filter(
        framework__slug="oocr-four-way", is_inconclusive=True
    )

    assert list(inconclusive.values_list("label", flat=True)) == [
        "Panel fails to reach a conclusion"
    ]


def test_oocr_three_way_framework_uses_the_published_wording(db):
    assert labels("oocr-three-way") == [
        "Appropriate and consistent with local policy and national guidance",
        "Appropriate and consistent with local policy and national guidance, with observations",
        "Inappropriate and inconsistent with local policy and national guidance",
    ]


def test_vcop_framework_has_seven_categories_in_order(db):
    assert labels("vcop-seven-way") == [
        "Fully compliant",
        "Partially compliant",
        "Non-compliant",
        "Victim did not engage",
        "Panel failed to reach a decision",
        "Information not recorded",
        "Not applicable",
    ]


def test_vcop_framework_assesses_the_twelve_victims_rights(db):
    rights = Criterion.objects.filter(framework__slug="vcop-seven-way")

    assert rights.count() == 12
    assert rights.first().label == "To be able to understand and to be understood"
    assert rights.last().label == "To make a complaint about your rights not being met"


def test_oocr_criteria_include_the_decision_checks(db):
    codes = list(
        Criterion.objects.filter(framework__slug="oocr-four-way").values_list("code", flat=True)
    )

    assert codes == [
        "offence-admitted",
        "victim-views",
        "crime-classified",
        "gravity-score",
        "authority",
        "conditions",
        "offending-history",
        "cps-advice",
        "restorative-justice",
    ]


def test_outcome_types_are_seeded_in_order(db):
    names = list(OutcomeType.objects.values_list("name", flat=True))

    assert len(names) == 14
    assert names[0] == "Community Resolution"
    assert "Outcome 22 (diversionary, educational or intervention activity)" in names
    assert names[-1] == "Other"


def test_starter_themes_are_seeded(db):
    assert Theme.objects.count() == 19
    assert Theme.objects.get(slug="crime-misclassified").name == "Crime misclassified"
