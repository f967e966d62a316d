"""The member's task lists as the home page shows them: each case's status in words, its
GOV.UK tag and its link, and how near the rating deadline is; and how far members agreed
(Fleiss' kappa) in words. The selectors say where
things stand (`panels.rating.selectors.member_home`); this says how it reads."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cases.kinds.presenters import (
    CaseSummary,
    SectionRows,
    case_sections,
    case_summaries,
    case_title,
    source_words,
)
from core.bilingual import shown
from core.templatetags.cached_url import cached_reverse

from ..models import Meeting, Membership, ReviewedCase
from ..tags import Tag
from .agreement import MIN_CASES, Kappa
from .selectors import (
    COMPLETED,
    CONFLICT,
    IN_PROGRESS,
    NOT_STARTED,
    READ_ONLY,
    CaseRecord,
    MeetingTasks,
    MemberTask,
)

# Task-list statuses, worded as the GOV.UK task list pattern words them.
TASK_LABELS = {
    NOT_STARTED: gettext_lazy("Not started"),
    IN_PROGRESS: gettext_lazy("In progress"),
    COMPLETED: gettext_lazy("Completed"),
    CONFLICT: gettext_lazy("Conflict declared"),
    READ_ONLY: gettext_lazy("Read only"),
}

# The GOV.UK tag colour of each status shown as a tag; the others are plain text.
TASK_TAGS = {
    NOT_STARTED: "govuk-tag--blue",
    IN_PROGRESS: "govuk-tag--light-blue",
    CONFLICT: "govuk-tag--grey",
}


@dataclass(frozen=True)
class TaskRow:
    reviewed_case: ReviewedCase
    status: str
    label: str
    tag: str  # the tag's colour class, or "" when the status is shown as plain text
    url: str
    summary: CaseSummary  # its title and hint: "Theft", "Community Resolution"


@dataclass(frozen=True)
class TaskList:
    meeting: Meeting
    membership: Membership
    tasks: list[TaskRow]
    rated: int
    to_rate: int
    conflicts: int
    due: str  # "overdue", "due today", "due tomorrow", "due in N days" or ""
    due_tag: Tag | None  # the warning tag shown instead of `due`, when it is one


@dataclass(frozen=True)
class CasePapers:
    """A case as its papers read: the core every kind shares, under the kind's own words,
    then the kind's sections in order, each saying who imported it and when."""

    title: str  # "Harassment", "Stop and search": beside the case's number
    date_label: str  # "Outcome date", "Date of search"
    facts_label: str  # "Facts at decision"
    sections: list[SectionRows]


def case_papers(case, record: CaseRecord) -> CasePapers:
    kind = case.kind
    return CasePapers(
        title=case_title(case),
        date_label=shown(kind, "date_label"),
        facts_label=shown(kind, "facts_label"),
        sections=case_sections(
            case, record.sections, source_words(case, record.sections, record.sources)
        ),
    )


def task_url_name(status: str) -> str:
    """Where a task's link goes: the papers, or first the conflict question."""
    return "panels:conflict_declare" if status == CONFLICT else "panels:case_papers"


def task_row(task: MemberTask, summary: CaseSummary) -> TaskRow:
    reviewed = task.reviewed_case
    return TaskRow(
        reviewed_case=reviewed,
        status=task.status,
        label=TASK_LABELS[task.status],
        tag=TASK_TAGS.get(task.status, ""),
        # A hundred of these on a long task list: remembered (core.templatetags.cached_url).
        url=cached_reverse(task_url_name(task.status), [reviewed.meeting_id, reviewed.position]),
        summary=summary,
    )


def rating_due(item: MeetingTasks) -> str:
    """ "overdue", "due today", "due tomorrow" or "due in N days" when the deadline is a
    week away or nearer; blank otherwise or once every case is rated."""
    days = item.days_left
    if days is None or days > 7 or item.rated >= item.to_rate:
        return ""
    if days < 0:
        return "overdue"
    return {0: "due today", 1: "due tomorrow"}.get(days, f"due in {days} days")


DUE_TAGS = {
    "overdue": Tag(gettext_lazy("Rating overdue"), "govuk-tag--red"),
    "due today": Tag(gettext_lazy("Rating due today"), "govuk-tag--orange"),
}


def _due_words(due: str, days: int | None) -> str:
    """`rating_due`'s words as the page shows them (in the page's language)."""
    if due == "due tomorrow":
        return _("due tomorrow")
    if due.startswith("due in "):
        return ngettext("due in %(days)s day", "due in %(days)s days", days) % {"days": days}
    return due


def task_list(item: MeetingTasks, summaries: dict[int, CaseSummary]) -> TaskList:
    due = rating_due(item)
    return TaskList(
        meeting=item.meeting,
        membership=item.membership,
        tasks=[task_row(task, summaries[task.reviewed_case.case_id]) for task in item.tasks],
        rated=item.rated,
        to_rate=item.to_rate,
        conflicts=item.conflicts,
        due=_due_words(due, item.days_left),
        due_tag=DUE_TAGS.get(due),
    )


def task_lists(items: list[MeetingTasks]) -> list[TaskList]:
    """The member's task lists (`member_home`), as the home page shows them; each case's
    summary read with one query for all of them."""
    summaries = case_summaries(task.reviewed_case.case for item in items for task in item.tasks)
    return [task_list(item, summaries) for item in items]


# Landis and Koch (1977), the usual plain-words reading of kappa.
BANDS = [
    (0.0, gettext_lazy("poor agreement (worse than chance)")),
    (0.20, gettext_lazy("slight agreement")),
    (0.40, gettext_lazy("fair agreement")),
    (0.60, gettext_lazy("moderate agreement")),
    (0.80, gettext_lazy("substantial agreement")),
    (1.0, gettext_lazy("almost perfect agreement")),
]


def kappa_reading(kappa: Kappa) -> str:
    """Kappa in plain words: its Landis and Koch band."""
    if kappa.value is None:
        return _("Not enough ratings to measure agreement.")
    return next(words for upper, words in BANDS if kappa.value <= upper + 1e-12)


def kappa_too_few(kappa: Kappa) -> str:
    """What the pages say instead of a figure over too few cases."""
    return ngettext(
        "Agreement cannot be judged yet: kappa needs at least %(least)s cases with two "
        "or more ratings, and there is %(count)s.",
        "Agreement cannot be judged yet: kappa needs at least %(least)s cases with two "
        "or more ratings, and there are %(count)s.",
        kappa.cases,
    ) % {"least": MIN_CASES, "count": kappa.cases}
