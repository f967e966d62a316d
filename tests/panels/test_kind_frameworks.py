"""Each seeded framework names the kind of record its panels review; the community scrutiny
frameworks rate stop and search and use of force as good practice, adequate or concern."""

import pytest
from django.apps import apps

from cases.models import RecordKind
from panels.models import Framework
from panels.reference_data import point_at_record_kinds, seed_kind_frameworks
from tests import factories


def kind_of(slug: str) -> str:
    return Framework.objects.select_related("record_kind").get(slug=slug).record_kind.code


def point(slug: str, code: str) -> None:
    Framework.objects.filter(slug=slug).update(record_kind=RecordKind.objects.get(code=code))


def test_each_seeded_framework_names_the_kind_its_panels_review(db):
    pointed = {f.slug: f.record_kind.code for f in Framework.objects.select_related("record_kind")}

    assert pointed == {
        "oocr-four-way": "oocr",
        "oocr-three-way": "oocr",
        "vcop-seven-way": "vcop",
        "stop-search-three-way": "stop-search",
        "use-of-force-three-way": "use-of-force",
    }


@pytest.mark.parametrize("slug", ["stop-search-three-way", "use-of-force-three-way"])
def test_community_framework_rates_good_practice_adequate_or_concern(db, slug):
    framework = Framework.objects.get(slug=slug)

    categories = framework.categories.order_by("position")
    assert [c.label for c in categories] == ["Good practice", "Adequate", "Concern"]
    assert [c.code for c in categories.filter(is_adverse=True)] == ["concern"]
    assert [c.code for c in categories.filter(requires_reasons=False)] == ["good-practice"]
    assert framework.criterion_groups.count() == 3
    assert not framework.criteria.filter(group__isnull=True).exists()
    assert framework.themes.filter(slug="good-practice").exists()


def test_stop_and_search_framework_asks_the_community_scrutiny_questions(db):
    criteria = Framework.objects.get(slug="stop-search-three-way").criteria.order_by("position")

    labels = [c.label for c in criteria]
    for asked in [
        "Grounds reasonable and recorded",
        "GOWISELY explained",
        "Body-worn video used",
        "The person treated with respect",
        "Outcome proportionate",
    ]:
        assert asked in labels
    assert criteria.get(code="gowisely").group.label == "The encounter"


def test_use_of_force_framework_asks_necessary_proportionate_reasonable(db):
    criteria = Framework.objects.get(slug="use-of-force-three-way").criteria.order_by("position")

    assert [c.label for c in criteria[:4]] == [
        "Force necessary",
        "Force proportionate",
        "Force reasonable in the circumstances",
        "De-escalation attempted",
    ]
    assert criteria.get(code="aftercare").group.label == "Recording and aftercare"


def test_vcop_framework_keeps_its_kind_while_its_meetings_hold_other_records(db):
    point("vcop-seven-way", "oocr")
    panel = factories.PanelFactory(framework=factories.framework("vcop-seven-way"))
    factories.ReviewedCaseFactory(meeting__panel=panel)  # an out of court resolution

    point_at_record_kinds(apps)

    assert kind_of("vcop-seven-way") == "oocr"


def test_vcop_framework_moves_to_its_kind_when_no_meeting_holds_other_records(db):
    point("vcop-seven-way", "oocr")
    factories.MeetingFactory(panel__framework=factories.framework("vcop-seven-way"))

    point_at_record_kinds(apps)

    assert kind_of("vcop-seven-way") == "vcop"


def test_a_framework_an_admin_pointed_elsewhere_stays_there(db):
    point("vcop-seven-way", "use-of-force")

    point_at_record_kinds(apps)

    assert kind_of("vcop-seven-way") == "use-of-force"


def test_seeding_the_community_frameworks_again_keeps_admins_edits(db):
    concern = factories.category("concern", "stop-search-three-way")
    concern.label = "Cause for concern"
    concern.save()
    oocr = factories.framework("oocr-three-way")
    oocr.themes.remove(factories.theme("good-practice"))

    seed_kind_frameworks(apps)

    concern.refresh_from_db()
    assert concern.label == "Cause for concern"
    assert not oocr.themes.filter(slug="good-practice").exists()


def test_seeding_the_community_frameworks_adds_what_is_missing(db):
    absent = Framework.objects.get(slug="use-of-force-three-way")
    absent.criteria.all().delete()  # before their groups, which they protect
    absent.delete()
    factories.theme("no-de-escalation").delete()

    seed_kind_frameworks(apps)

    framework = Framework.objects.get(slug="use-of-force-three-way")
    assert framework.record_kind.code == "use-of-force"
    assert framework.criteria.count() == 9
    assert framework.themes.filter(slug="no-de-escalation").exists()
