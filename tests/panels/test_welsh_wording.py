"""Framework wording and people-written texts in Welsh beside the English."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from core.models import AuditEntry
from panels.enums import FrameworkKind, MeetingStatus
from panels.frameworks import services as framework_services
from panels.models import Action, Framework, Observation, Theme
from panels.rating.services import conflict_declare
from panels.reference_welsh import FRAMEWORKS_CY, THEMES_CY
from panels.workflow import meeting_transition
from tests import factories

pytestmark = pytest.mark.django_db


# --- the seeded frameworks ----------------------------------------------------------------


def test_every_seeded_framework_carries_its_welsh_wording():
    frameworks = Framework.objects.filter(slug__in=FRAMEWORKS_CY).order_by("slug")

    assert [f.slug for f in frameworks] == sorted(FRAMEWORKS_CY)
    for framework in frameworks:
        for name in ("name", "description", "criteria_heading"):
            welsh = FRAMEWORKS_CY[framework.slug][name]
            assert getattr(framework, f"{name}_cy") == welsh, (framework.slug, name)
        for category in framework.categories.all():
            assert category.label_cy and category.short_label_cy, category.code
        for group in framework.criterion_groups.all():
            assert group.label_cy, group.code
        for criterion in framework.criteria.all():
            assert criterion.label_cy, criterion.code
            assert bool(criterion.guidance_cy) == bool(criterion.guidance), criterion.code


def test_a_welsh_criteria_heading_copied_from_the_english_default_is_replaced():
    """As a deployment migrated before the fix has it: "Criteria" in every Welsh heading."""
    from django.apps import apps

    from panels import reference_data
    from panels.reference_welsh import clear_copied_criteria_heading

    Framework.objects.update(criteria_heading_cy="Criteria")
    own = Framework.objects.create(
        name="Own",
        slug="own",
        kind=FrameworkKind.OTHER,
        criteria_heading="Criteria",
        criteria_heading_cy="Criteria",
    )
    renamed = Framework.objects.create(
        name="Renamed",
        slug="renamed",
        kind=FrameworkKind.OTHER,
        criteria_heading="Checks",
        criteria_heading_cy="Criteria",
    )

    clear_copied_criteria_heading(Framework.objects.all())
    reference_data.seed_welsh(apps)

    vcop = Framework.objects.get(slug="vcop-seven-way")
    own.refresh_from_db()
    renamed.refresh_from_db()
    assert vcop.criteria_heading_cy == "Hawliau dioddefwyr"
    assert (own.criteria_heading_cy, renamed.criteria_heading_cy) == ("Meini prawf", None)
    with translation.override("cy"):
        assert (vcop.criteria_heading, renamed.criteria_heading) == ("Hawliau dioddefwyr", "Checks")


def test_a_new_frameworks_welsh_heading_box_starts_empty(client, alice):
    client.force_login(alice)

    page = client.get(reverse("panels:framework_create")).content.decode()

    assert 'name="criteria_heading" value="Criteria"' in page
    assert 'name="criteria_heading_cy" value="Criteria"' not in page


def test_every_seeded_theme_carries_its_welsh_name():
    themes = Theme.objects.filter(slug__in=THEMES_CY)

    assert sorted(t.slug for t in themes) == sorted(THEMES_CY)
    assert all(t.name_cy for t in themes)


def test_the_english_stays_as_it_was_and_welsh_is_read_in_welsh():
    category = factories.category("inconsistent")

    assert category.label == "Inconsistent with Police Policy"
    with translation.override("cy"):
        assert category.label == "Yn anghyson â Pholisi'r Heddlu"


def test_a_blank_welsh_version_reads_as_the_english(alice):
    framework = factories.framework()
    category = framework_services.part_save(
        by=alice,
        framework=framework,
        model=type(factories.category("inconsistent")),
        values={"label": "Referred on", "short_label": "Referred", "code": "referred"},
    )

    with translation.override("cy"):
        assert category.label == "Referred on"


# --- the member's rating page -------------------------------------------------------------


def test_the_rating_page_in_welsh_shows_the_welsh_categories_and_criteria(
    client, meeting, olu, mina
):
    factories.ReviewedCaseFactory(meeting=meeting, position=1)
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    conflict_declare(
        reviewed_case=meeting.reviewed_cases.get(position=1), user=mina, has_conflict=False
    )
    client.force_login(mina)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"  # as the switcher leaves it

    page = client.get(f"/panels/meetings/{meeting.pk}/cases/1/").content.decode()

    assert "Yn anghyson â Pholisi&#x27;r Heddlu" in page
    assert "Barn y dioddefwr wedi&#x27;i cheisio a&#x27;i chofnodi" in page
    assert "Inconsistent with Police Policy" not in page


# --- the framework pages ------------------------------------------------------------------


def test_the_category_form_has_a_welsh_field_beside_each_english_one(client, alice):
    category = factories.category("inconsistent")
    client.force_login(alice)

    page = client.get(
        reverse("panels:part_edit", args=[category.framework_id, "categories", category.pk])
    ).content.decode()

    assert "Label (Welsh)" in page
    assert 'name="label_cy"' in page and 'lang="cy"' in page
    assert page.index('name="label"') < page.index('name="label_cy"')
    assert page.index('name="label_cy"') < page.index('name="short_label"')


def test_the_welsh_wording_of_a_category_in_use_may_be_fixed_and_is_recorded(client, alice):
    category = factories.category("inconsistent")
    factories.DecisionFactory(category=category, recorded_by=alice)
    client.force_login(alice)
    data = {
        "label": category.label,
        "label_cy": "Yn groes i Bolisi'r Heddlu",
        "short_label": category.short_label,
        "short_label_cy": category.short_label_cy,
        "code": category.code,
        "requires_reasons": "on",
        "is_adverse": "on",
        "seen": framework_services.fingerprint(category),
    }

    response = client.post(
        reverse("panels:part_edit", args=[category.framework_id, "categories", category.pk]),
        data,
    )

    assert response.status_code == 302
    category.refresh_from_db()
    assert (category.label, category.label_cy) == (
        "Inconsistent with Police Policy",
        "Yn groes i Bolisi'r Heddlu",
    )
    assert list(
        AuditEntry.objects.filter(summary__startswith="Wording").values_list("summary", flat=True)
    ) == ["Wording fixed on a category in use: label_cy"]


# --- people-written texts -----------------------------------------------------------------


def test_the_panel_form_saves_the_welsh_public_description(client, olu, panel):
    client.force_login(olu)
    data = {
        "version": 0,
        "name": panel.name,
        "framework": panel.framework_id,
        "force": panel.force_id,
        "organisation": panel.organisation,
        "age_group": panel.age_group,
        "public_description": "The panel looks at hate crime cases.",
        "public_description_cy": "Mae'r panel yn edrych ar achosion troseddau casineb.",
        "is_active": "yes",
    }

    client.post(f"/panels/manage/{panel.slug}/edit/", data)

    panel.refresh_from_db()
    assert panel.public_description == "The panel looks at hate crime cases."
    assert panel.public_description_cy == "Mae'r panel yn edrych ar achosion troseddau casineb."
    page = client.get(f"/panels/manage/{panel.slug}/edit/").content.decode()
    assert "Public description (Welsh)" in page and 'lang="cy"' in page


def test_the_panel_form_saves_the_welsh_name_and_body_and_keeps_the_english(
    client, olu, panel, welsh
):
    from django.utils import translation

    english_name, english_body = panel.name, panel.organisation
    client.force_login(olu)
    data = {
        "version": 0,
        "name": english_name,
        "name_cy": "  Panel  Troseddau Casineb ",
        "organisation_cy": "Bwrdd Cyfiawnder Troseddol Lleol",
        "framework": panel.framework_id,
        "force": panel.force_id,
        "organisation": panel.organisation,
        "age_group": panel.age_group,
        "is_active": "yes",
    }

    saved = client.post(f"/panels/manage/{panel.slug}/edit/", data, HTTP_ACCEPT_LANGUAGE="cy")

    assert saved.status_code == 302
    panel.refresh_from_db()
    assert (panel.name_en, panel.name_cy) == (english_name, "Panel Troseddau Casineb")
    assert (panel.organisation_en, panel.organisation_cy) == (
        english_body,
        "Bwrdd Cyfiawnder Troseddol Lleol",
    )
    with translation.override("cy"):
        assert panel.name == "Panel Troseddau Casineb"
    page = client.get(f"/panels/manage/{panel.slug}/edit/").content.decode()
    assert 'value="Panel Troseddau Casineb"' in page and f'value="{english_name}"' in page


@pytest.fixture
def discussing(meeting):
    meeting.status = MeetingStatus.IN_DISCUSSION
    meeting.save()
    return meeting


def test_the_note_form_saves_the_welsh(client, discussing, chris):
    client.force_login(chris)

    client.post(
        f"/panels/meetings/{discussing.pk}/notes/add/",
        {
            "kind": "good_practice",
            "text": "Victims were updated promptly.",
            "text_cy": "Cafodd dioddefwyr y wybodaeth ddiweddaraf yn brydlon.",
            "is_public": "yes",
        },
    )

    note = Observation.objects.get()
    assert (note.text, note.text_cy) == (
        "Victims were updated promptly.",
        "Cafodd dioddefwyr y wybodaeth ddiweddaraf yn brydlon.",
    )
    page = client.get(f"/panels/meetings/{discussing.pk}/notes/{note.pk}/").content.decode()
    assert "The note (Welsh)" in page and "yn brydlon." in page


def test_the_action_form_saves_the_welsh(client, discussing, chris):
    client.force_login(chris)

    client.post(
        f"/panels/meetings/{discussing.pk}/actions/add/",
        {
            "description": "Brief supervisors.",
            "description_cy": "Briffio goruchwylwyr.",
            "owner": "Force OoCR lead",
            "status": "open",
        },
    )

    action = Action.objects.get()
    assert (action.description, action.description_cy) == (
        "Brief supervisors.",
        "Briffio goruchwylwyr.",
    )
    page = client.get(f"/panels/actions/{action.pk}/").content.decode()
    assert "What needs to be done (Welsh)" in page and "Briffio goruchwylwyr." in page


def test_the_admin_edits_the_english_and_the_welsh_once_each(client, alice):
    framework = factories.framework()
    client.force_login(alice)

    page = client.get(f"/admin/panels/framework/{framework.pk}/change/").content.decode()

    assert 'name="name"' in page and 'name="name_cy"' in page
    assert 'name="name_en"' not in page


def test_a_note_saved_without_its_welsh_field_keeps_its_welsh(client, discussing, chris):
    note = Observation.objects.create(
        meeting=discussing,
        kind="general",
        text="Victims were updated.",
        text_cy="Cafodd dioddefwyr y wybodaeth ddiweddaraf.",
        created_by=chris,
    )
    client.force_login(chris)

    client.post(
        f"/panels/meetings/{discussing.pk}/notes/{note.pk}/",
        {"kind": "general", "text": "Victims were updated promptly.", "is_public": "yes"},
    )

    note.refresh_from_db()
    assert (note.text, note.text_cy) == (
        "Victims were updated promptly.",
        "Cafodd dioddefwyr y wybodaeth ddiweddaraf.",
    )


def test_frameworks_are_listed_by_their_welsh_names_on_a_welsh_page(db):
    from django.utils import translation

    from panels.frameworks.selectors import framework_list
    from panels.models import Framework

    def words(framework):
        return framework.name_cy or framework.name_en

    active = sorted((f for f in framework_list() if f.is_active), key=words)
    # One in the middle has no Welsh name: it sorts by its English, not first or last.
    middle = active[len(active) // 2]
    Framework.objects.filter(pk=middle.pk).update(name_cy=None)
    middle.name_cy = None
    expected = [f.slug for f in sorted(active, key=words)]

    with translation.override("cy"):
        welsh = [f.slug for f in framework_list() if f.is_active]

    assert welsh == expected
    assert expected.index(middle.slug) not in (0, len(expected) - 1)
