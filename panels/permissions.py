"""Who may do what in the panels app, as predicates (django-rules)."""

import rules

from core.roles import is_data_admin as _is_data_admin
from core.roles import is_opcc_staff as _is_opcc_staff

from .enums import MembershipRole


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
