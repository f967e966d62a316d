"""Follow-ups: a follow-up stays open until a later scrutiny meeting records the
Commissioner's decision on its topic ("a further performance update in six months" is met
by the meeting that hears it). Past its due date and still open, it is overdue, and it
stays in view (home pages, the liaison's questions page) until it is met."""

import datetime

from django.db.models import OuterRef, QuerySet, Subquery

from .models import FollowUp, TopicDecision


def with_state(follow_ups: QuerySet[FollowUp]) -> QuerySet[FollowUp]:
    """Each follow-up with `met_on`: the date of the first later meeting that recorded a
    decision on its topic, or None while it is open."""
    later = TopicDecision.objects.filter(
        topic_id=OuterRef("topic_id"), meeting__date__gt=OuterRef("meeting__date")
    ).order_by("meeting__date")
    return follow_ups.annotate(met_on=Subquery(later.values("meeting__date")[:1]))


def still_open(follow_ups: QuerySet[FollowUp], *, until: datetime.date) -> QuerySet[FollowUp]:
    """Follow-ups not yet met that are due by `until`: overdue ones included, soonest first."""
    return (
        with_state(follow_ups)
        .filter(met_on__isnull=True, due_date__lte=until)
        .order_by("due_date", "pk")
    )
