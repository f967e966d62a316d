"""Two people saving the same thing at the same moment, as two real transactions on
PostgreSQL: a panel decision and a findings report's section.

Each side opens its own transaction on its own connection, reads the version its form
would carry, waits at a barrier until the other has read the same one, then saves.
Exactly one save wins; the other is refused with the service's conflict error, and the
stored text is the winner's, whole, with nothing of the loser's applied.
"""

import threading

import pytest
from django.apps import apps as django_apps
from django.db import close_old_connections, connection, transaction

from cases.reference_data import seed as seed_cases
from core.stale import StaleEdit
from panels.enums import MeetingStatus
from panels.meetings.services import DecisionInput, decision_record
from panels.models import Decision
from panels.reference_data import seed as seed_panels
from panels.workflow import meeting_transition
from reports.enums import SectionKey
from reports.models import FindingsReport, ReportSection, StandingText
from reports.services import report_generate, section_save
from tests import factories

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent transactions need PostgreSQL"
    ),
]


def race(read_version, save, texts: dict[str, str]) -> dict[str, object]:
    """Run `save(name, text, version)` in two threads that both read the version first.

    Returns each side's outcome: "saved", or the refusal exception it raised."""
    barrier = threading.Barrier(len(texts), timeout=10)
    outcomes: dict[str, object] = {}

    def side(name: str, text: str):
        close_old_connections()
        try:
            with transaction.atomic():
                version = read_version()
                barrier.wait()
                save(name, text, version)
            outcomes[name] = "saved"
        except StaleEdit as refused:
            outcomes[name] = refused
        except Exception as unexpected:  # reported by the assertions below
            outcomes[name] = unexpected
        finally:
            connection.close()

    threads = [threading.Thread(target=side, args=item) for item in texts.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    return outcomes


def winner_and_loser(outcomes: dict[str, object]) -> tuple[str, object]:
    saved = [name for name, outcome in outcomes.items() if outcome == "saved"]
    refused = [outcome for outcome in outcomes.values() if outcome != "saved"]
    assert (len(saved), len(refused)) == (1, 1), outcomes
    return saved[0], refused[0]


@pytest.fixture(autouse=True)
def reference_data():
    """A transactional test after another's flush may find the seeded data gone."""
    seed_cases(django_apps)
    seed_panels(django_apps)


@pytest.fixture
def reviewed_in_discussion(reference_data, meeting, olu, chris):
    reviewed = factories.ReviewedCaseFactory(meeting=meeting, position=1)
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    meeting_transition(meeting=meeting, to=MeetingStatus.IN_DISCUSSION, by=chris)
    decision_record(
        reviewed_case=reviewed,
        by=chris,
        data=DecisionInput(category=factories.category("consistent")),
        version=0,
    )
    return reviewed


def test_two_concurrent_edits_of_a_decision_one_wins_the_other_is_refused(
    reviewed_in_discussion, chris, olu
):
    reviewed = reviewed_in_discussion
    users = {"chair": chris, "officer": olu}
    themes = {"chair": "crime-misclassified", "officer": "no-clear-admission"}

    def read_version():
        return Decision.objects.get(reviewed_case=reviewed).version

    def save(name, text, version):
        decision_record(
            reviewed_case=reviewed,
            by=users[name],
            data=DecisionInput(
                category=factories.category("inconsistent"),
                reasons=text,
                themes=[factories.theme(themes[name])],
            ),
            version=version,
        )

    texts = {
        "chair": ("The chair's reasons, " + "in full. " * 200).strip(),
        "officer": ("The officer's reasons, " + "word for word. " * 200).strip(),
    }
    outcomes = race(read_version, save, texts)

    winner, refused = winner_and_loser(outcomes)
    assert type(refused) is StaleEdit
    assert str(refused) == "Someone else changed this while you were editing."
    assert refused.current.reasons == texts[winner]
    decision = Decision.objects.get(reviewed_case=reviewed)
    assert (decision.reasons, decision.version, decision.category.code) == (
        texts[winner],
        2,
        "inconsistent",
    )
    assert list(decision.themes.values_list("slug", flat=True)) == [themes[winner]]


@pytest.fixture
def draft_report(reviewed_in_discussion, meeting, olu, chris):
    meeting_transition(meeting=meeting, to=MeetingStatus.CLOSED, by=chris)
    return report_generate(meeting=meeting, by=olu)


def test_two_concurrent_saves_of_a_report_section_one_wins_the_other_is_refused(
    draft_report, olu, alice
):
    report = draft_report
    users = {"olu": olu, "alice": alice}
    key = SectionKey.INTRODUCTION

    def read_version():
        return FindingsReport.objects.get(pk=report.pk).version

    def save(name, text, version):
        section_save(
            report=FindingsReport.objects.get(pk=report.pk),
            key=key,
            heading=f"Heading by {name}",
            body=text,
            by=users[name],
            version=version,
            keep=True,
        )

    texts = {
        "olu": "Olu's introduction. " * 300,
        "alice": "Alice's introduction. " * 300,
    }
    outcomes = race(read_version, save, texts)

    winner, refused = winner_and_loser(outcomes)
    assert type(refused) is StaleEdit
    assert str(refused) == "Someone else changed this while you were editing."
    assert refused.current.version == 2
    section = ReportSection.objects.get(report=report, key=key)
    assert (section.heading, section.body) == (f"Heading by {winner}", texts[winner].strip())
    stored = FindingsReport.objects.get(pk=report.pk)
    assert (stored.version, stored.last_edited_by.username) == (2, winner)
    # "Keep for future drafts" was applied once, with the winner's words only.
    assert list(
        StandingText.objects.filter(panel=report.panel, key=key).values_list("heading", "body")
    ) == [(f"Heading by {winner}", texts[winner].strip())]
