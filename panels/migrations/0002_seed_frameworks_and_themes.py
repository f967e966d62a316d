from django.db import migrations

from panels.reference_data import FRAMEWORKS, THEMES


def seed(apps, schema_editor):
    Framework = apps.get_model("panels", "Framework")
    Theme = apps.get_model("panels", "Theme")
    for spec, criteria in FRAMEWORKS:
        framework, _ = Framework.objects.update_or_create(
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
        for position, criterion in enumerate(criteria, start=1):
            code, label, *guidance = criterion
            framework.criteria.update_or_create(
                code=code,
                defaults={
                    "position": position,
                    "label": label,
                    "guidance": guidance[0] if guidance else "",
                },
            )
    for slug, name in THEMES:
        Theme.objects.update_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("panels", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
