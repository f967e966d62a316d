"""Record kinds' wording that carries a Welsh version beside the English (docs/adr/0017).

django-modeltranslation finds this module and adds a `<field>_cy` (and `<field>_en`) column
for each field named here; reading the field gives the active language's words, or the
English while the Welsh is blank. A choice's Welsh is kept in the field's choices, as the
choice's `label_cy` (RecordField.choice_labels). Codes and the English stay the keys: an
extract's headings, a dictionary's lines and every filter match on them.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import RecordField, RecordKind, RecordSection


@register(RecordKind)
class KindWording(TranslationOptions):
    fields = ("name", "description", "date_label", "facts_label")
    # Names are unique: a blank Welsh name is stored as nothing, not as "" twice.
    empty_values = {"name": None}


@register(RecordSection)
class SectionWording(TranslationOptions):
    fields = ("name",)
    # A section's name, and a field's label, are unique within the kind in each language.
    empty_values = {"name": None}


@register(RecordField)
class FieldWording(TranslationOptions):
    fields = ("label", "help")
    empty_values = {"label": None}
