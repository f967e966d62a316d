"""Reads for the accountability pages: each scoped to who may see it, so a view never
runs a bare query. OPCC-side pages check the role first (403); the liaison's pages find
rows only among their own forces' (404 for another force's)."""

import datetime

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.urls import reverse

from cases.models import Force
from core.permissions import by_rule
from panels.models.liaisons import ForceLiaison, liaison_force_ids

from . import follow_up_states
from .models import (
    EvidenceDocument,
    FollowUp,
    OtherArea,
    Question,
    ScrutinyAction,
    ScrutinyMeeting,
    Topic,
    TopicDecision,
)


def forces() -> QuerySet[Force]:
    return Force.objects.order_by("name")


def topics_with_latest() -> QuerySet[Topic]:
    """Every topic with its latest decision's level and date (None before the first)."""
    latest = TopicDecision.objects.filter(topic=OuterRef("pk")).order_by("-meeting__date", "-pk")
    return (
        Topic.objects.select_related("force")
        .annotate(
            latest_level=Subquery(latest.values("level")[:1]),
            latest_date=Subquery(latest.values("meeting__date")[:1]),
        )
        .order_by("title", "pk")
    )


def scrutiny_meetings() -> QuerySet[ScrutinyMeeting]:
    return ScrutinyMeeting.objects.select_related("force").order_by("-date", "pk")


def topic_get(*, pk: int) -> Topic:
    return get_object_or_404(Topic.objects.select_related("force"), pk=pk)


def topic_decisions(*, topic: Topic) -> QuerySet[TopicDecision]:
    """The topic's decisions, latest first, each with the one it followed."""
    return (
        TopicDecision.objects.filter(topic=topic)
        .select_related("meeting", "previous__meeting", "recorded_by")
        .order_by("-meeting__date", "-pk")
    )


def topic_follow_ups(*, topic: Topic):
    return follow_up_states.with_state(topic.follow_ups.select_related("meeting")).order_by(
        "due_date", "pk"
    )


def meeting_get(*, pk: int) -> ScrutinyMeeting:
    return get_object_or_404(ScrutinyMeeting.objects.select_related("force"), pk=pk)


def meeting_topics(*, meeting: ScrutinyMeeting) -> list[Topic]:
    return list(meeting.topics.order_by("title", "pk"))


def meeting_questions(*, meeting: ScrutinyMeeting) -> QuerySet[Question]:
    return (
        meeting.questions.select_related(
            "topic", "answer__submitted_by", "evidence_summary__written_by"
        )
        .prefetch_related("answer__documents")
        .order_by("number")
    )


def topic_questions(*, meeting: ScrutinyMeeting, topic: Topic) -> QuerySet[Question]:
    """The meeting's questions on one topic, with whether the force answered and the
    summaries (one query)."""
    return (
        meeting.questions.filter(topic=topic)
        .select_related("topic", "answer", "evidence_summary")
        .order_by("number")
    )


def meeting_decisions(*, meeting: ScrutinyMeeting) -> dict[int, TopicDecision]:
    rows = meeting.decisions.select_related("previous__meeting", "recorded_by")
    return {decision.topic_id: decision for decision in rows}


def meeting_actions(*, meeting: ScrutinyMeeting) -> QuerySet[ScrutinyAction]:
    return meeting.actions.select_related("action").order_by("number")


def meeting_follow_ups(*, meeting: ScrutinyMeeting):
    return meeting.follow_ups.select_related("topic").order_by("due_date", "pk")


def meeting_history(*, meeting: ScrutinyMeeting):
    return meeting.status_history.select_related("changed_by").order_by("changed_at", "pk")


def question_get(*, pk: int) -> Question:
    queryset = Question.objects.select_related(
        "meeting__force", "topic", "answer__submitted_by", "evidence_summary__written_by"
    )
    return get_object_or_404(queryset, pk=pk)


def meeting_question(*, meeting: ScrutinyMeeting, pk: int):
    return get_object_or_404(meeting.questions.select_related("topic"), pk=pk)


def meeting_topic(*, meeting: ScrutinyMeeting, pk: int) -> Topic:
    return get_object_or_404(meeting.topics.all(), pk=pk)


def other_area_get(*, pk: int) -> OtherArea:
    return get_object_or_404(OtherArea.objects.select_related("meeting__force"), pk=pk)


def follow_up_get(*, pk: int) -> FollowUp:
    return get_object_or_404(FollowUp.objects.select_related("meeting__force", "topic"), pk=pk)


def scrutiny_action_get(*, pk: int) -> ScrutinyAction:
    queryset = ScrutinyAction.objects.select_related("meeting__force", "action")
    return get_object_or_404(queryset, pk=pk)


def action_status_url(user, action) -> str | None:
    """The page where OPCC staff track one of the scrutiny's actions (told to the force's
    action pages, which know nothing of this app): None for anyone else, or another
    action."""
    if action.meeting_id is not None or not by_rule("accountability.manage", user):
        return None
    link = ScrutinyAction.objects.filter(action_id=action.pk).values_list("pk", flat=True)
    pk = link.first()
    return reverse("accountability:action_status", args=[pk]) if pk else None


def answer_documents(*, question: Question) -> list[EvidenceDocument]:
    answer = getattr(question, "answer", None)
    return list(answer.documents.order_by("uploaded_at", "pk")) if answer else []


# --- the force's liaison -------------------------------------------------------------


def force_has_liaison(*, force: Force) -> bool:
    """Whether anyone answers for `force` in the service: an active liaison."""
    return ForceLiaison.objects.filter(force=force, is_active=True, user__is_active=True).exists()


def force_questions(*, user) -> QuerySet[Question]:
    """The questions sent to the liaison's forces, newest meeting first."""
    return (
        Question.objects.filter(
            sent_at__isnull=False, meeting__force_id__in=liaison_force_ids(user)
        )
        .select_related("meeting__force", "topic", "answer")
        .prefetch_related(Prefetch("answer__documents"))
        .order_by("-meeting__date", "number")
    )


def force_follow_ups(*, user, today) -> QuerySet[FollowUp]:
    """The follow-ups set on the topics of the liaison's forces and not yet met, soonest
    first, overdue ones included: the topic, what is expected and when (the reminder links
    here). Nothing else of the meeting, such as its decision before the notes are published."""
    return follow_up_states.still_open(
        FollowUp.objects.filter(topic__force_id__in=liaison_force_ids(user))
        .select_related("topic")
        .only("pk", "due_date", "text", "topic__title"),
        until=datetime.date.max,
    )


def force_question(*, user, pk: int) -> Question:
    """One question sent to the liaison's force; another force's, or a draft, is not found."""
    return get_object_or_404(force_questions(user=user), pk=pk)


def evidence_for_user(*, user, pk: int, staff: bool) -> EvidenceDocument:
    """An evidence document: any for OPCC staff (`staff`), only their forces' for a liaison."""
    queryset = EvidenceDocument.objects.select_related("answer__question__meeting__force")
    if not staff:
        queryset = queryset.filter(
            answer__question__sent_at__isnull=False,
            answer__question__meeting__force_id__in=liaison_force_ids(user),
        )
    return get_object_or_404(queryset, pk=pk)
