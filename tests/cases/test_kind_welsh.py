"""A record kind's words in Welsh (docs/record-kinds.md, "In Welsh"; docs/adr/0017): the
seeded kinds ship with theirs, a dictionary carries them in four optional columns, a Welsh
page reads them, and the English stays the key of every extract and dictionary."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cases import services
from cases.enums import BatchStatus
from cases.kind_data import KINDS
from cases.kind_data.welsh import KINDS_CY
from cases.kinds.dictionary import dictionary_read
from cases.kinds.dictionary_out import dictionary_text
from cases.kinds.presenters import case_sections
from cases.kinds.selectors import kind_by_code, kind_fields, kind_sections
from cases.kinds.services import kind_create, kind_update
from cases.models import Case, RecordField
from core.models import AuditEntry
from tests import factories
from tests.cases.conftest import csv_bytes, messages_of, upload
from tests.cases.kind_dictionaries import HEADINGS

pytestmark = pytest.mark.django_db

WELSH = HEADINGS + ",section_cy,label_cy,help_cy,choices_cy"
POWER = "power,Police,Power used,choice,s1=PACE section 1|s23=Drugs Act s23,yes,yes,When searched"
BWV = "bwv,Police,Body-worn video recorded,yes_no,,no,yes,"
NOTES = "notes,Person,Notes,text,,no,no,"


def dictionary(*rows: str) -> bytes:
    return "\r\n".join([WELSH, *rows, ""]).encode()


GOOD = dictionary(
    POWER + ",Heddlu,Pŵer a ddefnyddiwyd,Pryd y chwiliwyd,s1=Adran 1 PACE|s23=Adran 23",
    BWV + ",Heddlu,Fideo camera corff wedi'i recordio,,",
    NOTES + ",,,,",
)


@pytest.fixture
def kind(alice):
    return kind_create(code="patrol", name="Patrol search", data=GOOD, by=alice)


def messages(error) -> str:
    return " ".join(error.value.messages)


# --- the seeded kinds --------------------------------------------------------------------


@pytest.mark.parametrize("spec", KINDS, ids=lambda spec: spec["code"])
def test_every_seeded_kind_has_its_welsh(reference_data, spec):
    kind = kind_by_code(spec["code"])

    welsh = KINDS_CY[spec["code"]]
    assert (kind.name_cy, kind.date_label_cy, kind.facts_label_cy) == (
        welsh["name"],
        welsh["date_label"],
        welsh["facts_label"],
    )
    assert all(section.name_cy for section in kind_sections(kind))
    for field in kind_fields(kind):
        assert field.label_cy, field.code
        assert bool(field.help_cy) == bool(field.help_en), field.code
        assert all(choice.get("label_cy") for choice in field.choices), field.code


def test_a_seeded_kind_reads_in_welsh_on_a_welsh_page_and_in_english_otherwise(reference_data):
    kind = kind_by_code("stop-search")
    power = kind.fields.get(code="power")

    with translation.override("cy"):
        welsh = (kind.name, power.label, power.choice_labels()["mda_s23"])
    english = (kind.name, power.label, power.choice_labels()["mda_s23"])

    assert welsh == (
        "Stopio a chwilio",
        power.label_cy,
        "Adran 23 Deddf Camddefnyddio Cyffuriau 1971",
    )
    assert english == ("Stop and search", "Power used", "Section 23 Misuse of Drugs Act 1971")


# --- dictionaries --------------------------------------------------------------------------


def test_a_dictionary_gives_each_field_its_welsh(kind):
    power, bwv, notes = kind_fields(kind)
    police, person = kind_sections(kind)

    assert (power.label_en, power.label_cy, power.help_cy) == (
        "Power used",
        "Pŵer a ddefnyddiwyd",
        "Pryd y chwiliwyd",
    )
    assert power.choices[1] == {"code": "s23", "label": "Drugs Act s23", "label_cy": "Adran 23"}
    assert (police.name_cy, person.name_cy) == ("Heddlu", None)
    assert (bwv.label_cy, notes.label_cy) == ("Fideo camera corff wedi'i recordio", None)


def test_a_kind_with_welsh_exports_it_and_imports_the_same_again(kind):
    text = dictionary_text(kind_fields(kind))

    assert text.split("\r\n")[0] == WELSH
    read = dictionary_read(text.encode())
    assert [(f.label_cy, f.section_cy, f.help_cy) for f in read] == [
        ("Pŵer a ddefnyddiwyd", "Heddlu", "Pryd y chwiliwyd"),
        ("Fideo camera corff wedi'i recordio", "Heddlu", ""),
        ("", "", ""),
    ]
    assert kind_update(kind=kind, data=text.encode(), seen=kind.version) == []


def test_a_kind_without_welsh_exports_the_eight_columns_only(alice):
    plain = kind_create(code="plain", name="Plain", data=dictionary(BWV + ",,,,"), by=alice)

    assert dictionary_text(kind_fields(plain)).split("\r\n")[0] == HEADINGS


def test_changing_only_the_welsh_is_a_change_in_the_audit_trail(kind, alice):
    data = GOOD.replace(b"Adran 23", b"Adran 23 y Ddeddf Cyffuriau")
    data = data.replace(b",,,,\r\n", b",Unigolyn,Nodiadau,,\r\n", 1)

    changes = kind_update(kind=kind, data=data, seen=kind.version, by=alice)

    assert changes == [
        "Changed the Welsh of “Power used”",
        "Changed the Welsh of “Notes”",
        "Changed the Welsh name of the section “Person”",
    ]
    power = kind.fields.get(code="power")
    assert power.choices[1]["label_cy"] == "Adran 23 y Ddeddf Cyffuriau"
    assert kind.sections.get(name="Person").name_cy == "Unigolyn"
    logged = AuditEntry.objects.filter(object_pk=str(kind.pk), content_type__model="recordkind")
    assert logged.latest("pk").additional_data["changes"] == changes


def test_two_fields_may_swap_welsh_labels(kind):
    data = GOOD.decode().replace("Pŵer a ddefnyddiwyd", "SWAP")
    data = data.replace("Fideo camera corff wedi'i recordio", "Pŵer a ddefnyddiwyd")
    data = data.replace("SWAP", "Fideo camera corff wedi'i recordio")

    kind_update(kind=kind, data=data.encode(), seen=kind.version)

    labels = dict(RecordField.objects.filter(kind=kind).values_list("code", "label_cy"))
    assert (labels["power"], labels["bwv"]) == (
        "Fideo camera corff wedi'i recordio",
        "Pŵer a ddefnyddiwyd",
    )


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (
            POWER + ",Heddlu,Pŵer,,s1=Adran 1|s99=Arall",
            "column choices_cy: s99 is not one of this field's choices (s1, s23).",
        ),
        (BWV + ",,,,y=Ie", "column choices_cy: Only a field with choices has their Welsh."),
        (POWER + ",Heddlu,Pŵer,,s1 Adran 1", "is not written code=Label."),
        (BWV + ",Plismona,Fideo,,", "Line 2 gives the section “Police” the Welsh “Heddlu”"),
        (BWV + ",,Pŵer,,", "The Welsh label “Pŵer” is also on line 2."),
        (
            POWER + ",Heddlu,Pŵer,,s1=Adran|s23=adran",
            "column choices_cy: The choice label “adran” is used twice.",
        ),
        (NOTES + ",Heddlu,,,", "The section “Police” is called “Heddlu” in Welsh already."),
    ],
)
def test_bad_welsh_is_refused_naming_its_line_and_column(alice, row, problem):
    data = dictionary(POWER + ",Heddlu,Pŵer,,", row)

    with pytest.raises(ValidationError) as refused:
        kind_create(code="bad", name="Bad", data=data, by=alice)

    assert problem in messages(refused)
    assert not RecordField.objects.filter(kind__code="bad").exists()


def test_a_kind_made_on_a_welsh_page_keeps_its_english_in_the_english_columns(alice):
    with translation.override("cy"):
        made = kind_create(code="cy-page", name="Patrol", data=GOOD, by=alice)

    power = made.fields.get(code="power")
    assert (made.name_en, made.name_cy, power.label_en) == ("Patrol", None, "Power used")
    assert made.sections.get(position=1).name_en == "Police"


# --- extracts and pages --------------------------------------------------------------------


def test_an_extract_checked_on_a_welsh_page_matches_english_and_welsh_headings(alice, force, kind):
    rows = [
        {
            "Reference": "P-1",
            "Date": "2025-03-01",
            "Facts": "Stopped near the station.",
            "Pŵer a ddefnyddiwyd": "Adran 23",  # the Welsh label and the Welsh choice
            "Body-worn video recorded": "yes",
        }
    ]
    with translation.override("cy"):
        batch = upload(alice, force, csv_bytes(rows), kind=kind)

    assert batch.status == BatchStatus.PREVIEWED, messages_of(batch)
    services.batch_confirm(batch=batch, user=alice)
    assert Case.objects.get().values == {"power": "s23", "bwv": True}


def test_case_papers_on_a_welsh_page_give_the_welsh_and_mark_what_is_english(kind, welsh):
    case = factories.CaseFactory(
        kind=kind, outcome_type=None, values={"power": "s1", "bwv": True, "notes": "Calm."}
    )
    sections = kind_sections(kind)

    with translation.override(welsh):
        police, person = case_sections(case, sections)
    power, bwv = police.rows
    (notes,) = person.rows

    assert (police.name, getattr(police.name, "lang", "")) == ("Heddlu", "")
    assert (power.label, power.text, power.help) == (
        "Pŵer a ddefnyddiwyd",
        "Adran 1 PACE",
        "Pryd y chwiliwyd",
    )
    assert bwv.text == "Ie"
    # No Welsh yet for the section and the field: their English, marked as English; the
    # force's own words in a text field are English too.
    assert (person.name, person.name.lang) == ("Person", "en-GB")
    assert (notes.label, notes.label.lang, notes.text.lang) == ("Notes", "en-GB", "en-GB")


def test_a_welsh_section_name_may_move_to_another_section(kind):
    data = GOOD.decode().replace(",Heddlu,", ",,").replace(NOTES + ",,,,", NOTES + ",Heddlu,,,")

    kind_update(kind=kind, data=data.encode(), seen=kind.version)

    assert dict(kind.sections.values_list("name", "name_cy")) == {
        "Police": None,
        "Person": "Heddlu",
    }


def test_a_kind_without_welsh_words_reads_its_english_ones_on_a_welsh_page(kind):
    with translation.override("cy"):
        words = (kind.date_label, kind.facts_label)

    assert (kind.date_label_cy, kind.facts_label_cy) == (None, None)
    assert words == ("Date", "Facts")


def test_a_dictionary_without_the_welsh_columns_keeps_the_kinds_welsh(kind):
    data = GOOD.decode().split("\r\n")
    plain = "\r\n".join([HEADINGS] + [",".join(row.split(",")[:8]) for row in data[1:]])

    changes = kind_update(kind=kind, data=plain.encode(), seen=kind.version)

    power = kind.fields.get(code="power")
    assert changes == []
    assert (power.label_cy, power.choices[0]["label_cy"]) == ("Pŵer a ddefnyddiwyd", "Adran 1 PACE")
    assert kind.sections.get(name="Police").name_cy == "Heddlu"


def test_a_welsh_choice_never_takes_an_english_spelling_from_another_choice(kind):
    from cases.imports.typed import Choices

    field = kind.fields.get(code="power")
    field.choices = [
        {"code": "no", "label": "No", "label_cy": "Na"},
        {"code": "na", "label": "Not applicable", "label_cy": "Amherthnasol"},
    ]

    choices = Choices(field)

    assert (choices.one("N/A"), choices.one("na"), choices.one("Amherthnasol")) == (
        "na",
        "na",
        "na",
    )
    # The code na is "na" before any Welsh label is.
    assert (choices.one("No"), choices.one("Na")) == ("no", "na")


def test_kinds_are_listed_in_the_order_of_the_pages_words(alice):
    from cases.browse_selectors import kind_choices
    from cases.kinds.admin_selectors import kind_list

    welsh_names = {"alpha": None, "bravo": "Bravo", "charlie": None, "delta": "Aardvark"}
    for code, welsh in welsh_names.items():
        made = kind_create(code=code, name=code.title(), data=dictionary(BWV + ",,,,"), by=alice)
        made.name_cy = welsh
        made.save()

    def order(kinds):
        return [k.code for k in kinds if k.code in welsh_names]

    with translation.override("cy"):
        welsh = (order(kind_choices()), order(kind_list()))

    assert (order(kind_choices()), order(kind_list())) == (
        ["alpha", "bravo", "charlie", "delta"],
    ) * 2
    # A kind without a Welsh name sorts by its English, not among the kinds without one.
    assert welsh == (["delta", "alpha", "bravo", "charlie"],) * 2
