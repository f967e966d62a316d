"""What every extract reader shares: the formats, the encodings, the error that stops
a whole file, and a row as read. Both readers import this; it imports neither."""

from dataclasses import dataclass

from cases.import_wording import Text

CSV = "csv"
XLSX = "xlsx"
UTF8 = "utf-8"
CP1252 = "cp1252"
ENCODINGS = {UTF8: "UTF-8", CP1252: "Windows-1252"}


class ExtractError(Exception):
    """The file as a whole cannot be imported; the message says why in plain words.

    Raised with a `Text` (checked in the background, worded when shown) or with text
    already worded for the request at hand. `message` is the English, or that text."""

    def __init__(self, message: "Text | str", row_number: int | None = None):
        self.text = message if isinstance(message, Text) else None
        self.message = message.english if isinstance(message, Text) else message
        super().__init__(self.message)
        self.row_number = row_number

    @property
    def code(self) -> str:
        return self.text.code if self.text else ""

    @property
    def shown(self) -> str:
        """The message in the active language."""
        return str(self.text) if self.text else self.message


@dataclass
class Row:
    number: int
    cells: list
    problem: "Text | str" = ""  # what is wrong with the row as read, if anything
