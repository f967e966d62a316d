"""A findings meeting's theme in Welsh beside the English (docs/welsh.md): written when the
meeting is planned or changed, and on a closed meeting's page alone once the discussion has
started; shown on the meeting's pages read in Welsh; the English stays the key, so the draw
ticks the same offence categories for a Welsh-speaking user."""

import pytest
from django.utils import translation

from core.models import AuditEntry, AuditEvent
from panels.enums import MeetingStatus
from panels.meetings.services import meeting_plan, meeting_update
from panels.models import Meeting
from tests import factories

from .test_sampling_views import draw_url, ticked

pytestmark = pytest.mark.django_db


def in_welsh(client, user):
    client.force_login(user)
    client.cookies["django_language"] = "cy"
    return client


def test_planning_from_a_welsh_page_keeps_the_english_and_the_welsh_apart(client, olu, panel):
    in_welsh(client, olu).post(
        "/panels/meetings/new/",
        {
            "panel": panel.pk,
            "date_0": "14",
            "date_1": "7",
            "date_2": "2027",
            "theme": "Stalking or Harassment",
            "theme_cy": "Stelcio neu Aflonyddu",
        },
    )

    meeting = Meeting.objects.get()
    assert (meeting.theme_en, meeting.theme_cy) == (
        "Stalking or Harassment",
        "Stelcio neu Aflonyddu",
    )
    with translation.override("en"):
        assert Meeting.objects.get(theme="Stalking or Harassment") == meeting


def test_the_planned_meetings_page_in_welsh_starts_the_english_box_from_the_english(
    client, olu, meeting
):
    meeting.theme_cy = "Stelcio neu Aflonyddu"
    meeting.save()

    page = in_welsh(client, olu).get(f"/panels/meetings/{meeting.pk}/edit/").content.decode()

    assert 'name="theme" value="Stalking or Harassment"' in page
    assert 'name="theme_cy" value="Stelcio neu Aflonyddu"' in page
    assert 'lang="cy"' in page


def test_a_closed_meeting_takes_its_themes_welsh_alone_and_the_change_is_audited(client, olu):
    meeting = factories.MeetingFactory(status=MeetingStatus.CLOSED)

    response = in_welsh(client, olu).post(
        f"/panels/meetings/{meeting.pk}/edit/",
        {"theme_cy": "Stelcio neu Aflonyddu", "theme": "Something else", "location": "Online"},
    )

    meeting.refresh_from_db()
    assert response.status_code == 302
    assert (meeting.theme_en, meeting.theme_cy, meeting.location) == (
        "Stalking or Harassment",
        "Stelcio neu Aflonyddu",
        "",
    )
    changes = AuditEntry.objects.filter(
        event=AuditEvent.CHANGED, content_type__model="meeting", object_pk=str(meeting.pk)
    )
    assert [c.changes["theme_cy"][1] for c in changes] == ["Stelcio neu Aflonyddu"]


def test_the_service_refuses_anything_but_the_welsh_once_the_discussion_started(olu):
    meeting = factories.MeetingFactory(status=MeetingStatus.CLOSED)

    with pytest.raises(Exception, match="only the theme's Welsh can change"):
        meeting_update(meeting=meeting, by=olu, theme="Another theme")
    meeting_update(meeting=meeting, by=olu, theme_cy=" Stelcio ")

    meeting.refresh_from_db()
    assert (meeting.theme_en, meeting.theme_cy) == ("Stalking or Harassment", "Stelcio")


def test_a_post_without_the_welsh_box_keeps_the_themes_welsh(client, olu, meeting):
    meeting.theme_cy = "Stelcio neu Aflonyddu"
    meeting.save()
    client.force_login(olu)

    client.post(
        f"/panels/meetings/{meeting.pk}/edit/",
        {
            "date_0": meeting.date.day,
            "date_1": meeting.date.month,
            "date_2": meeting.date.year,
            "theme": "Stalking",
        },
    )

    meeting.refresh_from_db()
    assert (meeting.theme_en, meeting.theme_cy) == ("Stalking", "Stelcio neu Aflonyddu")


def test_a_cancelled_meeting_cannot_be_changed(client, olu):
    meeting = factories.MeetingFactory(status=MeetingStatus.CANCELLED)
    client.force_login(olu)

    assert client.get(f"/panels/meetings/{meeting.pk}/edit/").status_code == 403


@pytest.mark.parametrize(
    ("who", "status"), [("chris", 403), ("mina", 403), ("pat", 403), ("alice", 403), ("nadia", 404)]
)
def test_only_opcc_staff_give_a_closed_meetings_theme_its_welsh(
    client, request, panel, who, status
):
    meeting = factories.MeetingFactory(panel=panel, status=MeetingStatus.CLOSED)
    client.force_login(request.getfixturevalue(who))
    url = f"/panels/meetings/{meeting.pk}/edit/"

    assert client.get(url).status_code == status
    assert client.post(url, {"theme_cy": "Stelcio"}).status_code == status
    meeting.refresh_from_db()
    assert meeting.theme_cy in (None, "")


def test_the_meetings_pages_in_welsh_show_the_welsh_theme_or_mark_the_english(client, olu, meeting):
    other = factories.MeetingFactory(panel=meeting.panel, theme="Hate crime")
    meeting.theme_cy = "Stelcio neu Aflonyddu"
    meeting.save()
    in_welsh(client, olu)

    detail = client.get(f"/panels/meetings/{meeting.pk}/").content.decode()
    listed = client.get("/panels/meetings/").content.decode()
    english = client.get(f"/panels/meetings/{other.pk}/").content.decode()

    assert ": Stelcio neu Aflonyddu</h1>" in detail
    assert "Stelcio neu Aflonyddu" in listed and '<span lang="en-GB">Hate crime</span>' in listed
    assert ': <span lang="en-GB">Hate crime</span></h1>' in english


def test_the_draw_ticks_the_same_offence_categories_for_a_welsh_speaking_user(
    client, olu, meeting, case_pool
):
    meeting.theme_cy = "Stelcio neu Aflonyddu"
    meeting.save()

    in_welsh(client, olu)
    welsh = client.get(draw_url(meeting))
    client.cookies["django_language"] = "en"
    english = client.get(draw_url(meeting))

    assert welsh.context["form"].initial["offence_categories"] == ["Stalking and harassment"]
    assert english.context["form"].initial == welsh.context["form"].initial
    assert ticked(welsh.content.decode()) == ticked(english.content.decode())


def test_plan_service_writes_the_english_under_a_welsh_page(olu, panel):
    import datetime

    with translation.override("cy"):
        meeting = meeting_plan(
            panel=panel,
            by=olu,
            date=datetime.date(2027, 7, 14),
            theme="Hate crime",
            theme_cy="Troseddau casineb",
        )

    meeting.refresh_from_db()
    assert (meeting.theme, meeting.theme_en, meeting.theme_cy) == (
        "Hate crime",
        "Hate crime",
        "Troseddau casineb",
    )
