"""Writes to frameworks and their categories, criterion groups and criteria.

What may change once a framework is used is set down in docs/adr/0009-framework-edits.md:
a part that history points at keeps its code and its meaning; its wording may be fixed,
and such a fix is recorded in the audit trail. Each write locks the row it changes and
refuses a form opened before someone else's save.
"""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import AuditEvent, record
from core.bilingual import english
from core.stale import check_version

from ..models import Criterion, CriterionGroup, Framework, OutcomeCategory, Theme
from . import selectors

# Fields that carry meaning history depends on, and why each may not change.
LOCKED = {
    Framework: {
        "slug": gettext_lazy(
            "The framework is used by ratings or decisions, so its code cannot change"
        ),
        "kind": gettext_lazy(
            "The framework is used by ratings or decisions, so its kind cannot change"
        ),
    },
    OutcomeCategory: {
        "code": gettext_lazy(
            "This category is used by ratings or decisions, so its code cannot change"
        ),
        **{
            flag: gettext_lazy(
                "This category is used by ratings or decisions, so what it means cannot "
                "change. Add a new category instead"
            )
            for flag in ("requires_reasons", "is_inconclusive", "is_adverse")
        },
    },
    CriterionGroup: {
        "code": gettext_lazy(
            "Criteria in this group have been assessed, so its code cannot change"
        ),
    },
    Criterion: {
        "code": gettext_lazy("This criterion has been assessed, so its code cannot change"),
    },
}
EDITABLE = {
    Framework: [
        "name",
        "name_cy",
        "slug",
        "kind",
        "record_kind",
        "description",
        "description_cy",
        "criteria_heading",
        "criteria_heading_cy",
        "is_active",
    ],
    OutcomeCategory: [
        "code",
        "label",
        "label_cy",
        "short_label",
        "short_label_cy",
        "description",
        "description_cy",
        "requires_reasons",
        "is_inconclusive",
        "is_adverse",
        "panel_decision_only",
        "colour",
        "score",
        "chart_label",
        "chart_label_cy",
    ],
    CriterionGroup: ["code", "label", "label_cy", "description", "description_cy"],
    Criterion: ["group", "code", "label", "label_cy", "guidance", "guidance_cy"],
}
# Turning it on would leave members' ratings with a category members may no longer give.
RATED_PANEL_ONLY = gettext_lazy(
    "Members have already chosen this category in their ratings, so it cannot become one "
    "only the panel's decision may use"
)
# The cases a framework's meetings drew are of its record kind: another kind would leave
# them rated against a framework that no longer reviews their kind.
RECORD_KIND_FIXED = gettext_lazy(
    "This framework's panels have meetings, whose cases are %(kind)s records, so the kind of "
    "record it reviews cannot change. Create a new framework for the other kind instead"
)
# Foreign keys compared (and fingerprinted) by their ids.
KEYS = {"group", "record_kind"}
# Allowed changes to a part in use that are more than wording, named so in the trail. The
# display scheme changes how future reports show a category, never what it means, and
# published reports are frozen.
NOT_WORDING = {"panel_decision_only", "colour", "score"}
NAMES = {
    OutcomeCategory: "category",
    CriterionGroup: "group",
    Criterion: "criterion",
    Framework: "framework",
}
# Refusals, whole sentences for each kind of part so each can be translated.
CODE_TAKEN = {
    OutcomeCategory: gettext_lazy("Enter a code no other category in this framework uses"),
    CriterionGroup: gettext_lazy("Enter a code no other group in this framework uses"),
    Criterion: gettext_lazy("Enter a code no other criterion in this framework uses"),
    Framework: gettext_lazy("Enter a code no other framework in this framework uses"),
}
IN_USE = {
    OutcomeCategory: gettext_lazy(
        "This category is used by ratings, decisions or assessments, so it cannot be "
        "deleted. Its wording can still be corrected"
    ),
    CriterionGroup: gettext_lazy(
        "This group is used by ratings, decisions or assessments, so it cannot be "
        "deleted. Its wording can still be corrected"
    ),
    Criterion: gettext_lazy(
        "This criterion is used by ratings, decisions or assessments, so it cannot be "
        "deleted. Its wording can still be corrected"
    ),
    Framework: gettext_lazy(
        "This framework is used by ratings, decisions or assessments, so it cannot be "
        "deleted. Its wording can still be corrected"
    ),
}


def fingerprint(obj) -> str:
    """What the row held when a form was opened, to spot a save made meanwhile."""
    fields = [*EDITABLE[type(obj)], *(["position"] if hasattr(obj, "position") else [])]
    text = repr([getattr(obj, f + "_id" if f in KEYS else f) for f in fields])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def refusals(current, values: dict) -> dict[str, str]:
    """The changes to a saved row history forbids, field → reason; the pages' service and
    the Django admin both ask this."""
    changed = {f for f, v in values.items() if _value(current, f) != _value_of(v)}
    locked = LOCKED[type(current)]
    refused = {}
    if changed & set(locked) and selectors.in_use(current):
        refused = {f: locked[f] for f in locked if f in changed}
    if "record_kind" in changed and selectors.framework_has_meetings(current):
        refused["record_kind"] = RECORD_KIND_FIXED % {"kind": current.record_kind.name}
    turned_on = "panel_decision_only" in changed and values["panel_decision_only"]
    if turned_on and selectors.category_rated(current):
        refused["panel_decision_only"] = RATED_PANEL_ONLY
    return refused


def _refuse_locked(current, values: dict) -> None:
    """Refuse changes to a used row's code and meaning, each with its reason."""
    refused = refusals(current, values)
    if refused:
        raise ValidationError(refused)


def _value(obj, field: str):
    if field.endswith("_cy"):  # no Welsh yet: stored as nothing, or as "" once saved
        return getattr(obj, field) or ""
    return getattr(obj, f"{field}_id") if field in KEYS else getattr(obj, field)


def _value_of(value):
    return getattr(value, "pk", value)


def _apply(obj, values: dict, *, by, created: bool):
    # The English boxes are the English words, whatever language the page is in.
    with english():
        return _apply_english(obj, values, by=by, created=created)


def _apply_english(obj, values: dict, *, by, created: bool):
    before = {f: _value(obj, f) for f in values} if not created else {}
    for field, value in values.items():
        setattr(obj, field, value)
    obj.full_clean()
    obj.save()
    changed = sorted(f for f in before if before[f] != _value(obj, f))
    if changed and selectors.in_use(obj):
        # Allowed because it is only wording (or who may choose it); said out loud so the
        # trail shows it.
        what = "Changed" if NOT_WORDING & set(changed) else "Wording fixed on"
        record(
            AuditEvent.CHANGED,
            obj,
            actor=by,
            summary=f"{what} a {NAMES[type(obj)]} in use: {', '.join(changed)}",
            data={"fields": changed},
        )
    return obj


def _only_editable(model, values: dict) -> dict:
    return {f: v for f, v in values.items() if f in EDITABLE[model]}


@transaction.atomic
def framework_save(
    *, by, values: dict, framework: Framework | None = None, seen: str = ""
) -> Framework:
    """Create a framework, or change one (refusing changes that would break history)."""
    values = _only_editable(Framework, values)
    if framework is None:
        return _apply(Framework(), values, by=by, created=True)
    current = Framework.objects.select_for_update().get(pk=framework.pk)
    check_version(current, seen, of=fingerprint)
    _refuse_locked(current, values)
    return _apply(current, values, by=by, created=False)


@transaction.atomic
def part_save(*, by, framework: Framework, model, values: dict, part=None, seen: str = ""):
    """Add a category, group or criterion at the end of the framework's list, or change one."""
    values = _only_editable(model, values)
    # One writer at a time per framework: positions and codes are unique within it.
    Framework.objects.select_for_update().get(pk=framework.pk)
    _check_code_free(framework, model, values.get("code"), part)
    if part is None:
        last = model.objects.filter(framework=framework).aggregate(m=Max("position"))["m"]
        new = model(framework=framework, position=(last or 0) + 1)
        return _apply(new, values, by=by, created=True)
    current = model.objects.select_for_update().get(pk=part.pk)
    check_version(current, seen, of=fingerprint)
    _refuse_locked(current, values)
    return _apply(current, values, by=by, created=False)


def _check_code_free(framework, model, code, part) -> None:
    others = model.objects.filter(framework=framework, code=code)
    if part is not None:
        others = others.exclude(pk=part.pk)
    if code and others.exists():
        raise ValidationError({"code": CODE_TAKEN[model]})


@transaction.atomic
def part_delete(*, by, part, seen: str) -> None:
    """Delete a part nothing points at; a used one stays, and the refusal says why."""
    model = type(part)
    current = model.objects.select_for_update().get(pk=part.pk)
    check_version(current, seen, of=fingerprint)
    name = NAMES[model]
    if selectors.in_use(current):
        raise ValidationError(IN_USE[model])
    if model is CriterionGroup and current.criteria.exists():
        raise ValidationError(_("Move or delete the criteria in this group first"))
    record(AuditEvent.DELETED, current, actor=by, summary=f"Unused {name} deleted")
    current.delete()


@transaction.atomic
def part_move(*, by, part, direction: str) -> bool:
    """Swap a part with its neighbour above or below; False if it is already at that end."""
    model = type(part)
    Framework.objects.select_for_update().get(pk=part.framework_id)
    current = model.objects.get(pk=part.pk)
    siblings = model.objects.filter(framework_id=current.framework_id)
    if direction == "up":
        other = siblings.filter(position__lt=current.position).order_by("-position").first()
    elif direction == "down":
        other = siblings.filter(position__gt=current.position).order_by("position").first()
    else:
        raise ValidationError(_("Choose up or down"))
    if other is None:
        return False
    spare = (siblings.aggregate(m=Max("position"))["m"] or 0) + 1
    mine, theirs = current.position, other.position
    # Through a spare position: (framework, position) is unique at every step.
    for obj, position in ((current, spare), (other, mine), (current, theirs)):
        obj.position = position
        obj.save(update_fields=["position"])
    return True


def themes_fingerprint(framework: Framework) -> str:
    """Which themes the framework held when a form was opened."""
    pks = sorted(framework.themes.values_list("pk", flat=True))
    return hashlib.sha256(repr(pks).encode()).hexdigest()[:16]


def theme_removal_refusals(*, framework: Framework, removed) -> list[str]:
    """Why these themes cannot be taken off the framework: history on its panels uses them.
    The pages' service and the Django admin both ask this."""
    return [
        _(
            "“%(theme)s” is used by ratings, decisions or notes on this framework's panels, "
            "so it cannot be taken off the framework"
        )
        % {"theme": theme.name}
        for theme in selectors.themes_in_use(framework=framework, themes=removed)
    ]


@transaction.atomic
def framework_themes_set(
    *, by, framework: Framework, themes: list[Theme], new_theme: str = "", seen: str
) -> list[Theme]:
    """Set the themes the framework's ratings, decisions and notes offer, adding a new theme
    by name if given. A theme history on the framework's panels uses stays with it."""
    framework = Framework.objects.select_for_update().get(pk=framework.pk)
    check_version(framework, seen, of=themes_fingerprint)
    current = set(framework.themes.all())
    removed = sorted(current - set(themes), key=lambda t: t.name)
    refused = theme_removal_refusals(framework=framework, removed=removed)
    if refused:
        raise ValidationError({"themes": refused})
    chosen = list(themes)
    if new_theme.strip():
        chosen.append(_theme_create(name=new_theme.strip()))
    framework.themes.set(chosen)
    added = sorted(t.name for t in set(chosen) - current)
    if added or removed:
        record(
            AuditEvent.CHANGED,
            framework,
            actor=by,
            summary="Themes changed",
            data={"added": added, "removed": [t.name for t in removed]},
        )
    return chosen


def _theme_create(*, name: str) -> Theme:
    slug = slugify(name)[:80]
    if Theme.objects.filter(name__iexact=name).exists() or (
        slug and Theme.objects.filter(slug=slug).exists()
    ):
        raise ValidationError(
            {
                "new_theme": _("“%(name)s” is already a theme: choose it from the list")
                % {"name": name}
            }
        )
    if not slug:
        raise ValidationError({"new_theme": _("Enter a theme name using letters or numbers")})
    theme = Theme(name=name, slug=slug)
    theme.full_clean()
    theme.save()
    return theme
