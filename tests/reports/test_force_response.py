"""Published reports carry the force's latest approved response to each action."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from panels.enums import ResponseState
from panels.models import Action, ActionResponse
from panels.queries import approved_responses
from reports import disclosure, services, welsh
from tests import factories
from tests.reports.conftest import closed_meeting, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return closed_meeting({"inconsistent": 2}, date=datetime.date(2026, 3, 4))


@pytest.fixture
def action(meeting):
    return Action.objects.create(
        meeting=meeting,
        force=meeting.panel.force,
        description="Brief officers on recording admissions.",
        owner="Force OoCR lead",
    )


def respond(action, text, state, *, days_ago=0):
    liaison = factories.ForceLiaisonFactory(force=action.force).user
    at = timezone.now() - datetime.timedelta(days=days_ago)
    return ActionResponse.objects.create(
        action=action,
        text=text,
        proposed_status="completed",
        submitted_by=liaison,
        submitted_at=at,
        state=state,
        return_reason="Too vague." if state == ResponseState.RETURNED else "",
        reviewed_at=at,
    )


def published_html(meeting, olu, nia) -> str:
    report = services.report_generate(meeting=meeting, by=olu)
    version = publish(report, author=olu, approver=nia)
    with version.html_file.open("rb") as handle:
        return handle.read().decode()


def test_the_latest_approved_response_is_published_as_the_forces_response(
    meeting, action, olu, nia
):
    respond(action, "An earlier approved answer.", ResponseState.APPROVED, days_ago=5)
    respond(action, "All supervisors were briefed.", ResponseState.APPROVED, days_ago=1)

    html = published_html(meeting, olu, nia)

    assert (
        "Force's response" in html,
        "All supervisors were briefed." in html,
        "An earlier approved answer." in html,
    ) == (True, True, False)


def test_a_response_not_approved_is_not_published(meeting, action, olu, nia):
    respond(action, "Waiting for review.", ResponseState.SUBMITTED)
    respond(action, "Sent back.", ResponseState.RETURNED)

    html = published_html(meeting, olu, nia)

    assert (
        "Force's response" in html,
        "Waiting for review." in html,
        "Sent back." in html,
    ) == (
        False,
        False,
        False,
    )


def test_the_disclosure_check_reads_the_forces_response(meeting, action, olu):
    respond(action, "Call the supervisor on 07700 900123.", ResponseState.APPROVED)
    report = services.report_generate(meeting=meeting, by=olu)

    found = [f.location for f in disclosure.check(report)]

    assert "Action 1, the force's response" in found


def test_the_disclosure_check_sends_a_response_finding_to_withdrawing_the_approval(
    meeting, action, olu
):
    reply = respond(action, "Call the supervisor on 07700 900123.", ResponseState.APPROVED)
    report = services.report_generate(meeting=meeting, by=olu)

    fixes = [f.fix_url for f in disclosure.check(report) if "force's response" in f.location]

    assert fixes == [f"/panels/force/responses/{reply.pk}/withdraw/#id_reason"]


def test_the_disclosure_check_and_the_review_page_screen_alike(meeting, action, olu):
    from panels import screen
    from panels.liaison.selectors import response_findings

    case = meeting.reviewed_cases.first().case
    reply = respond(action, f"Case {case.reference}: call 07700 900123.", ResponseState.APPROVED)
    report = services.report_generate(meeting=meeting, by=olu)

    in_report = [f.kind_label for f in disclosure.check(report) if "force's response" in f.location]
    on_review = [f.label for f in response_findings(response=reply)]

    assert (in_report, on_review) == (on_review, [screen.LABELS["phone"], "A case reference"])


def test_a_period_report_carries_the_forces_response(meeting, action, olu, nia):
    respond(action, "All supervisors were briefed.", ResponseState.APPROVED)
    publish(services.report_generate(meeting=meeting, by=olu), author=olu, approver=nia)
    period = services.report_generate_period(
        panel=meeting.panel,
        start=datetime.date(2026, 1, 1),
        end=datetime.date(2026, 12, 31),
        by=olu,
    )

    version = publish(period, author=olu, approver=nia)

    with version.html_file.open("rb") as handle:
        assert "All supervisors were briefed." in handle.read().decode()


@pytest.fixture
def bilingual(settings, request):
    request.getfixturevalue("welsh")
    settings.PUBLISH_LANGUAGES = ("en", "cy")


def test_welsh_publishing_asks_for_the_responses_welsh_on_its_own_page(
    bilingual, meeting, action, olu
):
    from tests.reports.conftest import give_welsh

    reply = respond(action, "All supervisors were briefed.", ResponseState.APPROVED)
    report = services.report_generate(meeting=meeting, by=olu)
    give_welsh(report)
    ActionResponse.objects.filter(pk=reply.pk).update(text_cy="")

    missing = {t.location: t.fix_url for t in welsh.missing_welsh(report)}
    with pytest.raises(ValidationError) as refused:
        services.report_submit(report=report, by=olu)

    assert missing == {
        "Action 1, the force's response": f"/panels/force/responses/{reply.pk}/welsh/#id_text_cy"
    }
    assert refused.value.messages == [
        "Action 1, the force's response has no Welsh version. Add it before sending the "
        "report for approval."
    ]


def test_the_welsh_page_publishes_the_responses_welsh_and_the_english_page_its_english(
    bilingual, client, meeting, action, olu, nia
):
    from tests.reports.conftest import give_welsh

    reply = respond(action, "All supervisors were briefed.", ResponseState.APPROVED)
    ActionResponse.objects.filter(pk=reply.pk).update(text_cy="Cafodd pob goruchwyliwr friff.")
    report = services.report_generate(meeting=meeting, by=olu)
    give_welsh(report)
    version = publish(report, author=olu, approver=nia)
    # Changed after publication: the published pages keep what was approved.
    ActionResponse.objects.filter(pk=reply.pk).update(text_cy="Newid wedyn.")

    with version.languages.get().html_file.open("rb") as handle:
        welsh_html = handle.read().decode()
    with version.html_file.open("rb") as handle:
        english_html = handle.read().decode()

    assert "Cafodd pob goruchwyliwr friff." in welsh_html
    # Said as Welsh, not marked as English.
    assert '<span lang="en-GB">Cafodd' not in welsh_html
    assert "All supervisors were briefed." not in welsh_html
    assert "Newid wedyn." not in welsh_html
    assert "All supervisors were briefed." in english_html
    assert "Cafodd pob goruchwyliwr friff." not in english_html


def test_a_welsh_page_marks_a_response_without_its_welsh_as_english(action, welsh):
    from django.template.loader import render_to_string
    from django.utils import translation

    respond(action, "All supervisors were briefed.", ResponseState.APPROVED)
    shown = Action.objects.prefetch_related(approved_responses()).get(pk=action.pk)

    with translation.override("cy"):
        page = render_to_string("reports/includes/force_response.html", {"action": shown})

    assert '<span lang="en-GB">All supervisors were briefed.</span>' in page
