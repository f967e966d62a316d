"""Writes for the Commissioner's accountability scrutiny, each in one transaction."""

from .answers import evidence_upload, question_answer_save
from .outcomes import (
    action_fingerprint,
    evidence_summary_save,
    follow_up_add,
    other_area_save,
    previous_decision,
    scrutiny_action_save,
    topic_decision_save,
)
from .planning import (
    question_remove,
    question_save,
    questions_send,
    scrutiny_meeting_create,
    scrutiny_meeting_move,
    scrutiny_meeting_update,
    topic_create,
)

__all__ = [
    "action_fingerprint",
    "evidence_summary_save",
    "evidence_upload",
    "follow_up_add",
    "other_area_save",
    "previous_decision",
    "question_answer_save",
    "question_remove",
    "question_save",
    "questions_send",
    "scrutiny_action_save",
    "scrutiny_meeting_create",
    "scrutiny_meeting_move",
    "scrutiny_meeting_update",
    "topic_create",
    "topic_decision_save",
]
