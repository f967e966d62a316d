"""OPCC staff's one page of their own for notes: drafting them from a scrutiny meeting. The
draft is then the findings reports' pages' (reports/views.py), as any report is."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.roles import is_opcc_staff

from .. import selectors
from .services import notes_generate as generate


@login_required
@require_POST
def notes_generate(request, meeting_pk: int):
    if not is_opcc_staff(request.user):
        raise PermissionDenied
    meeting = selectors.scrutiny_meeting(pk=meeting_pk)
    try:
        report = generate(meeting=meeting, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reports:report_list")
    messages.success(request, _("Draft notes created from the scrutiny meeting"))
    return redirect("reports:report_detail", pk=report.pk)
