"""Cells for spreadsheets people will open: shown as text, never run as formulas."""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A cell a spreadsheet will show as text, never run: a leading = + - @ tab or CR
    gets an apostrophe in front (the OWASP advice for CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
