"""Who is emailed as a findings report waits for approval, is returned and is published,
and the approver's home page."""

import pytest
from django.core import mail
from django.urls import reverse

from core.models import NotificationKind
from core.notifications import notification_preferences_save
from core.roles import StaffRole
from reports import services
from tests import factories
from tests.reports.conftest import approve

pytestmark = pytest.mark.django_db

SITE = "https://scrutiny.example.org"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def kim(db):
    """A third OPCC officer."""
    return factories.UserFactory(username="kim", roles=[StaffRole.OPCC_STAFF])


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def case_references(report) -> list[str]:
    refs = [rc.case.reference for rc in report.meeting.reviewed_cases.select_related("case")]
    return [
        ref
        for ref in refs
        for message in mail.outbox
        if ref in message.body or ref in message.subject
    ]


def test_asking_for_approval_emails_the_staff_who_may_approve(
    sent, draft, olu, nia, kim, mina, alice
):
    sent(services.report_submit, report=draft, by=olu)

    assert recipients() == ["kim@example.org", "nia@example.org"]
    message = mail.outbox[0]
    assert message.subject == "A findings report is waiting for your approval"
    assert f"{SITE}/reports/{draft.pk}/" in message.body
    assert draft.title in message.body
    assert case_references(draft) == []
    assert "Reason for case" not in message.body


def test_the_last_editor_is_not_asked_to_approve(sent, draft, olu, nia, kim):
    draft.last_edited_by = nia
    draft.save()

    sent(services.report_submit, report=draft, by=olu)

    assert recipients() == ["kim@example.org"]


def test_an_approver_who_turned_it_off_is_not_emailed(sent, draft, olu, nia, kim):
    notification_preferences_save(user=kim, enabled=[NotificationKind.REPORT_PUBLISHED])

    sent(services.report_submit, report=draft, by=olu)

    assert recipients() == ["nia@example.org"]


def test_returning_a_report_emails_its_author_with_the_reason(sent, draft, olu, nia, kim):
    services.report_submit(report=draft, by=olu)

    sent(services.report_return, report=draft, by=nia, note="Say more about the victims' views.")

    assert recipients() == ["olu@example.org"]
    message = mail.outbox[0]
    assert "Say more about the victims' views." in message.body
    assert f"{SITE}/reports/{draft.pk}/" in message.body
    assert case_references(draft) == []


def test_publishing_emails_the_other_opcc_staff(sent, draft, olu, nia, kim, mina):
    approve(draft, author=olu, approver=nia)

    sent(services.report_publish, report=draft, by=olu)

    assert recipients() == ["kim@example.org", "nia@example.org"]
    assert "is now on the public site" in mail.outbox[0].body
    assert f"{SITE}/reports/{draft.pk}/" in mail.outbox[0].body
    assert case_references(draft) == []


def test_an_approvers_home_lists_the_report_waiting_for_them(client, draft, olu, nia):
    services.report_submit(report=draft, by=olu)
    client.force_login(nia)

    page = client.get(reverse("home")).content.decode()

    assert "A report is waiting for your approval" in page
    assert f'href="/reports/{draft.pk}/"' in page


def test_the_authors_home_does_not_ask_them_to_approve_it(client, draft, olu):
    services.report_submit(report=draft, by=olu)
    client.force_login(olu)

    page = client.get(reverse("home")).content.decode()

    assert "waiting for your approval" not in page


def test_each_approver_reads_the_title_in_their_own_language(welsh, sent, draft, olu, nia, kim):
    from django.utils import translation

    from core.language import language_preference_save

    language_preference_save(user=kim, language="cy")
    draft.title_cy = "Canfyddiadau mis Mawrth"
    draft.save()

    # Sent from a page read in Welsh: the English reader still gets the English title.
    with translation.override("cy"):
        sent(services.report_submit, report=draft, by=olu)

    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "Canfyddiadau mis Mawrth" in bodies["kim@example.org"]
    assert draft.title_en in bodies["nia@example.org"]
    assert "Canfyddiadau mis Mawrth" not in bodies["nia@example.org"]
