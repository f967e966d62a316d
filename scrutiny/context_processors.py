from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from core.language import language_links
from core.organisation import organisation, service_name
from core.roles import is_data_admin, is_opcc_staff


def navigation(request):
    """Service name, phase and the header links the signed-in user may follow."""
    user = getattr(request, "user", None)
    items = []
    if user is not None and user.is_authenticated:
        items.append((_("Your work"), reverse("home")))
        items.append((_("Meetings"), reverse("panels:meeting_list")))
        items.append((_("Actions"), reverse("panels:action_list")))
        opcc, data_admin = is_opcc_staff(user), is_data_admin(user)
        if opcc:
            items.append((_("Reports"), reverse("reports:report_list")))
        if data_admin:
            items.append((_("Cases"), reverse("cases:case_list")))
            items.append((_("Import cases"), reverse("cases:upload")))
        if data_admin or opcc:
            items.append((_("Panels"), reverse("panels:panel_list")))
        if data_admin:
            items.append((_("Audit trail"), reverse("audit:list")))
        elif user.is_staff:
            # Daily work has its own pages; the Django admin is only for repairs, and a
            # data admin reaches it from the home page.
            items.append((_("Django admin"), reverse("admin:index")))
    # Signed in, the menu is long: the public pages get a shorter name, so a data admin's
    # menu stays on one line on a laptop.
    signed_in = user is not None and user.is_authenticated
    public = _("Public site") if signed_in else _("Published findings")
    items.append((public, reverse("public:report_list")))
    path = request.path
    # The one link whose address holds this page most closely is the current one
    # ("Import cases" on /cases/upload/, not "Cases" as well).
    matching = [url for _, url in items if path == url or (url != "/" and path.startswith(url))]
    current = max(matching, key=len, default=None)
    nav = [{"label": label, "url": url, "active": url == current} for label, url in items]
    return {
        "service_name": service_name(),
        "service_phase": settings.SERVICE_PHASE,
        "nav_items": nav,
        "organisation": organisation(),
        **language_links(request),
    }
