"""How a case's values read on a page: choice labels, yes or no, dates, and links only to
hosts a deployment allows (settings.RECORD_LINK_HOSTS)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.bilingual import InEnglish, in_welsh, shown

from ..models import Case, FieldType, RecordField, RecordSection
from .selectors import field_value, kind_fields, section_sources, summary_fields

NOT_RECORDED = gettext_lazy("Not recorded")


@dataclass(frozen=True)
class ValueRow:
    label: str
    text: str
    long: bool = False  # long text: shown as paragraphs
    href: str = ""  # a link field on an allowed host
    help: str = ""


@dataclass(frozen=True)
class SectionRows:
    name: str
    rows: list[ValueRow]
    source: str = ""  # "Imported by … on …" when an agency's own extract filled it


def link_allowed(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    allowed = {h.lower() for h in settings.RECORD_LINK_HOSTS}
    return parts.scheme == "https" and bool(host) and host in allowed


def display_value(field: RecordField, value) -> str:
    """A value as a person reads it; "Not recorded" when the case holds none."""
    if value is None:
        return str(NOT_RECORDED)
    labels = field.choice_labels()
    if field.type == FieldType.YES_NO:
        return _("Yes") if value else _("No")
    if field.type == FieldType.CHOICE:
        return labels.get(str(getattr(value, "code", value)), str(value))
    if field.type == FieldType.MULTI_CHOICE:
        chosen = [labels.get(code, code) for code in value]
        text = ", ".join(chosen) or str(NOT_RECORDED)
        # On a Welsh page, a list with any choice not yet in Welsh reads as English.
        return InEnglish(text) if any(getattr(c, "lang", "") for c in chosen) else text
    if field.type in (FieldType.DATE, FieldType.DATETIME):
        return _when(value, field.type)
    if isinstance(value, Decimal | float):
        return f"{value:g}"
    return str(value)


def _when(value, type_) -> str:
    if isinstance(value, str):
        parsed = (
            datetime.datetime.fromisoformat(value)
            if type_ == FieldType.DATETIME
            else datetime.date.fromisoformat(value)
        )
    else:
        parsed = value
    return date_format(parsed, "j F Y, H:i" if type_ == FieldType.DATETIME else "j F Y")


def value_row(case: Case, field: RecordField) -> ValueRow:
    value = field_value(case, field)
    text = display_value(field, value)
    href = value if field.type == FieldType.LINK and value and link_allowed(value) else ""
    if field.is_free_text and value and in_welsh():
        text = InEnglish(text)  # the force's own words, as written
    return ValueRow(
        label=shown(field, "label"),
        text=text,
        long=field.type == FieldType.LONG_TEXT,
        href=href,
        help=shown(field, "help"),
    )


def case_title(case: Case) -> str:
    """What a case is called beside its number: the offence of an out of court
    resolution, the kind's name for a kind without one ("Stop and search")."""
    return case.offence or case.kind.name


def _imported(who, when) -> str:
    name = (who.get_full_name() or who.username) if who else _("someone no longer known")
    return _("Imported by %(name)s on %(date)s") % {
        "name": name,
        "date": date_format(timezone.localtime(when), "j F Y"),
    }


def source_words(case: Case, sections: list[RecordSection], sources: dict) -> dict[int, str]:
    """For each section, who imported it and when: the section's own extract when one
    filled it (`sources`, from `section_sources`), else the extract that brought the case
    in (`case.batch`; nothing when the case came in no extract)."""
    batch = case.batch
    words = {}
    for section in sections:
        source = sources.get(section.pk)
        if source is not None:
            words[section.pk] = _imported(source.imported_by, source.imported_at)
        elif batch is not None:
            words[section.pk] = _imported(batch.uploaded_by, batch.uploaded_at)
    return words


def case_sections(case: Case, sections: list[RecordSection], sources=None) -> list[SectionRows]:
    """A case's values by its kind's sections, in order (sections from `kind_sections`).

    `sources` maps a section's pk to the words saying which extract filled it."""
    sources = sources or {}
    return [
        SectionRows(
            name=shown(section, "name"),
            rows=[value_row(case, field) for field in section.fields.all()],
            source=sources.get(section.pk, ""),
        )
        for section in sections
    ]


@dataclass(frozen=True)
class CaseSummary:
    """What a case is in a line, wherever it is listed before its papers are opened: its
    title (the offence of an out of court resolution, else the kind's name) and its kind's
    summary fields (`summary_fields`: the outcome type; a search's power and object)."""

    title: str
    title_label: str  # "Offence", or "Record" for a kind without one
    date_label: str  # "Outcome date", "Date of search"
    date: datetime.date
    rows: list[tuple[str, str]]  # (label, text) of each summary field

    @property
    def has_offence(self) -> bool:
        return self.title_label == "Offence"

    @property
    def hint(self) -> str:
        """The summary fields that are recorded: an out of court resolution's outcome type
        alone, as it always read ("Community Resolution"); another kind's each with its
        label ("Power used: PACE s1; Object of search: Controlled drugs")."""
        recorded = [(label, text) for label, text in self.rows if text != NOT_RECORDED]
        if self.has_offence:
            return ", ".join(text for _, text in recorded)
        return "; ".join(f"{label}: {text}" for label, text in recorded)

    @property
    def line(self) -> str:
        """ "Theft from a shop, Community Resolution"; a kind without an offence names
        itself and its date: "Stop and search, 3 March 2026, Section 1 PACE …"."""
        date = [] if self.has_offence else [date_format(self.date, "j F Y")]
        return ", ".join(part for part in [self.title, *date, self.hint] if part)


def case_summary(case: Case, fields: list[RecordField]) -> CaseSummary:
    """`fields` from `summary_fields`; the case's kind loaded with it."""
    return CaseSummary(
        title=case_title(case),
        title_label="Offence" if case.offence else "Record",
        date_label=case.kind.date_label,
        date=case.outcome_date,
        rows=[(field.label, display_value(field, field_value(case, field))) for field in fields],
    )


def case_summaries(cases) -> dict[int, CaseSummary]:
    """Each case's summary by its pk, with one query for all their kinds' fields."""
    cases = list(cases)
    fields = summary_fields({case.kind_id for case in cases})
    return {case.pk: case_summary(case, fields[case.kind_id]) for case in cases}


def summary_of(case: Case) -> CaseSummary:
    """One case's summary (one query)."""
    return case_summaries([case])[case.pk]


@dataclass(frozen=True)
class SummaryTable:
    """A list of cases' summaries as table columns: an out of court resolution's offence
    and outcome as before; one kind's summary fields each in a column of its own; and for
    cases of several kinds, the record and its summary."""

    headings: list[str]
    cells: list[list[str]]  # one list per case, in the order given


def summary_table(summaries: list[CaseSummary]) -> SummaryTable:
    if all(summary.has_offence for summary in summaries):
        return SummaryTable([_("Offence"), _("Outcome")], [[s.title, s.hint] for s in summaries])
    labels = {tuple(label for label, _ in summary.rows) for summary in summaries}
    titles = {summary.title for summary in summaries}
    if len(labels) == 1 and len(titles) == 1 and summaries[0].rows:
        return SummaryTable(list(labels.pop()), [[text for _, text in s.rows] for s in summaries])
    return SummaryTable([_("Record"), _("Summary")], [[s.title, s.hint] for s in summaries])


def kind_record(case: Case) -> list[SectionRows] | None:
    """The case's values by its kind's sections, saying who imported each, for the data
    admins' page of a case (one query, two for a kind not kept in columns); None for a kind
    kept in the out of court resolution's columns, which that page lists as it always has."""
    fields = kind_fields(case.kind)
    if any(field.column for field in fields):
        return None
    sections = list(dict.fromkeys(field.section for field in fields))
    sources = source_words(case, sections, section_sources(case))
    return [
        SectionRows(
            name=shown(section, "name"),
            rows=[value_row(case, field) for field in fields if field.section_id == section.pk],
            source=sources.get(section.pk, ""),
        )
        for section in sections
    ]


def welsh_missing(sections: list[RecordSection]) -> int:
    """How many of a kind's sections, fields and choices have no Welsh yet (sections from
    `kind_sections`, their fields prefetched)."""
    missing = 0
    for section in sections:
        missing += not section.name_cy
        for field in section.fields.all():
            missing += not field.label_cy
            missing += sum(not choice.get("label_cy") for choice in field.choices)
    return missing
