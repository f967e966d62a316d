"""A person's choice of which emails about waiting work they get."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from .form_pages import handle_form
from .forms import NotificationSettingsForm
from .notifications import notification_preferences, notification_preferences_save


@login_required
def notification_settings(request):
    current = notification_preferences(user=request.user)
    initial = {"kinds": [kind for kind, enabled in current.items() if enabled]}
    # Unticking every box posts no kinds at all: still a form to save.
    data = request.POST if request.method == "POST" else None
    form = NotificationSettingsForm(data, initial=initial)
    return handle_form(
        request,
        form,
        save=lambda form: notification_preferences_save(
            user=request.user, enabled=form.cleaned_data["kinds"]
        ),
        message=_("Your email settings have been saved"),
        success=reverse("notification_settings"),
        render=lambda form, status, stale: render(
            request,
            "core/notification_settings.html",
            {"form": form, "page_title": _("Email settings")},
            status=status,
        ),
    )
