"""Writes for the chair's meeting: each service checks its input and runs in one transaction.

- `meeting`: planning a meeting and moving it on.
- `decisions`: the panel's decisions, attendance, notes and actions.
"""

from .decisions import (
    DecisionInput,
    action_fingerprint,
    action_save,
    attendance_record,
    decision_record,
    majority_category,
    observation_save,
)
from .meeting import meeting_move, meeting_plan, meeting_update

__all__ = [
    "DecisionInput",
    "action_fingerprint",
    "action_save",
    "attendance_record",
    "decision_record",
    "majority_category",
    "meeting_move",
    "meeting_plan",
    "meeting_update",
    "observation_save",
]
