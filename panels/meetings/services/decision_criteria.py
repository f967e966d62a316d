"""The panel's answer on each criterion of a case, saved with its decision."""

from django.utils.translation import gettext as _

from ...enums import Assessment
from ...models import Decision, DecisionAssessment

MAX_NOTE = 2000


def assessment_errors(assessments: dict[str, tuple[str, str]], criteria) -> dict[str, list[str]]:
    """Every criterion needs one of the answers; a note stays short. Keyed by the form's
    field names, so the messages land on the right question."""
    errors: dict[str, list[str]] = {}
    for criterion in criteria:
        value, note = assessments.get(criterion.code, ("", ""))
        if value not in Assessment.values:
            errors[f"criterion-{criterion.code}"] = [
                _("Select the panel's answer for '%(label)s'") % {"label": criterion.label}
            ]
        if len(note) > MAX_NOTE:
            errors[f"note-{criterion.code}"] = [
                _("A note must be %(max)s characters or fewer") % {"max": f"{MAX_NOTE:,}"}
            ]
    if set(assessments) - {c.code for c in criteria}:
        errors.setdefault("__all__", []).append(
            _(
                "The form included a criterion that is not part of this panel's framework. "
                "Reload the page and try again."
            )
        )
    return errors


def assessments_replace(
    decision: Decision, assessments: dict[str, tuple[str, str]], criteria
) -> None:
    """Put the panel's answers in place of any saved before, inside the decision's
    transaction."""
    DecisionAssessment.objects.filter(decision=decision).delete()
    DecisionAssessment.objects.bulk_create(
        DecisionAssessment(
            decision=decision,
            criterion=criterion,
            value=assessments[criterion.code][0],
            note=assessments[criterion.code][1].strip(),
        )
        for criterion in criteria
    )
