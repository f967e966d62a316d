"""The accountability pages' part of the query budgets (tests/test_query_budgets.py): a
scrutiny meeting on the world's force with questions sent, answered with evidence,
summarised and decided, earlier decisions on its topic, an other area, actions and a
follow-up, all growing with the world's size so a query per row would show."""

import datetime

from accountability import services
from accountability.models import ScrutinyMeeting, Topic
from tests import factories
from tests.cases import pdfs


def build(w) -> None:
    many = max(2, w.n // 5)  # 2 in the small world, 8 in the large
    w.acc_liaison = factories.ForceLiaisonFactory(force=w.force, user__username="acc-liaison").user
    w.users["acc_liaison"] = w.acc_liaison
    w.topic = Topic.objects.create(force=w.force, title="Out of court resolutions")
    for year in range(2000, 2000 + many):  # the topic's history
        earlier = ScrutinyMeeting.objects.create(
            force=w.force, date=datetime.date(year, 9, 1), status="evidence_received"
        )
        earlier.topics.set([w.topic])
        services.topic_decision_save(
            meeting=earlier, topic=w.topic, by=w.olu, level="assured", rationale="Fine."
        )
    day = datetime.date.today() + datetime.timedelta(days=60)
    w.scrutiny = ScrutinyMeeting.objects.create(force=w.force, date=day)
    w.scrutiny.topics.set([w.topic])
    questions = [
        services.question_save(meeting=w.scrutiny, by=w.olu, topic=w.topic, text=f"Q{n}?")
        for n in range(many)
    ]
    services.questions_send(meeting=w.scrutiny, by=w.olu, due_date=day)
    for question in questions:
        question.refresh_from_db()
        services.question_answer_save(question=question, by=w.acc_liaison, text="A.")
        services.evidence_summary_save(question=question, by=w.olu, text="S.")
    w.question = questions[0]
    w.question.refresh_from_db()
    for n in range(2):
        w.evidence = services.evidence_upload(
            answer=w.question.answer,
            by=w.acc_liaison,
            title=f"Doc {n}",
            chunks=[pdfs.text_pdf([f"Evidence page {n}"])],
        )
    services.topic_decision_save(
        meeting=w.scrutiny, topic=w.topic, by=w.olu, level="partly_assured", rationale="R."
    )
    w.draft_question = services.question_save(
        meeting=w.scrutiny, by=w.olu, topic=w.topic, text="A further question?"
    )
    w.other_area = services.other_area_save(meeting=w.scrutiny, by=w.olu, heading="FTR48")
    for n in range(many):
        w.scrutiny_action = services.scrutiny_action_save(
            meeting=w.scrutiny, by=w.olu, description=f"Action {n}.", owner="Force"
        )
        w.follow_up = services.follow_up_add(
            meeting=w.scrutiny,
            topic=w.topic,
            by=w.olu,
            due_date=day + datetime.timedelta(days=30 + n),
            text="Update",
        )


def _meeting(w):
    return {"pk": w.scrutiny.pk}


def _question(w):
    return {"pk": w.question.pk}


PAGES = {
    "accountability:index": ("olu", None),
    "accountability:topic_add": ("olu", None),
    "accountability:topic_detail": ("olu", lambda w: {"pk": w.topic.pk}),
    "accountability:topic_welsh": ("olu", lambda w: {"pk": w.topic.pk}),
    "accountability:meeting_add": ("olu", None),
    "accountability:meeting_detail": ("olu", _meeting),
    "accountability:meeting_edit": ("olu", _meeting),
    "accountability:question_add": ("olu", _meeting),
    "accountability:question_detail": ("olu", _question),
    "accountability:question_edit": ("olu", _question),
    "accountability:question_remove": ("olu", lambda w: {"pk": w.draft_question.pk}),
    "accountability:questions_send": ("olu", _meeting),
    "accountability:summary": ("olu", _question),
    "accountability:decision": ("olu", lambda w: {"pk": w.scrutiny.pk, "topic_pk": w.topic.pk}),
    "accountability:other_area_add": ("olu", _meeting),
    "accountability:other_area_edit": ("olu", lambda w: {"pk": w.other_area.pk}),
    "accountability:action_add": ("olu", _meeting),
    "accountability:action_edit": ("olu", lambda w: {"pk": w.scrutiny_action.pk}),
    "accountability:action_status": ("olu", lambda w: {"pk": w.scrutiny_action.pk}),
    "accountability:follow_up_add": ("olu", _meeting),
    "accountability:follow_up_edit": ("olu", lambda w: {"pk": w.follow_up.pk}),
    "accountability:follow_up_remove": ("olu", lambda w: {"pk": w.follow_up.pk}),
    "accountability:meeting_reopen": ("olu", _meeting),
    "accountability:evidence_download": ("olu", lambda w: {"pk": w.evidence.pk}),
    "accountability:force_questions": ("acc_liaison", None),
    "accountability:answer": ("acc_liaison", _question),
    "accountability:evidence_add": ("acc_liaison", _question),
}
EXCLUDED = {"accountability:meeting_move": "POST only"}

# The most queries each page may run: measured small / large, rounded up a little.
BUDGETS = {
    "accountability:index": 6,  # 5 / 5
    "accountability:topic_add": 6,  # 5 / 5
    "accountability:topic_detail": 7,  # 6 / 6
    "accountability:topic_welsh": 5,  # 4 / 4
    "accountability:meeting_add": 8,  # 7 / 7
    "accountability:meeting_detail": 13,  # 12 / 12
    "accountability:meeting_edit": 8,  # 7 / 7
    "accountability:question_add": 7,  # 6 / 6
    "accountability:question_detail": 7,  # 6 / 6 (with its audit row)
    "accountability:question_edit": 7,  # 6 / 6
    "accountability:question_remove": 6,  # 5 / 5
    "accountability:questions_send": 7,  # 6 / 6 (with whether the force has a liaison)
    "accountability:summary": 6,  # 6 / 6 (with its audit row)
    "accountability:decision": 9,  # 8 / 8 (with the topic's questions and summaries)
    "accountability:other_area_add": 5,  # 4 / 4
    "accountability:other_area_edit": 5,  # 4 / 4
    "accountability:action_add": 6,  # 5 / 5 (with whether the force has a liaison)
    "accountability:action_edit": 5,  # 4 / 4
    "accountability:action_status": 5,  # 4 / 4
    "accountability:follow_up_add": 7,  # 6 / 6
    "accountability:follow_up_edit": 7,  # 6 / 6
    "accountability:follow_up_remove": 5,  # 4 / 4
    "accountability:meeting_reopen": 5,  # 4 / 4
    "accountability:evidence_download": 6,  # 5 / 5
    "accountability:force_questions": 8,  # 7 / 7
    "accountability:answer": 10,  # 9 / 9
    "accountability:evidence_add": 8,  # 8 / 8 (with its audit row)
}
