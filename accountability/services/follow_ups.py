"""Changing and removing a follow-up set at a meeting, while the meeting's record is open
(setting one is `follow_up_add`, with the meeting's other outcomes)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from core.bilingual import english
from core.stale import check_version

from ..models import FollowUp, Topic
from .common import locked_meeting, refuse_if_closed, require, required_text, saved, set_welsh


def _locked_follow_up(follow_up: FollowUp, version: int) -> FollowUp:
    """The follow-up locked, at the version the form saw, its meeting's record open."""
    refuse_if_closed(locked_meeting(follow_up.meeting))
    current = FollowUp.objects.select_for_update().filter(pk=follow_up.pk).first()
    if current is None:
        raise ValidationError(_("This follow-up has been removed."))
    check_version(current, version)
    return current


def follow_up_change(
    *,
    follow_up: FollowUp,
    by,
    topic: Topic,
    due_date: datetime.date,
    text: str,
    version: int,
    text_cy: str | None = None,
) -> FollowUp:
    """Change what is to follow, on which topic and when; it still cannot fall before the
    meeting it was set at."""
    require(by, "accountability.manage")
    text = required_text(text, field="text", message=_("Enter what is to follow"))
    with transaction.atomic(), english():
        current = _locked_follow_up(follow_up, version)
        meeting = current.meeting
        if not meeting.topics.filter(pk=topic.pk).exists():
            raise ValidationError({"topic": _("Select one of this meeting's topics")})
        if due_date < meeting.date:
            raise ValidationError(
                {
                    "due_date": _("The follow-up must be due on or after the meeting, %(date)s")
                    % {"date": date_format(meeting.date, "j F Y")}
                }
            )
        current.topic, current.due_date, current.text = topic, due_date, text
        set_welsh(current, text_cy=text_cy)
        current.version += 1
        return saved(current)


def follow_up_remove(*, follow_up: FollowUp, by, version: int) -> None:
    """Take a follow-up set by mistake off the meeting (the audit trail keeps it)."""
    require(by, "accountability.manage")
    with transaction.atomic():
        _locked_follow_up(follow_up, version).delete()
