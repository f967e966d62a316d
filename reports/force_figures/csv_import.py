"""A small CSV of the force's figures, read all or nothing: every row is checked as the
form checks one figure, and any problem, named by row and column, refuses the whole file."""

import csv
import io

from django.utils.translation import gettext as _

from .forms import FIELDS, ForceFigureForm

MAX_ROWS = 500
MAX_BYTES = 256 * 1024


def read(upload) -> tuple[list[dict], list[str]]:
    """The rows' values, or the problems ("Row 3, percentage: Enter a percentage of 100 or
    less"); row 1 is the headings, as a spreadsheet numbers them."""
    if upload.size > MAX_BYTES:
        return [], [
            _("The file is larger than %(size)d KB: split it into smaller files")
            % {"size": MAX_BYTES // 1024}
        ]
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [_("The file is not UTF-8 text: save it from your spreadsheet as CSV UTF-8")]
    reader = csv.DictReader(io.StringIO(text))
    headings = [h.strip() for h in reader.fieldnames or []]
    missing = [name for name in FIELDS if name not in headings]
    if missing:
        return [], [
            _("The file has no column %(columns)s: the first row must be the headings")
            % {"columns": ", ".join(missing)}
        ]
    rows, problems = [], []
    for number, raw in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            return [], [
                _("The file has more than %(rows)d rows: split it into smaller files")
                % {"rows": MAX_ROWS}
            ]
        data = {(k or "").strip(): (v or "").strip() for k, v in raw.items()}
        form = ForceFigureForm(data, with_version=False)
        if form.is_valid():
            rows.append(form.values())
            continue
        for field, errors in form.errors.items():
            where = (
                _("Row %(row)d, %(field)s") % {"row": number, "field": field}
                if field != "__all__"
                else _("Row %(row)d") % {"row": number}
            )
            problems += [f"{where}: {error}" for error in errors]
    if not rows and not problems:
        problems.append(_("The file has headings but no figures"))
    return rows, problems
