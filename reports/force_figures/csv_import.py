"""A small CSV of the force's figures, read all or nothing: every row is checked as the
form checks one figure, and any problem, named by row and column, refuses the whole file."""

import csv
import io

from .forms import FIELDS, ForceFigureForm

MAX_ROWS = 500
MAX_BYTES = 256 * 1024


def read(upload) -> tuple[list[dict], list[str]]:
    """The rows' values, or the problems ("Row 3, percentage: Enter a percentage of 100 or
    less"); row 1 is the headings, as a spreadsheet numbers them."""
    if upload.size > MAX_BYTES:
        return [], [f"The file is larger than {MAX_BYTES // 1024} KB: split it into smaller files"]
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], ["The file is not UTF-8 text: save it from your spreadsheet as CSV UTF-8"]
    reader = csv.DictReader(io.StringIO(text))
    headings = [h.strip() for h in reader.fieldnames or []]
    missing = [name for name in FIELDS if name not in headings]
    if missing:
        return [], [
            f"The file has no column {', '.join(missing)}: the first row must be the headings"
        ]
    rows, problems = [], []
    for number, raw in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            return [], [f"The file has more than {MAX_ROWS} rows: split it into smaller files"]
        data = {(k or "").strip(): (v or "").strip() for k, v in raw.items()}
        form = ForceFigureForm(data, with_version=False)
        if form.is_valid():
            rows.append(form.values())
            continue
        for field, errors in form.errors.items():
            where = f"Row {number}, {field}" if field != "__all__" else f"Row {number}"
            problems += [f"{where}: {error}" for error in errors]
    if not rows and not problems:
        problems.append("The file has headings but no figures")
    return rows, problems
