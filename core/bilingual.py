"""Welsh beside English: the pieces forms and services share (docs/adr/0017).

A translated field `label` reads as the active language's words; its English lives in
`label_en` (kept in step with the original column by every English write) and its Welsh
in `label_cy`. Pages that edit both write under English, so a Welsh-speaking user's
English box is still the English.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db.models import CharField, F
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.translation import gettext as _

WELSH = "cy"


def welsh_field(name: str) -> str:
    return f"{name}_{WELSH}"


def welsh_of(obj, name: str) -> str:
    return getattr(obj, welsh_field(name)) or ""


def english_of(obj, name: str) -> str:
    return getattr(obj, f"{name}_en") or ""


class InEnglish(str):
    """English words standing in, on a page in another language, for Welsh not written yet:
    `lang` says so, for the template to mark (the `marked` filter in core_tags)."""

    lang = "en-GB"


def in_welsh() -> bool:
    """Whether the page (the active language) is Welsh."""
    return (translation.get_language() or "en").split("-")[0] == WELSH


def by_words(name: str):
    """An ordering on a translated field as the page reads it: on a Welsh page by its
    Welsh, or by its English where it has none (ordering on the field itself would put
    every row without Welsh together); on an English page by its English."""
    if not in_welsh():
        return F(f"{name}_en").asc()
    return Coalesce(f"{name}_{WELSH}", f"{name}_en", output_field=CharField()).asc()


def shown(row, name: str) -> str:
    """`row.<name>` in the active language, for a presenter: on a Welsh page its Welsh, or
    its English as `InEnglish` while it has none; on an English page its English."""
    if not in_welsh():
        return english_of(row, name)
    return welsh_of(row, name) or InEnglish(english_of(row, name))


# The languages set for one piece of work (the demo publishing one report in Welsh too),
# over the deployment's PUBLISH_LANGUAGES.
_publishing_in: ContextVar[tuple[str, ...] | None] = ContextVar("publishing_in", default=None)


def publish_languages_setting() -> tuple[str, ...] | list[str] | str:
    """PUBLISH_LANGUAGES as set for this work, else as the deployment sets it."""
    chosen = _publishing_in.get()
    return chosen if chosen is not None else getattr(settings, "PUBLISH_LANGUAGES", ("en",))


@contextmanager
def publishing_in(*languages: str):
    """Publish in `languages` inside this block, whatever PUBLISH_LANGUAGES says."""
    token = _publishing_in.set(tuple(languages))
    try:
        yield
    finally:
        _publishing_in.reset(token)


def publishes_welsh() -> bool:
    """Whether publications go out in Welsh too (PUBLISH_LANGUAGES, or `publishing_in`)."""
    return WELSH in publish_languages_setting()


def english():
    """A context in which translated fields read and write their English."""
    return translation.override("en")


def mark_welsh_fields(form, names) -> None:
    """Label each `<name>_cy` field "<English label> (Welsh)", optional, its input in
    Welsh (`lang="cy"`), and start each English box from the English words."""
    instance = getattr(form, "instance", None)
    for name in names:
        field = form.fields.get(welsh_field(name))
        if field is None:
            continue
        english_label = form.fields[name].label if name in form.fields else name
        field.label = _("%(label)s (Welsh)") % {"label": english_label}
        field.required = False
        field.help_text = ""
        field.widget.attrs["lang"] = WELSH
        if instance is not None and instance.pk and name in form.fields and not form.is_bound:
            form.initial[name] = english_of(instance, name)


class KeepsUnsentWelsh:
    """For forms: a post without a Welsh field (a script or a page written before Welsh)
    leaves the Welsh as it is, rather than clearing it."""

    def clean(self):
        data = super().clean()
        for name in [n for n in data if n.endswith(f"_{WELSH}") and n not in self.data]:
            del data[name]
        return data


class EnglishCopiesHidden:
    """For the admin: the field itself is the English box, so the `<field>_en` copy
    django-modeltranslation adds is not shown beside it (two English boxes would each
    overwrite the other); the `<field>_cy` box is."""

    def get_exclude(self, request, obj=None):
        copies = [
            f.name
            for f in self.model._meta.fields
            if hasattr(f, "translated_field") and f.name.endswith("_en")
        ]
        return [*(super().get_exclude(request, obj) or []), *copies]
