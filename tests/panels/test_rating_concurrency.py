"""Two tabs saving one rating at once, as two real transactions on PostgreSQL.

The first save holds the meeting's row lock until it commits; the second waits for it,
then finds the version has moved on and is refused, so neither tab's work is silently lost.
"""

import threading

import pytest
from django.apps import apps as django_apps
from django.db import connection, transaction

from cases.reference_data import seed as seed_cases
from core.stale import StaleEdit
from panels.enums import MeetingStatus
from panels.meetings.services import DecisionInput, decision_record
from panels.models import Decision, Rating, RatingVersion
from panels.rating.services import RatingInput, conflict_declare, rating_save
from panels.reference_data import seed as seed_panels
from panels.workflow import meeting_transition
from tests import factories

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks are a PostgreSQL matter"
    ),
]


def rating(meeting, reasons: str) -> RatingInput:
    return RatingInput(
        category=factories.category("inconsistent"),
        reasons=reasons,
        assessments={c.code: ("met", "") for c in meeting.panel.framework.criteria.all()},
    )


def save_in_two_tabs(reviewed, user, version: int) -> dict:
    """Tab one saves and keeps its transaction open until tab two has started its save."""
    first_saved, outcome = threading.Event(), {}
    order = []

    def tab_one():
        try:
            with transaction.atomic():
                rating_save(
                    reviewed_case=reviewed,
                    user=user,
                    data=rating(reviewed.meeting, "Saved in tab one."),
                    submit=True,
                    version=version,
                )
                first_saved.set()
                # Long enough for tab two to reach the lock and wait on it.
                threading.Event().wait(0.5)
                order.append("one committed")
        finally:
            connection.close()

    def tab_two():
        first_saved.wait(5)
        try:
            rating_save(
                reviewed_case=reviewed,
                user=user,
                data=rating(reviewed.meeting, "Saved in tab two."),
                submit=True,
                version=version,
            )
            outcome["two"] = "saved"
        except StaleEdit as stale:
            outcome["two"] = "refused"
            outcome["shown"] = stale.current.reasons
        finally:
            order.append("two finished")
            connection.close()

    threads = [threading.Thread(target=tab_one), threading.Thread(target=tab_two)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    outcome["order"] = order
    return outcome


@pytest.fixture(autouse=True)
def reference_data():
    """A transactional test run after another one's flush may find the seeded reference
    data gone; seeding again is a no-op when it is there (as the browser tests do)."""
    seed_cases(django_apps)
    seed_panels(django_apps)


@pytest.fixture
def reviewed(reference_data, meeting, olu, mina, chris):
    reviewed = factories.ReviewedCaseFactory(meeting=meeting, position=1)
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    conflict_declare(reviewed_case=reviewed, user=mina, has_conflict=False)
    return reviewed


def test_the_later_of_two_concurrent_first_saves_is_refused(reviewed, mina):
    outcome = save_in_two_tabs(reviewed, mina, version=0)

    assert outcome == {
        "two": "refused",
        "shown": "Saved in tab one.",
        "order": ["one committed", "two finished"],
    }
    assert list(Rating.objects.values_list("reasons", "version")) == [("Saved in tab one.", 1)]


def test_the_later_of_two_concurrent_edits_is_refused(reviewed, mina):
    rating_save(
        reviewed_case=reviewed,
        user=mina,
        data=rating(reviewed.meeting, "The first draft."),
        submit=False,
        version=0,
    )

    outcome = save_in_two_tabs(reviewed, mina, version=1)

    assert outcome["two"] == "refused"
    assert outcome["order"] == ["one committed", "two finished"]
    assert list(RatingVersion.objects.values_list("number", "reasons")) == [
        (1, "The first draft."),
        (2, "Saved in tab one."),
    ]


def test_the_later_of_two_concurrent_decisions_is_refused(reviewed, mina, chris, olu):
    """The chair and OPCC staff both record the panel's decision on one case at once."""
    meeting_transition(meeting=reviewed.meeting, to=MeetingStatus.IN_DISCUSSION, by=chris)
    first_saved, outcome, order = threading.Event(), {}, []

    def chair():
        try:
            with transaction.atomic():
                decision_record(
                    reviewed_case=reviewed,
                    by=chris,
                    data=DecisionInput(category=factories.category("consistent")),
                    version=0,
                )
                first_saved.set()
                threading.Event().wait(0.5)
                order.append("chair committed")
        finally:
            connection.close()

    def officer():
        first_saved.wait(5)
        try:
            decision_record(
                reviewed_case=reviewed,
                by=olu,
                data=DecisionInput(category=factories.category("inconsistent"), reasons="Mine."),
                version=0,
            )
            outcome["officer"] = "saved"
        except StaleEdit as stale:
            outcome["officer"] = f"refused: {stale.current.category.code}"
        finally:
            order.append("officer finished")
            connection.close()

    threads = [threading.Thread(target=chair), threading.Thread(target=officer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    assert outcome == {"officer": "refused: consistent"}
    assert order == ["chair committed", "officer finished"]
    assert list(Decision.objects.values_list("category__code", "version")) == [("consistent", 1)]
