"""The rating services: the conflict gate, drafts, submissions, versions and comments."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.stale import StaleEdit
from panels.enums import MeetingStatus, RatingStatus
from panels.models import CaseComment, ConflictDeclaration, Rating, RatingVersion
from panels.rating.services import (
    RatingInput,
    comment_save,
    conflict_declare,
    conflict_withdraw,
    rating_save,
)
from panels.workflow import meeting_transition
from tests import factories


@pytest.fixture
def case(meeting, olu, chris, mina, pat):
    reviewed = factories.ReviewedCaseFactory(meeting=meeting, position=1)
    factories.ReviewedCaseFactory(meeting=meeting, position=2)
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    return reviewed


def full_rating(meeting, code="inconsistent", reasons="No clear admission was recorded."):
    return RatingInput(
        category=factories.category(code),
        reasons=reasons,
        assessments={c.code: ("met", "") for c in meeting.panel.framework.criteria.all()},
    )


def stored() -> tuple[int, int, int]:
    return (
        Rating.objects.count(),
        RatingVersion.objects.count(),
        ConflictDeclaration.objects.count(),
    )


def test_declaring_no_conflict_opens_the_case_for_rating(case, mina):
    declaration = conflict_declare(reviewed_case=case, user=mina, has_conflict=False)

    rating = rating_save(
        reviewed_case=case, user=mina, data=full_rating(case.meeting), submit=True, version=0
    )

    assert declaration.declared_by == mina
    assert rating.status == RatingStatus.SUBMITTED
    assert rating.submitted_at is not None
    assert rating.assessments.count() == case.meeting.panel.framework.criteria.count()


def test_a_conflict_must_be_described(case, mina):
    with pytest.raises(ValidationError) as error:
        conflict_declare(reviewed_case=case, user=mina, has_conflict=True, details="  ")

    assert error.value.message_dict == {"details": ["Describe your conflict of interest"]}
    assert ConflictDeclaration.objects.count() == 0


def test_rating_before_declaring_is_refused(case, mina):
    with pytest.raises(ValidationError, match="Declare whether you have a conflict"):
        rating_save(
            reviewed_case=case, user=mina, data=full_rating(case.meeting), submit=True, version=0
        )

    assert Rating.objects.count() == 0


def test_declaring_a_conflict_after_rating_withdraws_the_rating_and_keeps_it(case, mina):
    conflict_declare(reviewed_case=case, user=mina, has_conflict=False)
    rating_save(
        reviewed_case=case, user=mina, data=full_rating(case.meeting), submit=True, version=0
    )

    conflict_declare(
        reviewed_case=case, user=mina, has_conflict=True, details="I know the victim's family."
    )

    rating = Rating.objects.get()
    assert rating.status == RatingStatus.WITHDRAWN
    assert rating.reasons == "No clear admission was recorded."
    assert [v.status for v in rating.versions.all()] == ["submitted", "withdrawn"]
    assert rating.versions.last().changes == ["Withdrawn: a conflict of interest was declared"]
    history = list(ConflictDeclaration.objects.order_by("pk"))
    assert [(d.has_conflict, d.superseded_at is None) for d in history] == [
        (False, False),
        (True, True),
    ]
    with pytest.raises(ValidationError, match="You declared a conflict of interest"):
        rating_save(
            reviewed_case=case,
            user=mina,
            data=full_rating(case.meeting),
            submit=True,
            version=rating.version,
        )


def test_a_member_cannot_take_back_a_conflict_themselves(case, mina):
    conflict_declare(reviewed_case=case, user=mina, has_conflict=True, details="Neighbour.")

    with pytest.raises(ValidationError, match="ask OPCC staff"):
        conflict_declare(reviewed_case=case, user=mina, has_conflict=False)

    assert ConflictDeclaration.objects.filter(superseded_at__isnull=True).get().has_conflict


def test_opcc_staff_withdraw_a_conflict_and_the_member_may_rate_again(case, mina, olu, chris):
    declaration = conflict_declare(
        reviewed_case=case, user=mina, has_conflict=True, details="Wrong case."
    )
    with pytest.raises(PermissionDenied):
        conflict_withdraw(declaration=declaration, by=chris, note="The chair cannot do this.")

    current = conflict_withdraw(declaration=declaration, by=olu, note="Declared on the wrong case.")

    assert (current.has_conflict, current.declared_by, current.details) == (
        False,
        olu,
        "Declared on the wrong case.",
    )
    declaration.refresh_from_db()
    assert declaration.superseded_at is not None
    rating_save(
        reviewed_case=case, user=mina, data=full_rating(case.meeting), submit=True, version=0
    )
    with pytest.raises(ValidationError, match="already been withdrawn"):
        conflict_withdraw(declaration=declaration, by=olu, note="Again.")


def test_declaring_no_conflict_twice_is_refused(case, mina):
    conflict_declare(reviewed_case=case, user=mina, has_conflict=False)

    with pytest.raises(ValidationError, match="already declared"):
        conflict_declare(reviewed_case=case, user=mina, has_conflict=False)

    assert ConflictDeclaration.objects.count() == 1


def test_after_the_reveal_a_conflict_cannot_be_declared_but_a_first_answer_can(case, mina, chris):
    conflict_declare(reviewed_case=case, user=mina, has_conflict=False)
    meeting_transition(meeting=case.meeting, to=MeetingStatus.IN_DISCUSSION, by=chris)

    with pytest.raises(ValidationError, match="discussion has started"):
        conflict_declare(reviewed_case=case, user=mina, has_conflict=True, details="Late.")
    conflict_declare(reviewed_case=case, user=chris, has_conflict=False)

    assert ConflictDeclaration.objects.filter(superseded_at__isnull=True).count() == 2


def test_a_draft_may_be_partial(case, mina):
    conflict_declare(reviewed_case=case, user=mina, has_conflict=False)

    rating = rating_save(
        reviewed_case=case,
        user=mina,
        data=RatingInput(assessments={"victim-views": ("", "Check the victim contact log.")}),
        submit=False,
        version=0,
    )

    assert (rating.status, rating.category, rating.version) == (RatingStatus.DRAFT, None, 1)
    (assessment,) = rating.assessments.all()
    assert (assessment.value, assessment.note) == ("", "Check the victim contact log.")


def test_submitting_names_every_missing_answer(case, mina):
    conflict_declare(reviewed_case=case, user=mina, has_conflict=False)
    partial = full_rating(case.meeting, reasons="")
    partial.assessments["victim-views"] = ("", "")

    with pytest.raises(ValidationError) as error:
        rating_save(reviewed_case=case, user=mina, data=partial, submit=True, version=0)

    assert error.value.message_dict == {
        "criterion-victim-views": ["Select whether 'Victim's views sought and recorded' was met"],
        "reasons": ["Enter your reasons for 'Inconsistent with Police Policy'"],
    }
    assert Rating.objects.count() == 0


def test_submitting_without_a_category_is_refused(case, mina):
    conflict_declare(reviewed_case=case, user=mina, has_conflict=False)
    data = full_rating(case.meeting)
    data.category = None

    with pytest.raises(ValidationError) as error:
        rating_save(reviewed_case=case, user=mina, data=data, submit=True, version=0)

    assert error.value.message_dict == {"category": ["Select the outcome category for this case"]}


def test_a_category_needing_no_reasons_may_be_submitted_without(case, mina):
    conflict_declare(reviewed_case=case, user=mina, has_conflict=False)

    rating = rating_save(
        reviewed_case=case,
        user=mina,
        data=full_rating(case.meeting, code="consistent", reasons=""),
        submit=True,
        version=0,
    )

    assert rating.status == RatingStatus.SUBMITTED


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (
            lambda d: setattr(
                d, "category", factories.category("fully-compliant", "vcop-seven-way")
            ),
            "Select one of this panel's outcome categories",
        ),
        (lambda d: d.assessments.update({"made-up": ("met", "")}), "not part of this panel"),
        (lambda d: d.assessments.update({"victim-views": ("excellent", "")}), "valid answer"),
    ],
)
def test_tampered_ratings_are_refused_and_nothing_is_stored(case, mina, tamper, message):
    conflict_declare(reviewed_case=case, user=mina, has_conflict=False)
    data = full_rating(case.meeting)
    tamper(data)
    before = stored()

    with pytest.raises(ValidationError, match=message):
        rating_save(reviewed_case=case, user=mina, data=data, submit=True, version=0)

    assert stored() == before


def test_every_change_is_a_version_saying_what_changed(case, mina):
    conflict_declare(reviewed_case=case, user=mina, has_conflict=False)
    data = full_rating(case.meeting)
    first = rating_save(reviewed_case=case, user=mina, data=data, submit=True, version=0)
    data.reasons = "The victim's views were not sought."
    data.assessments["victim-views"] = ("not_met", "No record of contact.")

    second = rating_save(reviewed_case=case, user=mina, data=data, submit=False, version=1)

    assert second.pk == first.pk
    assert second.status == RatingStatus.SUBMITTED  # changing a submitted rating resubmits it
    versions = list(second.versions.all())
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].reasons == "No clear admission was recorded."
    assert versions[1].changes == ["Reasons", "Victim's views sought and recorded"]
    assert versions[1].assessments["victim-views"] == ["not_met", "No record of contact."]


def test_saving_without_a_change_adds_no_version(case, mina):
    conflict_declare(reviewed_case=case, user=mina, has_conflict=False)
    data = full_rating(case.meeting)
    rating_save(reviewed_case=case, user=mina, data=data, submit=True, version=0)

    rating = rating_save(reviewed_case=case, user=mina, data=data, submit=True, version=1)

    assert rating.version == 1
    assert RatingVersion.objects.count() == 1


def test_a_save_from_an_out_of_date_form_is_refused(case, mina):
    conflict_declare(reviewed_case=case, user=mina, has_conflict=False)
    data = full_rating(case.meeting)
    rating_save(reviewed_case=case, user=mina, data=data, submit=False, version=0)
    rating_save(
        reviewed_case=case,
        user=mina,
        data=full_rating(case.meeting, reasons="From the other tab."),
        submit=False,
        version=1,
    )

    with pytest.raises(StaleEdit) as stale:
        rating_save(
            reviewed_case=case,
            user=mina,
            data=full_rating(case.meeting, reasons="From the first tab."),
            submit=True,
            version=1,
        )

    assert stale.value.current.reasons == "From the other tab."
    rating = Rating.objects.get()
    assert (rating.reasons, rating.version, rating.status) == (
        "From the other tab.",
        2,
        RatingStatus.DRAFT,
    )


def test_ratings_are_frozen_after_the_reveal(case, mina, chris):
    conflict_declare(reviewed_case=case, user=mina, has_conflict=False)
    rating_save(
        reviewed_case=case, user=mina, data=full_rating(case.meeting), submit=True, version=0
    )
    meeting_transition(meeting=case.meeting, to=MeetingStatus.IN_DISCUSSION, by=chris)

    with pytest.raises(ValidationError, match="can no longer be changed"):
        rating_save(
            reviewed_case=case,
            user=mina,
            data=full_rating(case.meeting, reasons="Changed my mind."),
            submit=True,
            version=1,
        )

    assert Rating.objects.get().reasons == "No clear admission was recorded."


@pytest.mark.parametrize(
    ("who", "message"),
    [
        ("pat", "Non-voting attendees do not rate cases."),
        ("nadia", "Only members of this panel can rate its cases."),
        ("olu", "Only members of this panel can rate its cases."),
    ],
)
def test_only_voting_members_rate(case, request, who, message):
    user = request.getfixturevalue(who)

    with pytest.raises(ValidationError, match=message):
        rating_save(
            reviewed_case=case, user=user, data=full_rating(case.meeting), submit=True, version=0
        )

    assert Rating.objects.count() == 0


def test_a_removed_member_can_no_longer_rate(case, mina):
    conflict_declare(reviewed_case=case, user=mina, has_conflict=False)
    mina.memberships.update(is_active=False)

    with pytest.raises(ValidationError, match="Only members of this panel"):
        rating_save(
            reviewed_case=case, user=mina, data=full_rating(case.meeting), submit=True, version=0
        )


def test_rating_is_refused_while_the_meeting_is_planned(meeting, mina):
    reviewed = factories.ReviewedCaseFactory(meeting=meeting, position=1)

    with pytest.raises(ValidationError, match="Conflicts can only be declared"):
        conflict_declare(reviewed_case=reviewed, user=mina, has_conflict=False)
    with pytest.raises(ValidationError, match="Rating has not opened"):
        rating_save(
            reviewed_case=reviewed, user=mina, data=full_rating(meeting), submit=True, version=0
        )


def test_non_voting_attendees_comment_and_voting_members_do_not(case, pat, mina):
    conflict_declare(reviewed_case=case, user=pat, has_conflict=False)
    conflict_declare(reviewed_case=case, user=mina, has_conflict=False)

    comment_save(reviewed_case=case, user=pat, text="The officer can attend.")
    comment_save(reviewed_case=case, user=pat, text="The officer can attend on the day.")
    with pytest.raises(ValidationError, match="Voting members give their view"):
        comment_save(reviewed_case=case, user=mina, text="A comment.")
    with pytest.raises(ValidationError) as blank:
        comment_save(reviewed_case=case, user=pat, text="   ")

    assert blank.value.message_dict == {"text": ["Enter your comment for the panel"]}
    assert list(CaseComment.objects.values_list("text", flat=True)) == [
        "The officer can attend on the day."
    ]
