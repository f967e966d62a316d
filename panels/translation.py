"""The panels' wording that carries a Welsh version beside the English (docs/adr/0017).

django-modeltranslation finds this module and adds a `<field>_cy` (and `<field>_en`) column
for each field named here; reading the field gives the active language's words, or the
English while the Welsh is blank.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    Action,
    ActionResponse,
    Criterion,
    CriterionGroup,
    Framework,
    Meeting,
    Observation,
    OutcomeCategory,
    Panel,
    Theme,
)


@register(Framework)
class FrameworkWording(TranslationOptions):
    fields = ("name", "description", "criteria_heading")
    # Names are unique: a blank Welsh name is stored as nothing, not as "" twice.
    empty_values = {"name": None}


@register(OutcomeCategory)
class CategoryWording(TranslationOptions):
    fields = ("label", "short_label", "description", "chart_label")


@register(CriterionGroup)
class GroupWording(TranslationOptions):
    fields = ("label", "description")


@register(Criterion)
class CriterionWording(TranslationOptions):
    fields = ("label", "guidance")


@register(Theme)
class ThemeWording(TranslationOptions):
    fields = ("name",)
    empty_values = {"name": None}


@register(Panel)
class PanelWording(TranslationOptions):
    fields = ("name", "organisation", "public_description")
    # Names are unique: a blank Welsh name is stored as nothing, not as "" twice.
    empty_values = {"name": None}


@register(Observation)
class ObservationWording(TranslationOptions):
    fields = ("text",)


@register(Action)
class ActionWording(TranslationOptions):
    fields = ("description", "owner")


@register(Meeting)
class MeetingWording(TranslationOptions):
    # The English theme stays the key (a report's slug, kept background, support services,
    # the draw's offence categories): read it with core.bilingual.english_of.
    fields = ("theme",)


@register(ActionResponse)
class ResponseWording(TranslationOptions):
    # The force writes its English; its Welsh is the force's or OPCC staff's, published on
    # the Welsh pages beside the action.
    fields = ("text",)
