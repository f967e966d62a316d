"""The force's latest approved response to an action, as published notes carry it (what a
published findings report carries too: panels.queries.approved_responses)."""

import datetime

from django.utils import timezone


def latest_approved(action) -> tuple[str, datetime.date] | None:
    """(text, day sent) of the newest response OPCC staff approved, or None. `action` comes
    with `approved_responses` prefetched, newest first."""
    approved = action.approved_responses
    if not approved:
        return None
    reply = approved[0]
    return reply.text, timezone.localdate(reply.submitted_at)
