"""The wording of import problems: each problem is a code and its named values, worded
when it is shown.

An extract is checked in the background and its problems are stored with the batch, so
wording them there would fix them in whatever language the job happened to run in. A
`Text` keeps the code and values (headings, row numbers, limits; never a cell's
contents); `str()` words it in the active language and `english` words it from the
source text, which is what the stored `message`, the command line and the audit read.
"""

import re
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from cases.enums import BatchStatus

# Codes of the problems that mean "this is not an Excel workbook at all".
NOT_A_WORKBOOK = frozenset({"not_a_workbook", "zip_not_workbook"})

# Plural wordings choose their form by `n` and show `count`, the number as written.
WORDING = {
    # A cell (values.py, typed.py, rows.py); %(column)s is the file's own heading.
    "unreadable": _("%(column)s cannot be read."),
    "formula": _(
        "%(column)s holds a formula (it starts with “=”); save the file with values only."
    ),
    "blank": _("%(column)s is blank."),
    "longer_than": ngettext_lazy(
        "%(column)s is longer than %(count)s character.",
        "%(column)s is longer than %(count)s characters.",
        "n",
    ),
    "in_future": _("%(column)s is in the future."),
    "outcome_before_offence": _("%(column)s is before the offence date."),
    "reference_characters": _(
        "%(column)s can only contain letters, numbers, spaces, hyphens, slashes, underscores "
        "and full stops."
    ),
    "crime_code_unknown": _(
        "%(column)s is not in the list of crime codes; check it, or ask an administrator to add it."
    ),
    "outcome_type_unknown": _(
        "%(column)s is not an outcome type we recognise; see the import guide."
    ),
    "outcome_type_retired": _("%(column)s is an outcome type that is no longer in use."),
    "date_unrecognised": _("%(column)s is not a date we recognise; use a date like 31/03/2025."),
    "date_not_real": _("%(column)s is not a real date; use a date like 31/03/2025."),
    "date_serial_range": _(
        "%(column)s is a number that is not a date between 1950 and 2099; use a date like "
        "31/03/2025."
    ),
    "date_not_a_date": _("%(column)s is not a date; use a date like 31/03/2025."),
    "flag": _("%(column)s must be Yes or No (or blank for No)."),
    "gravity": _("%(column)s must be a whole number from 1 to 4."),
    "admission": _("%(column)s is not one we recognise; use Full, Partial, None or Not recorded."),
    "victim_views": _(
        "%(column)s is not one we recognise; use Sought and recorded, Declined, Not sought, "
        "No victim or Not recorded."
    ),
    "authorising_rank": _(
        "%(column)s is not one we recognise; use a rank such as Sergeant or Inspector, or CPS."
    ),
    "age_band": _(
        "%(column)s is not one we recognise; use an age band such as 18 to 24, or the age in years."
    ),
    "age_range": _("%(column)s is not an age between 10 and 120."),
    "type_unknown": _("%(column)s has a type this service does not know (%(type)s)."),
    "datetime_needs_time": _(
        "%(column)s needs a time as well as a date; use a date and time like 31/03/2025 14:30."
    ),
    "datetime_unrecognised": _(
        "%(column)s is not a date and time we recognise; use a date and time like 31/03/2025 14:30."
    ),
    "whole_number": _("%(column)s must be a whole number."),
    "whole_number_range": _("%(column)s is too large: a whole number has at most 18 digits."),
    "number": _("%(column)s must be a number, like 12.5."),
    "yes_no": _("%(column)s must be Yes or No (or blank when not recorded)."),
    "link": _("%(column)s must be a web address starting https://."),
    "choice": _("%(column)s is not one of its choices; use one of: %(choices)s."),
    "choice_more": ngettext_lazy(
        "%(column)s is not one of its choices; use one of: %(choices)s (or one of %(count)s more).",
        "%(column)s is not one of its choices; use one of: %(choices)s (or one of %(count)s more).",
        "n",
    ),
    "choices": _(
        "%(column)s has a value (the %(ordinal)s) that is not one of its choices; use one "
        "or more of: %(choices)s, separated by | or ;."
    ),
    "choices_more": ngettext_lazy(
        "%(column)s has a value (the %(ordinal)s) that is not one of its choices; use one "
        "or more of: %(choices)s (or one of %(count)s more), separated by | or ;.",
        "%(column)s has a value (the %(ordinal)s) that is not one of its choices; use one "
        "or more of: %(choices)s (or one of %(count)s more), separated by | or ;.",
        "n",
    ),
    # A row (rows.py, readers.py, xlsx.py, engine.py).
    "row_wider_than_headings": _("This row has more cells than the heading row has columns."),
    "row_nul": _("This row contains a NUL (zero) byte; the file may be damaged or not a CSV file."),
    "row_not_utf8": _(
        "This row has characters that are not valid UTF-8; save the file as CSV UTF-8, or "
        "choose Windows-1252 when uploading."
    ),
    "row_not_cp1252": _(
        "This row has bytes that are not valid Windows-1252; save the file as CSV UTF-8."
    ),
    "row_beyond_last_column": _("This row has a cell beyond the last column Excel allows."),
    "row_missing_text": _(
        "This row refers to text the workbook does not contain; it may be damaged."
    ),
    "duplicate_reference": _(
        "%(column)s is the same as on row %(first)s; each case must appear once."
    ),
    "other_kind": _(
        "%(column)s is already held as a case of another kind (%(kind)s): a reference is the "
        "force's for one case only."
    ),
    "not_held": _(
        "%(column)s is not a case this force holds: an extract of the %(section)s section "
        "only fills cases already imported. Import the whole record first."
    ),
    "after_outcome": _("%(column)s is after the case's %(heading)s."),
    "reference_data_changed": _(
        "An outcome type or crime code this row uses has been removed or switched off since "
        "the file was checked. Upload the file again."
    ),
    # The file (headings.py, readers.py, xlsx.py, zip_check.py, engine.py, layout.py).
    "both_columns": _(
        "Columns “%(first)s” and “%(second)s” both give the %(field)s. Keep one of them."
    ),
    "missing_column": _("The file has no %(field)s column. Add a column headed “%(heading)s”."),
    "core_column": _(
        "Column “%(column)s” is part of every record's core, which an extract of the "
        "%(section)s section does not change. Remove it, or import the whole record."
    ),
    "other_section": _(
        "Column “%(column)s” belongs to the %(owner)s section, not the %(section)s section. "
        "Remove it, or import it with an extract of the %(owner)s section."
    ),
    "too_many_rows": ngettext_lazy(
        "The file has more than %(count)s row. Split it into smaller files and import each one.",
        "The file has more than %(count)s rows. Split it into smaller files and import each one.",
        "n",
    ),
    "too_many_findings": ngettext_lazy(
        "More than %(count)s cell looks like personal data. The extract does not look "
        "anonymised: ask the force for an anonymised one.",
        "More than %(count)s cells look like personal data. The extract does not look "
        "anonymised: ask the force for an anonymised one.",
        "n",
    ),
    "kind_changed": _(
        "The kind of record's fields have changed since the file was checked. Upload the file "
        "again."
    ),
    "personal_data_since_check": _(
        "The file has personal data that was not found when it was checked."
    ),
    "no_such_section": _("%(kind)s has no section called “%(name)s”. Its sections are: %(names)s."),
    "empty": _("The selected file is empty."),
    "old_excel": _(
        "The file is an old-style Excel (.xls) or password-protected workbook. Save it as an "
        "unprotected Excel workbook (.xlsx) or as CSV."
    ),
    "named_as_workbook": _("The file is named as an Excel workbook but is not one."),
    "utf16": _("The file is saved as UTF-16 text. Save it as CSV UTF-8 instead."),
    "sheet_name_for_csv": _("A sheet name only applies to Excel workbooks; this is a CSV file."),
    "line_too_long": _(
        "A line of the file is longer than 1 MB, which no case needs; the file may be damaged."
    ),
    "no_heading_row": _("The first row of the file must hold the column headings."),
    "heading_unreadable": _("The heading row has characters we cannot read."),
    "csv_cell_too_long": _("The file cannot be read from row %(row)s: a cell is too long."),
    "csv_invalid": _("The file cannot be read from row %(row)s: it is not valid CSV."),
    "not_a_workbook": _("The file is not a valid Excel workbook (.xlsx)."),
    "zip_not_workbook": _("The file is a zip archive but not an Excel workbook (.xlsx)."),
    "too_many_parts": _("The workbook has too many parts to be a case extract."),
    "unpacks_too_big": _(
        "The workbook unpacks to more than %(size)s MB. Split it into smaller files."
    ),
    "over_compressed": _(
        "The workbook is compressed far more than a real spreadsheet can be, so it has not "
        "been opened."
    ),
    "macros": _(
        "The workbook contains macros or controls. Save it as a plain Excel workbook (.xlsx)."
    ),
    "part_far_too_large": _("The workbook is damaged: a part is far larger than it should be."),
    "part_missing": _("The workbook is damaged: a part is missing."),
    "xml_not_allowed": _("The workbook is damaged or contains XML that is not allowed."),
    "part_larger_than_stated": _("The workbook is damaged: a part is larger than it says."),
    "xml_declarations": _(
        "The workbook contains XML declarations that are not allowed, so it has not been opened."
    ),
    "workbook_unreadable": _("The workbook is damaged and cannot be read."),
    "no_sheets": _("The workbook has no sheets."),
    "sheet_empty": _("The sheet is empty: the first row must hold the column headings."),
    "no_such_sheet": _("The workbook has no sheet called that. Its sheets are %(names)s."),
    "sheet_not_found": _("The workbook is damaged: its sheet cannot be found."),
    "unreadable_after_row": _("The workbook is damaged and cannot be read after row %(row)s."),
}


@dataclass(frozen=True, eq=False)
class Text:
    """A problem as a code and its values; `str()` words it in the active language."""

    code: str
    params: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return word(self.code, self.params)

    @property
    def english(self) -> str:
        with translation.override(None):
            return word(self.code, self.params)

    def at(self, column: str) -> "Text":
        """The same problem, naming the column it is in."""
        return Text(self.code, {**self.params, "column": column})


def word(code: str, params: dict) -> str:
    """The problem in words; an unknown code (from a later version) shows its `text`."""
    wording = WORDING.get(code)
    if wording is None:
        return str(params.get("text", code))
    values = {"column": "", **params}
    if "n" in values:
        values["count"] = f"{values['n']:,}"
    if "position" in values:
        values["ordinal"] = _ordinal(values["position"])
    return wording % values


def _ordinal(number: int) -> str:
    """1st, 2nd, 3rd in English; other languages word the number around it."""
    language = translation.get_language()
    if language and not language.startswith("en"):
        return str(number)
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


class CellError(ValueError):
    """A cell that cannot be read: the problem's code and values, lacking only its column."""

    def __init__(self, code: str, **params):
        self.text = Text(code, params)
        super().__init__(code)

    def __str__(self) -> str:
        return str(self.text)


# What a pass over an extract found, in one sentence (the batch's summary).
ROWS = ngettext_lazy("%(count)s row", "%(count)s rows", "n")
REJECTED = ngettext_lazy(
    "%(rows)s; %(count)s problem(s) found, so nothing was imported.",
    "%(rows)s; %(count)s problem(s) found, so nothing was imported.",
    "n",
)
COUNTED = {
    True: _("%(rows)s: %(created)s new, %(changed)s changed, %(unchanged)s unchanged imported."),
    False: _("%(rows)s: %(created)s new, %(changed)s changed, %(unchanged)s unchanged to import."),
}
COUNTED_HELD = {
    True: ngettext_lazy(
        "%(rows)s: %(created)s new, %(changed)s changed, %(unchanged)s unchanged imported; "
        "%(count)s reviewed case(s) listed, not changed.",
        "%(rows)s: %(created)s new, %(changed)s changed, %(unchanged)s unchanged imported; "
        "%(count)s reviewed case(s) listed, not changed.",
        "n",
    ),
    False: ngettext_lazy(
        "%(rows)s: %(created)s new, %(changed)s changed, %(unchanged)s unchanged to import; "
        "%(count)s reviewed case(s) listed, not changed.",
        "%(rows)s: %(created)s new, %(changed)s changed, %(unchanged)s unchanged to import; "
        "%(count)s reviewed case(s) listed, not changed.",
        "n",
    ),
}
ABANDONED = _("Abandoned before import; nothing was written.")
NOT_CONFIRMED = ngettext_lazy(
    "Abandoned automatically: not confirmed within %(count)s day; nothing was written.",
    "Abandoned automatically: not confirmed within %(count)s days; nothing was written.",
    "n",
)
_NOT_CONFIRMED = re.compile(r"Abandoned automatically: not confirmed within (\d+) days?; ")


def summary(*, rejected: bool, imported: bool, counts: dict[str, int]) -> str:
    """The summary in the active language. `counts`: rows, created, changed, unchanged,
    held and problems."""
    rows = ROWS % {"n": counts["rows"], "count": f"{counts['rows']:,}"}
    if rejected:
        return REJECTED % {
            "rows": rows,
            "n": counts["problems"],
            "count": f"{counts['problems']:,}",
        }
    values = {name: f"{counts[name]:,}" for name in ("created", "changed", "unchanged")}
    values["rows"] = rows
    if counts["held"]:
        held = {"n": counts["held"], "count": f"{counts['held']:,}"}
        return COUNTED_HELD[imported] % {**values, **held}
    return COUNTED[imported] % values


def batch_summary(batch) -> str:
    """A batch's stored (English) summary in the active language, when it is one of the
    sentences above for its counts; otherwise as stored (such as an older wording)."""
    counts = {
        "rows": batch.row_count,
        "created": batch.created_count,
        "changed": batch.updated_count,
        "unchanged": batch.unchanged_count,
        "held": batch.held_count,
        "problems": batch.error_count,
    }
    rejected = batch.status == BatchStatus.REJECTED
    imported = batch.status == BatchStatus.COMMITTED
    stored = batch.summary
    with translation.override(None):
        english = summary(rejected=rejected, imported=imported, counts=counts)
        abandoned = str(ABANDONED)
    if stored == english:
        return summary(rejected=rejected, imported=imported, counts=counts)
    if stored == abandoned:
        return str(ABANDONED)
    if found := _NOT_CONFIRMED.match(stored):
        days = int(found.group(1))
        with translation.override(None):
            english = NOT_CONFIRMED % {"n": days, "count": days}
        if stored == english:
            return NOT_CONFIRMED % {"n": days, "count": days}
    return stored
