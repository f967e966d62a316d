"""A framework's display scheme: each category's colour, score and chart label, edited on
the framework pages; what a category means stays as history left it."""

import pytest
from django.urls import reverse

from core.models import AuditEntry
from panels.frameworks import services
from panels.models import OutcomeCategory
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(alice):
    """A category a panel decision chose."""
    category = factories.category("inconsistent")
    factories.DecisionFactory(category=category, recorded_by=alice)
    return category


def _post(category, **changes) -> dict:
    data = {
        "label": category.label,
        "short_label": category.short_label,
        "code": category.code,
        "description": category.description,
        "seen": services.fingerprint(category),
        "colour": category.colour,
        "score": "" if category.score is None else str(category.score),
        "chart_label": category.chart_label,
    }
    for flag in ("requires_reasons", "is_inconclusive", "is_adverse", "panel_decision_only"):
        if getattr(category, flag):
            data[flag] = "on"
    data.update(changes)
    return data


def _edit_url(category):
    return reverse("panels:part_edit", args=[category.framework_id, "categories", category.pk])


def test_the_community_frameworks_are_seeded_red_amber_green(reference_data):
    for slug in ("stop-search-three-way", "use-of-force-three-way"):
        colours = list(
            OutcomeCategory.objects.filter(framework__slug=slug)
            .order_by("position")
            .values_list("code", "colour")
        )
        assert colours == [("good-practice", "green"), ("adequate", "amber"), ("concern", "red")]
    assert set(factories.framework().categories.values_list("colour", flat=True)) == {""}


def test_a_category_s_display_label_is_its_chart_label_after_its_score(decided):
    assert decided.display_label == "Inconsistent with Police Policy"

    decided.score, decided.chart_label = 3, "Inconsistent"

    assert decided.display_label == "Score of 3: Inconsistent"


def test_a_used_category_may_take_a_colour_score_and_chart_label(client, alice, decided):
    client.force_login(alice)

    response = client.post(
        _edit_url(decided), _post(decided, colour="red", score="3", chart_label="Inconsistent")
    )

    assert response.status_code == 302
    decided.refresh_from_db()
    assert (decided.colour, decided.score, decided.chart_label) == ("red", 3, "Inconsistent")
    entry = AuditEntry.objects.filter(additional_data__fields__isnull=False).latest("pk")
    assert entry.additional_data["fields"] == ["chart_label", "colour", "score"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("score", "four", "Enter the score as a whole number, for example 4"),
        ("score", "-1", "Enter a score of 0 or more"),
        ("colour", "purple", "Select a colour, or no colour"),
    ],
)
def test_a_bad_display_value_is_refused_naming_the_field(
    client, alice, decided, field, value, message
):
    client.force_login(alice)

    response = client.post(_edit_url(decided), _post(decided, **{field: value}))

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    decided.refresh_from_db()
    assert (decided.colour, decided.score) == ("", None)


def test_the_framework_page_shows_each_category_as_reports_name_it(client, alice, reference_data):
    framework = factories.framework("stop-search-three-way")
    concern = framework.categories.get(code="concern")
    concern.score = 3
    concern.save()
    client.force_login(alice)

    page = client.get(reverse("panels:framework_detail", args=[framework.pk])).content.decode()

    assert "Score of 3: Concern<br>" in page
    assert page.count(">Red</span>") == 1 and page.count(">Green</span>") == 1
