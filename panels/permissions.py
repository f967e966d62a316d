"""Who may do what in the panels app, as predicates (django-rules)."""

import rules

from core.roles import is_data_admin as _is_data_admin
from core.roles import is_opcc_staff as _is_opcc_staff

from .enums import MeetingStatus, MembershipRole

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
    return meeting.panel.memberships.filter(user=user, is_active=True).exists()


@rules.predicate
def is_panel_chair(user, meeting) -> bool:
    return meeting.panel.memberships.filter(
        user=user, is_active=True, role=MembershipRole.CHAIR
    ).exists()


rules.add_perm("panels.view_meeting", is_opcc_staff | is_data_admin | is_panel_member)
rules.add_perm("panels.read_case_papers", is_opcc_staff | is_panel_member)
rules.add_perm("panels.chair_meeting", is_panel_chair)
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
    # Asked of the rule set alone: Django's model backend would let a superuser
    # through every permission, and blindness has no exception.
    return rules.has_perm("panels.view_rating_content", user, rating)
