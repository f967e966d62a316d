"""Who may do what in the panels app, as predicates (django-rules)."""

from dataclasses import dataclass

import rules
from django.utils.translation import gettext as _

from core.permissions import by_rule
from core.roles import is_data_admin as _is_data_admin
from core.roles import is_opcc_staff as _is_opcc_staff

from .enums import MeetingStatus, MembershipRole, ResponseState
from .models import ConflictDeclaration, ForceLiaison, Meeting, Membership, ReviewedCase
from .models.liaisons import liaison_force_ids
from .models.panels import active_memberships

# Once a meeting reaches these, members' ratings are shown to the panel.
REVEALED = {MeetingStatus.IN_DISCUSSION, MeetingStatus.CLOSED}


@rules.predicate
def is_opcc_staff(user) -> bool:
    return _is_opcc_staff(user)


@rules.predicate
def is_data_admin(user) -> bool:
    return _is_data_admin(user)


@rules.predicate
def is_panel_member(user, meeting) -> bool:
    return meeting.panel_id in active_memberships(user)


@rules.predicate
def is_panel_chair(user, meeting) -> bool:
    membership = active_memberships(user).get(meeting.panel_id)
    return membership is not None and membership.role == MembershipRole.CHAIR


rules.add_perm("panels.view_meeting", is_opcc_staff | is_data_admin | is_panel_member)
rules.add_perm("panels.chair_meeting", is_panel_chair)
# Who has submitted, drafted, not started or declared a conflict; never what they said.
rules.add_perm("panels.view_rating_progress", is_opcc_staff | is_panel_chair)
rules.add_perm("panels.withdraw_conflict", is_opcc_staff)
rules.add_perm("panels.plan_meeting", is_opcc_staff)
rules.add_perm("panels.move_meeting", is_opcc_staff | is_panel_chair)
rules.add_perm("panels.record_decision", is_opcc_staff | is_panel_chair)
# Attendance, the panel's notes and its actions.
rules.add_perm("panels.manage_meeting_record", is_opcc_staff | is_panel_chair)
rules.add_perm("panels.draw_sample", is_opcc_staff)
rules.add_perm("panels.add_agenda_case", is_opcc_staff)


@rules.predicate
def is_rater(user, rating) -> bool:
    return user.is_authenticated and rating.membership.user_id == user.pk


@rules.predicate
def ratings_revealed(user, rating) -> bool:
    return rating.reviewed_case.meeting.status in REVEALED


# The one rule for a rating's content (category, reasons, criteria, notes, themes):
# before the reveal only its rater sees it, on any page, download or admin screen.
rules.add_perm("panels.view_rating_content", is_rater | ratings_revealed)


def can_see_rating_content(user, rating) -> bool:
    return by_rule("panels.view_rating_content", user, rating)


def panel_roles(user) -> set[str]:
    """The panel roles the user holds, in words ("Panel chair"): memberships not ended, as
    a paused one may be resumed. Told to core (core.roles.register_role_source)."""
    held = Membership.objects.filter(user=user, ended_on__isnull=True).values_list(
        "role", flat=True
    )
    # Plain words, as core's own role names (its groups' names) are.
    words = {MembershipRole.CHAIR: "Panel chair", MembershipRole.MEMBER: "Panel member"}
    return {words[role] for role in held}


@dataclass(frozen=True)
class CaseAccess:
    """What decides a user's access to one case on an agenda, loaded once per request
    (see `selectors.case_access`), so the rules below ask no further queries."""

    reviewed_case: ReviewedCase
    membership: Membership | None  # the user's active membership of the panel, if any
    declaration: ConflictDeclaration | None  # the member's current conflict answer

    @property
    def meeting(self) -> Meeting:
        return self.reviewed_case.meeting

    @property
    def is_conflicted(self) -> bool:
        return self.declaration is not None and self.declaration.has_conflict

    @property
    def declared_no_conflict(self) -> bool:
        return self.declaration is not None and not self.declaration.has_conflict


# Meetings whose members may declare conflicts and so open the papers.
DECLARING = {MeetingStatus.RATING_OPEN, MeetingStatus.IN_DISCUSSION}


def papers_refusal(user, access: CaseAccess) -> str | None:
    """Why the user may not read this case's papers, or None if they may."""
    if _is_opcc_staff(user):
        return None
    if access.membership is None:
        return _("Only members of this panel can read its case papers.")
    if access.meeting.status == MeetingStatus.PLANNED:
        return _("The case papers are shown once the meeting opens for rating.")
    if access.is_conflicted:
        return _("You declared a conflict of interest in this case, so its papers are not shown.")
    if access.declaration is None:
        if access.meeting.status in DECLARING:
            return _("Declare whether you have a conflict of interest before reading the papers.")
        return _(
            "You did not declare whether you had a conflict of interest before this meeting closed."
        )
    return None


def declaration_refusal(user, access: CaseAccess, *, has_conflict: bool) -> str | None:
    """Why the member may not give this answer now, or None if they may."""
    if access.membership is None:
        return _("Only members of this panel can declare a conflict of interest.")
    status = access.meeting.status
    if status not in DECLARING:
        return _(
            "Conflicts can only be declared while the meeting is open for rating or in discussion."
        )
    current = access.declaration
    if current is None:
        return None
    if current.has_conflict:
        if has_conflict:
            return _("You have already declared a conflict of interest in this case.")
        return _("To withdraw a conflict you declared, ask OPCC staff.")
    if not has_conflict:
        return _("You have already declared that you have no conflict of interest in this case.")
    if status != MeetingStatus.RATING_OPEN:
        return _("The panel's discussion has started: ask OPCC staff to record a conflict.")
    return None


def rating_refusal(user, access: CaseAccess) -> str | None:
    """Why the user may not rate this case now, or None if they may."""
    if access.membership is None:
        return _("Only members of this panel can rate its cases.")
    if not access.membership.is_voting:
        return _("Non-voting attendees do not rate cases.")
    return _open_for_own_view(access)


def comment_refusal(user, access: CaseAccess) -> str | None:
    """Why the user may not leave a comment for the discussion, or None if they may."""
    if access.membership is None:
        return _("Only members of this panel can comment on its cases.")
    if access.membership.is_voting:
        return _("Voting members give their view in their rating.")
    return _open_for_own_view(access)


def _open_for_own_view(access: CaseAccess) -> str | None:
    status = access.meeting.status
    if status == MeetingStatus.PLANNED:
        return _("Rating has not opened for this meeting yet.")
    if status in REVEALED:
        return _("The panel's discussion has started, so members' views can no longer be changed.")
    if access.is_conflicted:
        return _("You declared a conflict of interest in this case.")
    if access.declaration is None:
        return _("Declare whether you have a conflict of interest first.")
    return None


def _allowed(refusal):
    @rules.predicate(name=refusal.__name__.replace("_refusal", "_allowed"))
    def predicate(user, access) -> bool:
        return access is not None and refusal(user, access) is None

    return predicate


rules.add_perm("panels.read_case_papers", _allowed(papers_refusal))
rules.add_perm("panels.rate_case", _allowed(rating_refusal))
rules.add_perm("panels.comment_on_case", _allowed(comment_refusal))


@rules.predicate
def is_commenter(user, comment) -> bool:
    return user.is_authenticated and comment.membership.user_id == user.pk


@rules.predicate
def comments_revealed(user, comment) -> bool:
    return comment.reviewed_case.meeting.status in REVEALED


# A non-voting attendee's comment is for the discussion: hidden like a rating until then.
rules.add_perm("panels.view_case_comment", is_commenter | comments_revealed)


@rules.predicate
def meeting_revealed(user, meeting) -> bool:
    return meeting.status in REVEALED


# The chair's view of everyone's ratings: for the panel and OPCC staff, once revealed.
rules.add_perm("panels.view_discussion", (is_opcc_staff | is_panel_member) & meeting_revealed)

# A meeting's full record (every rating, decision, note, action) for the panel's files.
rules.add_perm("panels.export_meeting", (is_opcc_staff | is_panel_chair) & meeting_revealed)


# The force liaison: answers for one force. Not a panel member, so none of the rules above
# (ratings, papers, the discussion, exports) ever say yes to them.


@rules.predicate
def is_force_liaison(user, force) -> bool:
    return force is not None and force.pk in liaison_force_ids(user)


@rules.predicate
def is_action_liaison(user, action) -> bool:
    return action.force_id is not None and action.force_id in liaison_force_ids(user)


@rules.predicate
def chairs_action_panel(user, action) -> bool:
    if action.meeting_id is None:
        return False
    membership = active_memberships(user).get(action.meeting.panel_id)
    return membership is not None and membership.role == MembershipRole.CHAIR


# An action addressed to a force, with its responses: its liaison, OPCC staff, and the
# chair of the panel that agreed it.
rules.add_perm("panels.view_force_action", is_opcc_staff | is_action_liaison | chairs_action_panel)


@rules.predicate
def may_open_response_action(user, response) -> bool:
    return by_rule("panels.view_force_action", user, response.action)


@rules.predicate
def response_approved(user, response) -> bool:
    return response.state == ResponseState.APPROVED


@rules.predicate
def sees_response_meeting(user, response) -> bool:
    meeting = response.action.meeting
    return meeting is not None and by_rule("panels.view_meeting", user, meeting)


# One of the force's responses, with who sent it and when: those who may open its action
# see every one; whoever else sees the meeting's actions (its panel) sees approved ones
# only, as a response awaiting review or returned is between the force and OPCC staff.
# Its evidence stays on the action's page, for those who may open it.
rules.add_perm(
    "panels.view_action_response",
    may_open_response_action | (response_approved & sees_response_meeting),
)


@rules.predicate
def is_any_force_liaison(user) -> bool:
    return bool(liaison_force_ids(user))


@rules.predicate
def chairs_a_panel(user) -> bool:
    return any(m.role == MembershipRole.CHAIR for m in active_memberships(user).values())


# The list of actions addressed to a force: OPCC staff see every force's, a liaison their
# forces', a chair those of the panels they chair (panels.liaison.selectors says which).
rules.add_perm("panels.list_force_actions", is_opcc_staff | is_any_force_liaison | chairs_a_panel)
# Answering it (a closed action is refused by the service, with a message saying so).
rules.add_perm("panels.answer_action", is_action_liaison)


def review_refusal(user, response) -> str | None:
    """Why the user may not approve or return this response of the force, or None if they
    may. The force does not check its own answers: whoever sent it, or answers for the
    force now, is refused even if they are OPCC staff too (a group is granted in the
    Django admin, where nothing else stops it)."""
    if not _is_opcc_staff(user):
        return _("Only OPCC staff review the force's responses.")
    if response.submitted_by_id == user.pk:
        return _("You sent this response, so someone else at the OPCC must review it.")
    if response.action.force_id in liaison_force_ids(user):
        return _(
            "You are a liaison for this force, so someone else at the OPCC must review "
            "its responses."
        )
    return None


# Approving or returning a force's response before it can be published.
rules.add_perm("panels.review_action_response", _allowed(review_refusal))
# The panel's decisions on a force's cases, once meetings close, by reference (never
# ratings, who said what, or the papers), to take back to officers.
rules.add_perm("panels.view_force_feedback", is_opcc_staff | is_force_liaison)
# Granting and ending the role.
rules.add_perm("panels.manage_force_liaisons", is_opcc_staff | is_data_admin)


def liaison_roles(user) -> set[str]:
    """The role "Force liaison", if the user holds it for any force (not ended). Told to core
    (core.roles.register_role_source), as `panel_roles` is."""
    held = ForceLiaison.objects.filter(user=user, ended_on__isnull=True).exists()
    return {"Force liaison"} if held else set()
