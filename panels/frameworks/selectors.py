"""Reads for the framework pages (data admins): frameworks, their parts, and what uses them.

"In use" decides what may still change (docs/adr/0009-framework-edits.md): a category
some rating or decision chose, a criterion some assessment answered.
"""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from cases.models import RecordKind
from core.bilingual import by_words

from ..models import (
    Criterion,
    CriterionAssessment,
    CriterionGroup,
    Decision,
    Framework,
    Meeting,
    Observation,
    OutcomeCategory,
    Rating,
    RatingVersion,
    Theme,
)

KINDS = {"categories": OutcomeCategory, "groups": CriterionGroup, "criteria": Criterion}


def framework_list() -> QuerySet[Framework]:
    return (
        Framework.objects.select_related("record_kind")
        .annotate(
            category_count=Count("categories", distinct=True),
            criterion_count=Count("criteria", distinct=True),
            panel_count=Count("panels", distinct=True),
        )
        .order_by("-is_active", by_words("name"))
    )


def framework_get(*, pk: int) -> Framework:
    return get_object_or_404(Framework.objects.select_related("record_kind"), pk=pk)


def framework_has_meetings(framework: Framework) -> bool:
    """Whether any panel using the framework has a meeting: its record kind is then fixed."""
    return Meeting.objects.filter(panel__framework=framework).exists()


def record_kind_choices(*, framework: Framework | None = None):
    """The kinds a framework may review: every active one, and the one it reviews now."""
    kinds = RecordKind.objects.filter(is_active=True)
    if framework is not None and framework.record_kind_id:
        kinds = kinds | RecordKind.objects.filter(pk=framework.record_kind_id)
    return kinds.order_by(by_words("name"))


def item_get(*, framework: Framework, kind: str, pk: int):
    """A category, group or criterion of the framework, or 404."""
    model = KINDS.get(kind)
    if model is None:
        raise Http404("No such part of a framework")
    return get_object_or_404(model.objects.filter(framework=framework), pk=pk)


def _category_used():
    category = OuterRef("pk")
    return (
        Exists(Rating.objects.filter(category=category))
        | Exists(RatingVersion.objects.filter(category=category))
        | Exists(Decision.objects.filter(Q(category=category) | Q(majority_category=category)))
    )


def _criterion_used():
    return Exists(CriterionAssessment.objects.filter(criterion=OuterRef("pk")))


def framework_parts(*, framework: Framework) -> dict:
    """The framework's categories, groups and criteria in order, each marked `in_use`."""
    categories = list(framework.categories.annotate(in_use=_category_used()))
    criteria = list(framework.criteria.select_related("group").annotate(in_use=_criterion_used()))
    groups = list(framework.criterion_groups.all())
    for group in groups:
        group.in_use = any(c.in_use for c in criteria if c.group_id == group.pk)
    return {"categories": categories, "groups": groups, "criteria": criteria}


def category_rated(category: OutcomeCategory) -> bool:
    """Whether a member's rating (or a saved version of one) chose the category: it then
    cannot become one only the panel's decision may use (docs/adr/0011)."""
    return (
        Rating.objects.filter(category=category).exists()
        or RatingVersion.objects.filter(category=category).exists()
    )


def _theme_used_on(framework: Framework):
    theme, case = OuterRef("pk"), "reviewed_case__meeting__panel__framework"
    return (
        Exists(Rating.themes.through.objects.filter(theme=theme, **{f"rating__{case}": framework}))
        | Exists(
            Decision.themes.through.objects.filter(theme=theme, **{f"decision__{case}": framework})
        )
        | Exists(
            Observation.themes.through.objects.filter(
                theme=theme, observation__meeting__panel__framework=framework
            )
        )
    )


def framework_themes(*, framework: Framework) -> list[Theme]:
    """The framework's themes by name, each marked `in_use` when a rating, decision or note
    on one of its panels chose it."""
    return list(
        framework.themes.annotate(in_use=_theme_used_on(framework)).order_by(by_words("name"))
    )


def theme_choices(*, framework: Framework) -> QuerySet[Theme]:
    """The themes a data admin may give the framework: every active one, and any it holds."""
    return Theme.objects.filter(Q(is_active=True) | Q(frameworks=framework)).distinct()


def themes_in_use(*, framework: Framework, themes) -> list[Theme]:
    """Which of these themes a rating, decision or note on the framework's panels chose."""
    pks = [t.pk for t in themes]
    return list(Theme.objects.filter(pk__in=pks).filter(_theme_used_on(framework)))


def category_in_use(category: OutcomeCategory) -> bool:
    return OutcomeCategory.objects.filter(pk=category.pk).filter(_category_used()).exists()


def criterion_in_use(criterion: Criterion) -> bool:
    if CriterionAssessment.objects.filter(criterion=criterion).exists():
        return True
    # A saved version names criteria by code: a criterion answered there is history too.
    return RatingVersion.objects.filter(
        rating__reviewed_case__meeting__panel__framework=criterion.framework_id,
        assessments__has_key=criterion.code,
    ).exists()


def group_in_use(group: CriterionGroup) -> bool:
    return any(criterion_in_use(c) for c in group.criteria.all())


def framework_in_use(framework: Framework) -> bool:
    """Whether any rating, decision or assessment uses the framework's categories or
    criteria. A published report is built from decisions, so one citing the framework
    makes it in use too."""
    used_category = framework.categories.filter(_category_used()).exists()
    return used_category or any(criterion_in_use(c) for c in framework.criteria.all())


def in_use(item) -> bool:
    if isinstance(item, Framework):
        return framework_in_use(item)
    if isinstance(item, OutcomeCategory):
        return category_in_use(item)
    if isinstance(item, CriterionGroup):
        return group_in_use(item)
    return criterion_in_use(item)
