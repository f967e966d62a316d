"""A meeting's record for the panel's own files: ratings, decisions, notes and actions, as
CSV, XLSX or JSON through django-import-export. Export only, after the reveal, with every
cell a spreadsheet could run as a formula neutralised."""

from import_export import fields, resources
from import_export.formats.base_formats import CSV, JSON, XLSX

from cases.resources import SafeExportMixin

from ..enums import RatingStatus
from ..models import Action, Decision, Meeting, Observation, Rating

FORMATS = {"csv": CSV, "xlsx": XLSX, "json": JSON}


def _field(attribute: str | None, heading: str) -> fields.Field:
    return fields.Field(attribute=attribute, column_name=heading)


class MeetingResource(SafeExportMixin, resources.ModelResource):
    """One table of one meeting's record; `labels` names voting members as the page does."""

    def __init__(self, *, meeting: Meeting, labels: dict[int, str] | None = None):
        super().__init__()
        self.meeting, self.labels = meeting, labels or {}

    @staticmethod
    def names(themes) -> str:
        return "; ".join(t.name for t in themes.all())


class RatingResource(MeetingResource):
    case = _field("reviewed_case__position", "Case")
    reference = _field("reviewed_case__case__reference", "Reference")
    member = _field(None, "Member")
    agency = _field(None, "Agency")
    category = _field("category__label", "Category")
    reasons = _field("reasons", "Reasons")
    themes = _field(None, "Themes")
    criteria = _field(None, "Criteria")
    submitted_at = _field("submitted_at", "Submitted at")

    class Meta:
        model = Rating
        # A meeting's ratings (cases x members: a few hundred) in one page of queries,
        # not a fresh round of them for every hundred ratings.
        chunk_size = 2_000
        fields = (
            "case",
            "reference",
            "member",
            "agency",
            "category",
            "reasons",
            "themes",
            "criteria",
            "submitted_at",
        )

    def get_queryset(self):
        return (
            Rating.objects.filter(
                reviewed_case__meeting=self.meeting, status=RatingStatus.SUBMITTED
            )
            .select_related("reviewed_case__case", "category", "membership")
            .prefetch_related("themes", "assessments__criterion")
            .order_by("reviewed_case__position", "membership_id")
        )

    def dehydrate_member(self, rating):
        return self.labels.get(rating.membership_id, "Member")

    def dehydrate_agency(self, rating):
        return "" if self.meeting.anonymous_reveal else rating.membership.get_agency_display()

    def dehydrate_themes(self, rating):
        return self.names(rating.themes)

    def dehydrate_criteria(self, rating):
        return "; ".join(
            f"{a.criterion.label}: {a.get_value_display()}" + (f" ({a.note})" if a.note else "")
            for a in rating.assessments.all()
        )


class DecisionResource(MeetingResource):
    case = _field("reviewed_case__position", "Case")
    reference = _field("reviewed_case__case__reference", "Reference")
    category = _field("category__label", "Decision")
    reasons = _field("reasons", "Reasons")
    information_requested = _field("information_requested", "Information requested")
    themes = _field(None, "Themes")
    majority = _field("majority_category__label", "Members' majority")
    differs = _field("differs_from_majority", "Differs from the majority")

    class Meta:
        model = Decision
        fields = (
            "case",
            "reference",
            "category",
            "reasons",
            "information_requested",
            "themes",
            "majority",
            "differs",
        )

    def get_queryset(self):
        return (
            Decision.objects.filter(reviewed_case__meeting=self.meeting)
            .select_related("reviewed_case__case", "category", "majority_category")
            .prefetch_related("themes")
            .order_by("reviewed_case__position")
        )

    def dehydrate_themes(self, decision):
        return self.names(decision.themes)


class ObservationResource(MeetingResource):
    kind = _field("kind", "Kind")
    text = _field("text", "Note")
    public = _field("is_public", "In the published findings")
    case = _field("reviewed_case__position", "Case")
    themes = _field(None, "Themes")

    class Meta:
        model = Observation
        fields = ("kind", "text", "public", "case", "themes")

    def get_queryset(self):
        return self.meeting.observations.select_related("reviewed_case").prefetch_related("themes")

    def dehydrate_themes(self, observation):
        return self.names(observation.themes)


class ActionResource(MeetingResource):
    description = _field("description", "Action")
    owner = _field("owner", "Owner")
    due_date = _field("due_date", "Due")
    status = _field("status", "Status")
    force_response = _field("force_response", "Response")
    responded_at = _field("responded_at", "Response received")
    follow_up_date = _field("follow_up_date", "Follow up on")

    class Meta:
        model = Action
        fields = (
            "description",
            "owner",
            "due_date",
            "status",
            "force_response",
            "responded_at",
            "follow_up_date",
        )

    def get_queryset(self):
        return self.meeting.actions.all()


TABLES = {
    "ratings": RatingResource,
    "decisions": DecisionResource,
    "notes": ObservationResource,
    "actions": ActionResource,
}


def export_meeting(*, meeting: Meeting, table: str, fmt: str, labels: dict[int, str]):
    """(content, content type) of one table of the meeting in one format."""
    resource = TABLES[table](meeting=meeting, labels=labels)
    dataset = resource.export()
    file_format = FORMATS[fmt]()
    return file_format.export_data(dataset), file_format.get_content_type()
