"""What the accountability views share: the role gates and the one form page template."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse

from core.permissions import by_rule
from panels.people.selectors import can_manage_people

from .. import presenters, selectors

FORM_TEMPLATE = "accountability/form.html"


def rule_required(perm: str):
    """A view for those the rule set grants `perm`: others signed in are refused (403)
    before anything is looked up, so an address says nothing of what exists."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not by_rule(perm, request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


staff_view = rule_required("accountability.view_scrutiny")
staff_edit = rule_required("accountability.manage")


def form_page(request, context: dict, *, back_url: str, back_text: str):
    """The `render` handle_form calls: the form page with a back link."""

    def show(form, status, stale):
        page = {**context, "form": form, "back_url": back_url, "back_text": back_text}
        return render(request, FORM_TEMPLATE, page, status=status)

    return show


def flash(request, text: str) -> None:
    messages.success(request, text)


def posted(request):
    """The posted data, or None for a GET: an empty POST is still an answer, and gets the
    error messages, where `posted(request)` would show a blank form."""
    return request.POST if request.method == "POST" else None


def liaison_warning(request, force) -> dict:
    """The form page's warning when `force` has no active liaison to email, with the way
    to invite one for those who may."""
    if selectors.force_has_liaison(force=force):
        return {}
    invite = reverse("panels:liaison_list") if can_manage_people(request.user) else ""
    return {"no_liaison": presenters.no_liaison_warning(force), "invite_url": invite}


def with_liaison_note(force, text: str) -> str:
    """A success message, saying so when nobody was emailed."""
    if selectors.force_has_liaison(force=force):
        return text
    return text + presenters.no_liaison_sent(force)
