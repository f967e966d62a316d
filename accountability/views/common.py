"""What the accountability views share: the role gates and the one form page template."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from core.permissions import by_rule

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
