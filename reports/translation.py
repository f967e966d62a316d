"""The report text that carries a Welsh version beside the English (docs/adr/0017)."""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    FindingsReport,
    ForceFigure,
    ReasonBullet,
    ReportSection,
    StandingText,
    SupportService,
    ThemeBackground,
)


@register(ReportSection)
class SectionWording(TranslationOptions):
    fields = ("heading", "body")


@register(StandingText)
class StandingWording(TranslationOptions):
    fields = ("heading", "body")


@register(ThemeBackground)
class ThemeBackgroundWording(TranslationOptions):
    fields = ("heading", "body")


@register(ReasonBullet)
class BulletWording(TranslationOptions):
    fields = ("text",)


@register(FindingsReport)
class TitleWording(TranslationOptions):
    fields = ("title",)


@register(SupportService)
class SupportServiceWording(TranslationOptions):
    fields = ("name", "description", "link_text")
    # Names are unique: a blank Welsh name is stored as nothing, not as "" twice.
    empty_values = {"name": None}


@register(ForceFigure)
class ForceFigureWording(TranslationOptions):
    fields = ("measure", "source")
