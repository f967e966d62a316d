from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError

from core.admin import (
    ListedFiltersOnly,
    NoDeleteAdmin,
    ReadOnlyAdmin,
    ReadOnlyInline,
    StatusHistoryInline,
)
from core.bilingual import EnglishCopiesHidden

from .enums import MeetingStatus
from .frameworks import services as framework_services
from .meetings.services import meeting_move
from .models import (
    Action,
    ConflictDeclaration,
    Criterion,
    CriterionAssessment,
    CriterionGroup,
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
from .permissions import REVEALED, by_rule, can_see_rating_content


class HistorySafeForm(forms.ModelForm):
    """Refuses what the framework pages refuse (docs/adr/0009 and 0012): a used part keeps
    its code and meaning; a rated category cannot become panel decision only."""

    def clean(self):
        cleaned = super().clean()
        model = type(self.instance)
        if self.instance.pk is None:
            return cleaned
        current = model.objects.get(pk=self.instance.pk)
        editable = framework_services.EDITABLE[model]
        values = {f: cleaned[f] for f in editable if f in cleaned and f in self.changed_data}
        for field, reason in framework_services.refusals(current, values).items():
            self.add_error(field if field in self.fields else None, reason)
        return cleaned


CATEGORY_FIELDS = [
    "position",
    "code",
    "label",
    "short_label",
    "requires_reasons",
    "is_inconclusive",
    "is_adverse",
    "panel_decision_only",
]


class OutcomeCategoryInline(admin.TabularInline):
    can_delete = False
    model = OutcomeCategory
    form = HistorySafeForm
    extra = 0
    fields = CATEGORY_FIELDS


class CriterionGroupInline(admin.TabularInline):
    can_delete = False
    model = CriterionGroup
    form = HistorySafeForm
    extra = 0
    fields = ["position", "code", "label", "description"]


class CriterionInline(admin.TabularInline):
    can_delete = False
    model = Criterion
    form = HistorySafeForm
    extra = 0
    fields = ["position", "code", "label", "group", "guidance"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "group":
            # Only the groups of the framework being edited.
            framework_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = CriterionGroup.objects.filter(framework_id=framework_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Framework)
class FrameworkAdmin(EnglishCopiesHidden, NoDeleteAdmin):
    form = HistorySafeForm
    list_display = ["name", "kind", "slug", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "slug"]
    inlines = [OutcomeCategoryInline, CriterionGroupInline, CriterionInline]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "record_kind":
            # The kind's default is a query, which Django marks with a hidden "initial"
            # input carrying the help text's aria reference; and a required list starts
            # with a prompt, not a kind, so nothing is chosen by accident.
            field.show_hidden_initial = False
            field.empty_label = "Choose a kind of record"
        return field


@admin.register(OutcomeCategory)
class OutcomeCategoryAdmin(EnglishCopiesHidden, NoDeleteAdmin):
    form = HistorySafeForm
    list_display = [
        "label",
        "framework",
        "position",
        "requires_reasons",
        "is_inconclusive",
        "panel_decision_only",
    ]
    list_filter = ["framework", "is_inconclusive", "panel_decision_only"]
    search_fields = ["label", "code"]


@admin.register(Criterion)
class CriterionAdmin(EnglishCopiesHidden, NoDeleteAdmin):
    form = HistorySafeForm
    list_display = ["label", "framework", "group", "position"]
    list_filter = ["framework"]
    search_fields = ["label", "code"]


class ThemeAdminForm(forms.ModelForm):
    """A theme history on a framework's panels uses stays with that framework (ADR 12)."""

    class Meta:
        model = Theme
        fields = ["name", "name_cy", "slug", "is_active", "frameworks"]
        widgets = {"frameworks": forms.CheckboxSelectMultiple}

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None or "frameworks" not in cleaned:
            return cleaned
        kept = set(cleaned["frameworks"])
        for framework in self.instance.frameworks.all():
            if framework not in kept:
                for reason in framework_services.theme_removal_refusals(
                    framework=framework, removed=[self.instance]
                ):
                    self.add_error("frameworks", f"{framework.name}: {reason}")
        return cleaned


@admin.register(Theme)
class ThemeAdmin(NoDeleteAdmin):
    form = ThemeAdminForm
    list_display = ["name", "slug", "is_active"]
    list_filter = ["is_active", "frameworks"]
    search_fields = ["name"]


SELF_MEMBERSHIP = "You cannot add yourself to a panel. Ask another administrator."


def _no_self_membership(request):
    """A form check that refuses a membership for the person saving it: nobody but a
    superuser gives themselves access to a panel's case papers."""

    def clean(form):
        cleaned = forms.ModelForm.clean(form)
        user = cleaned.get("user")
        if user is not None and user == request.user and not request.user.is_superuser:
            form.add_error("user", SELF_MEMBERSHIP)
        return cleaned

    return clean


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    # Set by the invitation and membership services, not typed in.
    readonly_fields = ["invited_at", "ended_on", "version"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.clean = _no_self_membership(request)
        return formset


@admin.register(Panel)
class PanelAdmin(EnglishCopiesHidden, admin.ModelAdmin):
    list_display = ["name", "framework", "force", "age_group", "is_active"]
    list_filter = ["framework", "force", "age_group", "is_active"]
    search_fields = ["name", "organisation"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    readonly_fields = ["invited_at", "ended_on", "version"]
    list_display = ["user", "panel", "role", "agency", "is_voting", "is_active"]
    list_filter = ["panel", "role", "agency", "is_voting", "is_active"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.clean = _no_self_membership(request)
        return form


class MeetingStatusChangeInline(StatusHistoryInline):
    model = MeetingStatusChange


def _move_meetings(modeladmin, request, queryset, to: str):
    """The same service as the meeting's own pages, with the same rules."""
    for meeting in queryset:
        try:
            meeting_move(meeting=meeting, to=to, by=request.user)
        except PermissionDenied:
            modeladmin.message_user(request, f"{meeting}: you cannot move it.", messages.ERROR)
        except ValidationError as exc:
            modeladmin.message_user(request, f"{meeting}: {exc.messages[0]}", messages.ERROR)
        else:
            modeladmin.message_user(request, f"{meeting}: now {meeting.get_status_display()}.")


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    """Meetings are planned, changed and moved on their own pages, by their services'
    rules; here they are read, and moved only through the same service."""

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
class ReviewedCaseAdmin(ReadOnlyAdmin):
    """Cases join an agenda only through the draw or `agenda_add_case`, which take them
    out of the pool; an admin form would leave them there for another draw."""

    list_display = ["meeting", "position", "case", "source"]
    list_filter = ["source", "meeting__panel"]
    search_fields = ["case__reference"]


@admin.register(ConflictDeclaration)
class ConflictDeclarationAdmin(ListedFiltersOnly, ReadOnlyAdmin):
    """A member describes a conflict for the chair and OPCC staff: others here see that
    one was declared, not what it is."""

    list_display = ["reviewed_case", "membership", "has_conflict", "declared_at", "superseded_at"]
    list_filter = ["has_conflict"]

    def get_fields(self, request, obj=None):
        fields = ["reviewed_case", "membership", "has_conflict", "declared_by", "declared_at"]
        fields.append("superseded_at")
        if obj is not None and by_rule(
            "panels.view_rating_progress", request.user, obj.reviewed_case.meeting
        ):
            fields.insert(3, "details")
        return fields

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)


class CriterionAssessmentInline(ReadOnlyInline):
    model = CriterionAssessment
    fields = readonly_fields = ["criterion", "value", "note"]


HIDDEN = "Hidden until the reveal"


@admin.register(Rating)
class RatingAdmin(ListedFiltersOnly, ReadOnlyAdmin):
    """A rating's content is blind until the meeting's reveal, here as on every page:
    the admin asks the same rule (`panels.view_rating_content`)."""

    list_filter = ["status"]
    content_fields = ["category", "reasons", "themes"]

    def get_list_display(self, request):
        @admin.display(description="category")
        def category(obj):
            if not can_see_rating_content(request.user, obj):
                return HIDDEN
            return obj.category.label if obj.category else "Not chosen"

        return ["reviewed_case", "membership", category, "status", "version", "submitted_at"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related(
                "category", "reviewed_case__meeting", "membership__user", "reviewed_case__case"
            )
        )

    def get_fields(self, request, obj=None):
        fields = ["reviewed_case", "membership", "status", "version", "created_at", "updated_at"]
        fields += ["submitted_at"]
        if obj is not None and can_see_rating_content(request.user, obj):
            fields += self.content_fields
        return fields

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    def get_inlines(self, request, obj):
        if obj is not None and can_see_rating_content(request.user, obj):
            return [CriterionAssessmentInline]
        return []


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    """The panel's decisions are recorded in its discussion, after the reveal, and carry the
    members' majority: one on a meeting that has not reached the reveal is not shown."""

    list_display = ["reviewed_case", "category", "recorded_by", "recorded_at"]
    list_filter = ["category", "themes"]
    search_fields = ["reasons", "reviewed_case__case__reference"]

    def get_queryset(self, request):
        revealed = super().get_queryset(request).filter(reviewed_case__meeting__status__in=REVEALED)
        return revealed.select_related(
            "reviewed_case__case", "reviewed_case__meeting__panel", "category", "recorded_by"
        )


@admin.register(Observation)
class ObservationAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "kind", "text"]
    list_filter = ["kind", "themes"]
    search_fields = ["text"]


@admin.register(Action)
class ActionAdmin(ReadOnlyAdmin):
    list_display = ["description", "meeting", "force", "owner", "due_date", "status"]
    list_filter = ["status", "owner"]
    search_fields = ["description", "owner", "force_response"]


@admin.register(SampleDraw)
class SampleDrawAdmin(admin.ModelAdmin):
    list_display = ["meeting", "drawn_at", "drawn_by", "pool_size", "sample_size", "seed"]
    readonly_fields = [f.name for f in SampleDraw._meta.fields]

    def has_add_permission(self, request):
        return False
