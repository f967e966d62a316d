"""How a case's values read on a page: choice labels, yes or no, dates, and links only to
hosts a deployment allows (settings.RECORD_LINK_HOSTS)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.dateformat import format as date_format

from ..models import Case, FieldType, RecordField, RecordSection
from .selectors import field_value

NOT_RECORDED = "Not recorded"


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
        return NOT_RECORDED
    labels = field.choice_labels()
    if field.type == FieldType.YES_NO:
        return "Yes" if value else "No"
    if field.type == FieldType.CHOICE:
        return labels.get(str(getattr(value, "code", value)), str(value))
    if field.type == FieldType.MULTI_CHOICE:
        return ", ".join(labels.get(code, code) for code in value) or NOT_RECORDED
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
    return ValueRow(
        label=field.label,
        text=text,
        long=field.type == FieldType.LONG_TEXT,
        href=href,
        help=field.help,
    )


def case_title(case: Case) -> str:
    """What a case is called beside its number: the offence of an out of court
    resolution, the kind's name for a kind without one ("Stop and search")."""
    return case.offence or case.kind.name


def _imported(who, when) -> str:
    name = (who.get_full_name() or who.username) if who else "someone no longer known"
    return f"Imported by {name} on {date_format(timezone.localtime(when), 'j F Y')}"


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
            name=section.name,
            rows=[value_row(case, field) for field in section.fields.all()],
            source=sources.get(section.pk, ""),
        )
        for section in sections
    ]
