from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from core.admin import StatusHistoryInline

from .enums import MeetingStatus
from .models import (
    Action,
    ConflictDeclaration,
    Criterion,
    CriterionAssessment,
    Decision,
    Framework,
    Meeting,
    MeetingStatusChange,
    Membership,
    Observation,
    OutcomeCategory,
    Panel,
    Rating,
    ReviewedCase,
    SampleDraw,
    Theme,
)
from .workflow import meeting_transition


class OutcomeCategoryInline(admin.TabularInline):
    model = OutcomeCategory
    extra = 0
    fields = ["position", "code", "label", "short_label", "requires_reasons", "is_inconclusive"]


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ["position", "code", "label", "guidance"]


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "slug", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "slug"]
    inlines = [OutcomeCategoryInline, CriterionInline]


@admin.register(OutcomeCategory)
class OutcomeCategoryAdmin(admin.ModelAdmin):
    list_display = ["label", "framework", "position", "requires_reasons", "is_inconclusive"]
    list_filter = ["framework", "is_inconclusive"]
    search_fields = ["label", "code"]


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["label", "framework", "position"]
    list_filter = ["framework"]
    search_fields = ["label", "code"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(Panel)
class PanelAdmin(admin.ModelAdmin):
    list_display = ["name", "framework", "force", "age_group", "is_active"]
    list_filter = ["framework", "force", "age_group", "is_active"]
    search_fields = ["name", "organisation"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "panel", "role", "agency", "is_voting", "is_active"]
    list_filter = ["panel", "role", "agency", "is_voting", "is_active"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]


class MeetingStatusChangeInline(StatusHistoryInline):
    model = MeetingStatusChange


def _move_meetings(modeladmin, request, queryset, to: str):
    for meeting in queryset:
        try:
            meeting_transition(meeting=meeting, to=to, by=request.user)
        except ValidationError as exc:
            modeladmin.message_user(request, f"{meeting}: {exc.messages[0]}", messages.ERROR)
        else:
            modeladmin.message_user(request, f"{meeting}: now {meeting.get_status_display()}.")


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["panel", "date", "theme", "status", "rating_deadline"]
    list_filter = ["status", "panel"]
    search_fields = ["theme", "panel__name"]
    date_hierarchy = "date"
    readonly_fields = ["status"]
    inlines = [MeetingStatusChangeInline]
    actions = ["open_for_rating", "start_discussion", "close_meeting"]

    @admin.action(description="Open selected meetings for rating")
    def open_for_rating(self, request, queryset):
        _move_meetings(self, request, queryset, MeetingStatus.RATING_OPEN)

    @admin.action(description="Start discussion (reveal ratings)")
    def start_discussion(self, request, queryset):
        _move_meetings(self, request, queryset, MeetingStatus.IN_DISCUSSION)

    @admin.action(description="Close selected meetings")
    def close_meeting(self, request, queryset):
        _move_meetings(self, request, queryset, MeetingStatus.CLOSED)


@admin.register(ReviewedCase)
class ReviewedCaseAdmin(admin.ModelAdmin):
    list_display = ["meeting", "position", "case", "source"]
    list_filter = ["source", "meeting__panel"]
    search_fields = ["case__reference"]
    raw_id_fields = ["case", "carried_over_from", "draw"]


@admin.register(ConflictDeclaration)
class ConflictDeclarationAdmin(admin.ModelAdmin):
    list_display = ["reviewed_case", "membership", "has_conflict", "declared_at"]
    list_filter = ["has_conflict"]


class CriterionAssessmentInline(admin.TabularInline):
    model = CriterionAssessment
    extra = 0


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["reviewed_case", "membership", "category", "status", "submitted_at"]
    list_filter = ["status", "category__framework"]
    inlines = [CriterionAssessmentInline]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["reviewed_case", "category", "recorded_by", "recorded_at"]
    list_filter = ["category", "themes"]
    search_fields = ["reasons", "reviewed_case__case__reference"]
    filter_horizontal = ["themes"]


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin):
    list_display = ["meeting", "kind", "text"]
    list_filter = ["kind", "themes"]
    search_fields = ["text"]
    filter_horizontal = ["themes"]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["description", "meeting", "owner", "due_date", "status"]
    list_filter = ["status", "owner"]
    search_fields = ["description", "owner", "force_response"]


@admin.register(SampleDraw)
class SampleDrawAdmin(admin.ModelAdmin):
    list_display = ["meeting", "drawn_at", "drawn_by", "pool_size", "sample_size", "seed"]
    readonly_fields = [f.name for f in SampleDraw._meta.fields]

    def has_add_permission(self, request):
        return False
