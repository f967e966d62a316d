"""The accountability models; every model is importable from here."""

from .meetings import (
    EvidenceDocument,
    EvidenceSummary,
    Question,
    QuestionAnswer,
    ScrutinyMeeting,
    ScrutinyMeetingStatusChange,
    Topic,
)
from .outcomes import FollowUp, OtherArea, ScrutinyAction, TopicDecision

__all__ = [
    "Topic",
    "ScrutinyMeeting",
    "ScrutinyMeetingStatusChange",
    "Question",
    "QuestionAnswer",
    "EvidenceDocument",
    "EvidenceSummary",
    "TopicDecision",
    "OtherArea",
    "ScrutinyAction",
    "FollowUp",
]
