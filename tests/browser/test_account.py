"""Your account in a browser: the pages pass axe and fit a 375 px phone, and a new email
address takes effect from the link sent to the old one."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from tests.browser.conftest import DEMO_PASSWORD, assert_accessible, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW = "mina.new@example.net"


def test_changing_ones_email_address_from_the_account_page(page: Page, live_server, demo):
    mina = demo["users"]["mina"]
    old = mina.email
    sign_in(page, live_server.url, "mina")

    page.get_by_role("link", name="Your account").click()
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Change email address").click()
    page.get_by_role("button", name="Send confirmation link").click()
    expect(page.get_by_text("Enter your new email address").first).to_be_visible()
    assert_accessible(page)

    page.get_by_label("New email address").fill(NEW)
    page.get_by_label("Your current password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Send confirmation link").click()
    expect(page.get_by_text(f"We have sent a link to {old}")).to_be_visible()
    assert_accessible(page)

    # The demo's own emails (a meeting opening for rating) may be in the outbox too.
    (to_old,) = [m for m in mail.outbox if m.to == [old] and "/account/email/confirm/" in m.body]
    path = re.search(r"/account/email/confirm/\S+/", to_old.body).group(0)
    page.goto(live_server.url + path)
    expect(page.get_by_role("heading", name="Confirm your new email address")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Change my email address").click()
    expect(page.get_by_text(f"Your email address is now {NEW}")).to_be_visible()
    mina.refresh_from_db()
    assert mina.email == NEW


def test_a_refused_link_page_passes_axe(page: Page, live_server, demo):
    sign_in(page, live_server.url, "mina")

    response = page.goto(live_server.url + "/account/email/confirm/not-a-link/")

    assert response.status == 400
    expect(page.get_by_text("This link is not valid")).to_be_visible()
    assert_accessible(page)
