"""Everything a meeting's published notes will say, with where each part is changed, for the
disclosure check findings reports pass (reports/disclosure.py)."""

from django.urls import reverse

from .. import markup
from .presenters import MeetingNotes


def notes_texts(report, presented: MeetingNotes) -> list[tuple[str, str, str]]:
    """(location, words, fix address) for each part of the notes."""
    texts = [("Title", report.title, "")]
    if presented.meeting.theme:
        texts.append(("Theme", presented.meeting.theme, ""))
    for section in presented.sections.values():
        edit = reverse("reports:section_edit", args=[report.pk, section.key])
        where = f"Section “{section.heading}”"
        texts.append((where, section.heading, f"{edit}#id_heading"))
        texts.append((where, markup.plain(section.body), f"{edit}#id_body"))
    for topic in presented.topics:
        texts.append((f"Topic “{topic.title}”", topic.title, ""))
        for question in topic.questions:
            where = f"Question {question.number}"
            texts.append((where, question.text, ""))
            texts.append((f"{where}, summary of evidence", markup.plain(question.summary), ""))
        texts.append((f"Decision on “{topic.title}”", topic.rationale, ""))
    for n, (heading, text) in enumerate(presented.other_areas, start=1):
        texts.append((f"Other area {n}", f"{heading}. {markup.plain(text)}", ""))
    for action in presented.actions:
        where = f"Action {action.number}"
        texts.append((where, f"{action.description} {action.owner}", ""))
        if action.response:
            texts.append((f"{where}, the force's response", action.response, ""))
    return texts
