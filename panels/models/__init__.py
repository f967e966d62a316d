"""The panels models, one module per part of the work; every model is importable from here."""

from .follow_up import Action, Attendance, Observation
from .frameworks import Criterion, CriterionGroup, Framework, OutcomeCategory, Theme
from .liaisons import ForceLiaison
from .meetings import Meeting, MeetingQuerySet, MeetingStatusChange
from .panels import Membership, Panel
from .ratings import (
    CaseComment,
    ConflictDeclaration,
    CriterionAssessment,
    Decision,
    DecisionAssessment,
    Rating,
    RatingReminder,
    RatingVersion,
)
from .responses import ActionResponse, ResponseEvidence
from .reviewed_cases import ReviewedCase
from .sampling import SampleDraw, SampleDrawPool

__all__ = [
    "Framework",
    "OutcomeCategory",
    "CriterionGroup",
    "Criterion",
    "Theme",
    "Panel",
    "Membership",
    "MeetingQuerySet",
    "Meeting",
    "MeetingStatusChange",
    "SampleDraw",
    "SampleDrawPool",
    "ReviewedCase",
    "ConflictDeclaration",
    "Rating",
    "RatingVersion",
    "CaseComment",
    "RatingReminder",
    "CriterionAssessment",
    "Decision",
    "DecisionAssessment",
    "Observation",
    "Action",
    "Attendance",
    "ForceLiaison",
    "ActionResponse",
    "ResponseEvidence",
]
