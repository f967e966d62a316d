"""Two-factor authentication: who must use it, setting it up, entering a code after the
password, reused codes and single-use recovery codes.

REQUIRE_2FA is off for the rest of the suite (Makefile TEST_ENV); these tests turn it on.
"""

import re

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.models import AuditEntry, AuditEvent
from tests.factories import PASSWORD

SET_UP = "/account/two-factor/"
CODE = "/account/two-factor/code/"
RECOVERY = "/account/two-factor/recovery-code/"
MEETINGS = "/panels/meetings/"


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.REQUIRE_2FA = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def app(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def code_for(device: TOTPDevice) -> str:
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def set_up(client, user) -> list[str]:
    """Set up two-factor through the pages; returns the recovery codes shown."""
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(SET_UP, {"code": code_for(device)})
    return response.context["codes"]


def signed_in(user) -> Client:
    client = Client()
    client.post("/sign-in/", {"username": user.username, "password": PASSWORD})
    return client


# Who must use it ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["olu", "alice"])
def test_opcc_staff_and_data_admins_are_sent_to_set_up_first(client, db, name, request):
    client.force_login(request.getfixturevalue(name))

    response = client.get(MEETINGS)

    assert response.status_code == 302
    assert response.url == f"{SET_UP}?next=%2Fpanels%2Fmeetings%2F"


@pytest.mark.parametrize("url", ["/", "/admin/", "/audit/", "/cases/imports/"])
def test_a_data_admin_without_two_factor_reaches_no_signed_in_page(client, alice, url):
    client.force_login(alice)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(SET_UP)


@pytest.mark.parametrize(
    "url", ["/en/accessibility/", "/en/privacy/", "/en/cookies/", "/en/findings/"]
)
def test_the_public_site_stays_open_before_two_factor(client, olu, url):
    client.force_login(olu)

    assert client.get(url).status_code == 200


def test_a_member_without_two_factor_is_not_asked_for_it(client, mina):
    client.force_login(mina)

    assert client.get(MEETINGS).status_code == 200


def test_a_member_who_set_it_up_is_asked_for_a_code(mina):
    app(mina)

    response = signed_in(mina).get(MEETINGS)

    assert response.status_code == 302
    assert response.url.startswith(CODE)


def test_nothing_is_enforced_when_two_factor_is_not_required(client, olu, settings):
    settings.REQUIRE_2FA = False
    client.force_login(olu)

    assert client.get(MEETINGS).status_code == 200


def test_signed_out_visitors_are_sent_to_sign_in_from_the_two_factor_pages(client, db):
    for url in (SET_UP, CODE, RECOVERY):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/sign-in/"), url


# Setting it up ------------------------------------------------------------------------


def test_set_up_page_shows_a_qr_code_and_the_key_to_type(client, olu):
    client.force_login(olu)

    response = client.get(SET_UP)

    body = response.content.decode()
    device = TOTPDevice.objects.get(user=olu, confirmed=False)
    assert '<svg role="img" aria-label="QR code to scan with your authenticator app"' in body
    assert response.context["secret"].replace(" ", "") in body.replace(" ", "")
    assert 'autocomplete="one-time-code"' in body
    assert 'inputmode="numeric"' in body
    assert " style=" not in body
    assert device.config_url.startswith("otpauth://totp/")


def test_reloading_set_up_keeps_the_same_key(client, olu):
    client.force_login(olu)

    first = client.get(SET_UP).context["secret"]
    second = client.get(SET_UP).context["secret"]

    assert first == second
    assert TOTPDevice.objects.filter(user=olu).count() == 1


def test_a_right_code_turns_it_on_and_shows_ten_recovery_codes_once(client, olu):
    client.force_login(olu)

    codes = set_up(client, olu)

    assert len(set(codes)) == 10
    assert all(re.fullmatch(r"[a-z2-7]{8}", c) for c in codes)
    assert TOTPDevice.objects.get(user=olu).confirmed is True
    assert client.get(MEETINGS).status_code == 200
    page = client.get(SET_UP).content.decode()
    assert "10 of 10" in page
    assert not any(c in page for c in codes)
    entry = AuditEntry.objects.get(event=AuditEvent.SECURITY, actor=olu)
    assert "set up" in entry.summary
    assert not any(c in str(list(AuditEntry.objects.values())) for c in codes)


def test_a_wrong_code_at_set_up_says_so_and_changes_nothing(client, olu):
    client.force_login(olu)
    client.get(SET_UP)

    response = client.post(SET_UP, {"code": "000000"})

    body = response.content.decode()
    assert "There is a problem" in body
    assert "The code is not right" in body
    assert TOTPDevice.objects.get(user=olu).confirmed is False
    assert client.get(MEETINGS).status_code == 302


def test_a_code_that_is_not_six_numbers_gets_an_error(client, olu):
    client.force_login(olu)
    client.get(SET_UP)

    response = client.post(SET_UP, {"code": "12ab"})

    assert "Enter the code as 6 numbers" in response.content.decode()


# Entering a code after the password ---------------------------------------------------


def test_signing_in_with_two_factor_goes_on_to_the_code_page(client, olu):
    app(olu)

    response = client.post(
        "/sign-in/?next=/panels/meetings/", {"username": "olu", "password": PASSWORD}
    )

    assert response.url == f"{CODE}?next=%2Fpanels%2Fmeetings%2F"


def test_a_verified_person_goes_where_they_were_going(olu):
    device = app(olu)
    client = signed_in(olu)

    response = client.post(f"{CODE}?next=/panels/meetings/", {"code": code_for(device)})

    assert response.url == MEETINGS
    assert client.get(MEETINGS).status_code == 200


def test_a_verified_data_admin_reaches_the_admin(alice):
    device = app(alice)
    client = signed_in(alice)
    assert client.get("/admin/").status_code == 302

    client.post(CODE, {"code": code_for(device)})

    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused_and_recorded(olu):
    app(olu)
    client = signed_in(olu)

    response = client.post(CODE, {"code": "000000"})

    assert "The code is not right" in response.content.decode()
    assert client.get(MEETINGS).status_code == 302
    assert AuditEntry.objects.filter(
        event=AuditEvent.SECURITY, actor=olu, summary="Two-factor code refused: wrong code"
    ).exists()


def test_a_code_used_once_is_refused_the_second_time(olu):
    device = app(olu)
    code = code_for(device)
    signed_in(olu).post(CODE, {"code": code})
    second = signed_in(olu)

    response = second.post(CODE, {"code": code})

    assert "This code has already been used" in response.content.decode()
    assert second.get(MEETINGS).status_code == 302
    summaries = AuditEntry.objects.filter(event=AuditEvent.SECURITY, actor=olu)
    assert list(summaries.order_by("pk").values_list("summary", flat=True)) == [
        "Two-factor code accepted",
        "Two-factor code refused: already used",
    ]
    assert code not in str(list(AuditEntry.objects.values()))


def test_a_recovery_code_works_once(olu):
    first = signed_in(olu)
    codes = set_up(first, olu)
    first.post("/sign-out/")
    again = signed_in(olu)

    used = again.post(RECOVERY, {"code": codes[0].upper()}, follow=True)
    third = signed_in(olu)
    reused = third.post(RECOVERY, {"code": codes[0]})

    assert used.redirect_chain[-1][0] == "/"
    assert "You have 9 recovery codes left" in used.content.decode()
    assert "not right or has already been used" in reused.content.decode()
    assert third.get(MEETINGS).status_code == 302
    assert StaticToken.objects.filter(device__user=olu).count() == 9


def test_next_pointing_elsewhere_is_ignored(olu):
    device = app(olu)
    client = signed_in(olu)

    response = client.post(f"{CODE}?next=https://evil.example/", {"code": code_for(device)})

    assert response.url == "/"


# New recovery codes -------------------------------------------------------------------


def test_new_recovery_codes_replace_the_old_ones(client, olu):
    client.force_login(olu)
    old = set_up(client, olu)

    response = client.post("/account/two-factor/new-recovery-codes/")

    new = response.context["codes"]
    assert len(new) == 10
    tokens = set(StaticToken.objects.filter(device__user=olu).values_list("token", flat=True))
    assert tokens == set(new)
    assert not tokens & set(old)


def test_new_recovery_codes_need_a_code_from_the_app_first(mina):
    app(mina)
    client = signed_in(mina)

    response = client.post("/account/two-factor/new-recovery-codes/")

    assert response.status_code == 302
    assert response.url.startswith(CODE)
    assert StaticToken.objects.count() == 0


def test_every_member_can_reach_two_factor_from_the_footer(client, mina):
    client.force_login(mina)

    body = client.get(MEETINGS).content.decode()

    assert f'href="{SET_UP}">Two-factor authentication</a>' in body


def test_a_member_can_choose_to_set_it_up(client, mina):
    client.force_login(mina)

    codes = set_up(client, mina)

    assert len(codes) == 10
    assert TOTPDevice.objects.filter(user=mina, confirmed=True).count() == 1
