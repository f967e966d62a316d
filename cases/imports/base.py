"""What every extract reader shares: the formats, the encodings, the error that stops
a whole file, and a row as read. Both readers import this; it imports neither."""

from dataclasses import dataclass

CSV = "csv"
XLSX = "xlsx"
UTF8 = "utf-8"
CP1252 = "cp1252"
ENCODINGS = {UTF8: "UTF-8", CP1252: "Windows-1252"}


class ExtractError(Exception):
    """The file as a whole cannot be imported; the message says why in plain words."""

    def __init__(self, message: str, row_number: int | None = None):
        super().__init__(message)
        self.message = message
        self.row_number = row_number


@dataclass
class Row:
    number: int
    cells: list
    problem: str = ""
