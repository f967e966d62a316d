"""Actions: adding, editing and listing them."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.validators import slug_re
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.form_pages import handle_form
from core.permissions import by_rule

from ... import queries
from ...enums import ActionStatus
from .. import presenters, selectors, services
from ..forms import ActionForm
from .meeting import _saved


@login_required
def action_add(request, pk: int):
    meeting = queries.meeting_for_user(
        user=request.user, pk=pk, perm="panels.manage_meeting_record"
    )
    return _action_form(request, meeting, None)


@login_required
def action_edit(request, pk: int):
    action = selectors.action_for_user(user=request.user, pk=pk)
    return _action_form(request, action.meeting, action)


def _action_form(request, meeting, action):
    if not by_rule("panels.manage_meeting_record", request.user, meeting):
        raise PermissionDenied
    context = {
        "meeting": meeting,
        "page_title": _("Change an action") if action else _("Add an action"),
    }

    seen = services.action_fingerprint(action) if action else ""

    def build(data):
        return ActionForm(data, action=action, seen=seen)

    def success(saved):
        _saved(request, meeting, saved, _("Action saved"))
        return reverse("panels:meeting_detail", args=[meeting.pk])

    return handle_form(
        request,
        build(request.POST or None),
        save=lambda form: services.action_save(
            meeting=meeting, by=request.user, action=action, **form.cleaned_data
        ),
        success=success,
        render=lambda form, status, stale: render(
            request, "panels/meeting_record_form.html", {**context, "form": form}, status=status
        ),
        rebind=build,
        version_field="seen",
        what="action",
    )


@login_required
def action_list(request):
    status = request.GET.get("status", "")
    if status not in ActionStatus.values:
        status = ""
    state = request.GET.get("state", "")
    if request.GET.get("overdue") == "1":
        state = "overdue"
    if state not in presenters.ACTION_STATES:
        state = ""
    panel = request.GET.get("panel", "")[:80]
    if panel and not slug_re.fullmatch(panel):
        # No panel has such a name (and PostgreSQL refuses a NUL character in a query).
        raise Http404("No panel has this name")
    today = timezone.localdate()
    actions = selectors.action_list(
        user=request.user, status=status, state=state, panel=panel, today=today
    )
    context = {
        "actions": actions,
        "rows": [
            (a, presenters.action_due_tag(selectors.action_due(action=a, today=today)))
            for a in actions
        ],
        "status": status,
        "state": state,
        "states": presenters.ACTION_STATES.items(),
        "panel": panel,
        "statuses": ActionStatus.choices,
        "today": today,
        "page_title": _("Actions"),
    }
    return render(request, "panels/action_list.html", context)
