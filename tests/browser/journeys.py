"""A journey through the pages, in which every page landed on is checked.

Every navigation goes through `Journey.goto` or `Journey.follow`, which check the page
they arrive at, at desktop width and again at phone width: axe-core finds nothing, and
the page is no wider than the window (wide tables scroll inside their own container).
The journey itself runs at desktop width; the phone check narrows the same page in place.
A navigation made some other way is caught: the main frame's navigations are recorded,
and the next step (and `finish`) fails if one landed on a page that was not checked.
Problems are collected rather than raised at once, so one run lists every page that needs
fixing; `finish` then asserts there are none.
"""

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from playwright.sync_api import Locator, Page, Response

from panels.demo.data import DEMO_PASSWORD
from tests.browser.conftest import DESKTOP, PHONE, axe_violations, overflow, too_wide

VIEWPORTS = {"desktop": (DESKTOP, 800), "phone": (PHONE, 740)}


def _without_fragment(url: str) -> str:
    return url.split("#", 1)[0]


class Journey:
    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.width = page.viewport_size["width"]
        self.height = page.viewport_size["height"]
        self.checked: list[str] = []  # each checked page's path and query
        self.problems: list[str] = []
        self._unchecked: list[str] = []
        page.on("framenavigated", self._navigated)

    def _navigated(self, frame) -> None:
        if frame != self.page.main_frame:
            return
        url = _without_fragment(frame.url)
        if url.startswith(self.base_url) and (not self.checked or url != self._last_url()):
            self._unchecked.append(url)

    def _last_url(self) -> str:
        return self.base_url + self.checked[-1]

    def _nothing_unchecked(self) -> None:
        assert self._unchecked == [], f"landed on pages that were not checked: {self._unchecked}"

    # Moving about --------------------------------------------------------------------

    def goto(self, path: str) -> Response | None:
        self._nothing_unchecked()
        response = self.page.goto(self.base_url + path)
        self.check()
        return response

    def follow(self, target: Locator) -> None:
        """Click a link or button, wait for the page it leads to, and check that page."""
        self._nothing_unchecked()
        with self.page.expect_navigation():
            target.click()
        self.check()

    def menu(self, label: str) -> None:
        """Follow a link in the header, opening the menu first where it is collapsed."""
        # Until GOV.UK Frontend's script has set the header up, a narrow page shows
        # neither the links nor the menu button; it marks the header once it has.
        self.page.locator('[data-module="govuk-header"][data-govuk-header-init]').wait_for(
            state="attached"
        )
        link = self.page.locator(".govuk-header__navigation").get_by_role("link", name=label)
        if not link.is_visible():
            self.page.locator(".govuk-header__menu-button").click()
        self.follow(link)

    def sign_in(self, username: str) -> None:
        """Sign out whoever was signed in, and sign in as someone else through the form."""
        self.page.context.clear_cookies()
        self.goto("/sign-in/")
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Password").fill(DEMO_PASSWORD)
        self.follow(self.page.get_by_role("button", name="Sign in"))
        assert self.path == "/", f"{username} was not signed in: {self.path}"

    def sign_out(self) -> None:
        self.page.context.clear_cookies()

    # Checking ------------------------------------------------------------------------

    def check(self) -> None:
        """axe finds nothing on the page in view, and it does not scroll sideways, at the
        journey's width and (when that is wider) at phone width too."""
        page = self.page
        page.wait_for_load_state()
        self._check_at(self.width)
        if self.width > PHONE:
            page.set_viewport_size({"width": PHONE, "height": VIEWPORTS["phone"][1]})
            try:
                self._check_at(PHONE)
            finally:
                page.set_viewport_size({"width": self.width, "height": self.height})
        self.checked.append(self.path)
        self._unchecked.clear()

    def _check_at(self, width: int) -> None:
        page = self.page
        where = f"{self.path} at {width}px"
        self.problems.extend(f"{where}: {v}" for v in axe_violations(page))
        wide = overflow(page)
        if wide > width:
            self.problems.append(f"{where}: {wide}px wide, overflowing: {too_wide(page, width)}")

    @property
    def path(self) -> str:
        parts = urlsplit(self.page.url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def view_names(self) -> list[str]:
        """The URL name of each page checked, in order (the path itself if none)."""
        names = []
        for path in self.checked:
            try:
                names.append(resolve(urlsplit(path).path).view_name)
            except Resolver404:
                names.append(path)
        return names

    def finish(self) -> None:
        """Every page landed on was checked, and none had a problem."""
        self._nothing_unchecked()
        assert self.problems == [], "\n".join(self.problems)

    # Reading -------------------------------------------------------------------------

    def heading(self) -> str:
        return self.page.get_by_role("heading", level=1).inner_text()

    def banner(self) -> str:
        return self.page.locator(".govuk-notification-banner__heading").inner_text()

    def errors(self) -> list[str]:
        return self.page.locator(".govuk-error-summary a").all_inner_texts()
