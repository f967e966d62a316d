from django.contrib.auth import views as auth_views
from django.shortcuts import render

from cases import selectors as case_selectors
from cases.enums import CaseStatus
from cases.models import Case
from core.roles import is_data_admin, is_opcc_staff
from panels import selectors as panel_selectors
from panels.enums import MeetingStatus

from .forms import PasswordResetForm, SetPasswordForm, SignInForm

__all__ = ["PasswordResetForm", "SetPasswordForm", "SignInView", "home"]


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    redirect_authenticated_user = True
    extra_context = {"page_title": "Sign in"}


def home(request):
    """Each role's starting point; for visitors who are not signed in, the public site."""
    if not request.user.is_authenticated:
        return render(request, "public_home.html", {"page_title": "Scrutiny panels' findings"})
    return _signed_in_home(request)


def _signed_in_home(request):
    """What is waiting for each role, and the next thing to do."""
    user = request.user
    context = {"page_title": "Your work", "sections": []}
    if is_data_admin(user):
        context["data_admin"] = _data_admin_summary(user)
    if is_opcc_staff(user):
        context["opcc"] = _opcc_summary(user)
    context["chaired"] = [
        (m, panel_selectors.rating_progress(meeting=m))
        for m in panel_selectors.chaired_meetings(user=user).exclude(status=MeetingStatus.CLOSED)
    ]
    context["tasks"] = panel_selectors.member_home(user=user)
    context["past"] = panel_selectors.past_meetings(user=user)
    context["my_meetings"] = panel_selectors.meeting_list(user=user)[:10]
    return render(request, "home.html", context)


def _data_admin_summary(user) -> dict:
    cases = Case.objects.for_user(user)
    return {
        "pool_size": cases.filter(status=CaseStatus.IN_POOL).count(),
        "case_count": cases.count(),
        "recent_batches": case_selectors.batch_list(user=user, limit=5),
        "open_findings": case_selectors.open_finding_count(user=user),
    }


def _opcc_summary(user) -> dict:
    meetings = panel_selectors.meeting_list(user=user)
    return {
        "planned": meetings.filter(status=MeetingStatus.PLANNED).order_by("date"),
        "rating_open": meetings.filter(status=MeetingStatus.RATING_OPEN).order_by("date"),
        "in_discussion": meetings.filter(status=MeetingStatus.IN_DISCUSSION).order_by("date"),
        "closed": meetings.filter(status=MeetingStatus.CLOSED)[:5],
        "open_actions": panel_selectors.open_action_count(user=user),
    }
