"""Who may do what in the Commissioner's accountability scrutiny, as predicates
(django-rules), asked through core.permissions.by_rule so a superuser is no exception.

OPCC staff run it; a Commissioner group, where a deployment has one, may also record the
decision on a topic; the force liaison of a meeting's force answers the questions sent to
it. Panel members, as such, have no part in it.
"""

import rules

from core.roles import is_commissioner as _is_commissioner
from core.roles import is_opcc_staff as _is_opcc_staff


@rules.predicate
def is_opcc_staff(user) -> bool:
    return _is_opcc_staff(user)


@rules.predicate
def is_commissioner(user) -> bool:
    return _is_commissioner(user)


# Plan meetings, draft and send questions, summarise evidence, other areas, actions and
# follow-ups.
rules.add_perm("accountability.manage", is_opcc_staff)
rules.add_perm("accountability.view_scrutiny", is_opcc_staff | is_commissioner)
rules.add_perm("accountability.record_decision", is_opcc_staff | is_commissioner)
