"""Data admins manage frameworks on their own pages, and are told why a used part cannot
change."""

import pytest
from django.urls import reverse

from core.models import AuditEntry
from panels.frameworks import services as services
from panels.models import CriterionGroup, Framework, OutcomeCategory
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework():
    return factories.framework()


@pytest.fixture
def decided(alice):
    category = factories.category("inconsistent")
    factories.DecisionFactory(category=category, recorded_by=alice)
    return category


def _edit_url(part, kind="categories"):
    return reverse("panels:part_edit", args=[part.framework_id, kind, part.pk])


def _category_post(category, **changes) -> dict:
    data = {
        "label": category.label,
        "short_label": category.short_label,
        "code": category.code,
        "description": category.description,
        "seen": services.fingerprint(category),
    }
    for flag in ("requires_reasons", "is_inconclusive", "is_adverse"):
        if getattr(category, flag):
            data[flag] = "on"
    data.update(changes)
    return data


# --- who may ----------------------------------------------------------------------------


def test_framework_list_signed_out_is_sent_to_sign_in(client):
    response = client.get(reverse("panels:framework_list"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("who", ["olu", "eve"])
def test_framework_pages_refuse_anyone_but_a_data_admin(client, request, framework, who):
    client.force_login(request.getfixturevalue(who))

    detail = client.get(reverse("panels:framework_detail", args=[framework.pk]))
    create = client.post(reverse("panels:framework_create"), {"name": "X", "slug": "x"})

    assert (detail.status_code, create.status_code) == (403, 403)
    assert not Framework.objects.filter(slug="x").exists()


def test_part_of_another_framework_is_not_found(client, alice, framework):
    other = factories.framework("vcop-seven-way")
    category = other.categories.first()
    client.force_login(alice)

    url = reverse("panels:part_edit", args=[framework.pk, "categories", category.pk])
    unknown = reverse("panels:part_edit", args=[framework.pk, "rules", category.pk])

    assert client.get(url).status_code == 404
    assert client.get(unknown).status_code == 404


# --- the list and a framework's page ----------------------------------------------------


def test_framework_list_links_to_each_framework(client, alice, framework):
    client.force_login(alice)

    response = client.get(reverse("panels:framework_list"))

    assert reverse("panels:framework_detail", args=[framework.pk]) in response.content.decode()


def test_framework_detail_shows_categories_and_criteria_in_order(
    client, alice, framework, decided, django_assert_max_num_queries
):
    client.force_login(alice)

    with django_assert_max_num_queries(9):
        response = client.get(reverse("panels:framework_detail", args=[framework.pk]))

    categories = response.context["categories"]
    assert [c.position for c in categories] == sorted(c.position for c in categories)
    assert [c.code for c in categories if c.in_use] == ["inconsistent"]
    body = response.content.decode()
    assert decided.label in body
    assert framework.criteria.first().label in body


# --- creating and changing --------------------------------------------------------------


def test_framework_create_without_a_name_shows_the_error_and_writes_nothing(client, alice):
    client.force_login(alice)
    before = Framework.objects.count()

    response = client.post(reverse("panels:framework_create"), {"slug": "bad code!"})

    body = response.content.decode()
    assert "There is a problem" in body
    assert "Enter the framework&#x27;s name" in body
    assert "Enter a code using only letters, numbers, hyphens or underscores" in body
    assert Framework.objects.count() == before


def test_framework_create_saves_and_opens_the_new_framework(client, alice):
    client.force_login(alice)

    response = client.post(
        reverse("panels:framework_create"),
        {
            "name": "Stop and search",
            "slug": "stop-search",
            "kind": "other",
            "criteria_heading": "Criteria",
            "is_active": "on",
        },
    )

    framework = Framework.objects.get(slug="stop-search")
    assert response.url == reverse("panels:framework_detail", args=[framework.pk])


def test_category_add_puts_it_at_the_end(client, alice, framework):
    client.force_login(alice)
    last = framework.categories.order_by("-position").first().position

    client.post(
        reverse("panels:part_add", args=[framework.pk, "categories"]),
        {"label": "Good practice", "short_label": "Good", "code": "good", "requires_reasons": "on"},
    )

    assert framework.categories.get(code="good").position == last + 1


def test_category_in_use_change_of_meaning_is_refused_with_the_reason(client, alice, decided):
    client.force_login(alice)

    response = client.post(
        _edit_url(decided), _category_post(decided, code="changed", is_adverse="")
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "This category is used by ratings or decisions, so its code cannot change" in body
    assert "so what it means cannot change" in body
    decided.refresh_from_db()
    assert (decided.code, decided.is_adverse) == ("inconsistent", True)


def test_category_in_use_wording_fix_is_saved_and_recorded(client, alice, decided):
    client.force_login(alice)

    response = client.post(
        _edit_url(decided), _category_post(decided, short_label="Not consistent")
    )

    assert response.status_code == 302
    decided.refresh_from_db()
    assert decided.short_label == "Not consistent"
    assert list(
        AuditEntry.objects.filter(summary__startswith="Wording").values_list("summary", flat=True)
    ) == ["Wording fixed on a category in use: short_label"]


def test_category_edit_from_a_stale_page_is_refused(client, alice, framework):
    category = framework.categories.get(code="consistent")
    stale = _category_post(category, label="Mine")
    category.label = "Theirs"
    category.save()
    client.force_login(alice)

    response = client.post(_edit_url(category), stale)

    assert response.status_code == 409
    assert response.context["form"].non_field_errors() == [
        "Someone else changed this outcome category while you were editing. The form shows "
        "your answers: check them against the saved details, then save again to keep yours."
    ]
    assert "govuk-error-summary" in response.content.decode()
    assert response.context["form"]["label"].value() == "Mine"
    category.refresh_from_db()
    assert category.label == "Theirs"
    # Saving again from the page as shown keeps the person's answer on purpose.
    again = client.post(
        _edit_url(category), {**stale, "seen": response.context["form"]["seen"].value()}
    )
    assert again.status_code == 302
    category.refresh_from_db()
    assert category.label == "Mine"


def test_category_delete_in_use_is_refused_with_the_reason(client, alice, decided):
    client.force_login(alice)
    url = reverse("panels:part_delete", args=[decided.framework_id, "categories", decided.pk])

    response = client.post(url, {"seen": services.fingerprint(decided)}, follow=True)

    assert "so it cannot be deleted" in response.content.decode()
    assert OutcomeCategory.objects.filter(pk=decided.pk).exists()


def test_category_delete_of_an_unused_category_removes_it(client, alice, framework):
    spare = services.part_save(
        by=alice,
        framework=framework,
        model=OutcomeCategory,
        values={"code": "spare", "label": "Spare", "short_label": "Spare"},
    )
    client.force_login(alice)
    url = reverse("panels:part_delete", args=[framework.pk, "categories", spare.pk])

    response = client.post(url, {"seen": services.fingerprint(spare)})

    assert response.url == reverse("panels:framework_detail", args=[framework.pk])
    assert not OutcomeCategory.objects.filter(pk=spare.pk).exists()


def test_category_move_down_swaps_it_with_the_next(client, alice, framework):
    first, second = framework.categories.order_by("position")[:2]
    client.force_login(alice)

    client.post(reverse("panels:part_move", args=[framework.pk, "categories", first.pk, "down"]))

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.position > second.position


def test_category_move_in_a_bad_direction_is_not_found(client, alice, framework):
    first = framework.categories.first()
    client.force_login(alice)

    url = reverse("panels:part_move", args=[framework.pk, "categories", first.pk, "sideways"])

    assert client.post(url).status_code == 404


def test_framework_in_use_change_of_code_is_refused_with_the_reason(client, alice, decided):
    framework = decided.framework
    client.force_login(alice)

    response = client.post(
        reverse("panels:framework_edit", args=[framework.pk]),
        {
            "name": framework.name,
            "slug": "renamed",
            "kind": framework.kind,
            "criteria_heading": framework.criteria_heading,
            "is_active": "on",
            "seen": services.fingerprint(framework),
        },
    )

    assert "The framework is used by ratings or decisions, so its code cannot change" in (
        response.content.decode()
    )
    framework.refresh_from_db()
    assert framework.slug == "oocr-four-way"


def test_criterion_add_with_a_group_of_another_framework_is_refused(client, alice, framework):
    other = factories.framework("vcop-seven-way")
    foreign = services.part_save(
        by=alice, framework=other, model=CriterionGroup, values={"code": "g", "label": "G"}
    )
    client.force_login(alice)
    before = framework.criteria.count()

    response = client.post(
        reverse("panels:part_add", args=[framework.pk, "criteria"]),
        {"label": "Gravity score recorded", "code": "gravity-new", "group": foreign.pk},
    )

    assert "Select a group from the list" in response.content.decode()
    assert framework.criteria.count() == before


def test_criterion_add_in_a_group_shows_it_under_the_group(client, alice, framework):
    group = services.part_save(
        by=alice,
        framework=framework,
        model=CriterionGroup,
        values={"code": "general", "label": "General checks"},
    )
    client.force_login(alice)

    client.post(
        reverse("panels:part_add", args=[framework.pk, "criteria"]),
        {"label": "Gravity score recorded", "code": "gravity-new", "group": group.pk},
    )

    assert framework.criteria.get(code="gravity-new").group == group
