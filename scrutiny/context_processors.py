from django.conf import settings
from django.urls import reverse

from core.roles import is_data_admin, is_opcc_staff


def navigation(request):
    """Service name, phase and the header links the signed-in user may follow."""
    user = getattr(request, "user", None)
    items = []
    if user is not None and user.is_authenticated:
        items.append(("Your work", reverse("home")))
        items.append(("Meetings", reverse("panels:meeting_list")))
        items.append(("Actions", reverse("panels:action_list")))
        if is_opcc_staff(user):
            items.append(("Reports", reverse("reports:report_list")))
        if is_data_admin(user):
            items.append(("Import cases", reverse("cases:upload")))
            items.append(("Audit trail", reverse("audit:list")))
        if is_data_admin(user) or user.is_staff:
            items.append(("Administration", reverse("admin:index")))
    items.append(("Published findings", reverse("public:report_list")))
    path = request.path
    nav = [
        {"label": label, "url": url, "active": path == url or (url != "/" and path.startswith(url))}
        for label, url in items
    ]
    return {
        "service_name": settings.SERVICE_NAME,
        "service_phase": settings.SERVICE_PHASE,
        "nav_items": nav,
    }
