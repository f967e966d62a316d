"""The shape of a demo case of a record kind other than the out of court resolution."""

import datetime
from dataclasses import dataclass, field


@dataclass
class KindCaseSpec:
    """A case of a seeded record kind (cases/kind_data): its core, then its kind's values
    by field code, stored as an import stores them (dates as "YYYY-MM-DD", yes/no as
    booleans, choices as their codes)."""

    reference: str
    kind: str
    # What the pages of the day title the case with ("Case 3: Stalking").
    title: str
    date: datetime.date
    facts: str
    values: dict
    later: str = ""
    decision: str = ""
    reasons: str = ""
    themes: list[str] = field(default_factory=list)
    # Members whose own rating differed from the panel's decision: username → category.
    dissent: dict[str, str] = field(default_factory=dict)
    # Criterion code → assessment, where it is not simply met (or not met for a theme).
    assessments: dict[str, str] = field(default_factory=dict)
