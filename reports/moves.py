"""The moves a findings report's page offers, in words: the button, what it does, and
the note it asks for; and what stops a move now."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from . import disclosure, welsh
from .enums import ReportStatus
from .permissions import approval_refusal
from .readiness import too_early
from .workflow import REPORT_TRANSITIONS

S = ReportStatus

# Each move: (status, button, what it does, note label or None, note hint)
MOVES = {
    "submit": (
        S.AWAITING_APPROVAL,
        gettext_lazy("Send for approval"),
        gettext_lazy("Someone other than the last person to change it must approve it."),
        None,
        "",
    ),
    "approve": (
        S.APPROVED,
        gettext_lazy("Approve the report"),
        gettext_lazy(
            "It can then be published. It can no longer be changed unless it is returned to draft."
        ),
        None,
        "",
    ),
    "return": (
        S.DRAFT,
        gettext_lazy("Return to draft"),
        gettext_lazy("It can be changed again, then sent for approval."),
        gettext_lazy("What needs to change?"),
        gettext_lazy("The person who drafted it will see this."),
    ),
    "publish": (
        S.PUBLISHED,
        gettext_lazy("Publish the report"),
        gettext_lazy(
            "The report, its PDF and its figures are frozen and appear on the public site."
        ),
        None,
        "",
    ),
    "correct": (
        S.DRAFT,
        gettext_lazy("Start a correction"),
        gettext_lazy(
            "A new draft starts from this report. The published version stays on the public "
            "site until the correction is published."
        ),
        None,
        "",
    ),
    "withdraw": (
        S.WITHDRAWN,
        gettext_lazy("Withdraw the report"),
        gettext_lazy(
            "The report comes off the public site. Its address will say it was withdrawn and why."
        ),
        gettext_lazy("Why is it being withdrawn?"),
        gettext_lazy("This is shown to the public."),
    ),
}
CORRECTION_NOTE = (
    gettext_lazy("What does this correction change?"),
    gettext_lazy("Shown to the public."),
)
# What a move does to the report, as a refusal says it cannot be done yet.
DOING = {
    "submit": gettext_lazy("sent for approval"),
    "approve": gettext_lazy("approved"),
    "publish": gettext_lazy("published"),
}


def report_moves(report, user) -> list[tuple[str, str]]:
    """The moves this user can make now: no "Approve" for whoever changed it last."""
    allowed = REPORT_TRANSITIONS[report.status]
    return [
        (name, move[1])
        for name, move in MOVES.items()
        if move[0] in allowed
        and move_fits(report, name)
        and not (name == "approve" and approval_refusal(user, report))
    ]


def move_fits(report, name: str) -> bool:
    # Back to draft is "return" before publication and "correct" after it.
    if name == "return":
        return report.status in {S.AWAITING_APPROVAL, S.APPROVED}
    if name == "correct":
        return report.status in {S.PUBLISHED, S.WITHDRAWN}
    return True


def move_problems(user, report, move: str) -> list[str]:
    problems = welsh.missing_problems(report) if move == "submit" else []
    if MOVES[move][0] not in REPORT_TRANSITIONS[report.status] or not move_fits(report, move):
        problems.append(
            _("A report that is %(status)s cannot do this.")
            % {"status": report.get_status_display().lower()}
        )
    if move == "approve":
        refusal = approval_refusal(user, report)
        if refusal:
            problems.append(refusal)
    if move in DOING:
        refusal = too_early(report, str(DOING[move]))
        if refusal:
            problems.append(refusal)
    if move == "publish":
        open_findings = sum(1 for f in disclosure.check(report) if f.acceptance is None)
        if open_findings:
            problems.append(
                ngettext(
                    "The disclosure check found %(count)d thing to fix or accept first.",
                    "The disclosure check found %(count)d things to fix or accept first.",
                    open_findings,
                )
                % {"count": open_findings}
            )
    return problems
