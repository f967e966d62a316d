"""Database constraints keep bad values and broken history out, whatever writes them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from cases.models import Case
from panels.enums import CaseSource, MembershipRole
from panels.models import Membership, Rating, ReviewedCase
from tests import factories


def test_case_with_unknown_admission_value_is_refused_by_the_database(db):
    case = factories.CaseFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.filter(pk=case.pk).update(admission="maybe")


def test_case_gravity_score_outside_one_to_four_is_refused_by_the_database(db):
    case = factories.CaseFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.filter(pk=case.pk).update(gravity_score=5)


def test_case_outcome_before_offence_is_refused(db):
    case = factories.CaseFactory.build(
        force=factories.ForceFactory(),
        offence_date=datetime.date(2025, 5, 1),
        outcome_date=datetime.date(2025, 4, 1),
    )

    with pytest.raises(ValidationError) as error:
        case.full_clean()

    assert "case_outcome_not_before_offence" in str(error.value)


def test_case_reference_is_unique_within_a_force_only(db):
    first = factories.CaseFactory(reference="ABC-1")
    factories.CaseFactory(reference="ABC-1")  # another force: allowed

    with pytest.raises(IntegrityError), transaction.atomic():
        factories.CaseFactory(reference="ABC-1", force=first.force)


def test_membership_chair_without_a_vote_is_refused(panel):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.MembershipFactory(panel=panel, role=MembershipRole.CHAIR, is_voting=False)


def test_membership_is_unique_per_panel_and_user(mina, panel):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(panel=panel, user=mina, agency="cps")


def test_reviewed_case_carried_over_must_say_where_from(meeting):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ReviewedCaseFactory(meeting=meeting, source=CaseSource.CARRIED_OVER)


def test_rating_is_one_per_member_per_case(meeting, mina):
    reviewed = factories.ReviewedCaseFactory(meeting=meeting)
    membership = mina.memberships.get()
    factories.RatingFactory(reviewed_case=reviewed, membership=membership)

    with pytest.raises(IntegrityError), transaction.atomic():
        factories.RatingFactory(reviewed_case=reviewed, membership=membership)


def test_case_on_an_agenda_cannot_be_deleted(meeting):
    reviewed = factories.ReviewedCaseFactory(meeting=meeting)

    with pytest.raises(ProtectedError):
        reviewed.case.delete()


def test_category_with_ratings_cannot_be_deleted(meeting, mina):
    rating = factories.RatingFactory(
        reviewed_case=factories.ReviewedCaseFactory(meeting=meeting),
        membership=mina.memberships.get(),
    )

    with pytest.raises(ProtectedError):
        rating.category.delete()

    assert Rating.objects.filter(pk=rating.pk).exists()


def test_meeting_with_cases_cannot_be_deleted(meeting):
    factories.ReviewedCaseFactory(meeting=meeting)

    with pytest.raises(ProtectedError):
        meeting.delete()

    assert ReviewedCase.objects.filter(meeting=meeting).count() == 1
