"""What a new dictionary would change in a kind, and which of those changes the cases held
forbid (docs/adr/0015-record-kinds.md, "History-safe edits").

Fields are matched by code. New fields and sections may be added; labels, help, section,
order, required and filterable may change; choices may be reworded, reordered and added
to. A field some case holds a value for keeps its type and cannot be removed, and a choice
some case holds cannot be removed. A field kept in a column of its own never changes type
or goes, and its choices (fixed by the column) can only be reworded.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import FieldType, RecordField, RecordKind, RecordSection
from . import admin_selectors as selectors
from .dictionary import FieldSpec, Problem


@dataclass
class Plan:
    changes: list[str] = field(default_factory=list)
    refusals: list[Problem] = field(default_factory=list)


def cases(n: int) -> str:
    return ngettext("%(count)s case", "%(count)s cases", n) % {"count": f"{n:,}"}


def _type(code: str) -> str:
    return f"“{_(FieldType(code).label).lower()}”"


def label_refusals(kind: RecordKind, specs: list[FieldSpec]) -> list[Problem]:
    """Labels that would read as the kind's own date or facts heading in an extract."""
    taken = {kind.date_label.casefold(): "date", kind.facts_label.casefold(): "facts"}
    return [
        Problem(
            spec.line,
            "label",
            (
                _(
                    "“%(label)s” is what this kind calls its date, which every case has: "
                    "choose another label."
                )
                if taken[spec.label.casefold()] == "date"
                else _(
                    "“%(label)s” is what this kind calls its facts, which every case has: "
                    "choose another label."
                )
            )
            % {"label": spec.label},
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
            plan.changes.append(_("Added the section “%(name)s”") % {"name": name})
    checked = [current[c] for c in current if c not in wanted or _type_changed(current[c], wanted)]
    holders = selectors.field_holders(kind, checked) if checked else {}
    for spec in specs:
        if spec.code in current:
            _compare(kind, current[spec.code], spec, holders, plan)
        else:
            plan.changes.append(
                _("Added the field “%(label)s” (%(code)s) to the section “%(section)s”")
                % {"label": spec.label, "code": spec.code, "section": spec.section}
            )
    for code, old in current.items():
        if code not in wanted:
            _removal(old, holders[code], plan)
    _welsh(current, specs, sections, plan)
    _order(fields, specs, names, plan)
    _emptied_sections(sections, specs, plan)
    return plan


def section_welsh(specs: list[FieldSpec]) -> dict[str, str | None]:
    """Each section's Welsh name as the dictionary gives it (None: blank); {} when the file
    has no Welsh section column, which leaves the sections' Welsh as it is."""
    welsh: dict[str, str | None] = {}
    for spec in specs:
        if spec.section_cy is None:
            continue
        if not welsh.get(spec.section):
            welsh[spec.section] = spec.section_cy or None
    return welsh


def _welsh(current: dict, specs: list[FieldSpec], sections, plan: Plan) -> None:
    """One line for each field or section whose Welsh the dictionary changes."""
    for spec in specs:
        old = current.get(spec.code)
        if old is None:
            continue
        kept = [c for c in old.choices if c["code"] in dict(spec.choices)]
        before, after = [], []
        if spec.label_cy is not None:  # None: no such column in the file; kept as it is
            before.append(old.label_cy or "")
            after.append(spec.label_cy)
        if spec.help_cy is not None:
            before.append(old.help_cy or "")
            after.append(spec.help_cy)
        if spec.choices_cy is not None:
            welsh = dict(spec.choices_cy)
            before += [c.get("label_cy", "") for c in kept]
            after += [welsh.get(c["code"], "") for c in kept]
        if before != after:
            plan.changes.append(_("Changed the Welsh of “%(label)s”") % {"label": spec.label})
    welsh = section_welsh(specs)
    for section in sections:
        if section.name in welsh and (section.name_cy or None) != welsh[section.name]:
            plan.changes.append(
                _("Changed the Welsh name of the section “%(name)s”") % {"name": section.name}
            )


def _type_changed(old: RecordField, wanted: dict[str, FieldSpec]) -> bool:
    return wanted[old.code].type != old.type


def _name(old: RecordField) -> str:
    return f"“{old.label}” ({old.code})"


def _compare(kind, old: RecordField, spec: FieldSpec, holders: dict, plan: Plan) -> None:
    changes = plan.changes
    if spec.type != old.type:
        _type_change(old, spec, holders[old.code], plan)
    if spec.label != old.label:
        changes.append(
            _("Reworded the label of %(code)s: “%(old)s” to “%(new)s”")
            % {"code": old.code, "old": old.label, "new": spec.label}
        )
    if spec.help != old.help:
        changes.append(_("Changed the help of “%(label)s”") % {"label": spec.label})
    if spec.section != old.section.name:
        changes.append(
            _("Moved “%(label)s” from the section “%(old)s” to “%(new)s”")
            % {"label": spec.label, "old": old.section.name, "new": spec.section}
        )
    if spec.required != old.required:
        changes.append(
            (
                _("“%(label)s” is now required")
                if spec.required
                else _("“%(label)s” is no longer required")
            )
            % {"label": spec.label}
        )
    if spec.filterable != old.filterable:
        changes.append(
            (
                _("“%(label)s” can now be filtered by")
                if spec.filterable
                else _("“%(label)s” can no longer be filtered by")
            )
            % {"label": spec.label}
        )
    if spec.type == old.type and spec.type in (FieldType.CHOICE, FieldType.MULTI_CHOICE):
        _choices(kind, old, spec, plan)


def _type_change(old: RecordField, spec: FieldSpec, held: int, plan: Plan) -> None:
    change = _("from %(old)s to %(new)s") % {"old": _type(old.type), "new": _type(spec.type)}
    if old.column:
        plan.refusals.append(
            Problem(
                spec.line,
                "type",
                _(
                    "%(field)s is kept in a column of its own on every case "
                    "(%(cases)s of this kind), so its type cannot change %(change)s."
                )
                % {"field": _name(old), "cases": cases(held), "change": change},
            )
        )
    elif held:
        plan.refusals.append(
            Problem(
                spec.line,
                "type",
                _(
                    "%(field)s is held by %(cases)s, so its type cannot change %(change)s. "
                    "Add a new field instead."
                )
                % {"field": _name(old), "cases": cases(held), "change": change},
            )
        )
    else:
        plan.changes.append(
            _("Changed the type of “%(label)s” %(change)s")
            % {"label": spec.label, "change": change}
        )


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
                _(
                    "%(field)s is kept in a column of its own, whose values are fixed: its "
                    "choices can be reworded but not added or removed (%(codes)s)."
                )
                % {"field": _name(old), "codes": ", ".join(added + removed)},
            )
        )
        return
    for code in added:
        plan.changes.append(
            _("Added the choice “%(choice)s” (%(code)s) to “%(label)s”")
            % {"choice": after[code], "code": code, "label": spec.label}
        )
    held = selectors.choice_holders(kind, old, removed) if removed else {}
    for code in removed:
        if held[code]:
            plan.refusals.append(
                Problem(
                    spec.line,
                    "choices",
                    _(
                        "The choice %(code)s (“%(choice)s”) of %(field)s is held by "
                        "%(cases)s, so it cannot be removed. You can reword it."
                    )
                    % {
                        "code": code,
                        "choice": before[code],
                        "field": _name(old),
                        "cases": cases(held[code]),
                    },
                )
            )
        else:
            plan.changes.append(
                _("Removed the choice “%(choice)s” (%(code)s) from “%(label)s”")
                % {"choice": before[code], "code": code, "label": spec.label}
            )
    for code in after:
        if code in before and after[code] != before[code]:
            plan.changes.append(
                _("Reworded the choice %(code)s of “%(label)s”: “%(old)s” to “%(new)s”")
                % {"code": code, "label": spec.label, "old": before[code], "new": after[code]}
            )
    kept_before = [code for code in before if code in after]
    kept_after = [code for code in after if code in before]
    if kept_before != kept_after:
        plan.changes.append(
            _("Changed the order of the choices of “%(label)s”") % {"label": spec.label}
        )


def _removal(old: RecordField, held: int, plan: Plan) -> None:
    if old.column:
        plan.refusals.append(
            Problem(
                None,
                "",
                _(
                    "%(field)s is missing from the dictionary, but it is kept in a column of "
                    "its own on every case (%(cases)s of this kind), so it cannot be removed. "
                    "Put its line back."
                )
                % {"field": _name(old), "cases": cases(held)},
            )
        )
    elif held:
        plan.refusals.append(
            Problem(
                None,
                "",
                _(
                    "%(field)s is missing from the dictionary, but it is held by "
                    "%(cases)s, so it cannot be removed. Put its line back."
                )
                % {"field": _name(old), "cases": cases(held)},
            )
        )
    else:
        plan.changes.append(_("Removed the field %(field)s") % {"field": _name(old)})


def _order(fields: list[RecordField], specs: list[FieldSpec], names: list[str], plan) -> None:
    """One line each if the fields kept, or the sections kept, come in a different order."""
    by_section: dict[str, list[str]] = {}
    for spec in specs:
        by_section.setdefault(spec.section, []).append(spec.code)
    kept = {spec.code for spec in specs} & {f.code for f in fields}
    before = [f.code for f in fields if f.code in kept]
    after = [code for codes in by_section.values() for code in codes if code in kept]
    if before != after:
        plan.changes.append(_("Changed the order of the fields"))
    if [n for n in names if n in by_section] != [n for n in by_section if n in names]:
        plan.changes.append(_("Changed the order of the sections"))


def _emptied_sections(sections: list[RecordSection], specs: list[FieldSpec], plan) -> None:
    wanted = {spec.section for spec in specs}
    for section in sections:
        if section.name in wanted:
            continue
        filled, named = selectors.section_filled(section)
        if named:
            words = (
                _(
                    "The section “%(name)s” was filled by an agency's own extract for "
                    "%(cases)s, so it must keep at least one field."
                )
                if filled
                else _(
                    "The section “%(name)s” was filled by an agency's own extract, so it "
                    "must keep at least one field."
                )
            )
            plan.refusals.append(
                Problem(
                    None,
                    "",
                    words % {"name": section.name, "cases": cases(filled) if filled else ""},
                )
            )
        else:
            plan.changes.append(_("Removed the section “%(name)s”") % {"name": section.name})
