"""The Commissioner's accountability scrutiny in Chromium: OPCC staff draft a question and
send it to the force, the force's liaison answers it with evidence, and OPCC staff write
the summary of evidence and record the Commissioner's decision. Every page landed on is
checked by `Journey` (axe at desktop and 375 px, no sideways scrolling, vnu)."""

import datetime

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page

from accountability.models import EvidenceDocument, EvidenceSummary, Question, TopicDecision
from accountability.retention import erase_answer_evidence
from accountability.urls import urlpatterns
from core.roles import StaffRole
from panels.demo.data import DEMO_PASSWORD
from panels.models import ForceLiaison
from tests import factories
from tests.accountability.factories import QuestionFactory, ScrutinyMeetingFactory, TopicFactory
from tests.browser.journeys import Journey
from tests.cases import pdfs

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
QUESTION = "What are the main barriers encountered by the Force in issuing OoCRs?"
QUESTION_CY = (
    "Beth yw'r prif rwystrau y mae'r Heddlu'n eu hwynebu wrth roi datrysiadau y tu allan i'r llys?"
)
ANSWER = "Much of the force's crime is serious violence, which few OoCRs can resolve."
SUMMARY = "The force has increased its use of OoCRs slightly, but remains below its peers."
# Every accountability page is checked on the way, but the move (a button posting back
# to the meeting's page) and the evidence download (a PDF).
accountability_urls = [pattern.name for pattern in urlpatterns]
RATIONALE = "Improvement plans are in place but have yet to show meaningful impact."


@pytest.fixture
def journey(page: Page, live_server) -> Journey:
    return Journey(page, live_server.url)


@pytest.fixture
def scrutiny(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "uploads"
    force = factories.ForceFactory(code="CLEVELAND", name="Cleveland Police")
    olu = factories.UserFactory(username="olu", roles=[StaffRole.OPCC_STAFF], first_name="Olu")
    lou = factories.ForceLiaisonFactory(force=force, user__username="lou").user
    for user in (olu, lou):
        user.set_password(DEMO_PASSWORD)
        user.save()
    topic = TopicFactory(force=force, title="Use of out of court resolutions and Outcome 16")
    # A past meeting, decided, whose question the force never answered: the liaison's list
    # shows it apart, not overdue.
    past = ScrutinyMeetingFactory(
        force=force, date=timezone.localdate() - datetime.timedelta(days=90), topics=[topic]
    )
    past.status = "decided"
    past.save(update_fields=["status"])
    QuestionFactory(
        meeting=past,
        topic=topic,
        number=1,
        sent_at=timezone.now() - datetime.timedelta(days=120),
        due_date=past.date - datetime.timedelta(days=14),
    )
    day = timezone.localdate() + datetime.timedelta(days=30)
    return ScrutinyMeetingFactory(force=force, date=day, topics=[topic])


def fill_date(page: Page, name: str, day: datetime.date) -> None:
    for part, value in zip(("0", "1", "2"), (day.day, day.month, day.year), strict=True):
        page.locator(f'[name="{name}_{part}"]').fill(str(value))


def opcc_send_a_question(journey: Journey, scrutiny) -> None:
    page = journey.page
    journey.sign_in("olu")
    journey.follow(page.get_by_role("link", name="Topics and scrutiny meetings"))
    journey.follow(page.get_by_role("link", name=f"{scrutiny.date:%-d %B %Y}", exact=False))
    journey.follow(page.get_by_role("button", name="Add a question"))
    journey.follow(page.get_by_role("button", name="Save the question"))
    assert journey.errors() == ["Enter the question"]
    page.get_by_label("Question", exact=True).fill("A first draft?")
    journey.follow(page.get_by_role("button", name="Save the question"))
    journey.follow(page.get_by_role("link", name="Change question 1"))
    page.get_by_label("Question", exact=True).fill(QUESTION)
    fill_date(page, "due_date", timezone.localdate() - datetime.timedelta(days=1))
    journey.follow(page.get_by_role("button", name="Save the question"))
    assert journey.errors()[0].startswith("The answer cannot be due before today")
    for part in ("0", "1", "2"):
        page.locator(f'[name="due_date_{part}"]').fill("")
    journey.follow(page.get_by_role("button", name="Save the question"))
    # A second draft, thought better of: removed from its own page, after confirming.
    journey.follow(page.get_by_role("button", name="Add a question"))
    page.get_by_label("Question", exact=True).fill("A question not to send?")
    journey.follow(page.get_by_role("button", name="Save the question"))
    journey.follow(page.get_by_role("link", name="Question 2", exact=True))
    journey.follow(page.get_by_role("link", name="Remove the draft"))
    journey.follow(page.get_by_role("button", name="Remove the draft"))
    assert "The draft of question 2 has been removed" in page.content()
    journey.follow(page.get_by_role("link", name="Send the questions to the force"))
    fill_date(page, "due_date", scrutiny.date - datetime.timedelta(days=14))
    journey.follow(page.get_by_role("button", name="Send the questions to the force"))
    assert "Waiting for the force" in page.content()


def liaison_answer(journey: Journey) -> None:
    page = journey.page
    journey.sign_in("lou")
    journey.follow(page.get_by_role("link", name="1 question to answer"))
    assert "Questions of past meetings (1)" in page.content()
    assert "Overdue" not in page.content()
    to_come = page.get_by_role("region", name="Questions for meetings to come")
    journey.follow(to_come.get_by_role("link", name="Question 1:", exact=False))
    page.get_by_label("The force's answer").fill(ANSWER)
    journey.follow(page.get_by_role("button", name="Save the answer"))
    journey.follow(page.get_by_role("link", name="Add evidence (PDF)"))
    page.get_by_label("Title").fill("OoCR performance dashboard")
    page.get_by_label("PDF file").set_input_files(
        files=[{"name": "dashboard.pdf", "mimeType": "application/pdf", "buffer": pdfs.text_pdf()}]
    )
    journey.follow(page.get_by_role("button", name="Upload and check"))
    assert "OoCR performance dashboard (PDF, 1 page)" in page.content()


def opcc_summarise_and_decide(journey: Journey, scrutiny) -> None:
    page = journey.page
    journey.sign_in("olu")
    journey.follow(page.get_by_role("link", name=f"Scrutiny meeting, {scrutiny.date:%-d %B %Y}"))
    # Sent, the question's English is final; its Welsh can still be written.
    journey.follow(page.get_by_role("link", name="Welsh of question 1"))
    assert "Sent to the force, so its English is final" in page.content()
    page.get_by_label("Question (Welsh)").fill(QUESTION_CY)
    journey.follow(page.get_by_role("button", name="Save the Welsh"))
    assert "The Welsh of question 1 saved" in page.content()
    journey.follow(page.get_by_role("link", name="Summary of evidence on question 1"))
    assert ANSWER in page.content()
    page.get_by_label("Summary of evidence", exact=True).fill(SUMMARY)
    journey.follow(page.get_by_role("button", name="Save the summary"))
    journey.follow(page.get_by_role("link", name="Record the decision", exact=False))
    assert SUMMARY in page.content()
    # The question's own page, from the decision page: the answer, the evidence, the summary.
    journey.follow(page.get_by_role("link", name="Question 1", exact=True))
    assert ANSWER in page.content() and "OoCR performance dashboard" in page.content()
    journey.follow(page.get_by_role("link", name="Back to the meeting"))
    journey.follow(page.get_by_role("link", name="Record the decision", exact=False))
    page.get_by_label("Partly assured").check()
    journey.follow(page.get_by_role("button", name="Save the decision"))
    assert journey.errors() == [
        "Enter the rationale for the decision: why the Commissioner is or is not assured"
    ]
    page.get_by_label("Rationale", exact=True).fill(RATIONALE)
    journey.follow(page.get_by_role("button", name="Save the decision"))
    topic = "Use of out of court resolutions and Outcome 16"
    journey.follow(page.get_by_role("link", name=topic, exact=True))
    assert RATIONALE in page.content()


def opcc_record_the_rest(journey: Journey, scrutiny) -> None:
    """Other areas, an action, the six-month follow-up and the meeting's details, from the
    meeting's page; then a topic and a meeting of their own, from the index."""
    page = journey.page
    journey.follow(page.get_by_role("link", name=f"{scrutiny.date:%-d %B %Y}", exact=False))
    journey.follow(page.get_by_role("link", name="Add another area discussed"))
    page.get_by_label("What was discussed", exact=True).fill("The implications of FTR48")
    journey.follow(page.get_by_role("button", name="Save"))
    journey.follow(page.get_by_role("link", name="Change The implications of FTR48"))
    journey.follow(page.get_by_role("button", name="Save"))
    journey.follow(page.get_by_role("link", name="Add an action"))
    page.get_by_label("What needs to be done", exact=True).fill(
        "A communications plan for the Remedy."
    )
    page.get_by_label("Owner", exact=True).fill("The force and the OPCC")
    journey.follow(page.get_by_role("button", name="Save the action"))
    journey.follow(page.get_by_role("link", name="Change action 1"))
    journey.follow(page.get_by_role("button", name="Save the action"))
    journey.follow(page.get_by_role("link", name="Change the status of action 1"))
    page.get_by_label("Status").select_option("In progress")
    journey.follow(page.get_by_role("button", name="Save the status"))
    assert "Action 1 is in progress" in page.content()
    journey.follow(page.get_by_role("link", name="Set a follow-up"))
    page.get_by_label("What is to follow", exact=True).fill("A further performance update")
    fill_date(page, "due_date", scrutiny.date - datetime.timedelta(days=1))
    journey.follow(page.get_by_role("button", name="Set the follow-up"))
    assert journey.errors()[0].startswith("The follow-up must be due on or after the meeting")
    fill_date(page, "due_date", scrutiny.date + datetime.timedelta(days=182))
    journey.follow(page.get_by_role("button", name="Set the follow-up"))
    journey.follow(page.get_by_role("link", name="Change the follow-up due", exact=False))
    page.get_by_label("What is to follow", exact=True).fill(
        "A further performance update to the PCC"
    )
    journey.follow(page.get_by_role("button", name="Save the follow-up"))
    journey.follow(page.get_by_role("link", name="Remove the follow-up due", exact=False))
    journey.follow(page.get_by_role("button", name="Remove the follow-up"))
    assert "None set." in page.content()
    journey.follow(page.get_by_role("link", name="Set a follow-up"))
    page.get_by_label("What is to follow", exact=True).fill("A further performance update")
    fill_date(page, "due_date", scrutiny.date + datetime.timedelta(days=182))
    journey.follow(page.get_by_role("button", name="Set the follow-up"))
    journey.follow(page.get_by_role("link", name="Change the meeting's details"))
    fill_date(page, "date", scrutiny.date + datetime.timedelta(days=1))
    journey.follow(page.get_by_role("button", name="Save the meeting"))
    assert journey.errors()[0].startswith("The Commissioner's decision is recorded at this")
    fill_date(page, "date", scrutiny.date)
    journey.follow(page.get_by_role("button", name="Save the meeting"))
    opcc_close_and_reopen(journey)
    journey.follow(page.get_by_role("link", name="Back to accountability scrutiny"))
    journey.follow(page.get_by_role("link", name="Add a topic"))
    page.get_by_label("Title", exact=True).fill("Stop and search")
    journey.follow(page.get_by_role("button", name="Add the topic"))
    journey.follow(page.get_by_role("link", name="Add the title in Welsh"))
    page.get_by_label("Title (Welsh)").fill("Stopio a chwilio")
    journey.follow(page.get_by_role("button", name="Save the Welsh"))
    assert "Change the title in Welsh" in page.content()
    journey.follow(page.get_by_role("link", name="Back to accountability scrutiny"))
    journey.follow(page.get_by_role("button", name="Plan a scrutiny meeting"))
    journey.follow(page.get_by_role("button", name="Save the meeting"))
    assert "Select at least one topic" in journey.errors()


def evidence_erased(journey: Journey) -> None:
    """Past the retention period the evidence file is erased; the summary page says so."""
    document = EvidenceDocument.objects.get()
    with transaction.atomic():
        erase_answer_evidence(document_ids=[document.pk])
    journey.goto(reverse("accountability:summary", args=[document.answer.question_id]))
    expected = "OoCR performance dashboard (PDF erased after the retention period)"
    assert expected in journey.page.locator("main").inner_text()


def opcc_close_and_reopen(journey: Journey) -> None:
    """The meeting decided and closed, then its record reopened with the reason."""
    page = journey.page
    journey.follow(page.get_by_role("button", name="Mark the meeting as decided"))
    journey.follow(page.get_by_role("button", name="Close the meeting"))
    journey.follow(page.get_by_role("button", name="Reopen the record"))
    journey.follow(page.get_by_role("button", name="Reopen the record"))
    assert journey.errors() == ["Enter why the meeting's record is being reopened"]
    page.get_by_label("Why is the record being reopened?").fill("To correct a summary.")
    journey.follow(page.get_by_role("button", name="Reopen the record"))
    assert "record reopened. To correct a summary." in page.content()


def test_questions_sent_answered_summarised_and_decided(journey: Journey, scrutiny):
    opcc_send_a_question(journey, scrutiny)
    liaison_answer(journey)
    opcc_summarise_and_decide(journey, scrutiny)
    opcc_record_the_rest(journey, scrutiny)
    evidence_erased(journey)
    journey.sign_in("lou")
    journey.goto("/accountability/force/questions/#follow-ups")
    assert "A further performance update" in journey.page.content()

    journey.finish()
    assert EvidenceSummary.objects.get().text == SUMMARY
    assert TopicDecision.objects.get().level == "partly_assured"
    assert Question.objects.filter(text_cy=QUESTION_CY).count() == 1
    assert "accountability:decision" in journey.view_names()
    pages = {f"accountability:{name}" for name in accountability_urls}
    assert pages - {"accountability:meeting_move", "accountability:evidence_download"} <= set(
        journey.view_names()
    )


def test_work_for_a_force_with_no_liaison_is_warned_of(journey: Journey, scrutiny):
    """The send page and the add-action page, for a force nobody answers for."""
    ForceLiaison.objects.filter(force=scrutiny.force).update(is_active=False)
    QuestionFactory(meeting=scrutiny, topic=scrutiny.topics.get(), number=1, text=QUESTION)
    page = journey.page
    journey.sign_in("olu")
    journey.goto(reverse("accountability:questions_send", args=[scrutiny.pk]))
    assert "Nobody will be emailed" in page.content()
    fill_date(page, "due_date", scrutiny.date - datetime.timedelta(days=14))
    journey.follow(page.get_by_role("button", name="Send the questions to the force"))
    assert "Nobody was emailed" in page.content()
    journey.follow(page.get_by_role("link", name="Add an action"))
    assert "Nobody will be emailed" in page.content()

    journey.finish()
