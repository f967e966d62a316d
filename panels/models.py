from django.conf import settings
from django.db import models

from cases.models import Case, Force
from core.models import StatusHistory, choice_constraint
from core.roles import is_data_admin, is_opcc_staff

from .enums import (
    ActionStatus,
    AgeGroup,
    Agency,
    Assessment,
    CaseSource,
    FrameworkKind,
    MeetingStatus,
    MembershipRole,
    ObservationKind,
    RatingStatus,
)
from .sample_filters import describe_filters


class Framework(models.Model):
    """A scrutiny framework: the outcome categories and criteria a panel rates against."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=10, choices=FrameworkKind.choices)
    description = models.TextField(blank=True)
    criteria_heading = models.CharField(
        max_length=120, default="Criteria", help_text="What the criteria are called, e.g. rights."
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [choice_constraint("framework", "kind", FrameworkKind)]

    def __str__(self) -> str:
        return self.name


class OutcomeCategory(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="categories")
    position = models.PositiveSmallIntegerField()
    code = models.SlugField(max_length=60)
    label = models.CharField(max_length=300)
    short_label = models.CharField(max_length=80)
    description = models.TextField(blank=True)
    requires_reasons = models.BooleanField(
        default=True, help_text="A rating or decision in this category must give reasons."
    )
    is_inconclusive = models.BooleanField(
        default=False, help_text="No conclusion: the case may be carried to a later meeting."
    )

    class Meta:
        ordering = ["framework", "position"]
        verbose_name_plural = "outcome categories"
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "position"], name="outcomecategory_position_unique"
            ),
            models.UniqueConstraint(
                fields=["framework", "code"], name="outcomecategory_code_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.label}"


class Criterion(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField()
    code = models.SlugField(max_length=60)
    label = models.CharField(max_length=300)
    guidance = models.TextField(blank=True)

    class Meta:
        ordering = ["framework", "position"]
        verbose_name_plural = "criteria"
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "position"], name="criterion_position_unique"
            ),
            models.UniqueConstraint(fields=["framework", "code"], name="criterion_code_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.label}"


class Theme(models.Model):
    """A tag for decisions and observations, e.g. "crime misclassified"."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200, unique=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Panel(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="panels")
    force = models.ForeignKey(Force, on_delete=models.PROTECT, related_name="panels")
    organisation = models.CharField(
        max_length=200, help_text="Who runs the panel, e.g. the Local Criminal Justice Board."
    )
    age_group = models.CharField(max_length=10, choices=AgeGroup.choices, default=AgeGroup.ADULT)
    public_description = models.TextField(
        blank=True, help_text="Standing text about the panel for published reports."
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [choice_constraint("panel", "age_group", AgeGroup)]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    panel = models.ForeignKey(Panel, on_delete=models.PROTECT, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(
        max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    agency = models.CharField(max_length=20, choices=Agency.choices)
    is_voting = models.BooleanField(
        default=True, help_text="Non-voting attendees (e.g. police) see cases but do not rate."
    )
    is_active = models.BooleanField(default=True)
    joined_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["panel", "role", "user__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["panel", "user"], name="membership_unique"),
            choice_constraint("membership", "role", MembershipRole),
            choice_constraint("membership", "agency", Agency),
            # The chair records the panel's decision, so the chair always has a vote.
            models.CheckConstraint(
                condition=~models.Q(role=MembershipRole.CHAIR) | models.Q(is_voting=True),
                name="membership_chair_votes",
            ),
        ]

    def __str__(self) -> str:
        name = self.user.get_full_name() or self.user.username
        return f"{name} ({self.get_role_display()}, {self.panel})"


class MeetingQuerySet(models.QuerySet):
    def for_user(self, user):
        if is_opcc_staff(user) or is_data_admin(user):
            return self
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            panel__memberships__user=user, panel__memberships__is_active=True
        ).distinct()


class Meeting(models.Model):
    panel = models.ForeignKey(Panel, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField()
    theme = models.CharField(max_length=200, help_text='e.g. "Stalking or Harassment".')
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED, editable=False
    )
    rating_deadline = models.DateField(null=True, blank=True)
    location = models.CharField(max_length=200, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["panel", "date"], name="meeting_panel_date_unique"),
            choice_constraint("meeting", "status", MeetingStatus),
            models.CheckConstraint(
                condition=models.Q(rating_deadline__isnull=True)
                | models.Q(rating_deadline__lte=models.F("date")),
                name="meeting_deadline_not_after_meeting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.panel} — {self.date:%-d %B %Y}"


class MeetingStatusChange(StatusHistory):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="status_history")


class SampleDraw(models.Model):
    """The record that lets anyone re-run a random draw and get the same cases."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="draws")
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    drawn_at = models.DateTimeField(auto_now_add=True)
    seed = models.CharField(max_length=64)
    algorithm_version = models.CharField(max_length=20)
    filters = models.JSONField(default=dict)
    strata = models.JSONField(default=dict, blank=True)
    pool_size = models.PositiveIntegerField()
    pool_fingerprint = models.CharField(max_length=64)
    sample_size = models.PositiveIntegerField()
    selected_references = models.JSONField(default=list)

    class Meta:
        ordering = ["-drawn_at"]

    def __str__(self) -> str:
        return f"Draw of {self.sample_size} from {self.pool_size} for {self.meeting}"

    @property
    def criteria_in_words(self) -> list[str]:
        """The recorded filters as sentences the public can read."""
        return describe_filters(self.filters)


class SampleDrawPool(models.Model):
    """Every reference that could have been drawn, kept so the draw can be re-run later.

    Kept apart from SampleDraw so pages that show a draw never load a pool that
    may run to megabytes. Both fields hold zlib-compressed UTF-8 text, one line
    per case; the SHA-256 of the uncompressed references is the draw's fingerprint.
    """

    draw = models.OneToOneField(
        SampleDraw, on_delete=models.PROTECT, primary_key=True, related_name="pool"
    )
    references = models.BinaryField(help_text="Sorted references, one per line.")
    strata = models.BinaryField(
        blank=True, default=b"", help_text="Each reference's group, line for line, if stratified."
    )

    def __str__(self) -> str:
        return f"Pool of {self.draw}"


class ReviewedCase(models.Model):
    """A case on a meeting's agenda."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="reviewed_cases")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="reviews")
    position = models.PositiveSmallIntegerField()
    source = models.CharField(max_length=20, choices=CaseSource.choices, default=CaseSource.SAMPLED)
    draw = models.ForeignKey(
        SampleDraw, on_delete=models.PROTECT, null=True, blank=True, related_name="reviewed_cases"
    )
    carried_over_from = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="carried_to",
        help_text="The earlier review that failed to reach a conclusion.",
    )

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "case"], name="reviewedcase_unique"),
            models.UniqueConstraint(
                fields=["meeting", "position"], name="reviewedcase_position_unique"
            ),
            choice_constraint("reviewedcase", "source", CaseSource),
            models.CheckConstraint(
                condition=~models.Q(source=CaseSource.CARRIED_OVER)
                | models.Q(carried_over_from__isnull=False),
                name="reviewedcase_carry_over_has_origin",
            ),
        ]

    def __str__(self) -> str:
        return f"Case {self.position} ({self.case.reference}) at {self.meeting}"


class ConflictDeclaration(models.Model):
    reviewed_case = models.ForeignKey(
        ReviewedCase, on_delete=models.PROTECT, related_name="conflicts"
    )
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="conflicts")
    has_conflict = models.BooleanField()
    details = models.TextField(blank=True)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reviewed_case", "membership"], name="conflict_unique"),
            models.CheckConstraint(
                condition=models.Q(has_conflict=False) | ~models.Q(details=""),
                name="conflict_has_details",
            ),
        ]

    def __str__(self) -> str:
        return f"{'Conflict' if self.has_conflict else 'No conflict'}: {self.membership.user}"


class Rating(models.Model):
    """One member's own view of one case, made before the panel discusses it."""

    reviewed_case = models.ForeignKey(
        ReviewedCase, on_delete=models.PROTECT, related_name="ratings"
    )
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="ratings")
    category = models.ForeignKey(OutcomeCategory, on_delete=models.PROTECT, related_name="ratings")
    reasons = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=RatingStatus.choices, default=RatingStatus.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reviewed_case", "membership"], name="rating_unique"),
            choice_constraint("rating", "status", RatingStatus),
        ]

    def __str__(self) -> str:
        # No category here: this text appears in admin links and logs before the reveal.
        return f"{self.membership.user} on {self.reviewed_case}"


class CriterionAssessment(models.Model):
    rating = models.ForeignKey(Rating, on_delete=models.CASCADE, related_name="assessments")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="assessments")
    value = models.CharField(max_length=20, choices=Assessment.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["criterion__position"]
        constraints = [
            models.UniqueConstraint(fields=["rating", "criterion"], name="assessment_unique"),
            choice_constraint("criterionassessment", "value", Assessment),
        ]

    def __str__(self) -> str:
        return f"{self.criterion.label}: {self.get_value_display()}"


class Decision(models.Model):
    """The panel's agreed view of a case, recorded by the chair."""

    reviewed_case = models.OneToOneField(
        ReviewedCase, on_delete=models.PROTECT, related_name="decision"
    )
    category = models.ForeignKey(
        OutcomeCategory, on_delete=models.PROTECT, related_name="decisions"
    )
    reasons = models.TextField(blank=True)
    information_requested = models.TextField(
        blank=True, help_text="What the panel needs before it can conclude (inconclusive only)."
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="decisions")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.reviewed_case}: {self.category.short_label}"


class Observation(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="observations")
    reviewed_case = models.ForeignKey(
        ReviewedCase,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="observations",
    )
    kind = models.CharField(max_length=20, choices=ObservationKind.choices)
    text = models.TextField()
    themes = models.ManyToManyField(Theme, blank=True, related_name="observations")
    position = models.PositiveSmallIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "kind", "position", "pk"]
        constraints = [choice_constraint("observation", "kind", ObservationKind)]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"


class Action(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="actions")
    observation = models.ForeignKey(
        Observation, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    description = models.TextField()
    owner = models.CharField(max_length=200, help_text="Agency or role responsible.")
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    force_response = models.TextField(blank=True)
    responded_at = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "due_date", "pk"]
        constraints = [choice_constraint("action", "status", ActionStatus)]

    def __str__(self) -> str:
        return self.description[:80]
