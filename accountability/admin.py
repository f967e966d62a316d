"""The accountability rows in the admin, for reading: every change goes through the
services, so the admin is not a second door around their rules (a decision's previous
decision, a follow-up's date, questions sent to the force). A text with a Welsh version
shows the English and the Welsh, not modeltranslation's copy of the English."""

from django.contrib import admin

from core.admin import ReadOnlyAdmin, ReadOnlyInline, StatusHistoryInline
from core.bilingual import EnglishCopiesHidden

from .models import (
    EvidenceDocument,
    EvidenceSummary,
    FollowUp,
    OtherArea,
    Question,
    QuestionAnswer,
    ScrutinyAction,
    ScrutinyMeeting,
    ScrutinyMeetingStatusChange,
    Topic,
    TopicDecision,
)


@admin.register(Topic)
class TopicAdmin(EnglishCopiesHidden, ReadOnlyAdmin):
    list_display = ["title", "force", "created_at"]
    list_filter = ["force"]


class StatusChangeInline(StatusHistoryInline):
    model = ScrutinyMeetingStatusChange


class QuestionInline(ReadOnlyInline):
    model = Question
    fields = readonly_fields = ["number", "topic", "text", "text_cy", "due_date", "sent_at"]


@admin.register(ScrutinyMeeting)
class ScrutinyMeetingAdmin(EnglishCopiesHidden, ReadOnlyAdmin):
    list_display = ["date", "force", "theme", "status"]
    list_filter = ["status", "force"]
    inlines = [QuestionInline, StatusChangeInline]


@admin.register(Question)
class QuestionAdmin(EnglishCopiesHidden, ReadOnlyAdmin):
    list_display = ["meeting", "number", "topic", "due_date", "sent_at"]


@admin.register(QuestionAnswer)
class QuestionAnswerAdmin(ReadOnlyAdmin):
    list_display = ["question", "submitted_by", "submitted_at"]


@admin.register(EvidenceDocument)
class EvidenceDocumentAdmin(ReadOnlyAdmin):
    list_display = ["title", "answer", "page_count", "uploaded_by", "uploaded_at"]
    exclude = ["stored_name"]


@admin.register(EvidenceSummary)
class EvidenceSummaryAdmin(EnglishCopiesHidden, ReadOnlyAdmin):
    list_display = ["question", "written_by", "updated_at"]


@admin.register(TopicDecision)
class TopicDecisionAdmin(EnglishCopiesHidden, ReadOnlyAdmin):
    list_display = ["meeting", "topic", "level", "recorded_by", "recorded_at"]
    list_filter = ["level"]


@admin.register(OtherArea)
class OtherAreaAdmin(EnglishCopiesHidden, ReadOnlyAdmin):
    list_display = ["meeting", "heading"]


@admin.register(ScrutinyAction)
class ScrutinyActionAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "number", "action"]


@admin.register(FollowUp)
class FollowUpAdmin(EnglishCopiesHidden, ReadOnlyAdmin):
    list_display = ["topic", "meeting", "due_date"]
