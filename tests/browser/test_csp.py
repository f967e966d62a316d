"""With the Content-Security-Policy in force, Chromium reports no violation on the
pages people use most, and GOV.UK Frontend's JavaScript still starts."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import sign_in_as

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Chromium's console words for each kind of CSP refusal.
CSP_WORDS = ("Content Security Policy", "Refused to")


@pytest.fixture(autouse=True)
def stored_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def watched(page: Page):
    """The page, with every CSP violation it meets collected: console lines and events."""
    seen: list[str] = []
    page.on(
        "console",
        lambda message: (
            seen.append(message.text) if any(word in message.text for word in CSP_WORDS) else None
        ),
    )
    page.context.add_init_script(
        """document.addEventListener('securitypolicyviolation', e => {
            console.error('Refused to ' + e.violatedDirective + ': ' + e.blockedURI)
        })"""
    )
    page.csp_violations = seen
    return page


def published_report_path(demo) -> str:
    from django.urls import reverse

    from panels.enums import MeetingStatus
    from panels.models import Meeting
    from reports import services

    users = demo["users"]
    meeting = Meeting.objects.filter(status=MeetingStatus.CLOSED).order_by("-date").first()
    report = services.report_generate(meeting=meeting, by=users["olu"])
    services.report_submit(report=report, by=users["olu"])
    services.report_approve(report=report, by=users["nia"])
    services.report_publish(report=report, by=users["olu"], change_note="")
    return reverse("public:report", args=[report.panel.slug, report.slug])


def assert_clean(page: Page, url: str) -> None:
    response = page.goto(url)
    page.wait_for_load_state("load")
    assert response.status == 200, url
    assert "script-src 'self'" in response.headers["content-security-policy"]
    classes = page.evaluate("document.body.className").split()
    assert {"js-enabled", "govuk-frontend-supported"} <= set(classes), url
    assert page.csp_violations == [], url


def test_public_pages_and_sign_in_break_no_rule_of_the_policy(watched, live_server, demo):
    base = live_server.url
    report = published_report_path(demo)

    for path in ["/", "/en/findings/", report, "/sign-in/", "/en/cookies/"]:
        assert_clean(watched, f"{base}{path}")


def test_member_and_chair_pages_break_no_rule_of_the_policy(watched, live_server, demo):
    from django.contrib.auth import get_user_model

    from panels.enums import MeetingStatus
    from panels.models import Meeting
    from panels.rating.services import conflict_declare

    meeting = Meeting.objects.get(status=MeetingStatus.RATING_OPEN)
    mina = get_user_model().objects.get(username="mina")
    reviewed = meeting.reviewed_cases.get(position=1)
    if not reviewed.conflicts.filter(membership__user=mina).exists():
        conflict_declare(reviewed_case=reviewed, user=mina, has_conflict=False)
    base = live_server.url

    sign_in_as(watched, base, "mina")
    assert_clean(watched, f"{base}/")
    assert_clean(watched, f"{base}/panels/meetings/{meeting.pk}/cases/1/")
    expect(watched.locator("#rating-form")).to_be_visible()

    sign_in_as(watched, base, "chris")
    assert_clean(watched, f"{base}/panels/meetings/{meeting.pk}/")


def test_the_menu_button_works_on_a_phone(watched, live_server, demo):
    """The header's menu toggle is GOV.UK JavaScript: it runs only if initAll ran."""
    base = live_server.url
    sign_in_as(watched, base, "olu")
    watched.set_viewport_size({"width": 375, "height": 800})
    watched.goto(f"{base}/")

    button = watched.get_by_role("button", name="Menu")
    button.click()

    assert button.get_attribute("aria-expanded") == "true"
    assert watched.csp_violations == []


def test_an_inline_script_or_style_would_be_caught(watched, live_server, demo):
    """The watch itself works: inline code added to a page is refused and reported."""
    watched.goto(f"{live_server.url}/en/cookies/")

    watched.evaluate(
        """() => {
            const s = document.createElement('script'); s.textContent = 'window.ran = 1'
            document.body.append(s)
            document.body.insertAdjacentHTML('beforeend', '<p style="color: red">x</p>')
        }"""
    )
    watched.wait_for_timeout(200)

    assert watched.evaluate("window.ran") is None
    assert watched.csp_violations != []
