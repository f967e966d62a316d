"""Factories for tests. Reference data (frameworks, outcome types, themes) comes from the
seed migrations, so factories look it up rather than inventing copies."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cases.kinds.facets import kind_facets
from cases.models import Case, CrimeCode, ExtractBatch, Force, OutcomeType, RecordKind
from cases.models.kinds import default_kind
from core.roles import StaffRole
from panels.enums import Agency, MembershipRole
from panels.models import (
    ConflictDeclaration,
    Decision,
    ForceLiaison,
    Framework,
    Meeting,
    Membership,
    OutcomeCategory,
    Panel,
    Rating,
    ReviewedCase,
    Theme,
)

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or []:
            self.groups.add(Group.objects.get_or_create(name=StaffRole(role).value)[0])
        if create:
            self.save()


class ForceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Force
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"F{n}")
    name = factory.Sequence(lambda n: f"Testshire Police {n}")


def outcome_type(code: str = "community-resolution") -> OutcomeType:
    return OutcomeType.objects.get(code=code)


def crime_code(code: str = "8L") -> CrimeCode:
    return CrimeCode.objects.get(code=code)


class BatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExtractBatch

    force = factory.SubFactory(ForceFactory)
    uploaded_by = factory.SubFactory(UserFactory)
    file_name = "extract.csv"
    sha256 = "0" * 64


def record_kind(spec: dict) -> RecordKind:
    """A record kind built from a spec in the seeded kinds' shape (cases/kind_data), e.g.
    {"code": "ss", "name": "Stop and search", "date_label": "Date of search",
     "sections": [("Police", [{"code": "power", "label": "Power", "type": "choice",
                               "choices": [("s1", "PACE s1")], "filterable": True}])]}."""
    from django.apps import apps

    from cases.kind_data import seed_kinds

    seed_kinds(apps, [spec])
    return RecordKind.objects.get(code=spec["code"])


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    force = factory.SubFactory(ForceFactory)
    reference = factory.Sequence(lambda n: f"REF-{n:06d}")
    offence = "Harassment without violence"
    crime_code = factory.LazyFunction(crime_code)
    offence_category = "Stalking and harassment"
    outcome_type = factory.LazyFunction(outcome_type)
    offence_date = datetime.date(2025, 1, 10)
    outcome_date = datetime.date(2025, 3, 1)
    gravity_score = 2
    facts_at_decision = "Fictional facts for a test case."

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # As an import writes them: the facets are the filterable part of the values.
        if kwargs.get("values") and "facets" not in kwargs:
            kind = kwargs.get("kind") or RecordKind.objects.get(pk=default_kind())
            kwargs["facets"] = kind_facets(kind, kwargs["values"])
        return super()._create(model_class, *args, **kwargs)


def framework(slug: str = "oocr-four-way") -> Framework:
    return Framework.objects.get(slug=slug)


def category(code: str, framework_slug: str = "oocr-four-way") -> OutcomeCategory:
    return OutcomeCategory.objects.get(framework__slug=framework_slug, code=code)


def theme(slug: str) -> Theme:
    return Theme.objects.get(slug=slug)


class PanelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Panel

    name = factory.Sequence(lambda n: f"Test Scrutiny Panel {n}")
    slug = factory.Sequence(lambda n: f"test-panel-{n}")
    framework = factory.LazyFunction(framework)
    force = factory.SubFactory(ForceFactory)
    organisation = "Local Criminal Justice Board"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    panel = factory.SubFactory(PanelFactory)
    user = factory.SubFactory(UserFactory)
    role = MembershipRole.MEMBER
    agency = Agency.CPS


class ForceLiaisonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForceLiaison

    user = factory.SubFactory(UserFactory)
    force = factory.SubFactory(ForceFactory)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    panel = factory.SubFactory(PanelFactory)
    # Dates stay in the past however many meetings a run makes (they cycle through 300
    # days of 2026): a discussion cannot start before its meeting's date.
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 300))
    theme = "Stalking or Harassment"


class ReviewedCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewedCase

    meeting = factory.SubFactory(MeetingFactory)
    case = factory.SubFactory(CaseFactory, force=factory.SelfAttribute("..meeting.panel.force"))
    position = factory.Sequence(lambda n: n + 1)


class RatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rating

    reviewed_case = factory.SubFactory(ReviewedCaseFactory)
    membership = factory.SubFactory(
        MembershipFactory, panel=factory.SelfAttribute("..reviewed_case.meeting.panel")
    )
    category = factory.LazyFunction(lambda: category("consistent"))


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    reviewed_case = factory.SubFactory(ReviewedCaseFactory)
    category = factory.LazyFunction(lambda: category("inconsistent"))
    reasons = "Fictional reasons."
    recorded_by = factory.SubFactory(UserFactory)


class ConflictDeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConflictDeclaration

    reviewed_case = factory.SubFactory(ReviewedCaseFactory)
    membership = factory.SubFactory(
        MembershipFactory, panel=factory.SelfAttribute("..reviewed_case.meeting.panel")
    )
    has_conflict = False
    details = factory.LazyAttribute(lambda d: "Fictional conflict." if d.has_conflict else "")
    declared_by = factory.LazyAttribute(lambda d: d.membership.user)


def declare(user, reviewed_case, *, conflict: bool = False) -> ConflictDeclaration:
    """The member's answer at the conflict gate, as if given on the page."""
    membership = Membership.objects.get(panel=reviewed_case.meeting.panel, user=user)
    return ConflictDeclarationFactory(
        reviewed_case=reviewed_case, membership=membership, has_conflict=conflict
    )


def criteria_answers(framework_, value: str = "met") -> dict:
    """The decision form's criteria as posted, every one answered `value`."""
    return {f"criterion-{c.code}": value for c in framework_.criteria.all()}
