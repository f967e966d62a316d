"""A member's own view of a case: the conflict gate, the rating and the attendee's comment.

Every write locks the meeting row first, so it cannot slip past the reveal (which
locks the same row to change the meeting's status), and two saves of one rating
queue up behind each other; the later one then fails its version check.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.permissions import by_rule
from core.stale import check_version

from ..enums import Assessment, RatingStatus
from ..models import (
    CaseComment,
    ConflictDeclaration,
    CriterionAssessment,
    Meeting,
    OutcomeCategory,
    Rating,
    RatingVersion,
    ReviewedCase,
    Theme,
)
from ..permissions import (
    DECLARING,
    CaseAccess,
    comment_refusal,
    declaration_refusal,
    rating_refusal,
)
from .selectors import case_access

UNANSWERED = ""


@dataclass
class RatingInput:
    """What a member entered: anything may be missing in a draft."""

    category: OutcomeCategory | None = None
    reasons: str = ""
    themes: list[Theme] = field(default_factory=list)
    # Criterion code → (answer, note); the answer is UNANSWERED when left blank.
    assessments: dict[str, tuple[str, str]] = field(default_factory=dict)


def _locked_access(*, reviewed_case: ReviewedCase, user) -> CaseAccess:
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("panel", "panel__framework")
        .get(pk=reviewed_case.meeting_id)
    )
    reviewed_case = ReviewedCase.objects.select_related("case").get(pk=reviewed_case.pk)
    reviewed_case.meeting = meeting
    return case_access(user=user, reviewed_case=reviewed_case, fresh=True)


def _refuse(reason: str | None) -> None:
    if reason:
        raise ValidationError(reason, code="refused")


def conflict_declare(
    *, reviewed_case: ReviewedCase, user, has_conflict: bool, details: str = ""
) -> ConflictDeclaration:
    """Record the member's answer. Declaring a conflict after rating withdraws the rating,
    which is kept with its versions and never counted."""
    details = details.strip()
    if has_conflict and not details:
        raise ValidationError({"details": _("Describe your conflict of interest")})
    with transaction.atomic():
        access = _locked_access(reviewed_case=reviewed_case, user=user)
        _refuse(declaration_refusal(user, access, has_conflict=has_conflict))
        declaration = _supersede(
            access=access,
            has_conflict=has_conflict,
            details=details if has_conflict else "",
            by=user,
        )
        if has_conflict:
            _withdraw_rating(access=access, by=user)
    return declaration


def conflict_withdraw(*, declaration: ConflictDeclaration, by, note: str) -> ConflictDeclaration:
    """OPCC staff record that a declared conflict no longer stands; the member may then
    read and rate the case. The conflict stays on record."""
    note = note.strip()
    if not by_rule("panels.withdraw_conflict", by, declaration.reviewed_case.meeting):
        raise PermissionDenied
    if not note:
        raise ValidationError({"note": _("Say why the conflict no longer stands")})
    with transaction.atomic():
        access = _locked_access(
            reviewed_case=declaration.reviewed_case, user=declaration.membership.user
        )
        current = access.declaration
        if current is None or current.pk != declaration.pk or not current.has_conflict:
            raise ValidationError(_("This conflict has already been withdrawn."), code="stale")
        if access.meeting.status not in DECLARING:
            raise ValidationError(
                _(
                    "Conflicts can only be withdrawn while the meeting is open for rating or in "
                    "discussion."
                ),
                code="refused",
            )
        return _supersede(access=access, has_conflict=False, details=note, by=by)


def _supersede(*, access: CaseAccess, has_conflict: bool, details: str, by) -> ConflictDeclaration:
    now = timezone.now()
    if access.declaration is not None:
        ConflictDeclaration.objects.filter(pk=access.declaration.pk).update(superseded_at=now)
    return ConflictDeclaration.objects.create(
        reviewed_case=access.reviewed_case,
        membership=access.membership,
        has_conflict=has_conflict,
        details=details,
        declared_by=by,
    )


def _withdraw_rating(*, access: CaseAccess, by) -> None:
    rating = Rating.objects.filter(
        reviewed_case=access.reviewed_case, membership=access.membership
    ).first()
    if rating is None or rating.status == RatingStatus.WITHDRAWN:
        return
    rating.status = RatingStatus.WITHDRAWN
    rating.version += 1
    rating.save(update_fields=["status", "version", "updated_at"])
    _record_version(rating, by=by, changes=["Withdrawn: a conflict of interest was declared"])


def rating_save(
    *, reviewed_case: ReviewedCase, user, data: RatingInput, submit: bool, version: int
) -> Rating:
    """Save the member's rating as a draft, or submit it.

    `version` is the rating's version when the form was opened (0 for a new rating);
    if it has moved on since, core.stale.StaleEdit is raised and nothing is saved. A submitted
    rating stays submitted: changing it means submitting again, fully answered.
    """
    with transaction.atomic():
        access = _locked_access(reviewed_case=reviewed_case, user=user)
        _refuse(rating_refusal(user, access))
        rating = (
            Rating.objects.filter(reviewed_case=access.reviewed_case, membership=access.membership)
            .select_related("category")
            .prefetch_related("themes", "assessments__criterion")
            .first()
        )
        if rating is not None:
            # Already read under the lock: the audit trail names the rating from these.
            rating.reviewed_case, rating.membership = access.reviewed_case, access.membership
        check_version(rating, version)
        submit = submit or (rating is not None and rating.status == RatingStatus.SUBMITTED)
        criteria = {c.code: c for c in access.meeting.panel.framework.criteria.all()}
        _check(data, criteria=criteria, framework=access.meeting.panel.framework, submit=submit)
        before = _snapshot(rating) if rating else None
        rating = rating or Rating(reviewed_case=access.reviewed_case, membership=access.membership)
        rating.category = data.category
        rating.reasons = data.reasons.strip()
        rating.status = RatingStatus.SUBMITTED if submit else RatingStatus.DRAFT
        if submit and rating.submitted_at is None:
            rating.submitted_at = timezone.now()
        after = _snapshot_of(rating, data)
        changes = _changes(before, after, criteria)
        if before is not None and not changes:
            return rating
        rating.version = version + 1
        rating.save()
        rating.themes.set(data.themes)
        CriterionAssessment.objects.filter(rating=rating).delete()
        CriterionAssessment.objects.bulk_create(
            CriterionAssessment(rating=rating, criterion=criteria[code], value=value, note=note)
            for code, (value, note) in after["assessments"].items()
        )
        _record_version(rating, by=user, changes=changes or ["Started"], snapshot=after)
    return rating


def _check(data: RatingInput, *, criteria: dict, framework, submit: bool) -> None:
    """Refuse anything not of this framework; when submitting, anything left unanswered."""
    errors: dict[str, list[str]] = {}
    unknown = sorted(set(data.assessments) - set(criteria))
    if unknown:
        raise ValidationError(
            _(
                "The rating named criteria that are not part of this panel's framework. "
                "Reload the page and try again."
            ),
            code="tampered",
        )
    if data.category is not None and data.category.framework_id != framework.pk:
        errors["category"] = [_("Select one of this panel's outcome categories")]
    elif data.category is not None and data.category.panel_decision_only:
        errors["category"] = [panel_only_refusal(data.category)]
    for code, (value, _note) in data.assessments.items():
        if value not in {UNANSWERED, *Assessment.values}:
            errors[f"criterion-{code}"] = [
                _("Select a valid answer for '%(label)s'") % {"label": criteria[code].label}
            ]
    offered = set(framework.themes.filter(is_active=True).values_list("pk", flat=True))
    if any(theme.pk not in offered for theme in data.themes):
        errors["themes"] = [_("Select themes from the list")]
    if submit:
        for code, criterion in criteria.items():
            if data.assessments.get(code, (UNANSWERED, ""))[0] == UNANSWERED:
                errors.setdefault(f"criterion-{code}", []).append(
                    _("Select whether '%(label)s' was met") % {"label": criterion.label}
                )
        if data.category is None:
            errors.setdefault("category", []).append(_("Select the outcome category for this case"))
        elif data.category.requires_reasons and not data.reasons.strip():
            errors["reasons"] = [
                _("Enter your reasons for '%(label)s'") % {"label": data.category.label}
            ]
    if errors:
        raise ValidationError(errors)


def panel_only_refusal(category: OutcomeCategory) -> str:
    """Why a member may not give a category only the panel's decision may use."""
    return _(
        "Only the panel's decision can be '%(label)s'. Select the category you "
        "would give, and say in your reasons what stops you concluding"
    ) % {"label": category.label}


def _snapshot(rating: Rating) -> dict:
    return {
        "status": rating.status,
        "category": rating.category_id,
        "category_label": rating.category.label if rating.category else "",
        "reasons": rating.reasons,
        "themes": sorted(t.name for t in rating.themes.all()),
        "assessments": {a.criterion.code: (a.value, a.note) for a in rating.assessments.all()},
    }


def _snapshot_of(rating: Rating, data: RatingInput) -> dict:
    return {
        "status": rating.status,
        "category": data.category.pk if data.category else None,
        "category_label": data.category.label if data.category else "",
        "reasons": rating.reasons,
        "themes": sorted(t.name for t in data.themes),
        "assessments": {
            code: (value, note.strip())
            for code, (value, note) in data.assessments.items()
            if value != UNANSWERED or note.strip()
        },
    }


def _changes(before: dict | None, after: dict, criteria: dict) -> list[str]:
    """What a save changed, in words, for the version history."""
    if before is None:
        return []
    changes = []
    if before["status"] != after["status"]:
        changes.append(
            "Submitted" if after["status"] == RatingStatus.SUBMITTED else "Saved as draft"
        )
    if before["category"] != after["category"]:
        changes.append("Outcome category")
    if before["reasons"] != after["reasons"]:
        changes.append("Reasons")
    if before["themes"] != after["themes"]:
        changes.append("Themes")
    for code, criterion in criteria.items():
        old, new = before["assessments"].get(code), after["assessments"].get(code)
        if old != new:
            changes.append(criterion.label)
    return changes


def _record_version(rating: Rating, *, by, changes: list[str], snapshot: dict | None = None):
    snapshot = snapshot or _snapshot(rating)
    RatingVersion.objects.create(
        rating=rating,
        number=rating.version,
        saved_by=by,
        status=rating.status,
        category_id=snapshot["category"],
        reasons=snapshot["reasons"],
        themes=snapshot["themes"],
        assessments={code: list(pair) for code, pair in snapshot["assessments"].items()},
        changes=changes,
    )


def comment_save(*, reviewed_case: ReviewedCase, user, text: str) -> CaseComment:
    """A non-voting attendee's comment for the discussion; shown to the panel at the reveal."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Enter your comment for the panel")})
    with transaction.atomic():
        access = _locked_access(reviewed_case=reviewed_case, user=user)
        _refuse(comment_refusal(user, access))
        comment, _created = CaseComment.objects.update_or_create(
            reviewed_case=access.reviewed_case,
            membership=access.membership,
            defaults={"text": text},
        )
    return comment
