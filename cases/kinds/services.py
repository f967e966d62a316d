"""Writes to record kinds: creating one from a data dictionary, and updating it from a new
one under the history-safe rules (cases/kinds/changes.py, docs/adr/0015-record-kinds.md).

Each write is all or nothing: a dictionary with any problem, or any change the cases held
forbid, writes nothing. An update locks the kind and refuses a form opened before someone
else's save (core.stale). Every row written is in the audit trail (scrutiny/audited.py),
with one entry more listing the changes in words.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import AuditEvent, record
from core.bilingual import english
from core.stale import check_version
from core.text_safety import check_text

from ..models import RecordField, RecordKind, RecordSection
from . import admin_selectors
from .changes import label_refusals, plan_update, section_welsh
from .dictionary import DictionaryError, FieldSpec, dictionary_read
from .selectors import kind_fields

# Parks a label that another field takes over in the same update (labels are unique).
_PARKED = "(label moving to another field) {pk}"


@dataclass(frozen=True)
class KindImport:
    kind: RecordKind
    created: bool
    changes: list[str]


def _read(data: bytes, errors: dict) -> list[FieldSpec]:
    try:
        return dictionary_read(data)
    except DictionaryError as error:
        errors["dictionary"] = [str(p) for p in error.problems]
        return []


def _check_names(code: str | None, name: str, errors: dict, *, kind=None) -> None:
    if code is not None:
        if not code:
            errors["code"] = ["Enter a code for the kind"]
        else:
            try:
                validate_slug(code)
            except ValidationError:
                errors["code"] = [
                    "Enter a code using only letters, numbers, hyphens or underscores"
                ]
            else:
                if len(code) > 40:
                    errors["code"] = ["Enter a code of 40 characters or fewer"]
                elif admin_selectors.kind_code_taken(code):
                    errors["code"] = [f"There is a kind with the code {code} already"]
    if not name:
        errors["name"] = ["Enter the kind's name"]
    elif len(name) > 200:
        errors["name"] = ["Enter a name of 200 characters or fewer"]
    elif admin_selectors.kind_name_taken(name, other_than=kind):
        errors["name"] = [f"There is a kind called “{name}” already"]
    else:
        try:
            check_text(name, "The name")
        except ValidationError as error:
            errors["name"] = error.messages


@english()  # the English columns take the English, whatever the page's language
@transaction.atomic
def kind_create(
    *,
    code: str,
    name: str,
    data: bytes,
    by=None,
    description: str = "",
    date_label: str = "",
    facts_label: str = "",
    source: str = "",
    welsh: dict | None = None,
) -> RecordKind:
    """A new kind with the sections and fields the dictionary describes, in its order.
    `welsh`: the kind's own words in Welsh (name, date_label, facts_label), if given."""
    errors: dict = {}
    code, name = code.strip(), name.strip()
    specs = _read(data, errors)
    _check_names(code, name, errors)
    kind = RecordKind(
        code=code,
        name=name,
        description=description.strip(),
        date_label=date_label.strip() or "Date",
        facts_label=facts_label.strip() or "Facts",
        # No Welsh until given: the columns would start as the English default otherwise.
        date_label_cy=None,
        facts_label_cy=None,
        updated_by=by,
    )
    if specs and "dictionary" not in errors:
        refused = label_refusals(kind, specs)
        if refused:
            errors["dictionary"] = [str(p) for p in refused]
    _welsh_words(kind, welsh or {}, errors)
    if errors:
        raise ValidationError(errors)
    kind.full_clean()
    kind.save()
    sections = _sections(kind, specs, {})
    for position, spec in enumerate(_in_section_order(specs), start=1):
        field = RecordField(kind=kind, code=spec.code)
        _fill(field, spec, sections[spec.section], position)
        field.save()
    record(
        AuditEvent.CREATED,
        kind,
        actor=by,
        summary=f"Record kind created from a dictionary of {len(specs)} fields{source}",
        data={"fields": len(specs), "sections": list(sections)},
    )
    return kind


@english()
@transaction.atomic
def kind_update(
    *,
    kind: RecordKind,
    data: bytes,
    by=None,
    seen: int | None,
    name: str = "",
    source: str = "",
    welsh: dict | None = None,
) -> list[str]:
    """Make the kind what the dictionary says, if history allows; the changes, in words
    ([] when there were none). `seen` is the version the form was opened at (None from
    the command line, which reads and writes at once); `welsh`, the kind's own words in
    Welsh as the page gives them (None: left as they are)."""
    errors: dict = {}
    specs = _read(data, errors)
    current = RecordKind.objects.select_for_update().get(pk=kind.pk)
    if seen is not None:
        check_version(current, seen)
    name = name.strip()
    if name and name != current.name:
        _check_names(None, name, errors, kind=current)
    reworded = _welsh_words(current, welsh, errors) if welsh is not None else []
    if errors:
        raise ValidationError(errors)
    fields = kind_fields(current)
    sections = list(current.sections.order_by("position", "pk"))
    plan = plan_update(current, specs, fields, sections)
    if plan.refusals:
        raise DictionaryError(plan.refusals)
    changes = plan.changes + reworded
    if name and name != current.name:
        changes.insert(0, f"Renamed the kind from “{current.name}” to “{name}”")
        current.name = name
    if not changes:
        return []
    _apply(current, specs, fields, sections)
    current.version += 1
    current.updated_by = by
    current.save()
    record(
        AuditEvent.CHANGED,
        current,
        actor=by,
        summary=f"Record kind updated from a dictionary: {len(changes)} change(s){source}",
        data={"changes": changes},
    )
    return changes


def kind_import_dictionary(
    *, code: str, name: str, data: bytes, by=None, source: str = "", **create
) -> KindImport:
    """Create the kind with this code from the dictionary, or update it if it exists."""
    kind = RecordKind.objects.filter(code=code.strip()).first()
    if kind is None:
        created = kind_create(code=code, name=name, data=data, by=by, source=source, **create)
        return KindImport(created, True, [])
    changes = kind_update(kind=kind, data=data, by=by, seen=None, name=name, source=source)
    kind.refresh_from_db()
    return KindImport(kind, False, changes)


WELSH_WORDS = {
    "name": (gettext_lazy("The Welsh name"), 200),
    "date_label": (gettext_lazy("What its date means in Welsh"), 80),
    "facts_label": (gettext_lazy("What its facts are called in Welsh"), 80),
}


def _welsh_words(kind: RecordKind, welsh: dict, errors: dict) -> list[str]:
    """Set the kind's own words in Welsh from `welsh` (blank: none); the changes, in words.
    A Welsh name is unique, as the English is."""
    changes = []
    for name, (what, limit) in WELSH_WORDS.items():
        if name not in welsh:
            continue  # not asked about: kept as it is
        value = (welsh.get(name) or "").strip()
        key = f"{name}_cy"
        if len(value) > limit:
            errors[key] = [
                _("%(what)s: write at most %(count)s characters") % {"what": what, "count": limit}
            ]
            continue
        try:
            check_text(value, str(what))
        except ValidationError as error:
            errors[key] = error.messages
            continue
        if name == "name" and value and admin_selectors.kind_welsh_name_taken(value, kind):
            errors[key] = [
                _("There is a kind called “%(name)s” in Welsh already") % {"name": value}
            ]
            continue
        if value != (getattr(kind, key) or ""):
            setattr(kind, key, value or None)  # none: the English is read in its place
            changes.append(
                _("%(what)s: “%(words)s”") % {"what": what, "words": value}
                if value
                else _("%(what)s: removed") % {"what": what}
            )
    return changes


# --- applying a dictionary -------------------------------------------------------------


def _in_section_order(specs: list[FieldSpec]) -> list[FieldSpec]:
    """Fields grouped by section, sections in the order they first appear."""
    order = {name: n for n, name in enumerate(dict.fromkeys(s.section for s in specs))}
    return sorted(specs, key=lambda spec: order[spec.section])  # stable within a section


def _sections(kind: RecordKind, specs: list[FieldSpec], held: dict) -> dict[str, RecordSection]:
    """The kind's sections by name, in the dictionary's order, added where new."""
    found = {}
    welsh = section_welsh(specs)
    # A Welsh name moving between sections would meet itself on the unique Welsh name: the
    # sections giving theirs up let go of it first.
    moving = [s for s in held.values() if welsh and s.name_cy and s.name_cy != welsh.get(s.name)]
    for section in moving:
        section.name_cy = None
    RecordSection.objects.bulk_update(moving, ["name_cy"])
    for position, name in enumerate(dict.fromkeys(s.section for s in specs), start=1):
        section = held.get(name) or RecordSection(kind=kind, name=name)
        name_cy = welsh.get(name, section.name_cy)  # not in the file: kept
        if section.pk is None or (section.position, section.name_cy) != (position, name_cy):
            section.position = position
            section.name_cy = name_cy
            section.save()
        found[name] = section
    return found


def _fill(field: RecordField, spec: FieldSpec, section: RecordSection, position: int) -> None:
    field.section = section
    field.position = position
    field.label = spec.label
    field.type = spec.type
    field.choices = spec.choice_list(field.choices or [])
    field.required = spec.required
    field.filterable = spec.filterable
    field.help = spec.help
    if spec.label_cy is not None:  # None: the file has no Welsh column; kept as it is
        field.label_cy = spec.label_cy or None
    if spec.help_cy is not None:
        field.help_cy = spec.help_cy


EDITED = ["section_id", "position", "label", "type", "choices", "required", "filterable", "help"]
EDITED += ["label_cy", "help_cy"]


def _apply(kind, specs, fields: list[RecordField], sections: list[RecordSection]) -> None:
    wanted = {spec.code: spec for spec in specs}
    for field in fields:
        if field.code not in wanted:
            field.delete()
    kept = [field for field in fields if field.code in wanted]
    by_section = _sections(kind, specs, {s.name: s for s in sections})
    _park_taken_labels(kept, specs)
    fields_by_code = {field.code: field for field in kept}
    for position, spec in enumerate(_in_section_order(specs), start=1):
        field = fields_by_code.get(spec.code) or RecordField(kind=kind, code=spec.code)
        before = [getattr(field, name, None) for name in EDITED]
        _fill(field, spec, by_section[spec.section], position)
        if field.pk is None or before != [getattr(field, name) for name in EDITED]:
            field.save()
    for section in sections:
        if section.name not in by_section:
            section.delete()


def _park_taken_labels(kept: list[RecordField], specs: list[FieldSpec]) -> None:
    """A label moving from one field to another would meet itself on the unique label:
    the fields giving theirs up hold a placeholder until they take their new one. A Welsh
    label moving is cleared until then."""
    wanted = {spec.code: spec.label for spec in specs}
    new_labels = set(wanted.values())
    parked = [
        field for field in kept if field.label != wanted[field.code] and field.label in new_labels
    ]
    for field in parked:
        field.label = _PARKED.format(pk=field.pk)
    cleared = []
    if any(spec.label_cy is not None for spec in specs):  # the file has the Welsh column
        welsh = {spec.code: spec.label_cy or None for spec in specs}
        new_welsh = set(welsh.values()) - {None}
        cleared = [f for f in kept if f.label_cy != welsh[f.code] and f.label_cy in new_welsh]
    for field in cleared:
        field.label_cy = None
    moved = {field.pk: field for field in parked + cleared}.values()
    # Unrewritten, so "label" is the original column, not the active language's copy.
    RecordField.objects.rewrite(False).bulk_update(list(moved), ["label", "label_en", "label_cy"])
