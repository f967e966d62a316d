"""No public page tells people to contact the office without saying how, in the same
paragraph or list item: by email, phone, post or its website, from the settings."""

import html
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from reports import services
from reports.models import SupportService
from tests.reports.conftest import publish

pytestmark = pytest.mark.django_db

OFFICE = {
    "ORGANISATION_NAME": "Office of the Police and Crime Commissioner for Testshire",
    "ORGANISATION_EMAIL": "opcc@testshire.example",
    "ORGANISATION_PHONE": "01632 960123",
    "ORGANISATION_URL": "https://testshire.example/",
    "ORGANISATION_ADDRESS": "1 High Street, Testtown, TT1 1TT",
    "ORGANISATION_SCRUTINY_URL": "https://testshire.example/scrutiny/",
}
TELLS_TO_CONTACT = re.compile(
    r"\bcontact\s+(?:the\s+OPCC|us\b|it\b|the\s+office\b"
    r"|the\s+Office\s+of\s+the\s+Police)",
    re.IGNORECASE,
)
SAYS_HOW = ('href="mailto:opcc@testshire.example"', 'href="tel:01632960123"')


def pages_without_arguments() -> list[str]:
    """Every address of the site that takes no arguments."""
    found = []

    def walk(patterns, prefix):
        for entry in patterns:
            route = str(entry.pattern)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + route)
            elif isinstance(entry, URLPattern) and "<" not in route and "(" not in route:
                found.append("/" + prefix + route.lstrip("^").rstrip("$"))

    walk(get_resolver().url_patterns, "")
    return found


def blocks(page: str) -> list[str]:
    """The page's paragraphs and list items, with their markup."""
    return re.findall(r"<(p|li)\b[^>]*>(.*?)</\1>", page, re.S)


def test_no_public_page_says_contact_the_office_without_saying_how(
    client, settings, build_meeting, olu, nia
):
    for name, value in OFFICE.items():
        setattr(settings, name, value)
    meeting = build_meeting({"inconsistent": 1})
    SupportService.objects.create(name="A helpline", phone="0808 000 0000").panels.add(
        meeting.panel
    )
    report = services.report_generate(meeting=meeting, by=olu)
    publish(report, author=olu, approver=nia)
    report.refresh_from_db()
    published = f"/en/findings/{report.panel.slug}/{report.slug}/"
    public = []
    for url in [*pages_without_arguments(), published, f"{published}versions/1/"]:
        response = client.get(url)
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            public.append((url, response.content.decode()))

    assert {"/", "/en/findings/", "/en/accessibility/", "/en/privacy/", published} <= {
        u for u, _ in public
    }
    for url, page in public:
        for _tag, block in blocks(page):
            text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", block)).split())
            if TELLS_TO_CONTACT.search(text):
                assert any(way in block for way in SAYS_HOW), (url, text)
    report_page = dict(public)[published]
    assert "by post to 1 High Street, Testtown, TT1 1TT" in html.unescape(report_page)
    assert 'href="https://testshire.example/scrutiny/"' in report_page
    assert 'href="tel:08080000000"' in report_page
