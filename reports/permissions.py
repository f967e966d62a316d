"""Who may do what with findings reports, as predicates (django-rules)."""

import rules
from django.utils.translation import gettext as _

from core.roles import is_opcc_staff as _is_opcc_staff

from .enums import ReportStatus


@rules.predicate
def is_opcc_staff(user) -> bool:
    return _is_opcc_staff(user)


@rules.predicate
def is_last_editor(user, report) -> bool:
    return report.last_edited_by_id == user.pk


def is_withdrawn(report) -> bool:
    """Withdrawn and not published again since. A correction started from a withdrawn
    report is back in draft with the withdrawn version still its current one, and that
    version must not return to the public site until a new one is published (which
    clears the reason)."""
    return report.status == ReportStatus.WITHDRAWN or bool(report.withdrawn_reason)


@rules.predicate
def is_public(user, report) -> bool:
    """A report the public may read: published at least once and not withdrawn."""
    return report.current_version_id is not None and not is_withdrawn(report)


# Drafts, their history and their disclosure findings are OPCC staff's alone.
rules.add_perm("reports.manage_report", is_opcc_staff)
# Four eyes: whoever changed the report last cannot be the one who approves it.
rules.add_perm("reports.approve_report", is_opcc_staff & ~is_last_editor)
rules.add_perm("reports.view_published", is_public)
# The force's own figures, shown beside reports' findings: typed or imported by OPCC staff,
# and seen only by them until a published report freezes the ones it shows.
rules.add_perm("reports.manage_force_figures", is_opcc_staff)


def approval_refusal(user, report) -> str | None:
    """Why this user may not approve this report, in words, or None if they may."""
    if rules.has_perm("reports.approve_report", user, report):
        return None
    if is_last_editor(user, report):
        return _("You made the last change to this report, so someone else must approve it.")
    return _("Only OPCC staff can approve findings reports.")


# The support services reports point to are kept by OPCC staff, who write the reports.
rules.add_perm("reports.manage_support_services", is_opcc_staff)
