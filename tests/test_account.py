"""Your account: a person changes their own email address only with their password and a
link sent to the address they have now (core/accounts.py)."""

import re
import time

import pytest
from django.core import mail, signing
from django.urls import reverse

from core import accounts
from core.models import AuditEntry, AuditEvent
from tests.factories import PASSWORD

NEW = "mina.home@example.net"


def _ask(client, email=NEW, password=PASSWORD):
    return client.post(reverse("account_email"), {"email": email, "password": password})


def _link(message) -> str:
    return re.search(r"https?://\S+/account/email/confirm/\S+/", message.body).group(0)


def _path(link: str) -> str:
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def signed_in(client, mina):
    client.force_login(mina)
    return client


def test_the_account_page_shows_who_is_signed_in_and_how_to_change_the_address(signed_in, mina):
    page = signed_in.get(reverse("account")).content.decode()

    assert mina.email in page
    assert mina.username in page
    assert reverse("account_email") in page


def test_the_account_page_asks_for_sign_in(client):
    response = client.get(reverse("account"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_wrong_password_changes_nothing_and_sends_nothing(signed_in, mina):
    response = _ask(signed_in, password="not-my-password")

    assert response.status_code == 200
    assert "Your current password is not right" in response.content.decode()
    mina.refresh_from_db()
    assert mina.email == "mina@example.org"
    assert mail.outbox == []


def test_asking_sends_a_link_to_the_old_address_and_changes_nothing_yet(signed_in, mina):
    response = _ask(signed_in)

    assert response.status_code == 302
    mina.refresh_from_db()
    assert mina.email == "mina@example.org"
    to_old, to_new = mail.outbox
    assert to_old.to == ["mina@example.org"]
    assert _link(to_old)
    # The new address is told, and gets no link that would make the change.
    assert to_new.to == [NEW]
    assert "/account/email/confirm/" not in to_new.body


def test_following_the_link_from_the_old_address_makes_the_change(signed_in, mina):
    _ask(signed_in)
    path = _path(_link(mail.outbox[0]))

    shown = signed_in.get(path)
    mina.refresh_from_db()
    assert shown.status_code == 200
    assert NEW in shown.content.decode()
    assert mina.email == "mina@example.org"  # opening the link changes nothing

    response = signed_in.post(path)

    assert response.status_code == 302
    mina.refresh_from_db()
    assert mina.email == NEW
    entry = AuditEntry.objects.filter(event=AuditEvent.SECURITY, object_pk=str(mina.pk)).latest(
        "pk"
    )
    assert entry.summary.startswith("Email address changed by its owner")
    assert entry.additional_data == {"from": "mina@example.org", "to": NEW}


def test_a_link_works_once(signed_in, mina):
    _ask(signed_in)
    path = _path(_link(mail.outbox[0]))
    signed_in.post(path)

    again = signed_in.post(path)

    assert again.status_code == 400
    assert "already been used" in again.content.decode()


def test_an_expired_link_is_refused_with_a_clear_page(signed_in, mina, monkeypatch):
    past = time.time() - (accounts.EMAIL_CHANGE_HOURS * 3600 + 60)
    monkeypatch.setattr(signing.time, "time", lambda: past)
    token = accounts.email_change_token(user=mina, new_email=NEW)
    monkeypatch.undo()

    response = signed_in.post(reverse("account_email_confirm", args=[token]))

    assert response.status_code == 400
    page = response.content.decode()
    assert "This link has expired" in page
    assert "Your email address has not changed" in page
    mina.refresh_from_db()
    assert mina.email == "mina@example.org"


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_tampered_link_is_refused_with_a_clear_page(signed_in, mina, method):
    token = accounts.email_change_token(user=mina, new_email=NEW)
    payload, rest = token.split(":", 1)
    forged = signing.b64_encode(
        f'{{"user":{mina.pk},"old":"mina@example.org","new":"thief@example.net"}}'.encode()
    ).decode()

    response = getattr(signed_in, method)(
        reverse("account_email_confirm", args=[f"{forged}:{rest}"])
    )

    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()
    mina.refresh_from_db()
    assert mina.email == "mina@example.org"


def test_someone_elses_link_is_refused(client, mina, olu):
    token = accounts.email_change_token(user=olu, new_email="thief@example.net")
    client.force_login(mina)

    response = client.post(reverse("account_email_confirm", args=[token]))

    assert response.status_code == 403
    assert "This link is for a different account" in response.content.decode()
    olu.refresh_from_db()
    assert olu.email == "olu@example.org"


def test_an_address_another_account_uses_is_refused(signed_in, mina, olu):
    response = _ask(signed_in, email=olu.email)

    assert "Another account already uses this email address" in response.content.decode()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "", "password": PASSWORD}, "Enter your new email address"),
        ({"email": NEW, "password": ""}, "Enter your current password"),
        ({"email": "not an address", "password": PASSWORD}, "Enter an email address in the"),
    ],
)
def test_missing_or_bad_answers_say_what_is_wrong(signed_in, data, message):
    response = signed_in.post(reverse("account_email"), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert mail.outbox == []
