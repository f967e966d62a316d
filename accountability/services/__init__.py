"""Writes for the Commissioner's accountability scrutiny, each in one transaction."""

from .answers import evidence_upload, question_answer_save
from .follow_ups import follow_up_change, follow_up_remove
from .outcomes import (
    action_fingerprint,
    evidence_summary_save,
    follow_up_add,
    other_area_save,
    previous_decision,
    scrutiny_action_save,
    scrutiny_action_track,
    topic_decision_save,
)
from .planning import (
    question_remove,
    question_save,
    question_welsh_save,
    questions_send,
    scrutiny_meeting_create,
    scrutiny_meeting_move,
    scrutiny_meeting_update,
    topic_create,
    topic_welsh_save,
)
from .record import scrutiny_meeting_reopen

__all__ = [
    "action_fingerprint",
    "evidence_summary_save",
    "evidence_upload",
    "follow_up_add",
    "follow_up_change",
    "follow_up_remove",
    "other_area_save",
    "previous_decision",
    "question_answer_save",
    "question_remove",
    "question_save",
    "question_welsh_save",
    "questions_send",
    "scrutiny_action_save",
    "scrutiny_action_track",
    "scrutiny_meeting_create",
    "scrutiny_meeting_move",
    "scrutiny_meeting_reopen",
    "scrutiny_meeting_update",
    "topic_create",
    "topic_decision_save",
    "topic_welsh_save",
]
