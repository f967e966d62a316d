"""The Commissioner's notes published in Welsh too: every text OPCC staff recorded needs its
Welsh before the notes go for approval, the approver reads both, the disclosure check reads
the Welsh, and the Welsh page of the published notes shows it."""

import io

import pikepdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils import translation

from accountability.models import EvidenceSummary
from core.bilingual import english
from reports import disclosure, services, welsh
from reports.accountability.services import notes_generate
from reports.enums import ReportStatus

from .conftest import give_welsh, publish
from .scrutiny import scrutiny_meeting, with_outcomes

pytestmark = pytest.mark.django_db
WELSH_PAGE = "/cy/findings/accountability/2025-09-24-demo/"


@pytest.fixture
def bilingual(settings, request):
    request.getfixturevalue("welsh")
    settings.PUBLISH_LANGUAGES = ("en", "cy")


@pytest.fixture
def meeting(olu):
    return with_outcomes(scrutiny_meeting(by=olu), by=olu, response="A plan is agreed.")


@pytest.fixture
def notes(meeting, olu):
    return notes_generate(meeting=meeting, by=olu)


def refusal(report, by) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        services.report_submit(report=report, by=by)
    return caught.value.messages


def test_english_only_notes_go_for_approval_without_welsh(notes, olu):
    moved = services.report_submit(report=notes, by=olu)

    assert moved.status == ReportStatus.AWAITING_APPROVAL


def test_bilingual_notes_are_refused_naming_each_text_without_welsh(bilingual, notes, olu):
    topic = "Use of out of court resolutions and Outcome 16"
    missing = [
        "The meeting's theme",
        "Section “About these notes”, heading",
        "Section “About these notes”",
        f"Topic “{topic}”",
        "Question 1",
        "Question 1, summary of evidence",
        "Question 2",
        "Question 2, summary of evidence",
        f"Decision on “{topic}”",
        f"Follow-up on “{topic}”",
        "Other area 1",
        "Other area 1, more detail",
        "Action 1",
        "Action 1, owner",
        "Action 1, the force's response",
    ]

    messages = refusal(notes, olu)

    assert messages == [
        f"{where} has no Welsh version. Add it before sending the report for approval."
        for where in missing
    ]
    notes.refresh_from_db()
    assert notes.status == ReportStatus.DRAFT


def test_each_missing_welsh_links_to_its_welsh_box(bilingual, notes, meeting):
    summary = EvidenceSummary.objects.get(question__number=1)
    topic = meeting.topics.get()

    fixes = {t.location: t.fix_url for t in welsh.missing_welsh(notes)}

    assert fixes["Question 1, summary of evidence"] == (
        f"/accountability/questions/{summary.question_id}/summary/#id_text_cy"
    )
    assert (
        fixes[f"Topic “{topic.title}”"] == f"/accountability/topics/{topic.pk}/welsh/#id_title_cy"
    )
    assert fixes["Action 1"] == (
        f"/accountability/actions/{meeting.actions.get().pk}/edit/#id_description_cy"
    )
    assert fixes["Action 1, owner"] == (
        f"/accountability/actions/{meeting.actions.get().pk}/edit/#id_owner_cy"
    )
    response = meeting.actions.get().action.responses.get(state="approved")
    assert fixes["Action 1, the force's response"] == (
        f"/panels/force/responses/{response.pk}/welsh/#id_text_cy"
    )


def test_bilingual_notes_with_every_welsh_go_for_approval(bilingual, notes, olu):
    give_welsh(notes)

    moved = services.report_submit(report=notes, by=olu)

    assert moved.status == ReportStatus.AWAITING_APPROVAL


def test_the_approver_reads_the_notes_in_both_languages(bilingual, notes, olu, nia, client):
    give_welsh(notes)
    services.report_submit(report=notes, by=olu)
    client.force_login(nia)

    page = client.get(f"/reports/{notes.pk}/move/approve/").content.decode()

    assert "Question 1 to the force?" in page
    assert "Cymraeg: Question 1 to the force?" in page
    assert "Cymraeg: Improvement plans are in place but have yet to show an impact." in page


def test_the_disclosure_check_reads_the_notes_welsh(bilingual, notes, meeting):
    give_welsh(notes)
    summary = EvidenceSummary.objects.get(question__number=2)
    summary.text_cy = "Ffoniwch y swyddog ar 07700 900123."
    summary.save()

    (finding,) = disclosure.check(notes)

    assert (finding.kind, finding.location) == ("phone", "Question 2, summary of evidence (Welsh)")
    assert finding.fix_url == f"/accountability/questions/{summary.question_id}/summary/#id_text_cy"


def test_the_disclosure_check_reads_the_english_as_english_from_a_welsh_page(bilingual, notes):
    give_welsh(notes)
    summary = EvidenceSummary.objects.get(question__number=1)
    with english():
        summary.text = "Ring the officer on 07700 900123."
        summary.save()

    with translation.override("cy"):
        found = [(f.kind, f.location) for f in disclosure.check(notes)]

    assert found == [("phone", "Question 1, summary of evidence")]


def test_publishing_freezes_the_notes_in_both_languages(bilingual, notes, olu, nia):
    version = publish(notes, author=olu, approver=nia)

    (welsh_version,) = version.languages.all()
    with default_storage.open(welsh_version.pdf_file.name, "rb") as stored:
        pdf = pikepdf.open(io.BytesIO(stored.read()))

    assert welsh_version.language == "cy"
    assert str(pdf.Root.Lang) == "cy"
    with default_storage.open(welsh_version.html_file.name) as stored:
        assert "Cymraeg: Question 2 to the force?" in stored.read().decode()


def test_the_welsh_page_of_published_notes_shows_the_welsh(bilingual, client, notes, olu, nia):
    publish(notes, author=olu, approver=nia)

    page = client.get(WELSH_PAGE).content.decode()

    assert '<article class="app-report" lang="cy">' in page
    assert (
        '<h1 class="govuk-heading-xl">Nodiadau cyfarfod craffu 24 Medi 2025 (Cymraeg: Tackling '
        "offending and reoffending: Cymraeg: Use of out of court resolutions and Outcome 16)</h1>"
    ) in page
    assert "Cymraeg: Tackling offending and reoffending" in page
    assert "1. Cymraeg: Question 1 to the force?</td>" in page
    assert "Cymraeg: The force gave its figures for the year. (1)" in page
    assert "Cymraeg: Improvement plans are in place but have yet to show an impact." in page
    assert "Cymraeg: Develop a communications plan for the Community Remedy." in page
    assert "Cymraeg: Fixed-term recall: Cymraeg: Its effects." in page
    assert "Cymraeg: A further performance update in six months" in page
    assert "Question 1 to the force?</td>" not in page.replace("Cymraeg: Question 1", "")


def test_english_passages_in_the_welsh_page_say_they_are_english(
    bilingual, client, notes, olu, nia
):
    publish(notes, author=olu, approver=nia)

    welsh_page = client.get(WELSH_PAGE).content.decode()
    english_page = client.get(WELSH_PAGE.replace("/cy/", "/en/")).content.decode()

    assert '<td class="govuk-table__cell">Cymraeg: The force and the OPCC</td>' in welsh_page
    # The force's response, given its Welsh, is in Welsh.
    assert "Cymraeg: A plan is agreed. (24 Hydref 2025)</td>" in welsh_page
    assert '<span lang="en-GB">A plan is agreed.</span>' not in welsh_page
    assert '<td class="govuk-table__cell">The force and the OPCC</td>' in english_page
    assert "A plan is agreed. (24 October 2025)</td>" in english_page


def test_a_draft_read_in_welsh_marks_each_text_not_yet_in_welsh_as_english(welsh, notes):
    from django.template.loader import render_to_string

    from accountability.models import Question
    from reports.accountability.presenters import meeting_notes

    topic = notes.scrutiny_meeting.topics.get()
    first = Question.objects.get(meeting=notes.scrutiny_meeting, number=1)
    first.text_cy = "Cwestiwn yn Gymraeg."
    first.save()

    with translation.override("cy"):
        page = render_to_string("reports/accountability/notes.html", {"r": meeting_notes(notes)})
    with translation.override("en"):
        english_page = render_to_string(
            "reports/accountability/notes.html", {"r": meeting_notes(notes)}
        )

    # The topic has no Welsh yet: its English is said as English.
    assert f'<h2 class="govuk-heading-l" lang="en-GB">{topic.title}</h2>' in page
    # The question given its Welsh reads as Welsh; the other is marked.
    assert '<td class="govuk-table__cell">1. Cwestiwn yn Gymraeg.</td>' in page
    assert '2. <span lang="en-GB">' in page
    assert '<div lang="en-GB">' in page  # a summary of evidence, a paragraph in English
    assert english_page.count('lang="en-GB"') == 1  # the article's own
