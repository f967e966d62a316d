"""Every role's home page links only to pages that role can use.

Daily work happens in the service's own pages: the Django admin is linked only for
repairs, only for data admins, and only by a link that says so. Every link on a home
page answers 200 for the person it was shown to.
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from core.roles import is_data_admin
from panels.demo.loader import load_demo
from tests import factories
from tests.worlds import module_world

pytestmark = pytest.mark.django_db

DEMO_ROLES = ["alice", "olu", "nia", "chris", "mina", "sam", "pat"]
REPAIR_WORDS = ("django admin", "repair")


class _Links(HTMLParser):
    """Each <a href> with its visible text, and each form's action."""

    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.actions: list[str] = []
        self._open: list[list] = []  # [href, text pieces] of the links being read

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self._open.append([attrs["href"], []])
        elif tag == "form":
            self.actions.append(attrs.get("action") or "")

    def handle_data(self, data):
        for _, text in self._open:
            text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            href, text = self._open.pop()
            self.links.append((href, " ".join("".join(text).split())))


def home_links(client) -> _Links:
    response = client.get(reverse("home"))
    assert response.status_code == 200
    parser = _Links()
    parser.feed(response.content.decode())
    return parser


def is_admin(url: str) -> bool:
    return urlsplit(url).path.startswith("/admin/")


def is_repair_link(text: str) -> bool:
    return any(word in text.lower() for word in REPAIR_WORDS)


def own_pages(links: list[tuple[str, str]]) -> list[str]:
    """The links to this site's pages, without fragments, each once."""
    urls = []
    for href, _ in links:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            continue  # another site, or a place on this page
        url = parts.path + (f"?{parts.query}" if parts.query else "")
        if url not in urls:
            urls.append(url)
    return urls


def answer(client, url: str) -> tuple[int, str]:
    """The status a link ends on, after redirects within the site (a case's papers lead
    through its conflict question), and where it ended if that was the sign-in page."""
    response = client.get(url, follow=True)
    ended = response.request["PATH_INFO"]
    return response.status_code, ended if ended == reverse("login") else ""


@pytest.fixture(scope="module")
def _demo_for_the_module(django_db_setup, django_db_blocker):
    """The demo, built once for the module inside a transaction rolled back at its end;
    each test's own transaction (a savepoint inside this one) is rolled back as usual."""
    yield from module_world(django_db_blocker, lambda: load_demo()["users"])


@pytest.fixture
def demo_users(_demo_for_the_module, db):
    return _demo_for_the_module


@pytest.fixture
def root(db):
    return factories.UserFactory(username="root", is_staff=True, is_superuser=True)


def signed_in(client, demo_users, root, username):
    user = root if username == "root" else demo_users[username]
    client.force_login(user)
    return user


@pytest.mark.parametrize("username", [*DEMO_ROLES, "root"])
def test_home_links_avoid_the_admin_and_each_answer_200_for_the_role(
    client, demo_users, root, username
):
    user = signed_in(client, demo_users, root, username)

    page = home_links(client)

    # The admin only for repairs, only by a link that says so, only for data admins and
    # superusers (for whom the admin is the whole of their superuser status).
    admin_links = [(href, text) for href, text in page.links if is_admin(href)]
    unlabelled = [(href, text) for href, text in admin_links if not is_repair_link(text)]
    admin_actions = [action for action in page.actions if is_admin(action)]
    assert (unlabelled, admin_actions) == ([], [])
    if not (is_data_admin(user) or user.is_superuser):
        assert admin_links == []
    # Nothing on one's own home page is refused, missing or broken.
    urls = own_pages(page.links)
    answers = {url: answer(client, url) for url in urls}
    assert urls != []
    assert {url: got for url, got in answers.items() if got != (200, "")} == {}
