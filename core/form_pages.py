"""The block every form page repeats: bind, validate, call one service, then redirect, or
show the form again with the service's errors in the error summary, or (when someone else
saved first) the 409 page that keeps the person's answers."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy

from .forms import add_service_errors
from .stale import StaleEdit

STALE_NOTICE = gettext_lazy(
    "Someone else changed this {what} while you were editing. The form shows your answers: "
    "check them against the saved details, then save again to keep yours."
)


def stale_data(data, stale: StaleEdit, *, field: str = "version"):
    """A copy of the posted data at the version saved meanwhile: the form shows the
    person's own answers, and saving again keeps them on purpose."""
    data = data.copy()
    data[field] = str(stale.version)
    return data


def handle_form(
    request,
    form,
    *,
    save: Callable[[Any], Any],
    success: Callable[[Any], Any] | str,
    render: Callable[..., HttpResponse],
    message: Callable[[Any], str] | str | None = None,
    rebind: Callable[[Any], Any] | None = None,
    what: str = "page",
    version_field: str = "version",
    notice: bool = True,
) -> HttpResponse:
    """Run `save(form)` for a valid POST and redirect to `success` (a URL, or a callable
    given what `save` returned, giving a URL or a response), with `message` flashed.

    Otherwise `render(form, status=…, stale=…)` shows the page again: with the service's
    ValidationError on the form (200), or on StaleEdit the form rebound by `rebind` to the
    person's posted answers at the saved version, a notice, and the row as saved (409).
    A page that shows the saved row beside the person's answers in a box of its own (the
    rating, the decision) passes `notice=False`, so the page has one error summary, not two.
    """
    if request.method != "POST" or not form.is_valid():
        return render(form, status=200, stale=None)
    try:
        saved = save(form)
    except StaleEdit as stale:
        if rebind is not None:
            form = rebind(stale_data(request.POST, stale, field=version_field))
            form.is_valid()
        if notice or stale.current is None:  # nothing saved to show beside the answers
            form.add_error(None, STALE_NOTICE.format(what=what))
        return render(form, status=409, stale=stale.current)
    except ValidationError as error:
        add_service_errors(form, error)
        return render(form, status=200, stale=None)
    if message:
        messages.success(request, message(saved) if callable(message) else message)
    target = success(saved) if callable(success) else success
    return target if isinstance(target, HttpResponse) else redirect(target)
