"""Frameworks, criteria and themes seeded by migration; admins edit them afterwards.

The category wording is that of published panel reports. Kept free of model
imports so migrations can use it with their historical models. Each framework names the
record kind its panels review (cases/kind_data); the community scrutiny frameworks
(stop and search, use of force) are in kind_frameworks.py.
"""

from . import reference_welsh
from .kind_frameworks import (
    KIND_ADVERSE,
    KIND_FRAMEWORK_SLUGS,
    KIND_FRAMEWORKS,
    KIND_THEME_FRAMEWORKS,
    KIND_THEMES,
)

# Category tuples: (code, label, short_label, requires_reasons, is_inconclusive)
OOCR_FOUR_WAY = {
    "slug": "oocr-four-way",
    "name": "Out of Court Resolutions (four categories)",
    "kind": "oocr",
    "record_kind": "oocr",
    "criteria_heading": "Decision checks",
    "description": (
        "Was the out of court resolution the right decision? Each case is placed in "
        "one of four categories."
    ),
    "categories": [
        (
            "consistent",
            "Consistent with Police Policy (and the Crown Prosecution Service Code for "
            "Crown Prosecutors)",
            "Consistent",
            False,
            False,
        ),
        (
            "consistent-with-observations",
            "Consistent with Police Policy (but with observations added from the panel)",
            "Consistent with observations",
            True,
            False,
        ),
        ("inconsistent", "Inconsistent with Police Policy", "Inconsistent", True, False),
        ("no-conclusion", "Panel fails to reach a conclusion", "No conclusion", True, True),
    ],
}

OOCR_THREE_WAY = {
    "slug": "oocr-three-way",
    "name": "Out of Court Resolutions (three categories)",
    "kind": "oocr",
    "record_kind": "oocr",
    "criteria_heading": "Decision checks",
    "description": "Was the resolution appropriate and consistent with policy and guidance?",
    "categories": [
        (
            "appropriate",
            "Appropriate and consistent with local policy and national guidance",
            "Appropriate",
            False,
            False,
        ),
        (
            "appropriate-with-observations",
            "Appropriate and consistent with local policy and national guidance, with observations",
            "Appropriate with observations",
            True,
            False,
        ),
        (
            "inappropriate",
            "Inappropriate and inconsistent with local policy and national guidance",
            "Inappropriate",
            True,
            False,
        ),
    ],
}

VCOP_SEVEN_WAY = {
    "slug": "vcop-seven-way",
    "name": "Victims' Code of Practice (seven categories)",
    "kind": "vcop",
    "record_kind": "vcop",
    "criteria_heading": "Victims' rights",
    "description": (
        "Were the victim's 12 rights under the Code met? Each right is assessed, then "
        "the case is placed in one of seven categories."
    ),
    "categories": [
        ("fully-compliant", "Fully compliant", "Fully compliant", False, False),
        ("partially-compliant", "Partially compliant", "Partially compliant", True, False),
        ("non-compliant", "Non-compliant", "Non-compliant", True, False),
        ("victim-did-not-engage", "Victim did not engage", "Victim did not engage", True, False),
        (
            "no-decision",
            "Panel failed to reach a decision",
            "No decision",
            True,
            True,
        ),
        (
            "information-not-recorded",
            "Information not recorded",
            "Information not recorded",
            True,
            False,
        ),
        ("not-applicable", "Not applicable", "Not applicable", True, False),
    ],
}

# (code, label)
VICTIMS_RIGHTS = [
    ("understand-and-be-understood", "To be able to understand and to be understood"),
    ("crime-recorded", "To have the details of the crime recorded without unjustified delay"),
    ("information-when-reporting", "To be provided with information when reporting the crime"),
    ("referral-to-support", "To be referred to services that support victims"),
    ("compensation-information", "To be provided with information about compensation"),
    (
        "investigation-information",
        "To be provided with information about the investigation and prosecution",
    ),
    ("victim-personal-statement", "To make a Victim Personal Statement"),
    (
        "trial-information",
        "To be given information about the trial, trial process and your role as a witness",
    ),
    (
        "outcome-information",
        "To be given information about the outcome of the case and any appeals",
    ),
    ("expenses-and-property", "To be paid expenses and have property returned"),
    (
        "offender-information",
        "To be given information about the offender following a conviction",
    ),
    ("complaint", "To make a complaint about your rights not being met"),
]

# (code, label, guidance)
OOCR_CRITERIA = [
    (
        "offence-admitted",
        "Offence admitted",
        "A full and frank admission is on record (required for any caution).",
    ),
    ("victim-views", "Victim's views sought and recorded", ""),
    (
        "crime-classified",
        "Crime correctly classified",
        "For example, stalking recorded as harassment understates gravity.",
    ),
    ("gravity-score", "Gravity matrix score recorded", ""),
    ("authority", "Authorised at the required rank", "e.g. Superintendent authority where needed."),
    ("conditions", "Conditions proportionate and meaningful", ""),
    ("offending-history", "Offending history considered", ""),
    ("cps-advice", "CPS advice sought where required", ""),
    ("restorative-justice", "Restorative justice considered", ""),
]

FRAMEWORKS = [
    (OOCR_FOUR_WAY, OOCR_CRITERIA),
    (OOCR_THREE_WAY, OOCR_CRITERIA),
    (VCOP_SEVEN_WAY, VICTIMS_RIGHTS),
]

# (slug, name)
THEMES = [
    ("crime-misclassified", "Crime misclassified"),
    ("no-clear-admission", "No clear admission"),
    ("victim-views-not-sought", "Victim's views not sought"),
    ("authority-not-recorded", "Authority not recorded"),
    ("gravity-score-missing", "Gravity score missing"),
    ("not-all-crimes-recorded", "Not all crimes recorded"),
    ("cps-advice-not-sought", "CPS advice not sought"),
    ("intervention-not-meaningful", "Intervention not meaningful"),
    ("victim-not-updated", "Victim not updated"),
    ("victim-leaflet-not-recorded", "Victim's information leaflet not recorded as given"),
    ("good-practice", "Good practice"),
    *KIND_THEMES,
]

OOCR_FRAMEWORKS = ["oocr-four-way", "oocr-three-way"]
ALL_FRAMEWORKS = [*OOCR_FRAMEWORKS, "vcop-seven-way", *KIND_FRAMEWORK_SLUGS]
# The frameworks whose forms offer each seeded theme (Theme.frameworks).
THEME_FRAMEWORKS = {
    "crime-misclassified": OOCR_FRAMEWORKS,
    "no-clear-admission": OOCR_FRAMEWORKS,
    "victim-views-not-sought": OOCR_FRAMEWORKS,
    "authority-not-recorded": OOCR_FRAMEWORKS,
    "gravity-score-missing": OOCR_FRAMEWORKS,
    "not-all-crimes-recorded": OOCR_FRAMEWORKS,
    "cps-advice-not-sought": OOCR_FRAMEWORKS,
    "intervention-not-meaningful": OOCR_FRAMEWORKS,
    "victim-not-updated": ["vcop-seven-way"],
    "victim-leaflet-not-recorded": ["vcop-seven-way"],
    **KIND_THEME_FRAMEWORKS,
    "good-practice": ALL_FRAMEWORKS,
}

# The seeded categories only the panel's decision may use (OutcomeCategory.panel_decision_only):
# a member who cannot decide says so in their reasons; failing to conclude is the panel's.
PANEL_DECISION_ONLY = {
    "oocr-four-way": ["no-conclusion"],
    "vcop-seven-way": ["no-decision"],
}


# The seeded categories that are findings against the force (OutcomeCategory.is_adverse).
ADVERSE = {
    "oocr-four-way": ["inconsistent"],
    "oocr-three-way": ["inappropriate"],
    "vcop-seven-way": ["non-compliant", "partially-compliant"],
    **KIND_ADVERSE,
}


def mark_adverse(apps, only=None) -> None:
    OutcomeCategory = apps.get_model("panels", "OutcomeCategory")
    for framework, codes in ADVERSE.items():
        if only is None or framework in only:
            OutcomeCategory.objects.filter(framework__slug=framework, code__in=codes).update(
                is_adverse=True
            )


# The community panels' red, amber, green scheme (OutcomeCategory.colour), as Avon and
# Somerset's stop and search panel publishes it.
RAG = {"good-practice": "green", "adequate": "amber", "concern": "red"}


def colour_kind_frameworks(apps) -> None:
    """Give the stop and search and use of force categories their colours, leaving any
    colour an admin has chosen since."""
    OutcomeCategory = apps.get_model("panels", "OutcomeCategory")
    for code, colour in RAG.items():
        OutcomeCategory.objects.filter(
            framework__slug__in=KIND_FRAMEWORK_SLUGS, code=code, colour=""
        ).update(colour=colour)


def mark_panel_decision_only(apps) -> None:
    OutcomeCategory = apps.get_model("panels", "OutcomeCategory")
    for framework, codes in PANEL_DECISION_ONLY.items():
        OutcomeCategory.objects.filter(framework__slug=framework, code__in=codes).update(
            panel_decision_only=True
        )


def assign_themes(apps, only=None) -> None:
    """Give each seeded theme to its frameworks (those in `only`, if given). Adds, never
    removes: a theme an admin gave to another framework stays there."""
    Framework = apps.get_model("panels", "Framework")
    Theme = apps.get_model("panels", "Theme")
    slugs = [s for s in ALL_FRAMEWORKS if only is None or s in only]
    frameworks = {f.slug: f for f in Framework.objects.filter(slug__in=slugs)}
    for theme in Theme.objects.filter(slug__in=THEME_FRAMEWORKS):
        theme.frameworks.add(
            *(frameworks[s] for s in THEME_FRAMEWORKS[theme.slug] if s in frameworks)
        )


def _has_field(apps, model: str, name: str) -> bool:
    return any(f.name == name for f in apps.get_model("panels", model)._meta.get_fields())


def _model(apps, name: str):
    try:
        return apps.get_model("panels", name)
    except LookupError:
        return None  # an early migration, before the model existed


def _seed_framework(apps, spec: dict, criteria) -> None:
    """Create or refresh one framework, its categories, groups and criteria."""
    framework, _ = apps.get_model("panels", "Framework").objects.update_or_create(
        slug=spec["slug"],
        defaults={
            "name": spec["name"],
            "kind": spec["kind"],
            "description": spec["description"],
            "criteria_heading": spec["criteria_heading"],
        },
    )
    for position, (code, label, short, reasons, inconclusive) in enumerate(
        spec["categories"], start=1
    ):
        framework.categories.update_or_create(
            code=code,
            defaults={
                "position": position,
                "label": label,
                "short_label": short,
                "requires_reasons": reasons,
                "is_inconclusive": inconclusive,
            },
        )
    groups = _seed_groups(apps, framework, spec.get("groups", ()))
    for position, criterion in enumerate(criteria, start=1):
        code, label, *rest = criterion
        defaults = {"position": position, "label": label, "guidance": rest[0] if rest else ""}
        if len(rest) > 1 and rest[1] in groups:
            defaults["group"] = groups[rest[1]]
        framework.criteria.update_or_create(code=code, defaults=defaults)


def _seed_groups(apps, framework, groups) -> dict:
    if not groups or _model(apps, "CriterionGroup") is None:
        return {}
    return {
        code: framework.criterion_groups.update_or_create(
            code=code, defaults={"position": position, "label": label}
        )[0]
        for position, (code, label) in enumerate(groups, start=1)
    }


def point_at_record_kinds(apps) -> None:
    """Point each seeded framework at the record kind its panels review.

    A framework moves only from the out of court resolution, the kind every framework had
    before kinds were data, and only while no meeting of its panels has a case of another
    kind on its agenda: a Victims' Code panel that has already reviewed out of court
    resolution records keeps that kind, so those case papers keep their fields. An admin's
    choice of another kind is never undone.
    """
    Framework = apps.get_model("panels", "Framework")
    ReviewedCase = apps.get_model("panels", "ReviewedCase")
    kinds = dict(apps.get_model("cases", "RecordKind").objects.values_list("code", "pk"))
    before = kinds.get("oocr")
    for spec, _criteria in [*FRAMEWORKS, *KIND_FRAMEWORKS]:
        kind = kinds.get(spec["record_kind"])
        framework = Framework.objects.filter(slug=spec["slug"]).first()
        if kind is None or framework is None or framework.record_kind_id != before:
            continue
        on_agendas = ReviewedCase.objects.filter(meeting__panel__framework=framework)
        if kind != before and not on_agendas.exclude(case__kind_id=kind).exists():
            framework.record_kind_id = kind
            framework.save(update_fields=["record_kind"])


def seed(apps) -> None:
    """Create or refresh the reference rows; `apps` is a migration or the global registry."""
    Theme = apps.get_model("panels", "Theme")
    has_kinds = _has_field(apps, "Framework", "record_kind")
    # The community scrutiny frameworks need their record kinds, so arrive with them
    # (migration 0012); earlier migrations seed the first three.
    for spec, criteria in [*FRAMEWORKS, *(KIND_FRAMEWORKS if has_kinds else [])]:
        _seed_framework(apps, spec, criteria)
    for slug, name in THEMES:
        Theme.objects.update_or_create(slug=slug, defaults={"name": name})
    # Migrations before a field existed seed without it; the migration adding it marks them.
    if _has_field(apps, "OutcomeCategory", "is_adverse"):
        mark_adverse(apps)
    if _has_field(apps, "OutcomeCategory", "panel_decision_only"):
        mark_panel_decision_only(apps)
    if _has_field(apps, "Theme", "frameworks"):
        assign_themes(apps)
    if has_kinds:
        point_at_record_kinds(apps)
    if _has_field(apps, "OutcomeCategory", "colour"):
        colour_kind_frameworks(apps)
    if _has_field(apps, "Framework", "name_cy"):
        seed_welsh(apps)


def seed_welsh(apps) -> None:
    """The seeded frameworks' and themes' Welsh (panels.reference_welsh)."""
    reference_welsh.seed_welsh(
        apps,
        frameworks=[*FRAMEWORKS, *KIND_FRAMEWORKS],
        themes=dict([*THEMES, *KIND_THEMES]),
    )


def seed_kind_frameworks(apps) -> None:
    """Migration 0012 on a database already in use: add the community scrutiny frameworks
    and their themes where nothing of that slug or name exists, and point every seeded
    framework at its kind. Never rewrites what admins may have edited since."""
    Framework = apps.get_model("panels", "Framework")
    Theme = apps.get_model("panels", "Theme")
    for spec, criteria in KIND_FRAMEWORKS:
        taken = Framework.objects.filter(slug=spec["slug"]) | Framework.objects.filter(
            name=spec["name"]
        )
        if not taken.exists():
            _seed_framework(apps, spec, criteria)
    for slug, name in KIND_THEMES:
        if not (Theme.objects.filter(slug=slug) | Theme.objects.filter(name=name)).exists():
            Theme.objects.create(slug=slug, name=name)
    mark_adverse(apps, only=KIND_FRAMEWORK_SLUGS)
    assign_themes(apps, only=KIND_FRAMEWORK_SLUGS)
    point_at_record_kinds(apps)
