"""Axe checks on the Django admin pages a data admin uses, with history and editable inlines."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, sign_in

pytestmark = [
    pytest.mark.browser,
    # It only reads: the demo is built once for the module (tests/browser/conftest.py).
    pytest.mark.shared_demo,
]

PAGES = [
    "/admin/",
    "/admin/cases/case/",
    "/admin/cases/case/{case}/change/",
    "/admin/cases/case/export/",
    "/admin/cases/extractbatch/",
    "/admin/panels/framework/{framework}/change/",
    "/admin/panels/panel/{panel}/change/",
    "/admin/panels/meeting/",
    "/admin/panels/meeting/{meeting}/change/",
]


@pytest.mark.parametrize("path", PAGES)
def test_admin_page_has_no_accessibility_violations(page, live_server, demo, path):
    from cases.models import Case
    from panels.models import Framework, Meeting, Panel

    keys = {
        "case": Case.objects.filter(status_history__isnull=False).first().pk,
        "framework": Framework.objects.first().pk,
        "panel": Panel.objects.first().pk,
        "meeting": Meeting.objects.filter(status_history__isnull=False).first().pk,
    }
    sign_in(page, live_server.url, "alice")

    page.goto(live_server.url + path.format(**keys))

    expect(page.locator("#content")).to_be_visible()
    assert axe_violations(page) == []
