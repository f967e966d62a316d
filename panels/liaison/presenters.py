"""What the force liaison's pages show of actions and responses: tags, words, and the
case feedback as rows for a page or a spreadsheet."""

import tablib
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.spreadsheets import neutralise

from ..enums import ResponseState
from ..models import Action, ActionResponse
from ..tags import Tag

OVERDUE_NO_RESPONSE = Tag(gettext_lazy("Overdue: no response"), "govuk-tag--red")

RESPONSE_TAGS = {
    ResponseState.SUBMITTED: Tag(gettext_lazy("Awaiting review"), "govuk-tag--yellow"),
    ResponseState.APPROVED: Tag(gettext_lazy("Approved"), "govuk-tag--green"),
    ResponseState.RETURNED: Tag(gettext_lazy("Returned"), "govuk-tag--red"),
}
NO_RESPONSE = Tag(gettext_lazy("No response yet"), "govuk-tag--grey")


def response_tag(response: ActionResponse | None) -> Tag:
    return NO_RESPONSE if response is None else RESPONSE_TAGS[response.state]


def action_source(action: Action) -> str:
    """Where the action was agreed, in words: "Adult OoCR Scrutiny Panel, 15 October 2025"."""
    if action.meeting is None:
        return _("The Commissioner's scrutiny")
    return f"{action.meeting.panel.name}, {date_format(action.meeting.date, 'j F Y')}"


def person(user) -> str:
    return user.get_full_name() or user.get_username() if user else ""


def invited(liaison) -> str:
    """What the person inviting is told: a first grant, or the role given again."""
    if getattr(liaison, "renewed_after", None) is not None:
        return _(
            "%(name)s is a force liaison for %(force)s again (the role ended on %(date)s). "
            "Invitation sent to %(email)s"
        ) % {
            "name": person(liaison.user),
            "force": liaison.force.name,
            "date": date_format(liaison.renewed_after, "j F Y"),
            "email": liaison.user.email,
        }
    return _("Invitation sent to %(email)s") % {"email": liaison.user.email}


FEEDBACK_HEADINGS = ["Meeting", "Panel", "Case reference", "Decision", "Reasons", "Themes"]
# The same columns as the page's table names them (a download's headings stay as they are).
FEEDBACK_PAGE_HEADINGS = [
    gettext_lazy("Meeting"),
    gettext_lazy("Panel"),
    gettext_lazy("Case reference"),
    gettext_lazy("Decision"),
    gettext_lazy("Reasons"),
    gettext_lazy("Themes"),
]


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
