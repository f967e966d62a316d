"""English and Welsh: public pages under /en/ and /cy/, the switcher in every header,
and a signed-in person's choice kept for their next visit."""

import datetime
import re

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import translation

from core.models import LanguagePreference
from tests import factories

pytestmark = pytest.mark.django_db


def switcher(body: str) -> str:
    """The switcher's link, as it is in the header."""
    link = r'<a class="govuk-link govuk-link--inverse app-header__language"[^>]*>[^<]*</a>'
    return re.search(link, body)[0]


def alternates(body: str) -> list[tuple[str, str]]:
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', body)


def html_lang(body: str) -> str:
    return re.search(r'<html lang="([^"]+)"', body)[1]


def test_public_page_in_english_links_to_its_welsh_version(client):
    body = client.get("/en/accessibility/").content.decode()

    assert switcher(body) == (
        '<a class="govuk-link govuk-link--inverse app-header__language" href="/cy/accessibility/" '
        'lang="cy" hreflang="cy">Cymraeg</a>'
    )
    assert html_lang(body) == "en-GB"


def test_public_page_in_welsh_links_to_its_english_version_and_says_lang_cy(client):
    body = client.get("/cy/findings/").content.decode()

    assert switcher(body) == (
        '<a class="govuk-link govuk-link--inverse app-header__language" href="/en/findings/" '
        'lang="en" hreflang="en">English</a>'
    )
    assert html_lang(body) == "cy"


def test_public_page_lists_both_languages_and_a_default_as_alternates(client):
    body = client.get("/cy/privacy/").content.decode()

    assert alternates(body) == [
        ("en", "http://testserver/en/privacy/"),
        ("cy", "http://testserver/cy/privacy/"),
        ("x-default", "http://testserver/en/privacy/"),
    ]


def test_public_addresses_are_reversed_with_the_active_language():
    with translation.override("cy"):
        welsh = reverse("public:report_list")

    assert (reverse("public:report_list"), welsh) == ("/en/findings/", "/cy/findings/")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/findings/", "/en/findings/"),
        ("/accessibility/", "/en/accessibility/"),
        ("/findings/open-data/datapackage.json", "/en/findings/open-data/datapackage.json"),
        ("/findings/accountability/?page=2", "/en/findings/accountability/?page=2"),
    ],
)
def test_address_from_before_the_prefixes_redirects_to_the_prefixed_page(client, old, new):
    response = client.get(old)

    assert (response.status_code, response["Location"]) == (302, new)


def test_old_address_redirects_to_welsh_for_a_welsh_browser(client):
    response = client.get("/privacy/", headers={"Accept-Language": "cy"})

    assert response["Location"] == "/cy/privacy/"


def test_staff_pages_keep_their_addresses_without_a_prefix(client):
    assert client.get("/en/sign-in/").status_code == 404
    assert client.get("/sign-in/").status_code == 200


def test_staff_page_switcher_links_to_the_switch_with_this_page_to_return_to(client):
    body = client.get("/sign-in/?next=/panels/").content.decode()

    assert switcher(body) == (
        '<a class="govuk-link govuk-link--inverse app-header__language" '
        'href="/language/?language=cy&amp;next=%2Fsign-in%2F%3Fnext%3D%2Fpanels%2F" '
        'lang="cy" hreflang="cy">Cymraeg</a>'
    )
    assert alternates(body) == []


def test_switching_saves_the_choice_and_returns_to_the_page(alice):
    client = Client()
    client.force_login(alice)

    response = client.get("/language/", {"language": "cy", "next": "/panels/"})

    assert (response.status_code, response["Location"]) == (302, "/panels/")
    assert LanguagePreference.objects.get(user=alice).language == "cy"
    assert response.cookies["django_language"].value == "cy"


def test_switching_runs_a_fixed_few_queries(alice, django_assert_num_queries):
    client = Client()
    client.force_login(alice)

    # The session and the user; the choice looked up, checked (full_clean) and saved in a
    # transaction; the session saved: 14 with the savepoints, whoever switches.
    with django_assert_num_queries(14):
        client.get("/language/", {"language": "cy", "next": "/panels/"})


def test_saved_choice_applies_on_the_next_request(alice):
    client = Client()
    client.force_login(alice)
    client.get("/language/", {"language": "cy", "next": "/"})

    body = client.get("/account/").content.decode()

    assert html_lang(body) == "cy"
    assert 'hreflang="en">English</a>' in switcher(body)


def test_saved_choice_follows_the_person_to_a_new_browser(alice):
    LanguagePreference.objects.create(user=alice, language="cy")
    client = Client()  # no language cookie
    client.force_login(alice)

    body = client.get("/account/", headers={"Accept-Language": "en"}).content.decode()

    assert html_lang(body) == "cy"


def test_switching_back_to_english_changes_the_saved_choice(alice):
    LanguagePreference.objects.create(user=alice, language="cy")
    client = Client()
    client.force_login(alice)

    client.get("/language/", {"language": "en", "next": "/account/"})

    assert LanguagePreference.objects.get(user=alice).language == "en"
    assert html_lang(client.get("/account/").content.decode()) == "en-GB"


def test_signed_out_switch_sets_the_cookie_only(client):
    response = client.get("/language/", {"language": "cy", "next": "/sign-in/"})

    assert response.cookies["django_language"].value == "cy"
    assert html_lang(client.get("/sign-in/").content.decode()) == "cy"
    assert LanguagePreference.objects.count() == 0


@pytest.mark.parametrize(
    "unsafe", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", ""]
)
def test_switch_refuses_to_return_anywhere_but_this_site(client, unsafe):
    response = client.get("/language/", {"language": "cy", "next": unsafe})

    assert response["Location"] == "/"


def test_switch_to_a_language_the_service_lacks_changes_nothing(alice):
    client = Client()
    client.force_login(alice)

    response = client.get("/language/", {"language": "fr", "next": "/account/"})

    assert response["Location"] == "/account/"
    assert "django_language" not in response.cookies
    assert LanguagePreference.objects.count() == 0


def test_dates_are_written_in_welsh_on_welsh_pages():
    template = Template('{% load core_tags %}{{ day|date:"j F Y" }}; {{ moment|govuk_datetime }}')
    context = Context({"day": datetime.date(2026, 12, 2), "moment": datetime.datetime(2026, 3, 5)})

    with translation.override("cy"):
        welsh = template.render(context)

    assert welsh.startswith("2 Rhagfyr 2026; 5 Mawrth 2026")


def test_english_dates_stay_british():
    template = Template("{{ day|date }} {{ day|date:'SHORT_DATE_FORMAT' }}")

    assert template.render(Context({"day": datetime.date(2026, 12, 2)})) == "2 Dec 2026 02/12/2026"


def test_welsh_page_says_so_to_the_person_signed_in(client):
    user = factories.UserFactory(username="gwen")
    client.force_login(user)
    client.get("/language/", {"language": "cy", "next": "/"})

    assert html_lang(client.get("/cy/findings/").content.decode()) == "cy"
