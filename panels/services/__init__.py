"""Writes for the panels app: each service checks its input and runs in one transaction."""

from .agenda import agenda_add_case, sample_draw
from .meetings import (
    DecisionInput,
    StaleDecision,
    action_save,
    attendance_record,
    decision_record,
    majority_category,
    meeting_move,
    meeting_plan,
    meeting_update,
    observation_save,
)
from .ratings import (
    RatingInput,
    StaleRating,
    comment_save,
    conflict_declare,
    conflict_withdraw,
    panel_only_refusal,
    rating_save,
)

__all__ = [
    "sample_draw",
    "agenda_add_case",
    "RatingInput",
    "StaleRating",
    "conflict_declare",
    "conflict_withdraw",
    "rating_save",
    "panel_only_refusal",
    "comment_save",
    "DecisionInput",
    "StaleDecision",
    "action_save",
    "attendance_record",
    "decision_record",
    "majority_category",
    "meeting_move",
    "meeting_plan",
    "meeting_update",
    "observation_save",
]

from .people import (  # noqa: E402 (appended: running panels and their people)
    StaleEdit,
    invitation_accept,
    invitation_resend,
    membership_end,
    membership_invite,
    membership_pause,
    membership_resume,
    membership_update,
    panel_create,
    panel_update,
)

__all__ += [
    "StaleEdit",
    "invitation_accept",
    "invitation_resend",
    "membership_end",
    "membership_invite",
    "membership_pause",
    "membership_resume",
    "membership_update",
    "panel_create",
    "panel_update",
]
