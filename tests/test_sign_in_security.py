"""Sign-in hardening: lockout after repeated failures, the audit trail of signing in and
out, password rules, no account enumeration, and sessions that end."""

import datetime
import re
import time

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.locmem import EmailBackend as InMemoryBackend
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.auth_events import LAST_SEEN
from core.models import AuditEntry, AuditEvent, PasswordResetRequest
from core.password_resets import password_reset_send
from panels.demo.data import DEMO_PASSWORD
from tests.factories import PASSWORD


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    """Dozens of sign-ins per test: a fast hasher keeps the file quick. Set before the
    cast's passwords are hashed, as an autouse fixture comes first."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


LOCKED = "Too many failed attempts. You can try again in 30 minutes, or reset your password."


def sign_in(client, username, password, address="127.0.0.1"):
    return client.post(
        "/sign-in/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def fail(client, username, times, address="127.0.0.1"):
    return [sign_in(client, username, "wrong-password", address) for _ in range(times)][-1]


# Lockout ------------------------------------------------------------------------------


def test_fifth_wrong_password_locks_out_with_a_clear_message(client, mina):
    fourth = fail(client, "mina", 4)
    fifth = sign_in(client, "mina", "wrong-password")

    assert fourth.status_code == 200
    assert fifth.status_code == 429
    body = fifth.content.decode()
    assert "There is a problem" in body
    assert LOCKED in body


def test_locked_out_username_is_refused_even_with_the_right_password(client, mina):
    fail(client, "mina", 5)

    response = sign_in(client, "mina", PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_looks_the_same_for_a_username_nobody_has(client, mina):
    known = fail(client, "mina", 5, address="10.0.0.1")
    unknown = fail(client, "nobody-has-this", 5, address="10.0.0.2")

    assert (known.status_code, unknown.status_code) == (429, 429)
    assert _error_summary(known) == _error_summary(unknown) == [LOCKED]


def test_a_username_longer_than_any_account_can_have_gets_a_form_error(client, mina):
    response = sign_in(client, "m" * 300, "wrong-password")

    assert response.status_code == 200
    assert _error_summary(response) == ["Username must be 150 characters or fewer"]
    assert not AccessAttempt.objects.exists()


def test_the_lockout_keeps_at_most_150_characters_of_a_username(rf):
    from core.auth_events import axes_username

    assert axes_username(rf.post("/"), {"username": "m" * 300}) == "m" * 150
    assert axes_username(rf.post("/", {"username": "m" * 300}), None) == "m" * 150


def test_wrong_password_and_unknown_username_get_the_same_words(client, mina):
    wrong_password = sign_in(client, "mina", "wrong-password")
    unknown = sign_in(client, "nobody-has-this", "wrong-password")

    assert _error_summary(wrong_password) == _error_summary(unknown)


def test_five_failures_from_one_address_lock_it_out_whatever_the_usernames(client, mina):
    for n in range(5):
        sign_in(client, f"guess{n}", "wrong-password", address="10.0.0.9")

    response = sign_in(client, "mina", PASSWORD, address="10.0.0.9")

    assert response.status_code == 429


def test_a_lockout_at_one_address_does_not_lock_the_person_out_elsewhere(client, mina):
    fail(client, "mina", 5, address="10.0.0.9")

    response = sign_in(client, "mina", PASSWORD, address="10.0.0.10")

    assert response.status_code == 302


def test_signing_in_clears_the_failures(client, mina):
    fail(client, "mina", 4)
    sign_in(client, "mina", PASSWORD)
    client.post("/sign-out/")

    response = fail(client, "mina", 4)

    assert response.status_code == 200


def test_a_colleague_signing_in_does_not_clear_the_failures_against_another_account(
    client, mina, chris
):
    # Twelve guesses at Mina's account from one address, Chris signing in from the same
    # address halfway: the guesses still lock Mina's account there.
    responses = [sign_in(client, "mina", "wrong-password") for _ in range(4)]
    colleague = Client()
    assert sign_in(colleague, "chris", PASSWORD).status_code == 302
    responses += [sign_in(client, "mina", "wrong-password") for _ in range(8)]

    assert responses[3].status_code == 200
    assert responses[4].status_code == 429
    assert sign_in(client, "mina", PASSWORD).status_code == 429


def test_signing_in_clears_only_the_persons_own_failures(client, mina, chris):
    fail(client, "mina", 2)
    fail(client, "chris", 2)

    sign_in(Client(), "chris", PASSWORD)

    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"mina"}


def test_lockout_lifts_after_thirty_minutes(client, mina):
    fail(client, "mina", 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=31))

    response = sign_in(client, "mina", PASSWORD)

    assert response.status_code == 302


def test_lockout_is_recorded_in_the_audit_trail_without_the_password(client, mina):
    fail(client, "mina", 6)

    locked = AuditEntry.objects.filter(event=AuditEvent.LOCKED_OUT)
    assert locked.count() == 2
    assert locked.first().object_repr == "mina"
    assert locked.first().remote_addr == "127.0.0.1"
    assert "wrong-password" not in str(list(AuditEntry.objects.values()))


def test_admin_sign_in_is_locked_out_too(client, alice):
    for _ in range(5):
        client.post(
            "/admin/login/?next=/admin/", {"username": "alice", "password": "wrong-password"}
        )

    response = client.post(
        "/admin/login/?next=/admin/", {"username": "alice", "password": PASSWORD}
    )

    assert response.status_code == 429
    assert LOCKED in response.content.decode()


# The audit trail of signing in and out ------------------------------------------------


def test_signing_in_is_recorded_with_the_person_and_address(client, mina):
    sign_in(client, "mina", PASSWORD, address="192.0.2.7")

    entry = AuditEntry.objects.filter(event=AuditEvent.SIGNED_IN).latest("pk")
    assert (entry.actor, entry.remote_addr) == (mina, "192.0.2.7")


def test_a_failed_sign_in_is_recorded_against_the_account(client, mina):
    sign_in(client, "mina", "wrong-password")

    entry = AuditEntry.objects.filter(event=AuditEvent.SIGN_IN_FAILED).latest("pk")
    assert (entry.object_pk, entry.actor, entry.remote_addr) == (str(mina.pk), None, "127.0.0.1")


def test_a_failed_sign_in_for_an_unknown_username_keeps_nothing_typed(client, db):
    # People type their password into the username box; the trail must not keep it.
    sign_in(client, "my-Secret-passw0rd", "wrong-password")

    entry = AuditEntry.objects.filter(event=AuditEvent.SIGN_IN_FAILED).latest("pk")
    assert (entry.object_pk, entry.object_repr) == ("", "(a username no account has)")
    # Rows a transactional test left on this worker's database may be older; this
    # test's own are the newest.
    assert "Secret" not in str(list(AuditEntry.objects.filter(pk__gte=entry.pk).values()))


def test_signing_out_is_recorded(client, mina):
    sign_in(client, "mina", PASSWORD)

    client.post("/sign-out/")

    entry = AuditEntry.objects.filter(event=AuditEvent.SIGNED_OUT).latest("pk")
    assert (entry.actor, entry.remote_addr) == (mina, "127.0.0.1")


# Passwords ----------------------------------------------------------------------------


@pytest.mark.parametrize("password", [PASSWORD, DEMO_PASSWORD])
def test_the_test_and_demo_passwords_meet_the_rules(password):
    assert validate_password(password) is None


@pytest.mark.parametrize("password", ["short-pass1", "password1234", "12345678901234"])
def test_short_common_or_numeric_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_new_password_shorter_than_twelve_characters_gets_an_error(client, mina):
    link = _reset_link(client)
    form_page = client.get(link, follow=True).redirect_chain[-1][0]

    response = client.post(
        form_page, {"new_password1": "Tr1cky-pass", "new_password2": "Tr1cky-pass"}
    )

    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()


def test_resetting_the_password_lifts_the_lockout(client, mina):
    fail(client, "mina", 5, address="10.0.0.1")
    link = _reset_link(client)
    form_page = client.get(link, follow=True).redirect_chain[-1][0]
    new = "a-new-long-passphrase-42"
    client.post(form_page, {"new_password1": new, "new_password2": new})

    response = sign_in(Client(), "mina", new, address="10.0.0.2")

    assert response.status_code == 302
    assert AuditEntry.objects.filter(event=AuditEvent.SECURITY, actor=mina).count() == 1


# Password reset: no enumeration -------------------------------------------------------


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client, mina):
    known = client.post("/password-reset/", {"email": "mina@example.org"}, follow=True)
    unknown = client.post("/password-reset/", {"email": "nobody@example.org"}, follow=True)

    assert known.redirect_chain == unknown.redirect_chain == [("/password-reset/sent/", 302)]
    assert known.content == unknown.content


class SlowBackend(InMemoryBackend):
    """A mail server that takes a second to answer."""

    def send_messages(self, messages):
        time.sleep(1)
        return super().send_messages(messages)


@override_settings(EMAIL_BACKEND="tests.test_sign_in_security.SlowBackend")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_password_reset_for_a_known_address_does_not_wait_for_the_mail_server(
    reference_data, client, mina, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    started = time.monotonic()
    response = client.post("/password-reset/", {"email": "mina@example.org"})
    elapsed = time.monotonic() - started

    assert response.url == "/password-reset/sent/"
    assert elapsed < 0.5
    assert mail.outbox == []
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)
    assert [m.to for m in mail.outbox] == [["mina@example.org"]]
    # Sent, the message (and its reset link) no longer waits in the database.
    assert [r.args_kwargs for r in DBTaskResult.objects.all()] == [{"args": [], "kwargs": {}}]


def _queries(client, email: str) -> list[str]:
    """The statements the reset page runs for `email`, with the values taken out."""
    with CaptureQueriesContext(connection) as captured:
        client.post("/password-reset/", {"email": email})
    values = r"'[^']*'|\"s\w+_x\d+\"|\b\d+(\.\d+)?\b"  # strings, savepoints, numbers
    return [re.sub(values, "?", q["sql"]) for q in captured]


def test_password_reset_does_the_same_work_for_known_and_unknown_addresses(client, mina, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    known = _queries(client, "mina@example.org")
    unknown = _queries(client, "nobody@example.org")

    assert known == unknown
    queued = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert [r.task_path for r in queued] == ["core.password_resets.password_reset_send"] * 2
    assert [r.args_kwargs["kwargs"]["email"] for r in queued] == [
        "mina@example.org",
        "nobody@example.org",
    ]
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_sends_a_known_address_its_link_and_an_unknown_one_nothing(
    client, reference_data, mina, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.post("/password-reset/", {"email": "nobody@example.org"})
    client.post("/password-reset/", {"email": "mina@example.org"})

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)

    assert [m.to for m in mail.outbox] == [["mina@example.org"]]
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[0].body).group(1)
    assert client.get(link, follow=True).redirect_chain[-1][0].endswith("/set-password/")


def test_the_fourth_reset_for_an_address_in_an_hour_sends_no_email(client, mina):
    pages = [
        client.post("/password-reset/", {"email": "mina@example.org"}, follow=True)
        for _ in range(4)
    ]

    assert len(mail.outbox) == 3
    assert pages[3].redirect_chain == [("/password-reset/sent/", 302)]
    assert pages[3].content == pages[0].content


def test_resets_for_an_address_are_allowed_again_after_an_hour(client, mina):
    for _ in range(3):
        client.post("/password-reset/", {"email": "mina@example.org"})
    PasswordResetRequest.objects.update(
        requested_at=timezone.now() - datetime.timedelta(minutes=61)
    )

    client.post("/password-reset/", {"email": "MINA@example.org"})

    assert len(mail.outbox) == 4


def test_an_account_gets_at_most_three_reset_emails_an_hour(mina):
    for _ in range(4):
        password_reset_send.enqueue(
            email="mina@example.org", domain="testserver", site_name="x", use_https=False
        )

    assert len(mail.outbox) == 3


# Sessions ----------------------------------------------------------------------------


def test_signing_out_ends_the_session_on_the_server(client, mina):
    sign_in(client, "mina", PASSWORD)
    old_key = client.cookies["sessionid"].value

    client.post("/sign-out/")
    replay = Client()
    replay.cookies["sessionid"] = old_key

    assert replay.get("/panels/meetings/").status_code == 302


def test_signing_out_by_get_is_refused(client, mina):
    client.force_login(mina)

    assert client.get("/sign-out/").status_code == 405
    assert client.get("/panels/meetings/").status_code == 200


def test_a_session_idle_for_thirty_minutes_is_signed_out(client, mina):
    client.force_login(mina)
    _last_seen(client, minutes_ago=31)

    response = client.get("/panels/meetings/", follow=True)

    assert response.redirect_chain[0][0] == "/sign-in/?next=/panels/meetings/"
    assert "had not used the service for 30 minutes" in response.content.decode()
    signed_out = AuditEntry.objects.filter(event=AuditEvent.SIGNED_OUT).latest("pk")
    assert signed_out.summary == "Signed out after a time without activity"


def test_a_session_used_within_thirty_minutes_carries_on(client, mina):
    client.force_login(mina)
    _last_seen(client, minutes_ago=29)

    assert client.get("/panels/meetings/").status_code == 200
    assert time.time() - client.session[LAST_SEEN] < 5


class Clock:
    """Stands in for the `time` module of the idle sign-out, so a test moves time on."""

    def __init__(self, now: float):
        self.now = now

    def time(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = Clock(time.time())
    monkeypatch.setattr("core.auth_events.time", fake)
    return fake


def test_a_session_in_use_every_thirty_seconds_outlasts_a_one_minute_idle_limit(
    client, mina, settings, clock
):
    settings.SESSION_IDLE_MINUTES = 1
    sign_in(client, "mina", PASSWORD)

    statuses = []
    for _ in range(10):
        clock.now += 31
        statuses.append(client.get("/panels/meetings/").status_code)

    assert statuses == [200] * 10


def test_a_session_left_alone_past_a_one_minute_idle_limit_is_signed_out(
    client, mina, settings, clock
):
    settings.SESSION_IDLE_MINUTES = 1
    sign_in(client, "mina", PASSWORD)
    clock.now += 31
    assert client.get("/panels/meetings/").status_code == 200

    clock.now += 2 * 60
    response = client.get("/panels/meetings/")

    assert response.status_code == 302
    assert response.url == "/sign-in/?next=/panels/meetings/"


def test_session_cookie_ends_with_the_browser_and_the_server_copy_soon_after(settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_IDLE_MINUTES == 30
    assert 30 * 60 < settings.SESSION_COOKIE_AGE <= 35 * 60


# Helpers ------------------------------------------------------------------------------


def _error_summary(response) -> list[str]:
    summary = re.search(r'govuk-error-summary__list">(.*?)</ul>', response.content.decode(), re.S)
    return [
        re.sub(r"<[^>]+>", "", item).strip()
        for item in re.findall(r"<li>(.*?)</li>", summary.group(1), re.S)
    ]


def _reset_link(client) -> str:
    client.post("/password-reset/", {"email": "mina@example.org"})
    return re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[-1].body).group(1)


def _last_seen(client, *, minutes_ago: int) -> None:
    session = client.session
    session[LAST_SEEN] = int(time.time()) - minutes_ago * 60
    session.save()
