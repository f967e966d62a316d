"""Categories only the panel's decision may use, and themes that belong to frameworks
(docs/adr/0012-panel-only-categories-and-framework-themes.md)."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from core.models import AuditEntry
from panels import reference_data
from panels.enums import MeetingStatus
from panels.frameworks import services as framework_services
from panels.meetings.services import DecisionInput, decision_record, meeting_move, observation_save
from panels.models import Decision, Framework, Observation, OutcomeCategory, Rating, Theme
from panels.rating.services import RatingInput, conflict_declare, rating_save
from tests import factories

pytestmark = pytest.mark.django_db

OOCR_THEMES = [
    "Authority not recorded",
    "CPS advice not sought",
    "Crime misclassified",
    "Good practice",
    "Gravity score missing",
    "Intervention not meaningful",
    "No clear admission",
    "Not all crimes recorded",
    "Victim's views not sought",
]
VCOP_THEMES = [
    "Good practice",
    "Victim not updated",
    "Victim's information leaflet not recorded as given",
]


def case_url(meeting, position: int = 1, *, rating: bool = False) -> str:
    return f"/panels/meetings/{meeting.pk}/cases/{position}/" + ("rating/" if rating else "")


def decision_url(meeting, position: int = 1) -> str:
    return f"/panels/meetings/{meeting.pk}/cases/{position}/decision/"


def answers(framework) -> dict:
    return {c.code: ("met", "") for c in framework.criteria.all()}


def rating_post(meeting, category, **extra) -> dict:
    data = {"version": 0, "action": "submit", "reasons": "Fictional reasons."}
    data["category"] = category.pk
    for criterion in meeting.panel.framework.criteria.all():
        data[f"criterion-{criterion.code}"] = "met"
    data.update(extra)
    return data


def rate(reviewed, user, code):
    framework = reviewed.meeting.panel.framework
    rating_save(
        reviewed_case=reviewed,
        user=user,
        data=RatingInput(
            category=factories.category(code, framework.slug),
            reasons="Fictional reasons.",
            assessments=answers(framework),
        ),
        submit=True,
        version=0,
    )


@pytest.fixture
def open_case(meeting, olu, mina, chris):
    factories.ReviewedCaseFactory(meeting=meeting, position=1, case__offence="Harassment")
    meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    conflict_declare(reviewed_case=meeting.reviewed_cases.get(), user=mina, has_conflict=False)
    return meeting


@pytest.fixture
def discussing(open_case, chris, mina):
    rate(open_case.reviewed_cases.get(), mina, "inconsistent")
    meeting_move(meeting=open_case, to=MeetingStatus.IN_DISCUSSION, by=chris)
    open_case.refresh_from_db()
    return open_case


def _names(themes) -> list[str]:
    return sorted(t.name for t in themes)


# --- what is seeded -----------------------------------------------------------------------


def test_seeded_inconclusive_categories_are_for_the_panels_decision_only():
    panel_only = OutcomeCategory.objects.filter(panel_decision_only=True).order_by("label")

    assert [(c.framework.slug, c.label) for c in panel_only] == [
        ("vcop-seven-way", "Panel failed to reach a decision"),
        ("oocr-four-way", "Panel fails to reach a conclusion"),
    ]


def test_seeded_themes_belong_to_their_frameworks():
    assert _names(factories.framework("oocr-four-way").themes.all()) == OOCR_THEMES
    assert _names(factories.framework("oocr-three-way").themes.all()) == OOCR_THEMES
    assert _names(factories.framework("vcop-seven-way").themes.all()) == VCOP_THEMES


def test_reference_data_seed_puts_back_the_same_state():
    OutcomeCategory.objects.update(panel_decision_only=False)
    for theme in Theme.objects.all():
        theme.frameworks.clear()

    reference_data.seed(apps)

    assert OutcomeCategory.objects.filter(panel_decision_only=True).count() == 2
    assert _names(factories.framework("vcop-seven-way").themes.all()) == VCOP_THEMES


def test_migration_keeps_a_theme_already_used_on_a_frameworks_panels(discussing, chris):
    reviewed = discussing.reviewed_cases.get()
    decision = factories.DecisionFactory(reviewed_case=reviewed, recorded_by=chris)
    decision.themes.set([factories.theme("victim-not-updated")])
    factories.framework().themes.remove(factories.theme("victim-not-updated"))
    migration = importlib.import_module(
        "panels.migrations.0008_panel_decision_only_and_framework_themes"
    )

    migration.keep_used_themes(apps)

    assert "Victim not updated" in _names(factories.framework().themes.all())
    assert "Victim not updated" not in _names(factories.framework("oocr-three-way").themes.all())


# --- the member's rating ------------------------------------------------------------------


def test_rating_form_does_not_offer_a_panel_only_category(client, open_case, mina):
    client.force_login(mina)

    response = client.get(case_url(open_case))

    offered = [label for _, label in response.context["form"].fields["category"].choices]
    assert offered == [
        "Consistent with Police Policy (and the Crown Prosecution Service Code for Crown "
        "Prosecutors)",
        "Consistent with Police Policy (but with observations added from the panel)",
        "Inconsistent with Police Policy",
    ]
    assert "Only the panel's decision can be “Panel fails to reach a conclusion”" in (
        response.content.decode()
    )


def test_rating_form_offers_only_the_frameworks_themes(client, open_case, mina):
    client.force_login(mina)

    response = client.get(case_url(open_case))

    assert sorted(label for _, label in response.context["form"].fields["themes"].choices) == (
        OOCR_THEMES
    )


def test_rating_post_choosing_a_panel_only_category_is_refused(client, open_case, mina):
    client.force_login(mina)

    response = client.post(
        case_url(open_case, rating=True),
        rating_post(open_case, factories.category("no-conclusion")),
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert 'class="govuk-error-summary"' in body
    assert (
        "Only the panel&#x27;s decision can be &#x27;Panel fails to reach a conclusion&#x27;"
        in body
    )
    assert Rating.objects.count() == 0


def test_rating_post_with_another_frameworks_theme_is_refused(client, open_case, mina):
    client.force_login(mina)
    data = rating_post(
        open_case,
        factories.category("inconsistent"),
        themes=[factories.theme("victim-not-updated").pk],
    )

    response = client.post(case_url(open_case, rating=True), data)

    assert "Select themes from the list" in response.content.decode()
    assert Rating.objects.count() == 0


def test_rating_save_refuses_a_panel_only_category(open_case, mina):
    framework = open_case.panel.framework

    with pytest.raises(ValidationError) as refused:
        rating_save(
            reviewed_case=open_case.reviewed_cases.get(),
            user=mina,
            data=RatingInput(
                category=factories.category("no-conclusion"),
                reasons="Not enough on file.",
                assessments=answers(framework),
            ),
            submit=False,
            version=0,
        )

    assert refused.value.message_dict["category"] == [
        "Only the panel's decision can be 'Panel fails to reach a conclusion'. Select the "
        "category you would give, and say in your reasons what stops you concluding"
    ]
    assert Rating.objects.count() == 0


def test_rating_save_refuses_a_theme_of_another_framework(open_case, mina):
    with pytest.raises(ValidationError) as refused:
        rating_save(
            reviewed_case=open_case.reviewed_cases.get(),
            user=mina,
            data=RatingInput(themes=[factories.theme("victim-not-updated")]),
            submit=False,
            version=0,
        )

    assert refused.value.message_dict["themes"] == ["Select themes from the list"]
    assert Rating.objects.count() == 0


def test_a_stored_rating_in_a_panel_only_category_stays_readable(client, discussing, chris):
    reviewed = discussing.reviewed_cases.get()
    conflict_declare(reviewed_case=reviewed, user=chris, has_conflict=False)
    membership = discussing.panel.memberships.get(user=chris)
    factories.RatingFactory(
        reviewed_case=reviewed,
        membership=membership,
        category=factories.category("no-conclusion"),
        status="submitted",
    )
    client.force_login(chris)

    response = client.get(case_url(discussing))

    assert response.status_code == 200
    assert response.context["rating"].category.label == "Panel fails to reach a conclusion"
    assert "Panel fails to reach a conclusion" in response.content.decode()


def test_a_saved_draft_in_a_panel_only_category_asks_for_another(client, open_case, mina):
    membership = open_case.panel.memberships.get(user=mina)
    factories.RatingFactory(
        reviewed_case=open_case.reviewed_cases.get(),
        membership=membership,
        category=factories.category("no-conclusion"),
    )
    client.force_login(mina)

    response = client.get(case_url(open_case))

    assert "Your saved rating chose “Panel fails to reach a conclusion”" in (
        response.content.decode()
    )


# --- the chair's decision -----------------------------------------------------------------


def test_decision_form_offers_every_category_and_only_the_frameworks_themes(
    client, discussing, chris
):
    client.force_login(chris)

    form = client.get(decision_url(discussing)).context["form"]

    categories = [c.code for c in form.fields["category"].queryset]
    assert categories == [
        "consistent",
        "consistent-with-observations",
        "inconsistent",
        "no-conclusion",
    ]
    assert _names(form.fields["themes"].queryset) == OOCR_THEMES


def test_decision_post_with_another_frameworks_theme_is_refused(client, discussing, chris):
    client.force_login(chris)

    response = client.post(
        decision_url(discussing),
        {
            "version": 0,
            "category": factories.category("inconsistent").pk,
            "reasons": "No admission.",
            "themes": [factories.theme("victim-not-updated").pk],
            "action": "save",
        },
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert 'class="govuk-error-summary"' in body
    assert "Select themes from the list" in body
    assert not Decision.objects.exists()


def test_decision_in_a_panel_only_category_is_recorded(client, discussing, chris):
    client.force_login(chris)

    response = client.post(
        decision_url(discussing),
        {
            "version": 0,
            "category": factories.category("no-conclusion").pk,
            "reasons": "The file was incomplete.",
            "information_requested": "The officer's notes.",
            "themes": [factories.theme("no-clear-admission").pk],
            "action": "save",
            **factories.criteria_answers(discussing.panel.framework),
        },
    )

    assert response.status_code == 302
    decision = Decision.objects.get()
    assert (decision.category.code, _names(decision.themes.all())) == (
        "no-conclusion",
        ["No clear admission"],
    )


def test_decision_record_refuses_a_theme_of_another_framework(discussing, chris):
    with pytest.raises(ValidationError) as refused:
        decision_record(
            reviewed_case=discussing.reviewed_cases.get(),
            by=chris,
            data=DecisionInput(
                category=factories.category("inconsistent"),
                reasons="No admission.",
                themes=[factories.theme("victim-leaflet-not-recorded")],
            ),
            version=0,
        )

    assert refused.value.message_dict["themes"] == ["Select themes from the list"]
    assert not Decision.objects.exists()


def test_observation_save_refuses_a_theme_of_another_framework(discussing, chris):
    with pytest.raises(ValidationError) as refused:
        observation_save(
            meeting=discussing,
            by=chris,
            kind="learning",
            text="Leaflets were not recorded.",
            is_public=False,
            themes=[factories.theme("victim-leaflet-not-recorded")],
        )

    assert refused.value.message_dict["themes"] == ["Select themes from the list"]
    assert not Observation.objects.exists()


# --- the framework pages ------------------------------------------------------------------


def _category_post(category, **changes) -> dict:
    data = {
        "label": category.label,
        "short_label": category.short_label,
        "code": category.code,
        "description": category.description,
        "seen": framework_services.fingerprint(category),
    }
    for flag in ("requires_reasons", "is_inconclusive", "is_adverse", "panel_decision_only"):
        if getattr(category, flag):
            data[flag] = "on"
    data.update(changes)
    return data


def _category_url(category) -> str:
    return reverse("panels:part_edit", args=[category.framework_id, "categories", category.pk])


def test_category_edit_makes_an_unrated_category_panel_decision_only(
    client, alice, open_case, mina
):
    category = factories.category("consistent-with-observations")
    client.force_login(alice)

    response = client.post(
        _category_url(category), _category_post(category, panel_decision_only="on")
    )

    assert response.status_code == 302
    category.refresh_from_db()
    assert category.panel_decision_only is True
    client.force_login(mina)
    offered = client.get(case_url(open_case)).context["form"].fields["category"].choices
    assert [label for _, label in offered] == [
        "Consistent with Police Policy (and the Crown Prosecution Service Code for Crown "
        "Prosecutors)",
        "Inconsistent with Police Policy",
    ]


def test_category_members_rated_cannot_become_panel_decision_only(client, alice, discussing):
    category = factories.category("inconsistent")
    client.force_login(alice)

    response = client.post(
        _category_url(category), _category_post(category, panel_decision_only="on")
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Members have already chosen this category in their ratings" in body
    category.refresh_from_db()
    assert category.panel_decision_only is False


def test_category_in_use_may_be_offered_to_members_again_and_the_trail_says_so(
    alice, discussing, chris
):
    category = factories.category("no-conclusion")
    factories.DecisionFactory(
        reviewed_case=discussing.reviewed_cases.get(), category=category, recorded_by=chris
    )

    framework_services.part_save(
        by=alice,
        framework=category.framework,
        model=OutcomeCategory,
        part=category,
        values={"panel_decision_only": False},
        seen=framework_services.fingerprint(category),
    )

    category.refresh_from_db()
    assert category.panel_decision_only is False
    assert list(
        AuditEntry.objects.filter(summary__contains="in use").values_list("summary", flat=True)
    ) == ["Changed a category in use: panel_decision_only"]


def test_framework_detail_lists_its_themes_and_panel_only_categories(client, alice):
    framework = factories.framework("vcop-seven-way")
    client.force_login(alice)

    response = client.get(reverse("panels:framework_detail", args=[framework.pk]))

    assert [t.name for t in response.context["themes"]] == VCOP_THEMES
    body = response.content.decode()
    assert "Panel decision only" in body
    assert reverse("panels:framework_themes", args=[framework.pk]) in body


def _themes_post(framework, themes, **extra) -> dict:
    data = {
        "themes": [t.pk for t in themes],
        "seen": framework_services.themes_fingerprint(framework),
    }
    data.update(extra)
    return data


def test_framework_themes_page_sets_the_themes_and_adds_a_new_one(client, alice):
    framework = factories.framework("vcop-seven-way")
    client.force_login(alice)
    url = reverse("panels:framework_themes", args=[framework.pk])

    response = client.post(
        url,
        _themes_post(
            framework,
            [factories.theme("good-practice"), factories.theme("victim-views-not-sought")],
            new_theme="Special measures not offered",
        ),
    )

    assert response.status_code == 302
    assert _names(framework.themes.all()) == [
        "Good practice",
        "Special measures not offered",
        "Victim's views not sought",
    ]
    entry = AuditEntry.objects.get(summary="Themes changed")
    assert entry.additional_data["removed"] == [
        "Victim not updated",
        "Victim's information leaflet not recorded as given",
    ]


def test_framework_themes_page_refuses_to_take_off_a_theme_in_use(client, alice, discussing, chris):
    framework = discussing.panel.framework
    decision = factories.DecisionFactory(
        reviewed_case=discussing.reviewed_cases.get(), recorded_by=chris
    )
    decision.themes.set([factories.theme("crime-misclassified")])
    kept = [t for t in framework.themes.all() if t.slug != "crime-misclassified"]
    client.force_login(alice)

    response = client.post(
        reverse("panels:framework_themes", args=[framework.pk]), _themes_post(framework, kept)
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "“Crime misclassified” is used by ratings, decisions or notes on this framework" in body
    assert _names(framework.themes.all()) == OOCR_THEMES


def test_framework_themes_page_refuses_a_new_theme_that_already_exists(client, alice):
    framework = factories.framework("vcop-seven-way")
    client.force_login(alice)

    response = client.post(
        reverse("panels:framework_themes", args=[framework.pk]),
        _themes_post(framework, framework.themes.all(), new_theme="crime misclassified"),
    )

    assert "“crime misclassified” is already a theme: choose it from the list" in (
        response.content.decode()
    )
    assert _names(framework.themes.all()) == VCOP_THEMES


def test_framework_themes_page_from_a_stale_page_is_refused(client, alice):
    framework = factories.framework("vcop-seven-way")
    stale = _themes_post(framework, [])
    framework.themes.add(factories.theme("crime-misclassified"))
    client.force_login(alice)

    response = client.post(reverse("panels:framework_themes", args=[framework.pk]), stale)

    assert response.status_code == 409
    assert "Someone else changed this framework’s themes while you were editing" in (
        response.content.decode()
    )
    assert "Crime misclassified" in _names(framework.themes.all())


def test_framework_themes_page_signed_out_is_sent_to_sign_in(client):
    framework = factories.framework()

    response = client.get(reverse("panels:framework_themes", args=[framework.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("who", ["olu", "chris"])
def test_framework_themes_page_is_for_data_admins_only(client, request, who):
    framework = factories.framework("vcop-seven-way")
    client.force_login(request.getfixturevalue(who))
    url = reverse("panels:framework_themes", args=[framework.pk])

    responses = (
        client.get(url).status_code,
        client.post(url, _themes_post(framework, [])).status_code,
    )

    assert responses == (403, 403)
    assert _names(framework.themes.all()) == VCOP_THEMES


def test_framework_themes_page_of_no_framework_is_not_found(client, alice):
    client.force_login(alice)
    missing = (Framework.objects.order_by("-pk").first().pk or 0) + 1

    assert client.get(reverse("panels:framework_themes", args=[missing])).status_code == 404


# --- the Django admin ---------------------------------------------------------------------


def _admin_category_post(category, **changes) -> dict:
    data = {
        "framework": category.framework_id,
        "position": category.position,
        "code": category.code,
        "label": category.label,
        "short_label": category.short_label,
        "description": category.description,
    }
    for flag in ("requires_reasons", "is_inconclusive", "is_adverse", "panel_decision_only"):
        if getattr(category, flag):
            data[flag] = "on"
    data.update(changes)
    return data


def test_admin_refuses_making_a_rated_category_panel_decision_only(client, alice, discussing):
    category = factories.category("inconsistent")
    client.force_login(alice)

    response = client.post(
        f"/admin/panels/outcomecategory/{category.pk}/change/",
        _admin_category_post(category, panel_decision_only="on"),
    )

    assert response.status_code == 200
    assert "Members have already chosen this category in their ratings" in response.content.decode()
    category.refresh_from_db()
    assert category.panel_decision_only is False


def test_admin_refuses_changing_the_code_of_a_category_in_use(client, alice, discussing):
    category = factories.category("inconsistent")
    client.force_login(alice)

    response = client.post(
        f"/admin/panels/outcomecategory/{category.pk}/change/",
        _admin_category_post(category, code="renamed"),
    )

    assert "so its code cannot change" in response.content.decode()
    category.refresh_from_db()
    assert category.code == "inconsistent"


def test_admin_sets_panel_decision_only_on_an_unrated_category(client, alice):
    category = factories.category("not-applicable", "vcop-seven-way")
    client.force_login(alice)

    response = client.post(
        f"/admin/panels/outcomecategory/{category.pk}/change/",
        _admin_category_post(category, panel_decision_only="on"),
    )

    assert response.status_code == 302
    category.refresh_from_db()
    assert category.panel_decision_only is True


def test_admin_refuses_taking_a_used_theme_off_its_framework(client, alice, discussing, chris):
    theme = factories.theme("crime-misclassified")
    decision = factories.DecisionFactory(
        reviewed_case=discussing.reviewed_cases.get(), recorded_by=chris
    )
    decision.themes.set([theme])
    client.force_login(alice)

    response = client.post(
        f"/admin/panels/theme/{theme.pk}/change/",
        {
            "name": theme.name,
            "slug": theme.slug,
            "is_active": "on",
            "frameworks": [factories.framework("oocr-three-way").pk],
        },
    )

    assert "is used by ratings, decisions or notes on this framework" in response.content.decode()
    assert _names(factories.framework().themes.all()) == OOCR_THEMES


# --- the demo -----------------------------------------------------------------------------


def test_demo_ratings_and_decisions_keep_to_their_frameworks(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert not Rating.objects.filter(category__panel_decision_only=True).exists()
    for decision in Decision.objects.select_related("reviewed_case__meeting__panel"):
        offered = set(decision.reviewed_case.meeting.panel.framework.themes.all())
        assert set(decision.themes.all()) <= offered
    for rating in Rating.objects.select_related("reviewed_case__meeting__panel"):
        offered = set(rating.reviewed_case.meeting.panel.framework.themes.all())
        assert set(rating.themes.all()) <= offered
