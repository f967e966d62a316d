"""Every kind of response carries the security headers; anything for a signed-in
person, or that sets a cookie, is never stored by a browser or proxy."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from panels.enums import MeetingStatus
from panels.workflow import meeting_transition
from tests import factories

pytestmark = pytest.mark.django_db

PERMISSIONS = {"camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"}


class HttpsClient(Client):
    """HSTS is only ever sent over HTTPS, so these requests say they came by it."""

    def generic(self, method, path, *args, secure=True, **kwargs):
        return super().generic(method, path, *args, secure=True, **kwargs)


def https_client() -> Client:
    return HttpsClient()


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }


def assert_security_headers(response):
    policy = directives(response)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Strict-Transport-Security"] == (
        f"max-age={settings.SECURE_HSTS_SECONDS}; includeSubDomains; preload"
    )
    denied = {
        feature
        for feature, allow in re.findall(r"([\w-]+)=\(([^)]*)\)", response["Permissions-Policy"])
        if allow == ""
    }
    assert denied >= PERMISSIONS
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["img-src"] == ["'self'", "data:"]
    everything = " ".join(" ".join(v) for v in policy.values())
    assert "unsafe-inline" not in everything
    assert "unsafe-eval" not in everything


def assert_no_store(response):
    assert response["Cache-Control"] == "private, no-store"


@pytest.fixture
def rating_meeting(meeting, olu):
    factories.ReviewedCaseFactory(meeting=meeting, position=1)
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    return meeting


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/en/accessibility/",
        "/en/privacy/",
        "/en/cookies/",
        "/en/findings/",
        "/en/findings/data/",
        "/.well-known/security.txt",
    ],
)
def test_public_page_for_a_visitor_has_the_headers_and_is_cached_briefly(url):
    response = https_client().get(url)

    assert response.status_code == 200
    assert_security_headers(response)
    assert response["Cache-Control"] == f"public, max-age={settings.PUBLIC_CACHE_SECONDS}"
    assert "Cookie" in response["Vary"]
    assert response.cookies == {}


def test_sign_in_page_has_the_headers_and_is_not_stored():
    response = https_client().get(reverse("login"))

    assert response.status_code == 200
    assert_security_headers(response)
    assert_no_store(response)


def test_not_found_page_has_the_headers_and_is_not_stored():
    response = https_client().get("/no-such-page/")

    assert response.status_code == 404
    assert_security_headers(response)
    assert_no_store(response)


def _signed_in(user) -> Client:
    client = https_client()
    client.force_login(user)
    return client


def test_signed_in_pages_of_every_role_have_the_headers_and_are_not_stored(
    alice, olu, chris, mina, pat, eve, rating_meeting
):
    factories.declare(mina, rating_meeting.reviewed_cases.get())
    pages = {
        "alice": [reverse("home"), reverse("cases:upload"), "/"],
        "olu": [reverse("home"), reverse("reports:report_list"), reverse("panels:meeting_list")],
        "chris": [reverse("panels:meeting_detail", args=[rating_meeting.pk])],
        "mina": [reverse("panels:case_papers", args=[rating_meeting.pk, 1])],
        "pat": [reverse("home")],
        "eve": [reverse("home"), reverse("accessibility")],
    }
    users = {u.username: u for u in (alice, olu, chris, mina, pat, eve)}
    seen = {}
    for who, urls in pages.items():
        client = _signed_in(users[who])
        for url in urls:
            response = client.get(url)
            assert_security_headers(response)
            seen[(who, url)] = (response.status_code, response["Cache-Control"])

    assert seen == {
        (who, url): (200, "private, no-store") for who, urls in pages.items() for url in urls
    }


def test_a_refusal_for_a_signed_in_person_is_not_stored(eve):
    response = _signed_in(eve).get(reverse("cases:upload"))

    assert response.status_code in (302, 403)
    assert_security_headers(response)
    assert_no_store(response)


def test_csv_download_for_staff_is_not_stored(alice):
    batch = factories.BatchFactory()

    response = _signed_in(alice).get(reverse("cases:batch_problems", args=[batch.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert_security_headers(response)
    assert_no_store(response)


def test_static_file_keeps_its_own_caching_and_the_permissions_policy():
    response = https_client().get("/static/css/app.css")

    assert response.status_code == 200
    assert response["Cache-Control"] != "private, no-store"
    assert "camera=()" in response["Permissions-Policy"]


def test_session_cookie_and_csrf_cookie_are_secure_http_only_and_same_site(mina):
    client = https_client()
    csrf = client.get(reverse("login")).cookies[settings.CSRF_COOKIE_NAME]
    signed_in = client.post(reverse("login"), {"username": "mina", "password": factories.PASSWORD})
    session = signed_in.cookies[settings.SESSION_COOKIE_NAME]

    assert (bool(csrf["secure"]), bool(csrf["httponly"]), csrf["samesite"]) == (True, True, "Lax")
    assert (bool(session["secure"]), bool(session["httponly"]), session["samesite"]) == (
        True,
        True,
        "Lax",
    )


def test_security_txt_names_contact_expiry_language_and_canonical_address():
    body = https_client().get("/.well-known/security.txt").content.decode()
    fields = dict(line.split(": ", 1) for line in body.splitlines())

    assert sorted(fields) == ["Canonical", "Contact", "Expires", "Preferred-Languages"]
    assert fields["Contact"] == settings.SECURITY_CONTACT
    assert fields["Preferred-Languages"] == "en"
    assert fields["Canonical"] == f"{settings.SITE_URL}/.well-known/security.txt"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", fields["Expires"])


def test_security_txt_expires_about_a_year_from_now():
    import datetime

    body = https_client().get("/.well-known/security.txt").content.decode()
    expires = re.search(r"Expires: (\S+)", body).group(1)
    when = datetime.datetime.strptime(expires, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
    days = (when - datetime.datetime.now(datetime.UTC)).days

    assert days in (364, 365)


def test_templates_have_no_inline_script_style_or_event_handler():
    """The policy allows no inline code, so none may creep back into a template."""
    from pathlib import Path

    root = Path(settings.BASE_DIR) / "templates"
    inline = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+\s*=", re.I)
    found = [
        f"{path.relative_to(root)}: {match.group(0)}"
        for path in sorted(root.rglob("*.html"))
        for match in inline.finditer(path.read_text())
    ]

    assert found == []
