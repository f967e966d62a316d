"""OPCC staff set up two-factor in the browser: sign in, scan (here: read) the QR code's
key, enter a code, keep the recovery codes. Each page passes axe at desktop and phone
widths."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from core.roles import StaffRole
from tests import factories
from tests.browser.conftest import assert_accessible
from tests.factories import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_opcc_staff_set_up_two_factor_and_get_recovery_codes(page: Page, live_server, settings):
    settings.REQUIRE_2FA = True
    olu = factories.UserFactory(username="olu", roles=[StaffRole.OPCC_STAFF])

    sign_in_with_password(page, live_server.url)

    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor authentication")
    expect(
        page.get_by_role("img", name="QR code to scan with your authenticator app")
    ).to_be_visible()
    assert_accessible(page)

    device = TOTPDevice.objects.get(user=olu, confirmed=False)
    page.get_by_label("Code from your authenticator app").fill(f"{totp(device.bin_key):06d}")
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Save your recovery codes")
    expect(page.get_by_text("Store these codes safely")).to_be_visible()
    expect(page.locator("ol li code")).to_have_count(10)
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name="I have saved my recovery codes").click()
    expect(page).to_have_url(f"{live_server.url}/")


def test_signing_in_again_asks_for_a_code_or_a_recovery_code(page: Page, live_server, settings):
    settings.REQUIRE_2FA = True
    olu = factories.UserFactory(username="olu", roles=[StaffRole.OPCC_STAFF])
    TOTPDevice.objects.create(user=olu, name="Authenticator app", confirmed=True)
    recovery = StaticDevice.objects.create(user=olu, name="Recovery codes", confirmed=True)
    recovery.token_set.create(token="abcd2345")

    sign_in_with_password(page, live_server.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Enter the code from your authenticator app"
    )
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the 6-digit code")
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("link", name="I do not have my phone: use a recovery code").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter a recovery code")
    assert_accessible(page)
    page.get_by_label("Recovery code").fill("ABCD 2345")
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_text("You have 0 recovery codes left")).to_be_visible()


def sign_in_with_password(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("Username").fill("olu")
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
