"""Adding a case to a planned meeting's agenda by hand: the service and its page."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases.enums import CaseStatus
from panels.enums import CaseSource, MeetingStatus
from panels.models import ReviewedCase
from panels.sampling import PoolFilters
from panels.sampling.services import agenda_add_case, sample_draw
from panels.workflow import meeting_transition
from tests import factories


def add_url(meeting) -> str:
    return reverse("panels:agenda_add", args=[meeting.pk])


@pytest.fixture
def pooled(meeting):
    return factories.CaseFactory(force=meeting.panel.force, reference="OC-0142")


def test_agenda_add_case_puts_the_case_last_and_takes_it_out_of_the_pool(olu, meeting, pooled):
    factories.ReviewedCaseFactory(meeting=meeting, position=1)

    reviewed = agenda_add_case(meeting=meeting, reference=" OC-0142 ", by=olu)

    pooled.refresh_from_db()
    assert (reviewed.position, reviewed.source, pooled.status) == (
        2,
        CaseSource.ADDED,
        CaseStatus.ON_AGENDA,
    )
    history = pooled.status_history.get()
    assert (history.to_status, history.changed_by) == (CaseStatus.ON_AGENDA, olu)


def test_agenda_add_case_is_not_drawn_again_and_survives_a_redraw(olu, meeting, pooled):
    factories.CaseFactory(force=meeting.panel.force, reference="OC-0001")
    agenda_add_case(meeting=meeting, reference="OC-0142", by=olu)

    sample_draw(meeting=meeting, by=olu, filters=PoolFilters(), size=1, seed="s1")
    sample_draw(meeting=meeting, by=olu, filters=PoolFilters(), size=1, seed="s2")

    rows = list(
        meeting.reviewed_cases.order_by("position").values_list("case__reference", "source")
    )
    assert rows == [("OC-0142", CaseSource.ADDED), ("OC-0001", CaseSource.SAMPLED)]


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("", "Enter a case reference"),
        ("NOPE-1", "has the reference NOPE-1"),
    ],
)
def test_agenda_add_case_refuses_an_unknown_reference(olu, meeting, reference, message):
    with pytest.raises(ValidationError) as refused:
        agenda_add_case(meeting=meeting, reference=reference, by=olu)

    assert message in refused.value.message_dict["reference"][0]
    assert ReviewedCase.objects.count() == 0


def test_agenda_add_case_refuses_a_case_already_on_an_agenda(olu, meeting, pooled):
    agenda_add_case(meeting=meeting, reference="OC-0142", by=olu)
    other = factories.MeetingFactory(panel=meeting.panel)

    with pytest.raises(ValidationError) as refused:
        agenda_add_case(meeting=other, reference="OC-0142", by=olu)

    assert refused.value.message_dict["reference"] == [
        "Case OC-0142 is already on a meeting's agenda"
    ]
    assert other.reviewed_cases.count() == 0


def test_agenda_add_case_refuses_another_forces_case(olu, meeting):
    factories.CaseFactory(reference="OC-0142")  # a different force

    with pytest.raises(ValidationError):
        agenda_add_case(meeting=meeting, reference="OC-0142", by=olu)

    assert ReviewedCase.objects.count() == 0


def test_agenda_add_case_refuses_once_rating_has_started(olu, meeting, pooled):
    factories.ReviewedCaseFactory(meeting=meeting)
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)

    with pytest.raises(ValidationError) as refused:
        agenda_add_case(meeting=meeting, reference="OC-0142", by=olu)

    assert refused.value.messages == [
        "Cases cannot be added because rating has started for this meeting."
    ]
    pooled.refresh_from_db()
    assert pooled.status == CaseStatus.IN_POOL


def test_agenda_add_page_signed_out_goes_to_sign_in(client, meeting):
    response = client.get(add_url(meeting))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("username", ["nadia", "eve"])
def test_agenda_add_page_outside_your_panels_is_not_found(client, request, meeting, username):
    client.force_login(request.getfixturevalue(username))

    assert client.get(add_url(meeting)).status_code == 404


@pytest.mark.parametrize("username", ["mina", "chris", "pat", "alice"])
def test_agenda_add_page_is_refused_to_everyone_but_opcc_staff(
    client, request, meeting, pooled, username
):
    client.force_login(request.getfixturevalue(username))

    get = client.get(add_url(meeting))
    post = client.post(add_url(meeting), {"reference": "OC-0142"})

    assert (get.status_code, post.status_code) == (403, 403)
    assert ReviewedCase.objects.count() == 0


def test_agenda_add_page_adds_the_case_and_says_so(client, olu, meeting, pooled):
    client.force_login(olu)

    response = client.post(add_url(meeting), {"reference": "OC-0142"}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("panels:meeting_detail", args=[meeting.pk])
    assert "Case OC-0142 added to the agenda as case 1" in response.content.decode()


def test_agenda_add_page_bad_reference_shows_the_error_summary(client, olu, meeting, pooled):
    client.force_login(olu)

    response = client.post(add_url(meeting), {"reference": "OC-9999"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "has the reference OC-9999" in page
    assert ReviewedCase.objects.count() == 0


def test_agenda_add_page_runs_a_fixed_number_of_queries(
    client, olu, meeting, pooled, django_assert_max_num_queries
):
    client.force_login(olu)

    # Sign-in, the locked meeting and case, full validation, the row and its history,
    # and the audit entries for the new agenda row and the case's change.
    with django_assert_max_num_queries(29):
        client.post(add_url(meeting), {"reference": "OC-0142"})
