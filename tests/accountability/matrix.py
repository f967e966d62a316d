"""The accountability scrutiny's part of the URL × role access matrix
(tests/test_access_matrix.py) and of its world: each side's force gets a topic and a
scrutiny meeting whose question has been sent, answered with evidence, summarised and
decided, with a further question drafted, an other area, a numbered action and a
follow-up.

OPCC staff have every OPCC-side page (the Commissioner role is optional and not in the
matrix's cast: tests/accountability covers it). The liaison pages are the force's
liaisons' alone: another force's liaison is refused A's questions and evidence (404)."""

import datetime

from accountability import services
from accountability.models import ScrutinyMeeting, Topic
from panels.models import ForceLiaison
from tests import factories
from tests.cases import pdfs

OPCC = frozenset({"olu"})
ROOT = frozenset({"root"})
# The force's liaisons in the matrix's cast, when it has them (lee for force A, lena for
# force B); whoever is not in the cast is simply not asked.
LIAISON_A = frozenset({"lee"})
LIAISONS = frozenset({"lee", "lena"})

OPCC_PAGES = [
    "index",
    "topic_add",
    "topic_detail",
    "topic_welsh",
    "meeting_add",
    "meeting_detail",
    "meeting_edit",
    "meeting_reopen",
    "question_add",
    "question_detail",
    "question_edit",
    "question_remove",
    "questions_send",
    "summary",
    "decision",
    "other_area_add",
    "other_area_edit",
    "action_add",
    "action_edit",
    "action_status",
    "follow_up_add",
    "follow_up_edit",
    "follow_up_remove",
]
MODELS = [
    "topic",
    "scrutinymeeting",
    "question",
    "questionanswer",
    "evidencedocument",
    "evidencesummary",
    "topicdecision",
    "otherarea",
    "scrutinyaction",
    "followup",
]


def entries(page, post_only, cast: frozenset) -> dict:
    """The matrix entries, made with the matrix's own `page` and `post_only`; the liaisons
    are named only if `cast` has them."""
    liaison_a, liaisons = LIAISON_A & cast, LIAISONS & cast
    return {
        **{f"accountability:{name}": page(OPCC) for name in OPCC_PAGES},
        "accountability:meeting_move": post_only(OPCC),
        "accountability:force_questions": page(liaisons),
        "accountability:answer": page(liaison_a),
        "accountability:evidence_add": page(liaison_a),
        "accountability:evidence_download": page(OPCC, liaison_a),
        # Nobody of the cast is given the accountability models in the admin but root.
        **{
            f"admin:accountability_{model}_{kind}": page(ROOT)
            for model in MODELS
            for kind in ["changelist", "change"]
        },
    }


def _liaison(s):
    """The force's liaison: the cast's if the world has one, else one of our own."""
    found = ForceLiaison.objects.filter(force=s.force, is_active=True).order_by("pk").first()
    if found is not None:
        return found.user
    user = f"liaison-{s.label.lower()}"
    return factories.ForceLiaisonFactory(force=s.force, user__username=user).user


def build(s, *, olu) -> None:
    """The side's accountability scrutiny, decided, with one of everything."""
    s.acc_liaison = _liaison(s)
    s.topic = Topic.objects.create(force=s.force, title=f"Out of court resolutions {s.label}")
    day = datetime.date.today() + datetime.timedelta(days=40 + len(s.label))
    s.scrutiny = ScrutinyMeeting.objects.create(force=s.force, date=day)
    s.scrutiny.topics.set([s.topic])
    s.question = services.question_save(
        meeting=s.scrutiny, by=olu, topic=s.topic, text=f"Question of force {s.label}?"
    )
    services.questions_send(meeting=s.scrutiny, by=olu, due_date=day - datetime.timedelta(days=10))
    s.question.refresh_from_db()
    answer = services.question_answer_save(
        question=s.question, by=s.acc_liaison, text=f"Answer of force {s.label}."
    )
    s.answer_evidence = services.evidence_upload(
        answer=answer, by=s.acc_liaison, title=f"Dashboard {s.label}", chunks=[pdfs.text_pdf()]
    )
    services.evidence_summary_save(question=s.question, by=olu, text=f"Summary {s.label}.")
    services.topic_decision_save(
        meeting=s.scrutiny, topic=s.topic, by=olu, level="partly_assured", rationale="Plans."
    )
    # A further question drafted once the evidence is in, not yet sent: it may be removed.
    s.draft_question = services.question_save(
        meeting=s.scrutiny, by=olu, topic=s.topic, text=f"Draft of force {s.label}?"
    )
    s.other_area = services.other_area_save(meeting=s.scrutiny, by=olu, heading="FTR48")
    s.scrutiny_action = services.scrutiny_action_save(
        meeting=s.scrutiny, by=olu, description=f"Plan {s.label}.", owner="Force and OPCC"
    )
    s.follow_up = services.follow_up_add(
        meeting=s.scrutiny,
        topic=s.topic,
        by=olu,
        due_date=day + datetime.timedelta(days=182),
        text="A further performance update",
    )
    s.scrutiny.refresh_from_db()


KWARGS = {
    "accountability:topic_detail": lambda w, s: {"pk": s.topic.pk},
    "accountability:topic_welsh": lambda w, s: {"pk": s.topic.pk},
    **{
        f"accountability:{name}": lambda w, s: {"pk": s.scrutiny.pk}
        for name in [
            "meeting_detail",
            "meeting_edit",
            "meeting_move",
            "meeting_reopen",
            "question_add",
            "questions_send",
            "other_area_add",
            "action_add",
            "follow_up_add",
        ]
    },
    **{
        f"accountability:{name}": lambda w, s: {"pk": s.question.pk}
        for name in ["question_edit", "question_detail", "summary", "answer", "evidence_add"]
    },
    "accountability:question_remove": lambda w, s: {"pk": s.draft_question.pk},
    "accountability:decision": lambda w, s: {"pk": s.scrutiny.pk, "topic_pk": s.topic.pk},
    "accountability:other_area_edit": lambda w, s: {"pk": s.other_area.pk},
    "accountability:action_edit": lambda w, s: {"pk": s.scrutiny_action.pk},
    "accountability:action_status": lambda w, s: {"pk": s.scrutiny_action.pk},
    "accountability:evidence_download": lambda w, s: {"pk": s.answer_evidence.pk},
    "accountability:follow_up_edit": lambda w, s: {"pk": s.follow_up.pk},
    "accountability:follow_up_remove": lambda w, s: {"pk": s.follow_up.pk},
}

# OPCC staff's pages that change one force's record, for the id-swap check that another
# force's liaison is refused them before anything is looked up.
OPCC_CHANGES = [
    "accountability:meeting_reopen",
    "accountability:follow_up_edit",
    "accountability:follow_up_remove",
]

# The liaison's pages of one force's objects: another force's liaison gets 404.
FORCE_SCOPED = ["accountability:answer", "accountability:evidence_add"]
FORCE_DOWNLOADS = ["accountability:evidence_download"]
