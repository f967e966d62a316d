"""What OPCC staff (and the Commissioner) record of a meeting: summaries of evidence, the
decision per topic, other areas discussed, numbered actions and follow-ups."""

import datetime
import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.bilingual import english
from core.stale import check_version
from panels.enums import ActionStatus
from panels.meetings.notifications import action_addressed_notify
from panels.models import Action

from ..enums import AssuranceLevel
from ..models import (
    EvidenceSummary,
    FollowUp,
    OtherArea,
    Question,
    ScrutinyAction,
    ScrutinyMeeting,
    Topic,
    TopicDecision,
)
from ..workflow import DECIDING
from .common import locked_meeting, refuse_if_closed, require, required_text, saved, set_welsh

NOT_YET = gettext_lazy("The questions have not been sent to the force yet.")
NO_RATIONALE = gettext_lazy(
    "Enter the rationale for the decision: why the Commissioner is or is not assured"
)


def _deciding(meeting: ScrutinyMeeting) -> ScrutinyMeeting:
    locked = locked_meeting(meeting)
    refuse_if_closed(locked)
    if locked.status not in DECIDING:
        raise ValidationError(NOT_YET)
    return locked


def evidence_summary_save(
    *, question: Question, by, text: str, version: int = 0, text_cy: str | None = None
) -> EvidenceSummary:
    """Write or change the brief summary of the force's evidence on a question: the text
    that will be published."""
    require(by, "accountability.manage")
    text = required_text(text, field="text", message=_("Enter the summary of evidence"))
    with transaction.atomic(), english():
        _deciding(question.meeting)
        summary = EvidenceSummary.objects.select_for_update().filter(question=question).first()
        check_version(summary, version)
        if summary is None:
            summary = EvidenceSummary(question=question, version=0)
        summary.version += 1
        summary.text, summary.written_by = text, by
        set_welsh(summary, text_cy=text_cy)
        return saved(summary)


def topic_decision_save(
    *,
    meeting: ScrutinyMeeting,
    topic: Topic,
    by,
    level: str,
    rationale: str,
    version: int = 0,
    rationale_cy: str | None = None,
) -> TopicDecision:
    """Record the Commissioner's decision on one of the meeting's topics, naming the last
    decision on the same topic at an earlier meeting. A blank rationale is refused."""
    require(by, "accountability.record_decision")
    rationale = required_text(rationale, field="rationale", message=NO_RATIONALE)
    if level not in AssuranceLevel.values:
        raise ValidationError({"level": _("Select whether the Commissioner is assured")})
    with transaction.atomic(), english():
        locked = _deciding(meeting)
        if not locked.topics.filter(pk=topic.pk).exists():
            raise ValidationError(_("This topic is not on this meeting's agenda."))
        decision = (
            TopicDecision.objects.select_for_update().filter(meeting=locked, topic=topic).first()
        )
        check_version(decision, version)
        if decision is None:
            decision = TopicDecision(meeting=locked, topic=topic, version=0)
        decision.version += 1
        decision.level, decision.rationale = level, rationale
        set_welsh(decision, rationale_cy=rationale_cy)
        decision.recorded_by, decision.recorded_at = by, timezone.now()
        decision.previous = previous_decision(meeting=locked, topic=topic)
        return saved(decision)


def previous_decision(*, meeting: ScrutinyMeeting, topic: Topic) -> TopicDecision | None:
    """The last decision on `topic` at a meeting before this one."""
    return (
        TopicDecision.objects.filter(topic=topic, meeting__date__lt=meeting.date)
        .select_related("meeting")
        .order_by("-meeting__date", "-pk")
        .first()
    )


def other_area_save(
    *,
    meeting: ScrutinyMeeting,
    by,
    heading: str,
    text: str = "",
    area: OtherArea | None = None,
    version: int = 0,
    heading_cy: str | None = None,
    text_cy: str | None = None,
) -> OtherArea:
    require(by, "accountability.manage")
    heading = required_text(heading, field="heading", message=_("Enter what was discussed"))
    with transaction.atomic(), english():
        locked = locked_meeting(meeting)
        refuse_if_closed(locked)
        if area is None:
            area = OtherArea(meeting=locked, version=0)
        else:
            area = OtherArea.objects.select_for_update().get(pk=area.pk, meeting=locked)
            check_version(area, version)
        area.version += 1
        area.heading, area.text = heading, (text or "").strip()
        set_welsh(area, heading_cy=heading_cy, text_cy=text_cy)
        return saved(area)


def action_fingerprint(action: Action) -> str:
    """The action as the form saw it: an Action has no version number of its own. Read in
    English, so a page in Welsh sees the same action."""
    due = action.due_date.isoformat() if action.due_date else ""
    words = [
        action.description_en,
        action.description_cy or "",
        action.owner_en or "",
        action.owner_cy or "",
    ]
    fields = [*words, due, str(action.status)]
    return hashlib.sha256(repr(fields).encode()).hexdigest()


def scrutiny_action_save(
    *,
    meeting: ScrutinyMeeting,
    by,
    description: str,
    owner: str,
    due_date: datetime.date | None = None,
    link: ScrutinyAction | None = None,
    seen: str = "",
    description_cy: str | None = None,
    owner_cy: str | None = None,
) -> ScrutinyAction:
    """Add a numbered action to the meeting, addressed to its force, or change one. The
    action is the panels' Action, so its tracking, the force's responses and reminders
    are those of every action."""
    require(by, "accountability.manage")
    description = required_text(
        description, field="description", message=_("Enter what needs to be done")
    )
    owner = required_text(owner, field="owner", message=_("Enter who owns the action"))
    with transaction.atomic(), english():
        locked = locked_meeting(meeting)
        refuse_if_closed(locked)
        if link is None:
            action = Action(force=locked.force, status=ActionStatus.OPEN)
        else:
            action = Action.objects.select_for_update().get(pk=link.action_id)
            check_version(action, seen, of=action_fingerprint)
        action.description, action.owner, action.due_date = description, owner, due_date
        set_welsh(action, description_cy=description_cy, owner_cy=owner_cy)
        saved(action)
        if link is None:
            numbers = locked.actions.values_list("number", flat=True)
            link = saved(
                ScrutinyAction(meeting=locked, action=action, number=max(numbers, default=0) + 1)
            )
            # The force's liaisons are told as for any action addressed to the force; its
            # reminders and the liaison's answer are the panels' own (panels/liaison).
            action_addressed_notify(action=action)
    return link


def scrutiny_action_track(
    *,
    link: ScrutinyAction,
    by,
    status: str,
    due_date: datetime.date | None = None,
    seen: str = "",
) -> ScrutinyAction:
    """Set a numbered action's status and due date, before or after its meeting closes:
    actions are tracked long after the meeting that agreed them. Its wording, owner and
    number stay as the meeting left them (the published notes quote them)."""
    require(by, "accountability.manage")
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Select the action's status")})
    with transaction.atomic():
        action = Action.objects.select_for_update().get(pk=link.action_id)
        check_version(action, seen, of=action_fingerprint)
        action.status, action.due_date = status, due_date
        saved(action)
    link.action = action
    return link


def follow_up_add(
    *,
    meeting: ScrutinyMeeting,
    topic: Topic,
    by,
    due_date: datetime.date,
    text: str,
    text_cy: str | None = None,
) -> FollowUp:
    """Set a dated follow-up on a topic at this meeting ("a further performance update in
    six months"); it cannot fall before the meeting it was set at."""
    require(by, "accountability.manage")
    text = required_text(text, field="text", message=_("Enter what is to follow"))
    with transaction.atomic(), english():
        locked = locked_meeting(meeting)
        refuse_if_closed(locked)
        if not locked.topics.filter(pk=topic.pk).exists():
            raise ValidationError({"topic": _("Select one of this meeting's topics")})
        if due_date < locked.date:
            raise ValidationError(
                {
                    "due_date": _("The follow-up must be due on or after the meeting, %(date)s")
                    % {"date": date_format(locked.date, "j F Y")}
                }
            )
        follow_up = FollowUp(topic=topic, meeting=locked, due_date=due_date, text=text, set_by=by)
        set_welsh(follow_up, text_cy=text_cy)
        return saved(follow_up)
