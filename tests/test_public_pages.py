"""The accessibility statement, privacy notice and cookies page: public, and true."""

import html
import re

import pytest
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

PAGES = {
    "accessibility": "Accessibility statement",
    "privacy": "Privacy notice",
    "cookies": "Cookies",
}
COOKIE_BACKED_MESSAGES = {
    "django.contrib.messages.storage.fallback.FallbackStorage",
    "django.contrib.messages.storage.cookie.CookieStorage",
}


def h1(body: str) -> str:
    return re.search(r'<h1 class="govuk-heading-xl">(.*?)</h1>', body, re.S).group(1)


def headings(body: str) -> list[str]:
    """The page's h2 and h3 headings inside the main content, in order."""
    main = body.split('id="main-content"', 1)[1].split("</main>", 1)[0]
    return [html.unescape(text) for text in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", main, re.S)]


def text(body: str) -> str:
    """The page's words, without markup, on one line."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def missing(sentences: list[str], body: str) -> list[str]:
    words = text(body)
    return [sentence for sentence in sentences if sentence not in words]


def cookie_names(body: str) -> list[str]:
    table = body.split('<table class="govuk-table" id="cookies">', 1)[1].split("</table>", 1)[0]
    return re.findall(r"<code>(.*?)</code>", table)


def cookies_the_settings_use() -> list[str]:
    names = [settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME]
    if settings.MESSAGE_STORAGE in COOKIE_BACKED_MESSAGES:
        names.append(CookieStorage.cookie_name)
    return names


def test_information_pages_open_to_anonymous_visitors_with_their_heading(client):
    responses = {name: client.get(reverse(name)) for name in PAGES}

    assert {name: r.status_code for name, r in responses.items()} == dict.fromkeys(PAGES, 200)
    assert {name: h1(r.content.decode()) for name, r in responses.items()} == PAGES


def test_information_pages_open_to_signed_in_users_with_their_heading(client):
    client.force_login(factories.UserFactory())

    responses = {name: client.get(reverse(name)) for name in PAGES}

    assert {name: r.status_code for name, r in responses.items()} == dict.fromkeys(PAGES, 200)
    assert {name: h1(r.content.decode()) for name, r in responses.items()} == PAGES


def test_information_pages_have_their_own_title(client):
    titles = {
        name: re.search(r"<title>(.*?)</title>", client.get(reverse(name)).content.decode()).group(
            1
        )
        for name in PAGES
    }

    assert titles == {name: f"{title} – {settings.SERVICE_NAME}" for name, title in PAGES.items()}


def test_accessibility_statement_follows_the_model_statement(client):
    body = client.get(reverse("accessibility")).content.decode()

    assert headings(body) == [
        "How accessible this service is",
        "Feedback and contact information",
        "Reporting accessibility problems with this service",
        "Enforcement procedure",
        "Technical information about this service's accessibility",
        "Compliance status",
        "Non-accessible content",
        "Non-compliance with the accessibility regulations",
        "Content that's not within the scope of the accessibility regulations",
        "What we're doing to improve accessibility",
        "Preparation of this accessibility statement",
    ]


def test_accessibility_statement_states_compliance_testing_and_date(client):
    body = client.get(reverse("accessibility")).content.decode()

    gaps = missing(
        [
            f"This accessibility statement applies to {settings.SERVICE_NAME},",
            "run by the Office of the Police and Crime Commissioner",
            "zoom in up to 400% without the text spilling off the screen",
            "navigate most of the service using speech recognition software",
            "listen to most of the service using a screen reader",
            "contact the office that published the report: each report says how to reach it",
            "The Equality and Human Rights Commission (EHRC) is responsible for enforcing",
            "contact the Equality Advisory and Support Service (EASS)",
            "This service is partially compliant with the Web Content Accessibility Guidelines"
            " version 2.2 AA standard",
            "tagged to the PDF/UA standard",
            "checked automatically with axe-core, in the Chromium browser,"
            " at desktop and mobile phone widths",
            "This statement was prepared on 2 December 2026.",
        ],
        body,
    )

    assert gaps == []


def test_accessibility_statement_invents_no_contact_details(client):
    words = text(client.get(reverse("accessibility")).content.decode())

    emails = re.findall(r"\S+@\S+", words)
    phone_numbers = re.findall(r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", words)

    assert (emails, phone_numbers) == ([], [])


def test_privacy_notice_names_controller_lawful_basis_rights_and_regulator(client):
    body = client.get(reverse("privacy")).content.decode()

    gaps = missing(
        [
            "The OPCC is the data controller",
            "including your IP address",
            "They are kept for a limited time and then deleted.",
            "your name and email address",
            "the ratings and comments you write about cases",
            "records of when you signed in",
            "Each extract is screened for personal data when it is imported",
            "Published findings reports contain no case references, no names",
            "perform a task in the public interest",
            "for law enforcement purposes under Part 3 of the Data Protection Act 2018",
            "retention schedule",
            "(access)",
            "(rectification)",
            "(erasure)",
            "(restriction)",
            "(objection)",
        ],
        body,
    )

    assert gaps == []
    assert re.findall(r'<a class="govuk-link" href="(https://ico[^"]*)"', body) == [
        "https://ico.org.uk/make-a-complaint/"
    ]


def test_cookies_page_lists_the_session_and_csrf_cookies(client):
    body = client.get(reverse("cookies")).content.decode()

    assert cookie_names(body) == cookies_the_settings_use()


def test_cookies_page_states_the_lifetimes_the_settings_use(client):
    words = text(client.get(reverse("cookies")).content.decode())

    gaps = missing(
        [
            "When you sign out or close your browser, or after "
            f"{settings.SESSION_IDLE_MINUTES} minutes without using the service",
            f"After {settings.CSRF_COOKIE_AGE // 86400} days",
        ],
        words,
    )

    assert gaps == []


def test_cookies_page_says_no_analytics_or_advertising_cookies(client):
    body = client.get(reverse("cookies")).content.decode()

    gaps = missing(
        [
            "only uses essential cookies",
            "We do not use any analytics cookies, advertising cookies",
        ],
        body,
    )

    assert gaps == []


def test_cookies_table_has_a_caption_and_column_headers(client):
    body = client.get(reverse("cookies")).content.decode()
    table = body.split('<table class="govuk-table" id="cookies">', 1)[1].split("</table>", 1)[0]

    assert re.findall(r"<caption[^>]*>(.*?)</caption>", table) == [
        "Essential cookies this service sets"
    ]
    assert re.findall(r'<th scope="col" class="govuk-table__header">(.*?)</th>', table) == [
        "Name",
        "Purpose",
        "Expires",
    ]


def test_reading_public_pages_sets_no_cookies(client):
    urls = [reverse(name) for name in PAGES] + [reverse("public:report_list")]

    assert {url: sorted(client.get(url).cookies) for url in urls} == dict.fromkeys(urls, [])


def test_signing_in_sets_only_cookies_the_cookies_page_lists(client):
    user = factories.UserFactory()

    client.get(reverse("login"))
    client.post(reverse("login"), {"username": user.username, "password": factories.PASSWORD})

    assert sorted(client.cookies) == sorted(
        [settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME]
    )


def test_every_page_links_the_information_pages_in_its_footer(client):
    body = client.get(reverse("public:report_list")).content.decode()
    footer = body.split('<footer class="govuk-footer">', 1)[1]

    assert [name for name in PAGES if f'href="{reverse(name)}"' not in footer] == []
