"""What a new dictionary would change in a kind, and which of those changes the cases held
forbid (docs/adr/0015-record-kinds.md, "History-safe edits").

Fields are matched by code. New fields and sections may be added; labels, help, section,
order, required and filterable may change; choices may be reworded, reordered and added
to. A field some case holds a value for keeps its type and cannot be removed, and a choice
some case holds cannot be removed. A field kept in a column of its own never changes type
or goes, and its choices (fixed by the column) can only be reworded.
"""

from dataclasses import dataclass, field

from ..models import FieldType, RecordField, RecordKind, RecordSection
from . import admin_selectors as selectors
from .dictionary import FieldSpec, Problem


@dataclass
class Plan:
    changes: list[str] = field(default_factory=list)
    refusals: list[Problem] = field(default_factory=list)


def cases(n: int) -> str:
    return f"{n:,} case{'' if n == 1 else 's'}"


def _type(code: str) -> str:
    return f"“{FieldType(code).label.lower()}”"


def label_refusals(kind: RecordKind, specs: list[FieldSpec]) -> list[Problem]:
    """Labels that would read as the kind's own date or facts heading in an extract."""
    taken = {kind.date_label.casefold(): "date", kind.facts_label.casefold(): "facts"}
    return [
        Problem(
            spec.line,
            "label",
            f"“{spec.label}” is what this kind calls its {taken[spec.label.casefold()]}, "
            "which every case has: choose another label.",
        )
        for spec in specs
        if spec.label.casefold() in taken
    ]


def plan_update(
    kind: RecordKind, specs: list[FieldSpec], fields: list[RecordField], sections
) -> Plan:
    """The changes, in words, and the refusals, each naming its field and the cases
    holding it. `fields` and `sections` are the kind's as saved, in order."""
    plan = Plan(refusals=label_refusals(kind, specs))
    current = {f.code: f for f in fields}
    wanted = {spec.code: spec for spec in specs}
    names = [s.name for s in sections]
    for name in dict.fromkeys(spec.section for spec in specs):
        if name not in names:
            plan.changes.append(f"Added the section “{name}”")
    checked = [current[c] for c in current if c not in wanted or _type_changed(current[c], wanted)]
    holders = selectors.field_holders(kind, checked) if checked else {}
    for spec in specs:
        if spec.code in current:
            _compare(kind, current[spec.code], spec, holders, plan)
        else:
            plan.changes.append(
                f"Added the field “{spec.label}” ({spec.code}) to the section “{spec.section}”"
            )
    for code, old in current.items():
        if code not in wanted:
            _removal(old, holders[code], plan)
    _order(fields, specs, names, plan)
    _emptied_sections(sections, specs, plan)
    return plan


def _type_changed(old: RecordField, wanted: dict[str, FieldSpec]) -> bool:
    return wanted[old.code].type != old.type


def _name(old: RecordField) -> str:
    return f"“{old.label}” ({old.code})"


def _compare(kind, old: RecordField, spec: FieldSpec, holders: dict, plan: Plan) -> None:
    changes = plan.changes
    if spec.type != old.type:
        _type_change(old, spec, holders[old.code], plan)
    if spec.label != old.label:
        changes.append(f"Reworded the label of {old.code}: “{old.label}” to “{spec.label}”")
    if spec.help != old.help:
        changes.append(f"Changed the help of “{spec.label}”")
    if spec.section != old.section.name:
        changes.append(
            f"Moved “{spec.label}” from the section “{old.section.name}” to “{spec.section}”"
        )
    if spec.required != old.required:
        changes.append(f"“{spec.label}” is {'now' if spec.required else 'no longer'} required")
    if spec.filterable != old.filterable:
        changes.append(
            f"“{spec.label}” can {'now' if spec.filterable else 'no longer'} be filtered by"
        )
    if spec.type == old.type and spec.type in (FieldType.CHOICE, FieldType.MULTI_CHOICE):
        _choices(kind, old, spec, plan)


def _type_change(old: RecordField, spec: FieldSpec, held: int, plan: Plan) -> None:
    change = f"from {_type(old.type)} to {_type(spec.type)}"
    if old.column:
        plan.refusals.append(
            Problem(
                spec.line,
                "type",
                f"{_name(old)} is kept in a column of its own on every case "
                f"({cases(held)} of this kind), so its type cannot change {change}.",
            )
        )
    elif held:
        plan.refusals.append(
            Problem(
                spec.line,
                "type",
                f"{_name(old)} is held by {cases(held)}, so its type cannot change {change}. "
                "Add a new field instead.",
            )
        )
    else:
        plan.changes.append(f"Changed the type of “{spec.label}” {change}")


def _choices(kind, old: RecordField, spec: FieldSpec, plan: Plan) -> None:
    before = old.choice_labels()
    after = dict(spec.choices)
    added = [code for code in after if code not in before]
    removed = [code for code in before if code not in after]
    if old.column and (added or removed):
        plan.refusals.append(
            Problem(
                spec.line,
                "choices",
                f"{_name(old)} is kept in a column of its own, whose values are fixed: its "
                "choices can be reworded but not added or removed "
                f"({', '.join(added + removed)}).",
            )
        )
        return
    for code in added:
        plan.changes.append(f"Added the choice “{after[code]}” ({code}) to “{spec.label}”")
    held = selectors.choice_holders(kind, old, removed) if removed else {}
    for code in removed:
        if held[code]:
            plan.refusals.append(
                Problem(
                    spec.line,
                    "choices",
                    f"The choice {code} (“{before[code]}”) of {_name(old)} is held by "
                    f"{cases(held[code])}, so it cannot be removed. You can reword it.",
                )
            )
        else:
            plan.changes.append(f"Removed the choice “{before[code]}” ({code}) from “{spec.label}”")
    for code in after:
        if code in before and after[code] != before[code]:
            plan.changes.append(
                f"Reworded the choice {code} of “{spec.label}”: “{before[code]}” to “{after[code]}”"
            )
    kept_before = [code for code in before if code in after]
    kept_after = [code for code in after if code in before]
    if kept_before != kept_after:
        plan.changes.append(f"Changed the order of the choices of “{spec.label}”")


def _removal(old: RecordField, held: int, plan: Plan) -> None:
    if old.column:
        plan.refusals.append(
            Problem(
                None,
                "",
                f"{_name(old)} is missing from the dictionary, but it is kept in a column of "
                f"its own on every case ({cases(held)} of this kind), so it cannot be removed. "
                "Put its line back.",
            )
        )
    elif held:
        plan.refusals.append(
            Problem(
                None,
                "",
                f"{_name(old)} is missing from the dictionary, but it is held by "
                f"{cases(held)}, so it cannot be removed. Put its line back.",
            )
        )
    else:
        plan.changes.append(f"Removed the field {_name(old)}")


def _order(fields: list[RecordField], specs: list[FieldSpec], names: list[str], plan) -> None:
    """One line each if the fields kept, or the sections kept, come in a different order."""
    by_section: dict[str, list[str]] = {}
    for spec in specs:
        by_section.setdefault(spec.section, []).append(spec.code)
    kept = {spec.code for spec in specs} & {f.code for f in fields}
    before = [f.code for f in fields if f.code in kept]
    after = [code for codes in by_section.values() for code in codes if code in kept]
    if before != after:
        plan.changes.append("Changed the order of the fields")
    if [n for n in names if n in by_section] != [n for n in by_section if n in names]:
        plan.changes.append("Changed the order of the sections")


def _emptied_sections(sections: list[RecordSection], specs: list[FieldSpec], plan) -> None:
    wanted = {spec.section for spec in specs}
    for section in sections:
        if section.name in wanted:
            continue
        filled, named = selectors.section_filled(section)
        if named:
            held = f" for {cases(filled)}" if filled else ""
            plan.refusals.append(
                Problem(
                    None,
                    "",
                    f"The section “{section.name}” was filled by an agency's own extract"
                    f"{held}, so it must keep at least one field.",
                )
            )
        else:
            plan.changes.append(f"Removed the section “{section.name}”")
