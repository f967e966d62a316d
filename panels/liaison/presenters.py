"""What the force liaison's pages show of actions and responses: tags, words, and the
case feedback as rows for a page or a spreadsheet."""

import tablib

from core.spreadsheets import neutralise

from ..enums import ResponseState
from ..models import Action, ActionResponse
from ..tags import Tag

OVERDUE_NO_RESPONSE = Tag("Overdue: no response", "govuk-tag--red")

RESPONSE_TAGS = {
    ResponseState.SUBMITTED: Tag("Awaiting review", "govuk-tag--yellow"),
    ResponseState.APPROVED: Tag("Approved", "govuk-tag--green"),
    ResponseState.RETURNED: Tag("Returned", "govuk-tag--red"),
}
NO_RESPONSE = Tag("No response yet", "govuk-tag--grey")


def response_tag(response: ActionResponse | None) -> Tag:
    return NO_RESPONSE if response is None else RESPONSE_TAGS[response.state]


def action_source(action: Action) -> str:
    """Where the action was agreed, in words: "Adult OoCR Scrutiny Panel, 15 October 2025"."""
    if action.meeting is None:
        return "The Commissioner's scrutiny"
    return f"{action.meeting.panel.name}, {action.meeting.date:%-d %B %Y}"


def person(user) -> str:
    return user.get_full_name() or user.get_username() if user else ""


def invited(liaison) -> str:
    """What the person inviting is told: a first grant, or the role given again."""
    if getattr(liaison, "renewed_after", None) is not None:
        return (
            f"{person(liaison.user)} is a force liaison for {liaison.force.name} again (the "
            f"role ended on {liaison.renewed_after:%-d %B %Y}). Invitation sent to "
            f"{liaison.user.email}"
        )
    return f"Invitation sent to {liaison.user.email}"


FEEDBACK_HEADINGS = ["Meeting", "Panel", "Case reference", "Decision", "Reasons", "Themes"]


def feedback_rows(decisions) -> list[list]:
    """One row per decision: the case by reference, the panel's decision, its reasons and
    themes; never a rating or who said what."""
    return [
        [
            decision.reviewed_case.meeting.date,
            decision.reviewed_case.meeting.panel.name,
            decision.reviewed_case.case.reference,
            decision.category.label,
            decision.reasons,
            "; ".join(theme.name for theme in decision.themes.all()),
        ]
        for decision in decisions
    ]


def feedback_dataset(rows: list[list]):
    """The rows as a tablib dataset, every text cell safe to open in a spreadsheet."""
    dataset = tablib.Dataset(headers=FEEDBACK_HEADINGS)
    for row in rows:
        dataset.append([neutralise(cell) for cell in row])
    return dataset
