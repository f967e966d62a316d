"""Everything a meeting's published notes will say, with where each part is changed, for the
disclosure check findings reports pass (reports/disclosure.py)."""

from django.urls import reverse

from .. import markup
from .presenters import MeetingNotes


def notes_texts(report, presented: MeetingNotes) -> list[tuple[str, str, str]]:
    """(location, words, fix address) for each part of the notes. A question sent to the
    force is final, as are the topic's title and the force's response: a finding in them
    can only be accepted."""
    meeting = presented.meeting
    texts = [("Title", report.title, "")]
    if meeting.theme:
        texts.append(("Theme", meeting.theme, _at("meeting_edit", [meeting.pk], "id_theme")))
    for section in presented.sections.values():
        edit = reverse("reports:section_edit", args=[report.pk, section.key])
        where = f"Section “{section.heading}”"
        texts.append((where, section.heading, f"{edit}#id_heading"))
        texts.append((where, markup.plain(section.body), f"{edit}#id_body"))
    for topic in presented.topics:
        texts.append((f"Topic “{topic.title}”", topic.title, ""))
        for question in topic.questions:
            where = f"Question {question.number}"
            summary = _at("summary", [question.pk], "id_text")
            texts.append((where, question.text, ""))
            texts.append((f"{where}, summary of evidence", markup.plain(question.summary), summary))
        decision = _at("decision", [meeting.pk, topic.pk], "id_rationale")
        texts.append((f"Decision on “{topic.title}”", topic.rationale, decision))
        for (_due, text), pk in zip(topic.follow_ups, topic.follow_up_ids, strict=True):
            edit = _at("follow_up_edit", [pk], "id_text")
            texts.append((f"Follow-up on “{topic.title}”", text, edit))
    for n, ((heading, text), pk) in enumerate(
        zip(presented.other_areas, presented.other_area_ids, strict=True), start=1
    ):
        words = f"{heading}. {markup.plain(text)}"
        texts.append((f"Other area {n}", words, _at("other_area_edit", [pk], "id_heading")))
    for action in presented.actions:
        where = f"Action {action.number}"
        edit = _at("action_edit", [action.link_pk], "id_description")
        texts.append((where, f"{action.description} {action.owner}", edit))
        if action.response:
            # Changed by withdrawing the approval, so the force can send a corrected one,
            # as in a findings report (reports/disclosure.py).
            withdraw = reverse("panels:response_withdraw", args=[action.response_pk])
            texts.append(
                (f"{where}, the force's response", action.response, f"{withdraw}#id_reason")
            )
    return texts


def _at(name: str, args: list, field_id: str) -> str:
    """An accountability page where these words are changed, down to the field."""
    return f"{reverse(f'accountability:{name}', args=args)}#{field_id}"
