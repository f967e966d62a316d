"""`load_demo` mirrors two published meetings, adds a community panel's stop and search
meeting, and can be run again safely."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from cases.models import Case
from panels.enums import MeetingStatus
from panels.meetings.selectors import decision_counts
from panels.models import Decision, Meeting, Rating
from tests.worlds import demo_loaded, module_world


def counts(meeting: Meeting) -> dict[str, int]:
    return {row.category.code: row.count for row in decision_counts(meeting=meeting)}


@pytest.fixture(scope="module")
def _demo_for_the_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, loaded once for the module inside a transaction rolled back at its end;
    each test's own transaction (a savepoint inside this one) is rolled back as usual."""
    media = tmp_path_factory.mktemp("demo-media")
    yield from module_world(django_db_blocker, demo_loaded, DEBUG=True, MEDIA_ROOT=media)


@pytest.fixture
def demo(_demo_for_the_module, db, settings):
    settings.DEBUG = True


def test_demo_oocr_meeting_shows_the_published_category_counts(demo):
    meeting = Meeting.objects.get(panel__slug="adult-oocr", date="2025-10-15")

    assert meeting.status == MeetingStatus.CLOSED
    assert meeting.theme == "Stalking or Harassment"
    assert counts(meeting) == {
        "consistent": 0,
        "consistent-with-observations": 2,
        "inconsistent": 8,
        "no-conclusion": 0,
    }


def test_demo_vcop_meeting_shows_the_published_category_counts(demo):
    meeting = Meeting.objects.get(panel__slug="victims-code", date="2025-09-17")

    assert meeting.status == MeetingStatus.CLOSED
    assert counts(meeting) == {
        "fully-compliant": 4,
        "partially-compliant": 2,
        "non-compliant": 0,
        "victim-did-not-engage": 0,
        "no-decision": 0,
        "information-not-recorded": 0,
        "not-applicable": 0,
    }


def test_demo_has_a_meeting_open_for_rating_with_work_for_a_member(demo):
    meeting = Meeting.objects.get(status=MeetingStatus.RATING_OPEN)

    assert meeting.reviewed_cases.count() == 6
    assert Rating.objects.filter(reviewed_case__meeting=meeting).count() == 2


def test_demo_open_and_planned_meetings_are_dated_from_the_day_it_is_loaded(demo):
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    open_meeting = Meeting.objects.get(status=MeetingStatus.RATING_OPEN)
    planned = Meeting.objects.get(status=MeetingStatus.PLANNED)

    assert (open_meeting.date, open_meeting.rating_deadline) == (today + 7 * day, today + 5 * day)
    assert (planned.date, planned.rating_deadline) == (today + 98 * day, today + 91 * day)


def test_demo_published_meetings_keep_their_real_dates(demo):
    closed = Meeting.objects.filter(status=MeetingStatus.CLOSED).order_by("date")

    assert [str(m.date) for m in closed] == ["2025-09-17", "2025-10-15", "2025-11-19"]


def test_demo_closed_meetings_went_through_the_workflow(demo):
    meeting = Meeting.objects.get(panel__slug="adult-oocr", date="2025-10-15")

    steps = list(meeting.status_history.values_list("to_status", flat=True))
    assert steps == [MeetingStatus.RATING_OPEN, MeetingStatus.IN_DISCUSSION, MeetingStatus.CLOSED]


def test_demo_loaded_twice_changes_nothing(demo):
    before = (Case.objects.count(), Decision.objects.count(), Rating.objects.count())

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert (Case.objects.count(), Decision.objects.count(), Rating.objects.count()) == before
    assert Meeting.objects.count() == 5


def test_demo_prints_a_sign_in_per_role(db, settings, capsys):
    settings.DEBUG = True

    call_command("load_demo")

    out = capsys.readouterr().out
    for username in ["alice", "olu", "chris", "mina", "pat", "jo"]:
        assert f"  {username} " in out
    assert "password for every account: scrutiny-demo" in out


def test_demo_refuses_to_load_with_debug_off(db, settings):
    settings.DEBUG = False
    before = Meeting.objects.count()

    with pytest.raises(CommandError, match="published password"):
        call_command("load_demo")

    assert Meeting.objects.count() == before


def test_demo_loaded_again_gives_a_liaison_whose_role_ended_a_current_grant(olu):
    from panels.demo import loader
    from panels.liaison.grants import liaison_end
    from panels.models import ForceLiaison
    from tests import factories

    ended = liaison_end(liaison=factories.ForceLiaisonFactory(), by=olu, version=0)

    loader._liaisons(ended.force, {"lee": ended.user})
    loader._liaisons(ended.force, {"lee": ended.user})

    grants = ForceLiaison.objects.filter(user=ended.user, force=ended.force)
    assert (grants.count(), grants.filter(ended_on__isnull=True).count()) == (2, 1)
