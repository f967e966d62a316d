"""The seeded record kinds, kept free of model imports so migrations can use them.

Each kind is a dict: code, name, description, date_label, facts_label and `sections`, a list
of (section name, [field, …]); a field is a dict with code, label, type and, where they
apply, choices [(code, label), …], required, filterable, help, column and aliases.
Seeding creates what is missing and never overwrites: a data admin's rewording stays.
"""

from .oocr import OOCR, OOCR_CODE
from .stop_search import STOP_SEARCH, STOP_SEARCH_CODE
from .use_of_force import USE_OF_FORCE, USE_OF_FORCE_CODE
from .vcop import VCOP, VCOP_CODE

KINDS = [OOCR, VCOP, STOP_SEARCH, USE_OF_FORCE]

__all__ = [
    "KINDS",
    "OOCR",
    "OOCR_CODE",
    "STOP_SEARCH",
    "STOP_SEARCH_CODE",
    "USE_OF_FORCE",
    "USE_OF_FORCE_CODE",
    "VCOP",
    "VCOP_CODE",
    "seed_kinds",
]


def _english(model, defaults: dict) -> dict:
    """`defaults` with each translated field's English copy (`<name>_en`) too, when `model`
    is a historical one that has those columns but knows nothing of their registration;
    and no Welsh, which the Welsh columns would otherwise start as the English field's
    default ("Date", "Facts")."""
    names = {f.name for f in model._meta.get_fields()}
    copies = {f"{k}_en": v for k, v in defaults.items() if f"{k}_en" in names}
    welsh = {f"{k}_cy": None for k in defaults if f"{k}_cy" in names}
    historical = model.__module__ == "__fake__"
    return {**defaults, **welsh, **(copies if historical else {})}


def seed_kinds(apps, kinds=None) -> None:
    RecordKind = apps.get_model("cases", "RecordKind")
    RecordSection = apps.get_model("cases", "RecordSection")
    RecordField = apps.get_model("cases", "RecordField")
    for spec in kinds or KINDS:
        kind, _ = RecordKind.objects.get_or_create(
            code=spec["code"],
            defaults=_english(
                RecordKind,
                {
                    "name": spec["name"],
                    "description": spec.get("description", ""),
                    "date_label": spec.get("date_label", "Date"),
                    "facts_label": spec.get("facts_label", "Facts"),
                },
            ),
        )
        position = 0
        for section_position, (section_name, fields) in enumerate(spec["sections"], start=1):
            section, _ = RecordSection.objects.get_or_create(
                kind=kind,
                name=section_name,
                defaults=_english(
                    RecordSection, {"name": section_name, "position": section_position}
                ),
            )
            for field in fields:
                position += 1
                RecordField.objects.get_or_create(
                    kind=kind,
                    code=field["code"],
                    defaults=_english(
                        RecordField,
                        {
                            "section": section,
                            "position": position,
                            "label": field["label"],
                            "type": field["type"],
                            "choices": [
                                {"code": code, "label": label}
                                for code, label in field.get("choices", ())
                            ],
                            "required": field.get("required", False),
                            "filterable": field.get("filterable", False),
                            "help": field.get("help", ""),
                            "aliases": list(field.get("aliases", ())),
                            "column": field.get("column", ""),
                        },
                    ),
                )
    if any(f.name == "label_cy" for f in RecordField._meta.get_fields()):
        from .seed_welsh import seed_kinds_welsh

        seed_kinds_welsh(apps, kinds or KINDS)
