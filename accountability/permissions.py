"""Who may do what in the Commissioner's accountability scrutiny, as predicates
(django-rules), asked through core.permissions.by_rule so a superuser is no exception.

OPCC staff run it; a Commissioner group, where a deployment has one, may also record the
decision on a topic; the force liaison of a meeting's force answers the questions sent to
it. Panel members, as such, have no part in it.
"""

import rules

from core.roles import is_commissioner as _is_commissioner
from core.roles import is_opcc_staff as _is_opcc_staff
from panels.permissions import is_force_liaison, liaison_force_ids


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


@rules.predicate
def is_any_force_liaison(user) -> bool:
    return bool(liaison_force_ids(user))


@rules.predicate
def is_question_liaison(user, question) -> bool:
    """The liaison of the question's force, once the question has been sent to it."""
    return question.sent_at is not None and question.meeting.force_id in liaison_force_ids(user)


@rules.predicate
def is_meeting_liaison(user, meeting) -> bool:
    return is_force_liaison(user, meeting.force)


# The liaison's list of the questions put to their force.
rules.add_perm("accountability.view_force_questions", is_any_force_liaison)
# Answering one sent to their force (the service refuses once the meeting is decided).
rules.add_perm("accountability.answer_question", is_question_liaison)
# The force's evidence: OPCC staff and the Commissioner, and the force's own liaison.
rules.add_perm("accountability.view_evidence", is_opcc_staff | is_commissioner | is_meeting_liaison)
