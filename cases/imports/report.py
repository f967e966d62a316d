"""What one pass over an extract was asked to do (`ImportOptions`) and what it found
(`Report`: counts, problems, privacy findings, reviewed cases held back)."""

from dataclasses import dataclass, field

from django.conf import settings

from cases.import_wording import Text
from cases.models import Force, RecordKind, RecordSection


@dataclass(frozen=True)
class ImportOptions:
    """`kind`: the kind of record the file holds (None: the out of court resolution);
    `section`: set when the file fills one section of cases already held."""

    force: Force
    file_name: str
    encoding: str = "auto"
    sheet_name: str = ""
    keep_extra: bool = False
    kind: RecordKind | None = None
    section: RecordSection | None = None


@dataclass(frozen=True)
class Problem:
    row_number: int | None  # None: the file as a whole
    column: str
    message: str  # in English; `code` and `params` word it in the reader's language
    code: str = ""
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    row_number: int
    column: str
    kind: str


@dataclass
class Held:
    """A reviewed case whose facts differ in the file; listed, never applied."""

    row_number: int
    reference: str
    values: list
    fields: list[str] = field(default_factory=list)


@dataclass
class Report:
    file_format: str = ""
    encoding: str = ""
    row_count: int = 0
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    held: list[Held] = field(default_factory=list)
    held_count: int = 0
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    findings: list[Finding] = field(default_factory=list)
    unresolved: int = 0
    redacted_cells: int = 0
    unknown_columns: list[str] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def add_problem(self, row_number: int | None, column: str, message: "Text | str") -> None:
        self.problem_count += 1
        if len(self.problems) < settings.IMPORT_MAX_PROBLEMS:
            if isinstance(message, Text):
                problem = Problem(row_number, column, message.english, message.code, message.params)
            else:
                problem = Problem(row_number, column, message)
            self.problems.append(problem)
