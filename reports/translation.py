"""The report text that carries a Welsh version beside the English (docs/adr/0017)."""

from modeltranslation.translator import TranslationOptions, register

from .models import ReportSection, StandingText


@register(ReportSection)
class SectionWording(TranslationOptions):
    fields = ("heading", "body")


@register(StandingText)
class StandingWording(TranslationOptions):
    fields = ("heading", "body")
