"""A record kind's dictionary as CSV: every bad file is refused whole, naming its line and
column, and what is written reads back the same."""

import pytest

from cases.kinds.dictionary import DictionaryError, dictionary_read
from cases.kinds.dictionary_out import dictionary_text
from cases.kinds.selectors import kind_by_code, kind_fields
from tests.cases.kind_dictionaries import HEADINGS, STOP_SEARCH, lines

GOOD = "power,Police,Power used,choice,s1=PACE s1|s60=CJPOA s60,yes,yes,Which power"


def refused(data: bytes) -> list[str]:
    with pytest.raises(DictionaryError) as caught:
        dictionary_read(data)
    return [str(problem) for problem in caught.value.problems]


def test_a_dictionary_reads_as_fields_in_its_order():
    fields = dictionary_read(STOP_SEARCH.encode())

    assert [f.code for f in fields][:3] == ["searched_at", "power", "grounds"]
    power = fields[1]
    assert (power.section, power.label, power.type) == ("Police", "Power used", "choice")
    assert power.choices[0] == ("s1", "PACE section 1")
    assert (power.required, power.filterable) == (True, True)
    assert fields[2].help == "What the officer said, in their words."
    assert fields[5].choice_list()[1] == {"code": "weapon", "label": "Weapon"}


def test_headings_in_another_order_with_capitals_and_a_bom_are_read():
    headings = "Label,Code,Section,Type,Choices,Required,Filterable,Help"
    data = "\ufeff".encode() + lines(
        "Power used,power,Police,choice,s1=S1,no,no,", headings=headings
    )

    (field,) = dictionary_read(data)

    assert (field.code, field.label, field.choices) == ("power", "Power used", (("s1", "S1"),))


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_dictionary_saved_with_semicolons_or_tabs_is_read_as_one_with_commas(delimiter):
    """As a spreadsheet set to another locale saves "CSV": extracts are read the same way."""
    cells = ["grounds", "Police", "Grounds, as written", "long_text", "", "no", "no"]
    row = delimiter.join([*cells, '"What was said; in full."'])
    data = lines(row, headings=HEADINGS.replace(",", delimiter))

    (field,) = dictionary_read(data)

    assert (field.code, field.label, field.help) == (
        "grounds",
        "Grounds, as written",
        "What was said; in full.",
    )


def test_blank_required_and_filterable_mean_no_and_blank_lines_are_skipped():
    (field,) = dictionary_read(lines("", "notes,Police,Notes,long_text,,,,", ""))

    assert (field.required, field.filterable) == (False, False)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "power,Police,Power used,number,,no,no,",
            "Line 2, column type: “number” is not a type. Use one of text, long_text, date,",
        ),
        (
            "power,Police,Power used,choice,s1=PACE|s60,no,no,",
            "Line 2, column choices: Choice 2 (“s60”) is not written code=Label.",
        ),
        (
            "power,Police,Power used,choice,s1=PACE||s60=CJPOA,no,no,",
            "Line 2, column choices: Choice 2 (“”) is not written code=Label.",
        ),
        (
            "power,Police,Power used,choice,s1=PACE|s1=CJPOA,no,no,",
            "Line 2, column choices: The choice code s1 is used twice.",
        ),
        (
            "power,Police,Power used,choice,s1=PACE|s60=pace,no,no,",
            "Line 2, column choices: The choice label “pace” is used twice.",
        ),
        (
            "power,Police,Power used,choice,s 1=PACE,no,no,",
            "Line 2, column choices: Choice 1: “s 1” is not a code",
        ),
        (
            "power,Police,Power used,text,s1=PACE,no,no,",
            "Line 2, column choices: Only choice and multi_choice fields have choices.",
        ),
        (
            "power,Police,Power used,multi_choice,,no,no,",
            "Line 2, column choices: A choice field needs its choices, written "
            "code=Label|code=Label.",
        ),
        (
            "Power-Used,Police,Power used,text,,no,no,",
            "Line 2, column code: “Power-Used” is not a code: use lower-case letters, digits and "
            "underscores, starting with a letter, for example power_used.",
        ),
        ("1st,Police,First,text,,no,no,", "Line 2, column code: “1st” is not a code"),
        (",Police,Power used,text,,no,no,", "Line 2, column code: Enter the field's code."),
        (
            "reference,Police,Their reference,text,,no,no,",
            "Line 2, column code: “reference” is kept by every case already",
        ),
        (
            "power,Police,Power used,text,,maybe,no,",
            "Line 2, column required: Write yes or no, not “maybe”.",
        ),
        (
            "power,Police,Power used,text,,no,sometimes,",
            "Line 2, column filterable: Write yes or no, not “sometimes”.",
        ),
        (
            "power,Police,Power used,long_text,,no,yes,",
            "Line 2, column filterable: A long text field cannot be filterable",
        ),
        ("power,,Power used,text,,no,no,", "Line 2, column section: Enter the field's section."),
        ("power,Police,,text,,no,no,", "Line 2, column label: Enter the field's label."),
        (
            "power,Police,Date,date,,no,no,",
            "Line 2, column label: “Date” is the heading of what every case has",
        ),
        (
            "power,Police,Power\u202eused,text,,no,no,",
            "Line 2, column label: The label contains a hidden character that reverses text "
            "direction (U+202E)",
        ),
        ("power,Police," + "x" * 201 + ",text,,no,no,", "Line 2, column label: Write at most 200"),
        ("power,Police,Power used,text,,no,no,,surplus", "Line 2: The line has cells under no"),
    ],
)
def test_a_bad_line_is_refused_naming_its_line_and_column(row, expected):
    problems = refused(lines(row))

    assert any(problem.startswith(expected) for problem in problems), problems


def test_a_repeated_code_names_both_lines():
    problems = refused(lines(GOOD, "x,Police,Other,text,,no,no,", GOOD.replace("Power", "Pwr")))

    assert problems == ["Line 4, column code: The code power is also on line 2."]


def test_a_repeated_label_names_both_lines_ignoring_capitals():
    problems = refused(lines(GOOD, "power_2,CPS,power USED,text,,no,no,"))

    assert problems == ["Line 3, column label: The label “power USED” is also on line 2."]


def test_every_problem_in_the_file_is_listed_not_only_the_first():
    problems = refused(lines("a,Police,A,number,,no,no,", GOOD, "b,Police,B,text,,perhaps,no,"))

    assert [p.split(":")[0] for p in problems] == ["Line 2, column type", "Line 4, column required"]


@pytest.mark.parametrize("missing", ["choices", "help", "code"])
def test_a_missing_heading_is_named(missing):
    headings = ",".join(h for h in HEADINGS.split(",") if h != missing)

    problems = refused(lines("x", headings=headings))

    assert f"Line 1: The heading “{missing}” is missing." in problems[0]


def test_an_unknown_or_repeated_heading_is_refused():
    problems = refused(lines(GOOD + ",x", headings=HEADINGS + ",notes"))
    twice = refused(lines(GOOD + ",x", headings=HEADINGS + ",label"))

    assert problems[0].startswith("Line 1, column 9: “notes” is not a heading of a dictionary.")
    assert twice == ["Line 1, column label: The heading “label” is given twice."]


def test_empty_trailing_columns_a_spreadsheet_leaves_are_ignored():
    (field,) = dictionary_read(lines(GOOD + ",,", headings=HEADINGS + ",,"))

    assert field.code == "power"


def test_an_empty_file_and_a_file_of_headings_only_are_refused():
    assert refused(b"") == [
        "The file is empty. Add a line of headings and one line for each field."
    ]
    assert refused(b" \r\n") == refused(b"")
    assert refused(lines()) == ["Line 1: The dictionary has no fields: add a line for each."]


def test_a_file_that_is_not_utf8_is_refused_naming_the_line():
    data = lines(GOOD, "place,Police,Lieu de l'arrêt,text,,no,no,").decode().encode("cp1252")

    assert refused(data) == [
        "Line 3: The file is not UTF-8 text. Save it as “CSV UTF-8” and try again."
    ]


def test_a_line_that_is_not_csv_is_refused():
    problems = refused(lines(GOOD) + b'x,Police,"Unclosed,text,,no,no,\0\r\n')

    assert problems and problems[0].startswith("Line ")


# --- writing ---------------------------------------------------------------------------


def test_the_out_of_court_kind_is_written_with_its_column_fields(reference_data):
    text = dictionary_text(kind_fields(kind_by_code("oocr")))

    rows = text.split("\r\n")
    # The seeded kind has its Welsh, so the Welsh columns follow the eight.
    assert rows[0] == HEADINGS + ",section_cy,label_cy,help_cy,choices_cy"
    assert rows[1].startswith("offence,Offence,Offence,text,,yes,no,")
    assert any(
        r.startswith("admission,Outcome,Admission,choice,full=Full and frank admission on record|")
        for r in rows
    )
    assert (
        "is_domestic_abuse,Offence,Domestic abuse,yes_no,,no,yes,,Trosedd,Cam-drin domestig,,"
        in rows
    )


def test_what_is_written_reads_back_the_same(reference_data):
    fields = kind_fields(kind_by_code("oocr"))

    read = dictionary_read(dictionary_text(fields).encode())

    assert [(f.code, f.section, f.label, f.type, f.help) for f in read] == [
        (f.code, f.section.name, f.label, f.type, f.help) for f in fields
    ]
    assert [f.choice_list() for f in read] == [f.choices for f in fields]


def test_a_cell_a_spreadsheet_would_run_is_guarded_and_the_guard_is_read_off(alice):
    from cases.kinds.services import kind_create

    data = lines("score,Police,Score,integer,,no,no,=1+1 is not a formula")
    kind = kind_create(code="guarded", name="Guarded", data=data, by=alice)

    text = dictionary_text(kind_fields(kind))

    assert "'=1+1 is not a formula" in text
    assert dictionary_read(text.encode())[0].help == "=1+1 is not a formula"
