"""The seeded record kinds' Welsh (cases.kind_data.welsh) written into their rows, wherever
the English is still as seeded and the Welsh is blank: a data admin's rewording keeps its
own (blank) Welsh rather than a translation of words it no longer has (docs/adr/0017).
No model imports: migrations use it with historical models."""

from .welsh import KINDS_CY
from .welsh_choices import CHOICES_CY

KIND_WORDS = ("name", "description", "date_label", "facts_label")


def _english(row, name: str) -> str:
    """The English of a translated field, from either kind of model: a historical model
    reads the original column; its `<name>_en` copy may not be written yet."""
    return getattr(row, f"{name}_en", None) or getattr(row, name) or ""


def _fill(row, pairs) -> None:
    changed = False
    for name, english, welsh in pairs:
        if welsh and _english(row, name) == english and not getattr(row, f"{name}_cy"):
            setattr(row, f"{name}_cy", welsh)
            changed = True
    if changed:
        row.save()


def welsh_choices(choices: list[dict], seeded: dict[str, str]) -> list[dict]:
    """`choices` with each choice's Welsh added where its label is still the seeded one
    (`seeded`: code → English label) and it has no Welsh yet."""
    filled = []
    for choice in choices:
        label = choice.get("label", "")
        welsh = CHOICES_CY.get(label)
        if welsh and not choice.get("label_cy") and seeded.get(choice.get("code")) == label:
            choice = {**choice, "label_cy": welsh}
        filled.append(choice)
    return filled


def seed_kinds_welsh(apps, kinds) -> None:
    RecordKind = apps.get_model("cases", "RecordKind")
    for spec in kinds:
        welsh = KINDS_CY.get(spec["code"])
        kind = RecordKind.objects.filter(code=spec["code"]).first()
        if welsh is None or kind is None:
            continue
        english = {"date_label": "Date", "facts_label": "Facts", "description": "", **spec}
        _fill(kind, [(name, english[name], welsh.get(name, "")) for name in KIND_WORDS])
        seeded = {f["code"]: f for _name, fields in spec["sections"] for f in fields}
        for section in kind.sections.all():
            name = _english(section, "name")
            _fill(section, [("name", name, welsh["sections"].get(name, ""))])
        for field in kind.fields.filter(code__in=seeded):
            spec_field = seeded[field.code]
            label, help_ = welsh["fields"].get(field.code, ("", ""))
            _fill(
                field,
                [
                    ("label", spec_field["label"], label),
                    ("help", spec_field.get("help", ""), help_),
                ],
            )
            choices = welsh_choices(field.choices, dict(spec_field.get("choices", ())))
            if choices != field.choices:
                field.choices = choices
                field.save(update_fields=["choices"])
