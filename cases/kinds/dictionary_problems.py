"""What is wrong with a data dictionary: each problem naming its line and column, and the
refusal that lists them (cases.kinds.dictionary reads the file)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_PROBLEMS = 50


@dataclass(frozen=True)
class Problem:
    line: int | None
    column: str
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        if self.column:
            where = _("Line %(line)s, column %(column)s") % {
                "line": self.line,
                "column": self.column,
            }
        else:
            where = _("Line %(line)s") % {"line": self.line}
        return f"{where}: {self.message}"


class DictionaryError(ValidationError):
    """The dictionary was refused: every problem found, each naming its line and column."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = [str(p) for p in problems[:MAX_PROBLEMS]]
        if len(problems) > MAX_PROBLEMS:
            shown.append(
                _("… and %(count)s more problems.") % {"count": len(problems) - MAX_PROBLEMS}
            )
        super().__init__({"dictionary": shown})
