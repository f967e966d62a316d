"""The meeting's pages as the chair sees them: the discussion's cases in words (their
decision tags, where members split, the link to each decision) and the ratings table;
the action list's filters. The selectors and `panels.rating.reveal` read; this words."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.kinds.presenters import case_summaries, summary_table
from core.permissions import by_rule
from core.templatetags.cached_url import cached_reverse

from ..models import Decision, ReviewedCase
from ..rating.presenters import kappa_reading, kappa_too_few
from ..rating.reveal import CaseDiscussion, CriterionSplit, Discussion
from ..tags import Tag

# The action list's filters, and how each is worded.
ACTION_STATES = {
    "open": gettext_lazy("Open or in progress"),
    "overdue": gettext_lazy("Overdue"),
    "done": gettext_lazy("Done or dropped"),
}

# How near an action is to its due date (`selectors.action_due`), as the list tags it.
ACTION_DUE_TAGS = {
    "overdue": Tag(gettext_lazy("Overdue"), "govuk-tag--red"),
    "today": Tag(gettext_lazy("Due today"), "govuk-tag--yellow"),
}


def with_visible_responses(*, user, actions: list) -> list:
    """The meeting's actions, each with `shown_responses` (the force's responses, newest
    first, the user may see with who sent them and when, as the rule set says) and
    `can_open` (whether the user may open the action's own page: its evidence, its
    review). However many responses, at most one query (the forces the user answers
    for, read once per request): the responses come prefetched with who sent them."""
    for action in actions:
        action.can_open = action.force_id is not None and by_rule(
            "panels.view_force_action", user, action
        )
        action.shown_responses = [
            response
            for response in action.responses.all()
            if by_rule("panels.view_action_response", user, response)
        ]
    return actions


def action_due_tag(due: str) -> Tag | None:
    """The tag beside an action's due date: "Overdue", "Due today", or none."""
    return ACTION_DUE_TAGS.get(due)


NEEDS_A_DECISION = Tag(gettext_lazy("Needs a decision"), "govuk-tag--yellow")


def split_text(split: CriterionSplit) -> str:
    """ "Offence admitted: 2 met, 1 not met" """
    parts = ", ".join(f"{n} {label.lower()}" for label, n in split.answers)
    return f"{split.criterion.label}: {parts}"


def decision_tag(reviewed_case: ReviewedCase) -> Tag:
    """ "Decided: <category>" once the panel has decided the case; "Needs a decision" before."""
    try:
        decision = reviewed_case.decision
    except Decision.DoesNotExist:
        return NEEDS_A_DECISION
    return Tag(
        _("Decided: %(category)s") % {"category": decision.category.short_label},
        "govuk-tag--green",
    )


@dataclass(frozen=True)
class DiscussedCase:
    item: CaseDiscussion
    tag: Tag
    splits: list[str]
    decision_link: str  # "Record the decision" or "Change the decision"
    decision_url: str


def discussed_case(item: CaseDiscussion) -> DiscussedCase:
    reviewed = item.reviewed_case
    tag = decision_tag(reviewed)
    decided = tag is not NEEDS_A_DECISION
    return DiscussedCase(
        item=item,
        tag=tag,
        splits=[split_text(split) for split in item.splits],
        decision_link=_("Change the decision") if decided else _("Record the decision"),
        # One per case on a long agenda: remembered (core.templatetags.cached_url).
        decision_url=cached_reverse("panels:decision", [reviewed.meeting_id, reviewed.position]),
    )


NOT_RATED, CONFLICT = gettext_lazy("Not rated"), gettext_lazy("Conflict")


def rating_matrix(view: Discussion) -> list[tuple[ReviewedCase, list[str]]]:
    """Cases × members: each member's category, "Conflict" or "Not rated"."""
    rows = []
    for item in view.cases:
        cells = []
        for membership, label in view.members:
            rating = item.ratings.get(membership.pk)
            if rating is not None:
                cells.append(rating.category.short_label)
            elif label in item.conflicted:
                cells.append(CONFLICT)
            else:
                cells.append(NOT_RATED)
        rows.append((item.reviewed_case, cells))
    return rows


@dataclass(frozen=True)
class DiscussionPage:
    cases: list[DiscussedCase]  # in the view's order
    matrix: list[tuple[ReviewedCase, list[str]]]
    kappa_reading: str  # how far members agreed, in Landis and Koch's words
    kappa_too_few: str  # said instead of the figure over too few cases


def discussion_page(view: Discussion) -> DiscussionPage:
    """The chair's discussion page: `reveal.discussion`'s cases and table, in words."""
    return DiscussionPage(
        cases=[discussed_case(item) for item in view.cases],
        matrix=rating_matrix(view),
        kappa_reading=kappa_reading(view.kappa),
        kappa_too_few=kappa_too_few(view.kappa),
    )


@dataclass(frozen=True)
class AgendaTable:
    """The agenda's columns after the case's number: an out of court resolution's offence
    and outcome, or the summary fields of the meeting's kind (`summary_table`)."""

    headings: list[str]
    rows: list[tuple[ReviewedCase, list[str]]]


def agenda_table(agenda: list[ReviewedCase]) -> AgendaTable:
    """One query for the kinds' summary fields, whatever the agenda's length."""
    summaries = case_summaries(item.case for item in agenda)
    table = summary_table([summaries[item.case_id] for item in agenda])
    return AgendaTable(table.headings, list(zip(agenda, table.cells, strict=True)))
