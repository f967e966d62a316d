"""What the force liaison's page tests share: an action addressed to Lee's force, and a
response from him."""

import datetime

from panels.models import Action, ActionResponse


def force_action(meeting, **fields) -> Action:
    return Action.objects.create(
        meeting=meeting,
        force=meeting.panel.force,
        description=fields.pop("description", "Brief supervisors on recording admissions."),
        owner="Force OoCR lead",
        due_date=fields.pop("due_date", datetime.date(2026, 3, 1)),
        **fields,
    )


def response_from(user, action, **fields) -> ActionResponse:
    return ActionResponse.objects.create(
        action=action,
        text=fields.pop("text", "Supervisors were briefed in February."),
        proposed_status=fields.pop("proposed_status", "completed"),
        submitted_by=user,
        **fields,
    )
