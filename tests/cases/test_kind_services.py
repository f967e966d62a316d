"""Creating a record kind from a dictionary and updating it from a new one: what may change
once cases hold its fields, refused with the reason and nothing written."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases.kinds.dictionary_out import dictionary_text
from cases.kinds.selectors import kind_by_code, kind_fields, kind_sections
from cases.kinds.services import kind_create, kind_import_dictionary, kind_update
from cases.models import CaseSectionSource, RecordField, RecordKind, RecordSection
from core.models import AuditEntry
from core.stale import StaleEdit
from tests import factories
from tests.cases.kind_dictionaries import STOP_SEARCH, lines, replaced

pytestmark = pytest.mark.django_db

AGE_BAND_LINE = (
    "age_band,Person,Age band,choice,u18=Under 18|18_24=18 to 24|25_plus=25 and over,no,yes,\r\n"
)


@pytest.fixture
def kind(alice):
    return kind_create(
        code="patrol-search", name="Patrol search", data=STOP_SEARCH.encode(), by=alice
    )


def snapshot(kind) -> list:
    """Everything an update could change, to show a refused one changed nothing."""
    kind.refresh_from_db()
    fields = [
        (f.code, f.section.name, f.position, f.label, f.type, f.choices, f.required, f.filterable)
        for f in kind_fields(kind)
    ]
    return [kind.version, kind.name, [s.name for s in kind_sections(kind)], fields]


def update(kind, data, by=None, **extra) -> list[str]:
    kind.refresh_from_db()
    return kind_update(kind=kind, data=data, by=by, seen=kind.version, **extra)


def refusals(kind, data) -> list[str]:
    before = snapshot(kind)
    with pytest.raises(ValidationError) as caught:
        update(kind, data)
    assert snapshot(kind) == before, "a refused update wrote something"
    return caught.value.messages


def held(kind, n=1, **values):
    return [factories.CaseFactory(kind=kind, outcome_type=None, values=values) for _ in range(n)]


# --- creating ------------------------------------------------------------------------


def test_a_kind_is_created_with_its_sections_and_fields_in_the_dictionarys_order(kind, alice):
    sections = kind_sections(kind)

    assert [s.name for s in sections] == ["Police", "Person"]
    assert [f.code for f in sections[0].fields.all()] == [
        "searched_at",
        "power",
        "grounds",
        "outcome",
        "bwv",
        "items_found",
        "officers",
    ]
    power = RecordField.objects.get(kind=kind, code="power")
    assert power.choices[2] == {"code": "s60", "label": "CJPOA section 60"}
    assert (power.required, power.filterable, power.column) == (True, True, "")
    assert (kind.version, kind.updated_by, kind.date_label) == (1, alice, "Date")
    entry = AuditEntry.objects.filter(object_pk=str(kind.pk), event="created").latest("pk")
    assert entry.summary == "Record kind created from a dictionary of 8 fields"


def test_a_kind_takes_the_names_of_its_date_and_facts(alice):
    kind = kind_create(
        code="uof",
        name="Force used",
        data=lines("tactic,Police,Tactic,text,,no,no,"),
        by=alice,
        date_label="Date of incident",
        facts_label="Circumstances",
    )

    assert (kind.date_label, kind.facts_label) == ("Date of incident", "Circumstances")


def test_a_field_may_not_take_the_kinds_date_heading(alice):
    with pytest.raises(ValidationError) as caught:
        kind_create(
            code="uof",
            name="Force used",
            data=lines("when,Police,Date of incident,date,,no,no,"),
            date_label="Date of incident",
        )

    assert caught.value.message_dict["dictionary"] == [
        "Line 2, column label: “Date of incident” is what this kind calls its date, which every "
        "case has: choose another label."
    ]
    assert not RecordKind.objects.filter(code="uof").exists()


def test_a_bad_dictionary_creates_nothing_and_says_every_problem(alice):
    kinds, fields = RecordKind.objects.count(), RecordField.objects.count()

    with pytest.raises(ValidationError) as caught:
        kind_create(
            code="Bad code!",
            name="",
            data=lines("a,Police,A,text,,no,no,", "a,Police,B,number,,no,no,"),
            by=alice,
        )

    errors = caught.value.message_dict
    assert errors["code"] == ["Enter a code using only letters, numbers, hyphens or underscores"]
    assert errors["name"] == ["Enter the kind's name"]
    assert errors["dictionary"] == [
        "Line 3, column code: The code a is also on line 2.",
        "Line 3, column type: “number” is not a type. Use one of text, long_text, date, "
        "datetime, integer, decimal, yes_no, choice, multi_choice, link.",
    ]
    assert (RecordKind.objects.count(), RecordField.objects.count()) == (kinds, fields)


def test_a_code_or_name_another_kind_has_is_refused(kind, alice):
    with pytest.raises(ValidationError) as caught:
        kind_create(code="STOP-SEARCH", name="stop and search", data=STOP_SEARCH.encode())

    assert caught.value.message_dict == {
        "code": ["There is a kind with the code STOP-SEARCH already"],
        "name": ["There is a kind called “stop and search” already"],
    }


# --- updating: what may change -------------------------------------------------------


def test_the_same_dictionary_changes_nothing_and_keeps_the_version(kind):
    assert update(kind, STOP_SEARCH.encode()) == []
    kind.refresh_from_db()
    assert kind.version == 1


def test_what_a_kind_exports_imports_again_unchanged(kind, reference_data):
    oocr = kind_by_code("oocr")
    held(oocr, 1)

    for each in (kind, oocr):
        assert update(each, dictionary_text(kind_fields(each)).encode()) == []


def test_wording_sections_flags_and_new_fields_may_change_while_cases_hold_the_fields(kind, alice):
    held(kind, 3, power="s1", grounds="Smell of cannabis.", items_found=["drugs"], bwv=True)
    data = replaced(
        STOP_SEARCH,
        "power,Police,Power used,choice,s1=PACE section 1|",
        "power,Legal,Power,choice,s1=PACE s1 (stolen or prohibited articles)|s44=Terrorism Act|",
    )
    data = data.decode().replace("What the officer said", "What the officer recorded")
    data = data.replace(
        "bwv,Police,Body-worn video recorded,yes_no,,no,yes,", "bwv,Police,BWV,yes_no,,yes,no,"
    )
    data += "gowisely,Police,GOWISELY explained,yes_no,,no,yes,\r\n"

    changes = update(kind, data.encode(), by=alice)

    assert changes == [
        "Added the section “Legal”",
        "Reworded the label of power: “Power used” to “Power”",
        "Moved “Power” from the section “Police” to “Legal”",
        "Added the choice “Terrorism Act” (s44) to “Power”",
        "Reworded the choice s1 of “Power”: “PACE section 1” to “PACE s1 (stolen or prohibited "
        "articles)”",
        "Changed the help of “Grounds”",
        "Reworded the label of bwv: “Body-worn video recorded” to “BWV”",
        "“BWV” is now required",
        "“BWV” can no longer be filtered by",
        "Added the field “GOWISELY explained” (gowisely) to the section “Police”",
        "Changed the order of the fields",
    ]
    kind.refresh_from_db()
    assert (kind.version, kind.updated_by) == (2, alice)
    assert [s.name for s in kind_sections(kind)] == ["Police", "Legal", "Person"]
    power = RecordField.objects.get(kind=kind, code="power")
    assert [c["code"] for c in power.choices] == ["s1", "s44", "s23", "s60"]
    entry = AuditEntry.objects.filter(object_pk=str(kind.pk), event="changed").latest("pk")
    assert entry.summary == "Record kind updated from a dictionary: 11 change(s)"
    assert entry.additional_data["changes"] == changes


def test_each_field_change_is_in_the_audit_trail(kind):
    power = RecordField.objects.get(kind=kind, code="power")

    update(kind, replaced(STOP_SEARCH, "Power used", "Power"))

    logged = AuditEntry.objects.filter(object_pk=str(power.pk), content_type__model="recordfield")
    # The English is kept in the label's column and in its English copy (docs/adr/0017).
    assert logged.latest("pk").changes == {
        "label": ["Power used", "Power"],
        "label_en": ["Power used", "Power"],
    }


def test_two_fields_may_swap_labels(kind):
    data = replaced(STOP_SEARCH, "Date and time of search", "Outcome").decode()
    data = data.replace("outcome,Police,Outcome,", "outcome,Police,Date and time of search,")

    update(kind, data.encode())

    labels = dict(RecordField.objects.filter(kind=kind).values_list("code", "label"))
    assert (labels["searched_at"], labels["outcome"]) == ("Outcome", "Date and time of search")


def test_a_field_no_case_holds_may_change_type_or_go_and_its_section_with_it(kind):
    held(kind, 2, power="s1")
    data = replaced(
        STOP_SEARCH,
        "officers,Police,Officers present,integer,",
        "officers,Police,Officers present,text,",
    )
    data = data.decode().replace(
        AGE_BAND_LINE,
        "",
    )
    data = data.replace("s23=Misuse of Drugs Act s23|", "")

    changes = update(kind, data.encode())

    assert changes == [
        "Removed the choice “Misuse of Drugs Act s23” (s23) from “Power used”",
        "Changed the type of “Officers present” from “whole number” to “text”",
        "Removed the field “Age band” (age_band)",
        "Removed the section “Person”",
    ]
    assert not RecordSection.objects.filter(kind=kind, name="Person").exists()


# --- updating: what the cases held forbid ---------------------------------------------


def test_a_field_cases_hold_cannot_be_removed(kind):
    held(kind, 2, age_band="u18")
    held(kind, 1, power="s1")
    data = replaced(
        STOP_SEARCH,
        AGE_BAND_LINE,
        "",
    )

    assert refusals(kind, data) == [
        "“Age band” (age_band) is missing from the dictionary, but it is held by 2 cases, so it "
        "cannot be removed. Put its line back."
    ]


def test_a_field_cases_hold_cannot_change_type(kind):
    held(kind, 1, officers=2)

    assert refusals(
        kind,
        replaced(
            STOP_SEARCH, "Officers present,integer,,no,yes", "Officers present,decimal,,no,no"
        ),
    ) == [
        "Line 9, column type: “Officers present” (officers) is held by 1 case, so its type cannot "
        "change from “whole number” to “decimal”. Add a new field instead."
    ]


@pytest.mark.parametrize(
    ("values", "removed"),
    [
        ({"power": "s23"}, "s23=Misuse of Drugs Act s23|"),
        ({"items_found": ["other", "weapon"]}, "|weapon=Weapon"),
    ],
)
def test_a_choice_cases_hold_cannot_be_removed(kind, values, removed):
    held(kind, 3, **values)
    held(kind, 1, power="s1", items_found=["drugs"])

    problems = refusals(kind, replaced(STOP_SEARCH, removed, ""))

    assert len(problems) == 1
    assert "is held by 3 cases, so it cannot be removed. You can reword it." in problems[0]
    assert problems[0].startswith("Line ")


def test_a_refused_update_lists_every_reason_and_writes_nothing(kind):
    held(kind, 1, officers=2, bwv=False)
    data = replaced(STOP_SEARCH, "Officers present,integer", "Officers present,text").decode()
    data = data.replace("bwv,Police,Body-worn video recorded,yes_no,,no,yes,\r\n", "")
    data += "extra,Police,Extra,text,,no,no,\r\n"

    problems = refusals(kind, data.encode())

    assert len(problems) == 2
    assert any("(bwv) is missing" in p for p in problems)


def test_a_section_an_agencys_extract_filled_keeps_a_field(kind):
    (case,) = held(kind, 1)
    section = RecordSection.objects.get(kind=kind, name="Person")
    CaseSectionSource.objects.create(case=case, section=section, imported_at=timezone.now())
    data = replaced(STOP_SEARCH, "age_band,Person,", "age_band,Police,")

    assert refusals(kind, data) == [
        "The section “Person” was filled by an agency's own extract for 1 case, so it must keep "
        "at least one field."
    ]


def test_the_out_of_court_kinds_column_fields_never_change_type_or_go(reference_data):
    oocr = kind_by_code("oocr")
    held(oocr, 2)
    text = dictionary_text(kind_fields(oocr))
    retyped = text.replace(
        "gravity_score,Outcome,Gravity score,integer", "gravity_score,Outcome,Gravity score,text"
    )
    dropped = "\r\n".join(r for r in text.split("\r\n") if not r.startswith("conditions,"))
    more_choices = text.replace(
        "full=Full and frank admission on record|",
        "full=Full and frank admission on record|some=Some|",
    )

    assert refusals(oocr, retyped.encode())[0].endswith(
        "“Gravity score” (gravity_score) is kept in a column of its own on every case (2 cases "
        "of this kind), so its type cannot change from “whole number” to “text”."
    )
    assert "it cannot be removed" in refusals(oocr, dropped.encode())[0]
    assert refusals(oocr, more_choices.encode())[0].endswith(
        "“Admission” (admission) is kept in a column of its own, whose values are fixed: its "
        "choices can be reworded but not added or removed (some)."
    )


def test_the_out_of_court_kinds_column_fields_may_be_reworded(reference_data):
    oocr = kind_by_code("oocr")
    text = dictionary_text(kind_fields(oocr)).replace(
        "=Full and frank admission on record", "=Full admission"
    )

    assert update(oocr, text.encode()) == [
        "Reworded the choice full of “Admission”: “Full and frank admission on record” to "
        "“Full admission”"
    ]


def test_an_update_from_a_form_opened_before_anothers_save_is_refused(kind):
    update(kind, replaced(STOP_SEARCH, "Power used", "Power"))

    with pytest.raises(StaleEdit):
        kind_update(kind=kind, data=STOP_SEARCH.encode(), seen=1)

    assert RecordField.objects.get(kind=kind, code="power").label == "Power"


def test_a_bad_dictionary_updates_nothing(kind):
    assert refusals(kind, lines("power,Police,Power used,choice,,no,no,")) == [
        "Line 2, column choices: A choice field needs its choices, written code=Label|code=Label."
    ]


# --- create or update ---------------------------------------------------------------------


def test_importing_a_dictionary_creates_the_kind_then_updates_it(alice):
    first = kind_import_dictionary(code="ss", name="Patrol search", data=STOP_SEARCH.encode())
    again = kind_import_dictionary(
        code="ss", name="Patrol search (2026)", data=replaced(STOP_SEARCH, "Power used", "Power")
    )

    assert (first.created, first.changes) == (True, [])
    assert again.created is False
    assert again.changes == [
        "Renamed the kind from “Patrol search” to “Patrol search (2026)”",
        "Reworded the label of power: “Power used” to “Power”",
    ]
    assert again.kind.version == 2


def test_cases_of_another_kind_do_not_count(kind, reference_data):
    factories.CaseFactory(values={"officers": 3}, outcome_date=datetime.date(2025, 3, 1))

    assert update(kind, replaced(STOP_SEARCH, "Officers present,integer", "Officers present,text"))
