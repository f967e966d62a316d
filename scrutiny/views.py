from dataclasses import dataclass

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from accountability import home as accountability_home
from cases import selectors as case_selectors
from cases.enums import CaseStatus
from cases.models import Case
from core import two_factor
from core.audit import AuditEvent, record
from core.roles import is_data_admin, is_opcc_staff
from panels.enums import MeetingStatus
from panels.liaison import selectors as liaison_selectors
from panels.meetings import selectors as meeting_selectors
from panels.rating import presenters as rating_presenters
from panels.rating import selectors as rating_selectors
from reports import selectors as report_selectors

from .forms import (
    AppCodeForm,
    PasswordResetForm,
    RecoveryCodeForm,
    SetPasswordForm,
    SignInForm,
    locked_out_message,
)

__all__ = [
    "PasswordResetConfirmView",
    "PasswordResetForm",
    "SetPasswordForm",
    "SignInView",
    "home",
    "sign_in_locked_out",
    "two_factor_recovery",
    "two_factor_recovery_codes_new",
    "two_factor_setup",
    "two_factor_verify",
]


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    redirect_authenticated_user = True
    extra_context = {"page_title": gettext_lazy("Sign in")}

    def form_valid(self, form):
        """Signed in with the password; whoever must use two-factor goes on to it."""
        response = super().form_valid(form)
        step = two_factor.next_step(self.request)
        if step is None:
            return response
        return redirect(two_factor.step_url(step, response.url))


def sign_in_locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE), status 429.

    On our sign-in page the form already says why (SignInForm), so the page is kept as
    it is; elsewhere (the admin's own sign-in) a plain page says the same words."""
    if original_response is not None and request.resolver_match.view_name == "login":
        original_response.status_code = 429
        return original_response
    context = {"page_title": _("Too many failed attempts"), "message": locked_out_message()}
    return render(request, "registration/locked_out.html", context, status=429)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    extra_context = {"page_title": gettext_lazy("Choose a new password")}

    def form_valid(self, form):
        """A new password also lifts a lockout on the account's username, as the
        lockout message promises."""
        response = super().form_valid(form)
        axes_reset(username=form.user.get_username())
        record(
            AuditEvent.SECURITY,
            form.user,
            request=self.request,
            actor=form.user,
            summary="Password changed with a reset link",
        )
        return response


# Two-factor authentication (core/two_factor.py) -----------------------------------------

_REFUSALS = {
    two_factor.Outcome.WRONG: gettext_lazy(
        "The code is not right. Enter the code your app shows now"
    ),
    two_factor.Outcome.REUSED: gettext_lazy(
        "This code has already been used. Wait for your app to show a new code, then enter that"
    ),
    two_factor.Outcome.TOO_MANY: gettext_lazy(
        "Too many wrong codes. Wait a minute, then try again"
    ),
}
_RECOVERY_REFUSALS = {
    **_REFUSALS,
    two_factor.Outcome.WRONG: gettext_lazy(
        "This recovery code is not right or has already been used. Enter one you have not used"
    ),
}


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@login_required
def two_factor_setup(request):
    """Set up an authenticator app: QR code and secret, then a code to confirm it."""
    if two_factor.app_device(request.user) is not None:
        return _two_factor_status(request)
    device = two_factor.app_setup_start(user=request.user)
    form = AppCodeForm(request.POST or None)
    if form.is_valid():
        code = form.cleaned_data["code"]
        codes = two_factor.app_setup_confirm(request=request, device=device, code=code)
        if codes is not None:
            return _recovery_codes_page(request, codes)
        form.add_error("code", _REFUSALS[two_factor.Outcome.WRONG])
    context = {
        "page_title": _("Set up two-factor authentication"),
        "form": form,
        "qr_svg": two_factor.qr_svg(device),
        "secret": two_factor.secret_text(device),
        "next": _next_url(request),
    }
    return render(request, "two_factor/setup.html", context)


def _two_factor_status(request):
    context = {
        "page_title": _("Two-factor authentication"),
        "codes_left": two_factor.recovery_codes_left(request.user),
        "verified": two_factor.is_verified(request.user),
    }
    return render(request, "two_factor/status.html", context)


def _recovery_codes_page(request, codes: list[str]):
    context = {
        "page_title": _("Save your recovery codes"),
        "codes": codes,
        "next": _next_url(request),
    }
    return render(request, "two_factor/recovery_codes.html", context)


@require_POST
@login_required
def two_factor_recovery_codes_new(request):
    """Ten new recovery codes, for a session that has passed two-factor."""
    if not two_factor.is_verified(request.user):
        # The new codes are asked for by POST: after the code, back to the page with the button.
        return redirect(two_factor.step_url("two_factor:verify", reverse("two_factor:setup")))
    return _recovery_codes_page(request, two_factor.recovery_codes_issue(request=request))


@login_required
def two_factor_verify(request):
    """After the password: the code the authenticator app shows."""
    return _verify_page(
        request,
        AppCodeForm,
        two_factor.app_code_verify,
        _REFUSALS,
        {"page_title": _("Enter the code from your authenticator app")},
    )


@login_required
def two_factor_recovery(request):
    """After the password, without the app: one of the recovery codes."""
    return _verify_page(
        request,
        RecoveryCodeForm,
        two_factor.recovery_code_verify,
        _RECOVERY_REFUSALS,
        {"page_title": _("Enter a recovery code"), "recovery": True},
    )


def _verify_page(request, form_class, verify, refusals, context):
    next_url = _next_url(request)
    if two_factor.is_verified(request.user):
        return redirect(next_url)
    if two_factor.app_device(request.user) is None:
        return redirect(two_factor.step_url("two_factor:setup", next_url))
    form = form_class(request.POST or None)
    if form.is_valid():
        result = verify(request=request, code=form.cleaned_data["code"])
        if result.outcome is two_factor.Outcome.ACCEPTED:
            _say_codes_left(request, result.recovery_codes_left)
            return redirect(next_url)
        form.add_error("code", refusals[result.outcome])
    context = {**context, "form": form, "next": next_url}
    return render(request, "two_factor/verify.html", context)


def _say_codes_left(request, left: int | None) -> None:
    if left is None:
        return
    text = ngettext(
        "You have %(left)s recovery code left.", "You have %(left)s recovery codes left.", left
    ) % {"left": left}
    if left <= 3:
        text += " " + _("Get new ones from Two-factor authentication.")
    messages.info(request, text)


def home(request):
    """Each role's starting point; for visitors who are not signed in, the public site."""
    if not request.user.is_authenticated:
        context = {"page_title": _("Scrutiny panels' findings")}
        return render(request, "public_home.html", context)
    return _signed_in_home(request)


def _signed_in_home(request):
    """What is waiting for each role, and the next thing to do."""
    user = request.user
    context = {"page_title": _("Your work"), "sections": []}
    if is_data_admin(user):
        context["data_admin"] = _data_admin_summary(user)
    if is_opcc_staff(user):
        context["opcc"] = _opcc_summary(user)
    today = timezone.localdate()
    context["liaison"] = liaison_selectors.liaison_home(user=user, today=today)
    context["accountability_staff"] = accountability_home.staff_work(user=user, today=today)
    context["accountability_force"] = accountability_home.force_work(user=user, today=today)
    chaired = meeting_selectors.chaired_meetings(user=user).exclude(status=MeetingStatus.CLOSED)
    context["chaired"] = [
        (m, rating_selectors.rating_progress(meeting=m))
        for m in meeting_selectors.order_meetings(chaired)
    ]
    context["tasks"] = rating_presenters.task_lists(rating_selectors.member_home(user=user))
    context["past"] = meeting_selectors.past_meetings(user=user)
    context["waiting"] = _waiting(user, context["tasks"], context.get("opcc"))
    keys = ("waiting", "tasks", "past", "chaired", "opcc", "data_admin", "liaison")
    keys += ("accountability_staff", "accountability_force")
    if not any(context.get(key) for key in keys):
        # Only shown when there is nothing else to show.
        context["my_meetings"] = meeting_selectors.meetings_in_order(user=user)[:10]
    return render(request, "home.html", context)


@dataclass(frozen=True)
class Waiting:
    """One line of "Waiting for you": what it is, and where to do it."""

    text: str
    url: str
    hint: str = ""


def _waiting(user, tasks, opcc: dict | None = None) -> list[Waiting]:
    """What waits for this person: reports to approve, cases to rate, their actions."""
    waiting = []
    to_approve = report_selectors.reports_to_approve(user=user)
    if len(to_approve) == 1:
        url = reverse("reports:report_detail", args=[to_approve[0].pk])
        waiting.append(Waiting(_("A report is waiting for your approval"), url))
    elif to_approve:
        url = reverse("reports:report_list")
        text = ngettext(
            "%(count)s report is waiting for your approval",
            "%(count)s reports are waiting for your approval",
            len(to_approve),
        ) % {"count": len(to_approve)}
        waiting.append(Waiting(text, url))
    for item in tasks:
        left = item.to_rate - item.rated
        if item.membership.is_voting and left > 0:
            deadline = item.meeting.rating_deadline
            text = _cases_to_rate(left, deadline)
            waiting.append(Waiting(text, f"{reverse('home')}#meeting-{item.meeting.pk}"))
    today = timezone.localdate()
    for action in meeting_selectors.actions_owned_by(user=user):
        url = reverse("panels:meeting_detail", args=[action.meeting_id]) + "#actions"
        text = (
            _("An action is due on %(date)s") % {"date": date_format(action.due_date, "j F Y")}
            if action.due_date
            else _("An action is open")
        )
        hint = _("%(panel)s, meeting of %(date)s") % {
            "panel": action.meeting.panel.name,
            "date": date_format(action.meeting.date, "j F Y"),
        }
        if liaison_selectors.is_overdue_without_response(action, today=today):
            hint += _("; overdue: no response from the force")
        waiting.append(Waiting(text, url, hint))
    count = opcc["force"]["to_review"] if opcc else 0
    if count:
        text = ngettext(
            "%(count)s force response waiting for your review",
            "%(count)s force responses waiting for your review",
            count,
        ) % {"count": count}
        waiting.append(Waiting(text, reverse("panels:force_action_list")))
    return waiting


def _cases_to_rate(left: int, deadline) -> str:
    if deadline is None:
        return ngettext("%(count)s case to rate", "%(count)s cases to rate", left) % {"count": left}
    return ngettext(
        "%(count)s case to rate by %(date)s", "%(count)s cases to rate by %(date)s", left
    ) % {"count": left, "date": date_format(deadline, "j F")}


def _data_admin_summary(user) -> dict:
    cases = Case.objects.for_user(user)
    return {
        "pool_size": cases.filter(status=CaseStatus.IN_POOL).count(),
        "case_count": cases.count(),
        "recent_batches": case_selectors.batch_list(user=user, limit=5),
        "open_findings": case_selectors.open_finding_count(user=user),
    }


def _opcc_summary(user) -> dict:
    """Meetings by status, each list in the order the meetings page uses (upcoming
    soonest first, then past latest first), with the figures the page links from."""
    ordered = meeting_selectors.meetings_in_order(user=user)
    by_status = {status: [] for status in MeetingStatus.values}
    for meeting in ordered:
        by_status[meeting.status].append(meeting)
    recent_closed = {m.pk for m in by_status[MeetingStatus.CLOSED][:5]}
    return {
        # One list in the meetings page's order; of the closed meetings, the latest five.
        "meetings": [
            m
            for m in ordered
            if m.status != MeetingStatus.CANCELLED
            and (m.status != MeetingStatus.CLOSED or m.pk in recent_closed)
        ],
        "planned": by_status[MeetingStatus.PLANNED],
        "rating_open": by_status[MeetingStatus.RATING_OPEN],
        "in_discussion": by_status[MeetingStatus.IN_DISCUSSION],
        "closed": by_status[MeetingStatus.CLOSED][:5],
        "open_actions": meeting_selectors.open_action_count(user=user),
        "overdue_actions": meeting_selectors.action_list(user=user, state="overdue").count(),
        "force": liaison_selectors.opcc_force_work(today=timezone.localdate()),
    }
