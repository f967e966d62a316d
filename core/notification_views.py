"""A person's choice of which emails about waiting work they get."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from .forms import NotificationSettingsForm, add_service_errors
from .notifications import notification_preferences, notification_preferences_save


@login_required
def notification_settings(request):
    current = notification_preferences(user=request.user)
    initial = {"kinds": [kind for kind, enabled in current.items() if enabled]}
    # Unticking every box posts no kinds at all: still a form to save.
    data = request.POST if request.method == "POST" else None
    form = NotificationSettingsForm(data, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            notification_preferences_save(user=request.user, enabled=form.cleaned_data["kinds"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Your email settings have been saved")
            return redirect("notification_settings")
    context = {"form": form, "page_title": "Email settings"}
    return render(request, "core/notification_settings.html", context)
