"""Reads for the dip sample's pages."""

from ..models import Meeting


def latest_draw(*, meeting: Meeting):
    """The meeting's latest sample draw (or None) and how many draws it has had (one
    query: a meeting is drawn once, or a few times at most)."""
    draws = list(meeting.draws.all())
    return (draws[0] if draws else None), len(draws)
