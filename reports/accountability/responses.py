"""The force's latest approved response to an action, as published notes carry it."""

import datetime


def latest_approved(action) -> tuple[str, datetime.date | None] | None:
    """(text, date) of the response OPCC staff last approved for publication, or None."""
    if action.force_response.strip():
        return action.force_response.strip(), action.responded_at
    return None
