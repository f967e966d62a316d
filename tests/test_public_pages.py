"""The accessibility statement, privacy notice and cookies page: public, and true."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

PAGES = {
    "/accessibility/": "Accessibility statement",
    "/privacy/": "Privacy notice",
    "/cookies/": "Cookies",
}


def heading(response) -> str:
    body = response.content.decode()
    return body.split('<h1 class="govuk-heading-xl">', 1)[1].split("</h1>", 1)[0]


def test_information_pages_are_public(client):
    assert {url: heading(client.get(url)) for url in PAGES} == PAGES


def test_information_pages_open_for_signed_in_users_too(client, mina):
    client.force_login(mina)

    assert {url: client.get(url).status_code for url in PAGES} == dict.fromkeys(PAGES, 200)


def test_cookies_page_lists_the_session_and_csrf_cookies(client):
    body = client.get("/cookies/").content.decode()

    assert f"<code>{settings.SESSION_COOKIE_NAME}</code>" in body
    assert f"<code>{settings.CSRF_COOKIE_NAME}</code>" in body
    assert body.count("<code>") == 2


def test_every_page_links_the_information_pages_in_its_footer(client):
    body = client.get("/findings/").content.decode()

    assert [url for url in PAGES if f'href="{url}"' not in body] == []
