"""The accountability rows in the admin, for reading: every change goes through the
services, so the admin is not a second door around their rules (a decision's previous
decision, a follow-up's date, questions sent to the force)."""

from django.contrib import admin

from core.admin import ReadOnlyAdmin, ReadOnlyInline, StatusHistoryInline

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
class TopicAdmin(ReadOnlyAdmin):
    list_display = ["title", "force", "created_at"]
    list_filter = ["force"]


class StatusChangeInline(StatusHistoryInline):
    model = ScrutinyMeetingStatusChange


class QuestionInline(ReadOnlyInline):
    model = Question
    fields = readonly_fields = ["number", "topic", "text", "due_date", "sent_at"]


@admin.register(ScrutinyMeeting)
class ScrutinyMeetingAdmin(ReadOnlyAdmin):
    list_display = ["date", "force", "theme", "status"]
    list_filter = ["status", "force"]
    inlines = [QuestionInline, StatusChangeInline]


@admin.register(Question)
class QuestionAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "number", "topic", "due_date", "sent_at"]


@admin.register(QuestionAnswer)
class QuestionAnswerAdmin(ReadOnlyAdmin):
    list_display = ["question", "submitted_by", "submitted_at"]


@admin.register(EvidenceDocument)
class EvidenceDocumentAdmin(ReadOnlyAdmin):
    list_display = ["title", "answer", "page_count", "uploaded_by", "uploaded_at"]
    exclude = ["stored_name"]


@admin.register(EvidenceSummary)
class EvidenceSummaryAdmin(ReadOnlyAdmin):
    list_display = ["question", "written_by", "updated_at"]


@admin.register(TopicDecision)
class TopicDecisionAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "topic", "level", "recorded_by", "recorded_at"]
    list_filter = ["level"]


@admin.register(OtherArea)
class OtherAreaAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "heading"]


@admin.register(ScrutinyAction)
class ScrutinyActionAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "number", "action"]


@admin.register(FollowUp)
class FollowUpAdmin(ReadOnlyAdmin):
    list_display = ["topic", "meeting", "due_date"]
