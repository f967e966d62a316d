"""Excel extracts: sheets, cell types, formulas, and files that are unsafe to open."""

import datetime
import io
import zipfile

import openpyxl
import pytest

from cases.enums import BatchStatus
from cases.models import Case
from tests.cases.conftest import messages_of, row, upload, xlsx_bytes


def confirm(batch, user):
    from cases import services

    return services.batch_confirm(batch=batch, user=user)


def rebuild(data: bytes, replace: dict[str, bytes] | None = None, add=None) -> bytes:
    """The workbook with some parts replaced or added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = (replace or {}).get(info.filename, source.read(info.filename))
            target.writestr(info.filename, body)
        for name, body in (add or {}).items():
            target.writestr(name, body)
    return out.getvalue()


def test_xlsx_first_sheet_is_imported(alice, force):
    batch = upload(alice, force, xlsx_bytes([row("CR-1"), row("CR-2")]), "extract.xlsx")
    confirm(batch, alice)

    assert sorted(Case.objects.values_list("reference", flat=True)) == ["CR-1", "CR-2"]


def test_xlsx_chosen_sheet_is_imported(alice, force):
    data = xlsx_bytes([row("CR-1")], sheet="Finalised", extra_sheets=["Cover"])

    batch = upload(alice, force, data, "extract.xlsx", sheet_name="finalised")

    assert (batch.status, batch.row_count) == (BatchStatus.PREVIEWED, 1)


def test_xlsx_unknown_sheet_is_refused_naming_the_sheets(alice, force):
    data = xlsx_bytes([row("CR-1")], sheet="Cases")

    batch = upload(alice, force, data, "extract.xlsx", sheet_name="2024")

    assert messages_of(batch) == [
        (None, "", "The workbook has no sheet called that. Its sheets are “Cases”, “Notes”.")
    ]


def test_xlsx_date_cells_numbers_and_excel_serials_are_read(alice, force):
    data = xlsx_bytes(
        [
            row(
                "CR-1",
                **{
                    "Offence date": datetime.datetime(2025, 1, 10),
                    "Outcome date": 45717,  # 1 March 2025 as an Excel serial
                    "Gravity score": 3,
                    "Crime code": "105A",
                },
            )
        ]
    )

    batch = upload(alice, force, data, "extract.xlsx")
    confirm(batch, alice)

    case = Case.objects.get()
    assert (case.offence_date, case.outcome_date, case.gravity_score) == (
        datetime.date(2025, 1, 10),
        datetime.date(2025, 3, 1),
        3,
    )


def test_xlsx_written_with_inline_strings_is_read(alice, force):
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Cases")
    item = row("CR-1")
    sheet.append(list(item))
    sheet.append(list(item.values()))
    buffer = io.BytesIO()
    workbook.save(buffer)

    batch = upload(alice, force, buffer.getvalue(), "extract.xlsx")

    assert (batch.status, batch.created_count) == (BatchStatus.PREVIEWED, 1)


def test_xlsx_formula_cell_is_rejected(alice, force):
    data = xlsx_bytes([row("CR-1", **{"Gravity score": "=1+1"})])

    batch = upload(alice, force, data, "extract.xlsx")

    assert messages_of(batch) == [
        (
            2,
            "Gravity score",
            "Gravity score holds a formula (it starts with “=”); save the file with values only.",
        )
    ]


def test_xlsx_with_macros_is_refused(alice, force):
    data = rebuild(xlsx_bytes([row("CR-1")]), add={"xl/vbaProject.bin": b"\x00" * 64})

    batch = upload(alice, force, data, "extract.xlsx")

    assert messages_of(batch) == [
        (
            None,
            "",
            "The workbook contains macros or controls. Save it as a plain Excel workbook (.xlsx).",
        )
    ]


def test_file_named_xlsx_that_is_not_a_workbook_is_refused(alice, force):
    batch = upload(alice, force, b"Reference,Offence\r\n", "extract.xlsx")

    assert messages_of(batch) == [
        (None, "", "The file is named as an Excel workbook but is not one.")
    ]


def test_zip_that_is_not_a_workbook_is_refused(alice, force):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")

    batch = upload(alice, force, buffer.getvalue(), "extract.xlsx")

    assert messages_of(batch) == [
        (None, "", "The file is a zip archive but not an Excel workbook (.xlsx).")
    ]


def test_old_excel_file_is_refused(alice, force):
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512

    batch = upload(alice, force, data, "extract.xls")

    assert batch.status == BatchStatus.REJECTED
    assert "old-style Excel (.xls)" in messages_of(batch)[0][2]


def test_xlsx_zip_bomb_is_refused_without_unpacking(alice, force):
    bomb = b"<x>" + b" " * (20 * 1024 * 1024) + b"</x>"
    data = rebuild(xlsx_bytes([row("CR-1")]), add={"xl/media/padding.xml": bomb})

    batch = upload(alice, force, data, "extract.xlsx")

    assert messages_of(batch) == [
        (
            None,
            "",
            "The workbook is compressed far more than a real spreadsheet can be, "
            "so it has not been opened.",
        )
    ]


def test_xlsx_that_unpacks_beyond_the_limit_is_refused(alice, force, settings):
    settings.IMPORT_MAX_UNZIPPED_BYTES = 1024

    batch = upload(alice, force, xlsx_bytes([row("CR-1")]), "extract.xlsx")

    assert messages_of(batch) == [
        (None, "", "The workbook unpacks to more than 0 MB. Split it into smaller files.")
    ]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>"""


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"])
def test_xlsx_with_entity_declarations_is_refused(alice, force, part):
    data = xlsx_bytes([row("CR-1")])
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    target = part if part in names else "xl/worksheets/sheet1.xml"

    batch = upload(alice, force, rebuild(data, replace={target: BILLION_LAUGHS}), "extract.xlsx")

    assert messages_of(batch) == [
        (
            None,
            "",
            "The workbook contains XML declarations that are not allowed, "
            "so it has not been opened.",
        )
    ]


def test_xlsx_workbook_part_with_entities_is_refused(alice, force):
    data = rebuild(xlsx_bytes([row("CR-1")]), replace={"xl/workbook.xml": BILLION_LAUGHS})

    batch = upload(alice, force, data, "extract.xlsx")

    assert messages_of(batch) == [
        (None, "", "The workbook is damaged or contains XML that is not allowed.")
    ]


def test_defusedxml_is_installed_and_guards_openpyxl():
    import defusedxml
    import openpyxl as library
    from defusedxml.ElementTree import fromstring

    from cases.imports import xlsx

    assert (library.DEFUSEDXML, xlsx.safe_fromstring is fromstring) == (True, True)
    assert defusedxml.__version__ >= "0.7"


SHEET = "".join(
    [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
        '<row r="1"><c r="A1" t="s"><v>0</v></c>',
        '<c r="B1" t="inlineStr"><is><t>Offence</t></is></c>',
        '<c r="C1" t="inlineStr"><is><t>Outcome type</t></is></c>',
        '<c r="D1" t="inlineStr"><is><t>Outcome date</t></is></c>',
        '<c r="E1" t="inlineStr"><is><t>Facts</t></is></c>',
        '<c r="F1" t="inlineStr"><is><t>Domestic abuse</t></is></c></row>',
        '<row r="3"><c r="A3" t="inlineStr"><is><r><t>CR-</t></r>',
        '<r><t xml:space="preserve">7</t></r></is></c>',
        '<c r="B3" t="s"><v>1</v></c><c r="C3" t="str"><v>CR</v></c><c r="D3"><v>45717</v></c>',
        '<c r="E3" t="inlineStr"><is><t>Took &amp; kept a &lt;bike&gt;</t></is></c>',
        '<c r="F3" t="b"><v>1</v></c></row>',
        '<row r="4"><c r="A4" t="inlineStr"><is><t>CR-8</t></is></c><c r="B4" t="s"><v>1</v></c>',
        '<c r="C4" t="inlineStr"><is><t>CR</t></is></c>',
        '<c r="D4"><f t="shared" si="0"/><v>45717</v></c>',
        '<c r="E4" t="inlineStr"><is><t>Facts</t></is></c></row>',
        "</sheetData></worksheet>",
    ]
)
SHARED = """<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">
<si><r><t>Refer</t></r><r><t>ence</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>
<si><t>Theft</t></si></sst>"""


def with_sheet(sheet: str) -> bytes:
    data = xlsx_bytes([row("CR-1")])
    parts = zipfile.ZipFile(io.BytesIO(data)).namelist()
    shared = {"xl/sharedStrings.xml": SHARED.encode()}
    return rebuild(
        data,
        replace={"xl/worksheets/sheet1.xml": sheet.encode(), **shared},
        add={} if "xl/sharedStrings.xml" in parts else shared,
    )


def test_xlsx_shared_formula_cells_are_rejected(alice, force):
    batch = upload(alice, force, with_sheet(SHEET), "extract.xlsx")

    assert messages_of(batch) == [
        (
            4,
            "Outcome date",
            "Outcome date holds a formula (it starts with “=”); save the file with values only.",
        )
    ]


def test_xlsx_rich_text_shared_strings_booleans_and_escapes_are_read(alice, force):
    sheet = SHEET.replace('<f t="shared" si="0"/>', "")

    confirm(upload(alice, force, with_sheet(sheet), "extract.xlsx"), alice)

    case = Case.objects.get(reference="CR-7")
    assert (case.offence, case.facts_at_decision, case.is_domestic_abuse, case.outcome_date) == (
        "Theft",
        "Took & kept a <bike>",
        True,
        datetime.date(2025, 3, 1),
    )
