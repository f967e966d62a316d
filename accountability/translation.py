"""The accountability texts the published notes show, with a Welsh version beside the
English (docs/adr/0017): OPCC staff write both. The actions' wording is the panels'
Action's (panels/translation.py); the force's answers are not published, so they have
none."""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    EvidenceSummary,
    FollowUp,
    OtherArea,
    Question,
    ScrutinyMeeting,
    Topic,
    TopicDecision,
)


@register(Topic)
class TopicWording(TranslationOptions):
    fields = ("title",)
    # A force's titles are unique in each language: a blank Welsh title is stored as
    # nothing, so topics without their Welsh do not collide.
    empty_values = {"title": None}


@register(ScrutinyMeeting)
class MeetingWording(TranslationOptions):
    fields = ("theme",)


@register(Question)
class QuestionWording(TranslationOptions):
    fields = ("text",)


@register(EvidenceSummary)
class SummaryWording(TranslationOptions):
    fields = ("text",)


@register(TopicDecision)
class DecisionWording(TranslationOptions):
    fields = ("rationale",)


@register(OtherArea)
class OtherAreaWording(TranslationOptions):
    fields = ("heading", "text")


@register(FollowUp)
class FollowUpWording(TranslationOptions):
    fields = ("text",)
