from django import template
from django.utils.dateformat import format as date_format
from django.utils.timezone import is_aware, localtime
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.forms import error_summary

register = template.Library()


@register.filter
def summary_errors(form) -> list[tuple[str, str]]:
    """A form's errors as (anchor, message) pairs for includes/error_summary.html."""
    if hasattr(form, "summary_errors"):
        return form.summary_errors()
    return error_summary(form)


@register.filter
def govuk_time(value) -> str:
    """A time as GOV.UK writes it: "9:30am", "2:41pm", "midday"."""
    if not value:
        return ""
    value = localtime(value) if is_aware(value) else value
    if (value.hour, value.minute) == (12, 0):
        return _("midday")
    hour = value.hour % 12 or 12
    half = pgettext("time", "am") if value.hour < 12 else pgettext("time", "pm")
    return f"{hour}:{value.minute:02d}{half}"


@register.filter
def govuk_datetime(value) -> str:
    """ "2 December 2026 at 2:41pm", in Welsh "2 Rhagfyr 2026 am 2:41yp" """
    if not value:
        return ""
    value = localtime(value) if is_aware(value) else value
    return _("%(date)s at %(time)s") % {
        "date": date_format(value, "j F Y"),
        "time": govuk_time(value),
    }
