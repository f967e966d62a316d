"""The seeded record kinds: the Victims' Code case, stop and search and use of force, as the
migrations leave them, and the page that documents them."""

from pathlib import Path

import pytest
from django.apps import apps

from cases.kind_data import KINDS, STOP_SEARCH, USE_OF_FORCE, VCOP, seed_kinds
from cases.kind_data.describe import document
from cases.kind_data.spec import field_codes
from cases.kind_data.vcop import RIGHTS_FIELDS
from cases.kinds.selectors import filterable_fields, kind_by_code, kind_sections
from cases.models import FieldType
from cases.models.kinds import FILTERABLE_TYPES
from panels.reference_data import VICTIMS_RIGHTS

ROOT = Path(__file__).resolve().parents[2]
CHOICE_TYPES = {FieldType.CHOICE, FieldType.MULTI_CHOICE}


def _sections(code: str) -> list[str]:
    return [section.name for section in kind_sections(kind_by_code(code))]


def test_victims_code_kind_has_a_section_per_agency(db):
    assert _sections("vcop") == ["Police", "CPS", "Courts and witness care", "Probation"]
    assert kind_by_code("vcop").date_label == "Date of outcome"


def test_stop_and_search_kind_filters_by_power_outcome_and_who_was_searched(db):
    kind = kind_by_code("stop-search")

    assert kind.date_label == "Date of search"
    assert [f.code for f in filterable_fields(kind)] == [
        "power",
        "object_of_search",
        "self_defined_ethnicity",
        "officer_defined_ethnicity",
        "age_band",
        "gender",
        "outcome",
        "outcome_linked",
        "bwv_recorded",
        "strip_search",
    ]


def test_use_of_force_kind_records_several_tactics_reasons_and_impact_factors(db):
    fields = {f.code: f for f in kind_by_code("use-of-force").fields.all()}

    several = {code for code, f in fields.items() if f.type == FieldType.MULTI_CHOICE}
    assert several == {"tactics", "reasons", "impact_factors"}
    assert fields["tactics"].choice_labels()["taser_fired"] == "Taser fired"
    assert fields["tactics"].filterable and fields["tactics"].required


def test_every_victims_right_maps_to_at_least_one_field_of_the_kind(db):
    held = set(kind_by_code("vcop").fields.values_list("code", flat=True))

    unjudged = [code for code, _right, fields in RIGHTS_FIELDS if not fields]
    missing = [f for _code, _right, fields in RIGHTS_FIELDS for f in fields if f not in held]
    assert (unjudged, missing) == ([], [])


def test_the_rights_mapped_are_the_twelve_criteria_of_the_victims_code_framework():
    assert [(code, right) for code, right, _fields in RIGHTS_FIELDS] == VICTIMS_RIGHTS


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind["code"])
def test_a_seeded_kind_is_well_formed(kind):
    fields = [f for _section, own in kind["sections"] for f in own]
    problems = []
    for f in fields:
        codes = [code for code, _label in f.get("choices", ())]
        if (f["type"] in CHOICE_TYPES) != bool(codes) or len(codes) != len(set(codes)):
            problems.append(f"{f['code']}: choices")
        # The out of court resolution's columns predate kinds (offence category is text).
        if f.get("filterable") and not f.get("column") and f["type"] not in FILTERABLE_TYPES:
            problems.append(f"{f['code']}: filterable {f['type']}")
    labels = [f["label"] for f in fields]
    assert problems == []
    assert len(set(field_codes(kind))) == len(fields)
    assert len(set(labels)) == len(labels)


def test_seeding_again_keeps_an_admins_rewording(db):
    field = kind_by_code("stop-search").fields.get(code="power")
    field.label = "Legal power used"
    field.save()

    seed_kinds(apps, [VCOP, STOP_SEARCH, USE_OF_FORCE])

    field.refresh_from_db()
    assert field.label == "Legal power used"


def test_the_seeded_kinds_page_matches_the_data():
    page = (ROOT / "docs" / "seeded-kinds.md").read_text(encoding="utf-8")

    assert page == document(), "run: python -m cases.kind_data.describe > docs/seeded-kinds.md"


def test_the_page_has_a_row_for_each_right_naming_its_fields():
    table = document().split("## The 12 rights")[1].split("\n## ")[0]
    rows = [line for line in table.splitlines() if line.startswith("| ") and ". To " in line]

    assert len(rows) == 12
    assert rows[0] == (
        "| 1. To be able to understand and to be understood (`understand-and-be-understood`) "
        "| Communication needs (Police) |"
    )
