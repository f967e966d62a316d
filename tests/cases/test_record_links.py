"""A record's link fields (a body-worn video in the force's evidence system) show as links
only to https addresses on the hosts in settings.RECORD_LINK_HOSTS; anything else shows as
text, so an extract cannot plant a link to somewhere else in the case papers."""

import pytest

from cases.kinds.presenters import link_allowed, value_row
from cases.models import RecordField
from tests import factories

EVIDENCE = "dems.example.police.uk"


@pytest.fixture(autouse=True)
def allowed_hosts(settings):
    settings.RECORD_LINK_HOSTS = [EVIDENCE]


@pytest.mark.parametrize(
    "url",
    [
        f"https://{EVIDENCE}/video/1",
        f"HTTPS://{EVIDENCE.upper()}/video/1",
        f"https://{EVIDENCE}:8443/video/1",
    ],
)
def test_an_https_address_on_an_allowed_host_is_a_link(url):
    assert link_allowed(url) is True


@pytest.mark.parametrize(
    "url",
    [
        f"http://{EVIDENCE}/video/1",  # not https
        f"https://{EVIDENCE}.evil.example/",  # the allowed name as a prefix
        f"https://x.{EVIDENCE}/",  # a subdomain is another host
        f"https://{EVIDENCE}./",  # a trailing dot
        f"https://{EVIDENCE}@evil.example/",  # the allowed name as a user
        f"https://{EVIDENCE}%2F@evil.example/",
        f"https://{EVIDENCE}\t@evil.example/",  # browsers and Python drop the tab
        f"https://{EVIDENCE}\\@evil.example/",  # browsers read the backslash as a slash
        f"https://evil.example\\{EVIDENCE}/",
        f"https://evil.example/?{EVIDENCE}",
        f"https://evil.example#@{EVIDENCE}",
        f"javascript:alert(1)//{EVIDENCE}",
        f"//{EVIDENCE}/video/1",  # no scheme
        "",
    ],
)
def test_any_other_address_is_not_a_link(url):
    assert link_allowed(url) is False


def test_no_host_is_allowed_until_a_deployment_names_one(settings):
    settings.RECORD_LINK_HOSTS = []

    assert link_allowed(f"https://{EVIDENCE}/video/1") is False


@pytest.fixture
def kind(db):
    return factories.record_kind(
        {
            "code": "uof-links",
            "name": "Use of force with links",
            "sections": [
                (
                    "Police",
                    [
                        {"code": "bwv", "label": "Body-worn video", "type": "link"},
                        {"code": "notes", "label": "Notes", "type": "text"},
                    ],
                )
            ],
        }
    )


def row_of(kind, code: str, values: dict):
    case = factories.CaseFactory(kind=kind, values=values)
    return value_row(case, RecordField.objects.get(kind=kind, code=code))


def test_a_link_field_on_an_allowed_host_carries_its_address(kind):
    url = f"https://{EVIDENCE}/video/1"

    row = row_of(kind, "bwv", {"bwv": url})

    assert (row.text, row.href) == (url, url)


def test_a_link_field_elsewhere_shows_as_text_only(kind):
    url = "https://evil.example/video/1"

    row = row_of(kind, "bwv", {"bwv": url})

    assert (row.text, row.href) == (url, "")


def test_a_text_field_holding_an_allowed_address_is_never_a_link(kind):
    url = f"https://{EVIDENCE}/video/1"

    row = row_of(kind, "notes", {"notes": url})

    assert (row.text, row.href) == (url, "")
