"""The figures frozen with a published version of a meeting's notes: each topic's decision
with the decisions before it, and the actions. The public accountability page, its feed and
its open data read these, never the live rows."""

from .presenters import MeetingNotes

KIND = "notes"


def notes_figures(presented: MeetingNotes) -> dict:
    meeting = presented.meeting
    return {
        "kind": KIND,
        "meeting_date": meeting.date.isoformat(),
        "theme": meeting.theme,
        "force": meeting.force.code,
        "questions": presented.question_count,
        "topics": [_topic(topic, meeting.date) for topic in presented.topics],
        "actions": [
            {
                "number": a.number,
                "action": a.description,
                "owner": a.owner,
                "due_date": a.due_date.isoformat() if a.due_date else None,
                "force_response": a.response,
            }
            for a in presented.actions
        ],
    }


def _topic(topic, day) -> dict:
    return {
        "topic_id": topic.pk,
        "topic": topic.title,
        "questions": len(topic.questions),
        "level": topic.level,
        "level_label": topic.level_label if topic.level else "",
        "decided_on": day.isoformat() if topic.level else None,
        "earlier": [
            {"date": d.date.isoformat(), "level": d.level, "level_label": d.label}
            for d in topic.earlier
        ],
    }


def notes_csv_rows(figures: dict):
    """The notes' decisions, one row a topic, for the version's own CSV."""
    yield ["topic", "meeting_date", "assurance_level", "questions"]
    for topic in figures["topics"]:
        yield [topic["topic"], figures["meeting_date"], topic["level_label"], topic["questions"]]
