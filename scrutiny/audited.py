"""What the audit trail records of each model (django-auditlog's tracking list).

Narrative and personal fields are left out: the trail says who changed a case or a
rating and when, never what a member wrote or what a case says.
"""

_CASE_NARRATIVE = [
    "previous_offending",
    "conditions",
    "facts_at_decision",
    "later_information",
    "extra",
    "updated_at",
]
TRACKED_MODELS = [
    {"model": "auth.User", "exclude_fields": ["password", "last_login"], "m2m_fields": ["groups"]},
    "cases.Force",
    "cases.OutcomeType",
    {"model": "cases.ExtractBatch", "exclude_fields": ["summary"]},
    {"model": "cases.Case", "exclude_fields": _CASE_NARRATIVE},
    "cases.PrivacyFinding",
    "cases.CaseDocument",
    "cases.DocumentFinding",
    "cases.RecordKind",
    "cases.RecordSection",
    "cases.RecordField",
    "panels.Framework",
    "panels.OutcomeCategory",
    "panels.CriterionGroup",
    "panels.Criterion",
    "panels.Theme",
    "panels.Panel",
    "panels.Membership",
    "panels.Meeting",
    "panels.ReviewedCase",
    {"model": "panels.SampleDraw", "exclude_fields": ["selected_references"]},
    # A conflict's details are the member's own words about themselves.
    {"model": "panels.ConflictDeclaration", "exclude_fields": ["details"]},
    {"model": "panels.Rating", "include_fields": ["status", "version", "submitted_at"]},
    {"model": "panels.CaseComment", "exclude_fields": ["text", "updated_at"]},
    {"model": "panels.Decision", "m2m_fields": ["themes"], "exclude_fields": ["updated_at"]},
    "panels.Observation",
    "panels.Action",
    "panels.Attendance",
    "panels.ForceLiaison",
    "panels.ActionResponse",
    "panels.ResponseEvidence",
    # The Commissioner's accountability scrutiny: who set or changed what, and when.
    "accountability.Topic",
    {"model": "accountability.ScrutinyMeeting", "m2m_fields": ["topics"]},
    "accountability.Question",
    {"model": "accountability.QuestionAnswer", "exclude_fields": ["text"]},
    {"model": "accountability.EvidenceDocument", "exclude_fields": ["stored_name"]},
    {"model": "accountability.EvidenceSummary", "exclude_fields": ["updated_at"]},
    "accountability.TopicDecision",
    "accountability.OtherArea",
    "accountability.ScrutinyAction",
    "accountability.FollowUp",
    "reports.FindingsReport",
    "reports.ReportSection",
    "reports.StandingText",
    "reports.ThemeBackground",
    "reports.ReasonBullet",
    "reports.DisclosureAcceptance",
    {"model": "reports.SupportService", "m2m_fields": ["panels"]},
    "reports.PublishedVersion",
    # The force's own figures; an import (one bulk insert) is recorded as one entry.
    {"model": "reports.ForceFigure", "exclude_fields": ["updated_at"]},
]
