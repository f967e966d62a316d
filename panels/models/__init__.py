"""The panels models, one module per part of the work; every model is importable from here."""

from .follow_up import Action, Observation
from .frameworks import Criterion, Framework, OutcomeCategory, Theme
from .meetings import Meeting, MeetingQuerySet, MeetingStatusChange
from .panels import Membership, Panel
from .ratings import ConflictDeclaration, CriterionAssessment, Decision, Rating
from .reviewed_cases import ReviewedCase
from .sampling import SampleDraw, SampleDrawPool

__all__ = [
    "Framework",
    "OutcomeCategory",
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
    "CriterionAssessment",
    "Decision",
    "Observation",
    "Action",
]
