"""The case page after the reveal: the panel's decision, and the framework's criteria with
how the members' own answers fell, never before the reveal."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panels.enums import Agency, MeetingStatus
from panels.meetings.services import DecisionInput, decision_record, meeting_move
from panels.models import CriterionGroup, Rating
from panels.rating.services import RatingInput, conflict_declare, rating_save
from tests import factories

VCOP = "vcop-seven-way"


def case_url(meeting, position: int = 1) -> str:
    return reverse("panels:case_papers", args=[meeting.pk, position])


def rate(reviewed, user, code, *, declare=True, **answers):
    if declare:
        conflict_declare(reviewed_case=reviewed, user=user, has_conflict=False)
    framework = reviewed.meeting.panel.framework
    rating_save(
        reviewed_case=reviewed,
        user=user,
        data=RatingInput(
            category=factories.category(code, framework.slug),
            reasons="Fictional reasons.",
            assessments={
                c.code: (answers.get(c.code, "met"), "") for c in framework.criteria.all()
            },
        ),
        submit=True,
        version=0,
    )


# A theme of each framework (a decision offers only its framework's themes).
THEMES = {"oocr-four-way": "no-clear-admission", "vcop-seven-way": "victim-not-updated"}


def decide(reviewed, chair, code, framework_slug="oocr-four-way"):
    return decision_record(
        reviewed_case=reviewed,
        by=chair,
        data=DecisionInput(
            category=factories.category(code, framework_slug),
            reasons="The admission was not clear.",
            themes=[factories.framework(framework_slug).themes.get(slug=THEMES[framework_slug])],
        ),
        version=0,
    )


@pytest.fixture
def discussing(meeting, olu, chris, mina, pat):
    for position in (1, 2):
        factories.ReviewedCaseFactory(meeting=meeting, position=position)
    meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    for reviewed in meeting.reviewed_cases.all():
        rate(reviewed, mina, "inconsistent", **{"victim-views": "not_met"})
        rate(reviewed, chris, "inconsistent")
        conflict_declare(reviewed_case=reviewed, user=pat, has_conflict=False)
    meeting_move(meeting=meeting, to=MeetingStatus.IN_DISCUSSION, by=chris)
    meeting.refresh_from_db()
    return meeting


@pytest.fixture
def closed(discussing, chris):
    for reviewed in discussing.reviewed_cases.all():
        decide(reviewed, chris, "inconsistent")
    meeting_move(meeting=discussing, to=MeetingStatus.CLOSED, by=chris)
    discussing.refresh_from_db()
    return discussing


@pytest.fixture
def vcop_meeting(olu):
    panel = factories.PanelFactory(framework=factories.framework(VCOP))
    chair = factories.MembershipFactory(panel=panel, role="chair", user__username="vchair").user
    member = factories.MembershipFactory(panel=panel, user__username="vmember").user
    observer = factories.MembershipFactory(
        panel=panel, user__username="vobserver", agency=Agency.POLICE, is_voting=False
    ).user
    meeting = factories.MeetingFactory(panel=panel, theme="Victims' Code")
    reviewed = factories.ReviewedCaseFactory(meeting=meeting, position=1)
    meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    for user in (chair, member, observer):
        conflict_declare(reviewed_case=reviewed, user=user, has_conflict=False)
    return meeting, chair, member, observer


def test_case_page_when_signed_out_redirects_to_sign_in(client, closed):
    response = client.get(case_url(closed))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_case_page_of_a_closed_meeting_for_someone_outside_the_panel_is_not_found(
    client, closed, nadia
):
    client.force_login(nadia)

    assert client.get(case_url(closed)).status_code == 404


def test_case_page_of_a_closed_meeting_for_a_data_admin_is_refused(client, closed, alice):
    client.force_login(alice)

    response = client.get(case_url(closed))

    assert response.status_code == 403
    assert "The panel's decision" not in response.content.decode()


def test_case_page_of_a_closed_meeting_shows_the_panel_decision(client, closed, mina):
    client.force_login(mina)

    response = client.get(case_url(closed))

    page = response.content.decode()
    decision = response.context["outcome"].decision
    assert response.status_code == 200
    assert 'id="panel-decision">The panel\'s decision</h2>' in page
    assert "<strong>3. Inconsistent with Police Policy</strong>" in page
    assert "The admission was not clear." in page
    assert '<dd class="govuk-summary-list__value">No clear admission</dd>' in page
    assert f"{decision.recorded_by.get_full_name() or 'chris'} on" in page


def test_case_page_in_discussion_before_a_decision_says_none_is_recorded_yet(
    client, discussing, mina
):
    client.force_login(mina)

    page = client.get(case_url(discussing)).content.decode()

    assert "The panel has not recorded its decision on this case yet." in page


def test_case_page_after_the_reveal_shows_how_members_answered_each_criterion(client, closed, pat):
    client.force_login(pat)

    page = client.get(case_url(closed)).content.decode()

    assert "How the 2 members who rated this case answered on their own" in page
    assert (
        '<dt class="govuk-summary-list__key">Victim&#x27;s views sought and recorded</dt>'
        '<dd class="govuk-summary-list__value">Members: 1 met, 1 not met</dd>'
    ) in page
    assert (
        '<dt class="govuk-summary-list__key">Offence admitted</dt>'
        '<dd class="govuk-summary-list__value">Members: 2 met</dd>'
    ) in page


def test_vcop_case_page_while_rating_lists_the_rights_without_anyone_elses_answers(
    client, vcop_meeting
):
    meeting, chair, member, observer = vcop_meeting
    rate(
        meeting.reviewed_cases.get(), member, "fully-compliant", declare=False, complaint="not_met"
    )
    client.force_login(observer)

    response = client.get(case_url(meeting))

    page = response.content.decode()
    assert response.context["outcome"] is None
    assert 'id="case-criteria">Victims&#x27; rights</h2>' in page
    assert page.count("<li>To ") == 12
    assert "<li>To make a complaint about your rights not being met" in page
    assert "not met" not in page
    assert "answered each question" not in page


def test_vcop_case_page_shows_the_rights_under_their_groups(client, vcop_meeting):
    meeting, chair, member, observer = vcop_meeting
    framework = meeting.panel.framework
    group = CriterionGroup.objects.create(
        framework=framework, position=1, code="information", label="Information rights"
    )
    framework.criteria.filter(code__endswith="-information").update(group=group)
    client.force_login(observer)

    page = client.get(case_url(meeting)).content.decode()

    assert '<h3 class="govuk-heading-s">Information rights</h3>' in page


def test_vcop_case_page_after_the_reveal_shows_the_rights_assessed(client, vcop_meeting):
    meeting, chair, member, observer = vcop_meeting
    reviewed = meeting.reviewed_cases.get()
    rate(reviewed, member, "partially-compliant", declare=False, complaint="not_met")
    rate(reviewed, chair, "fully-compliant", declare=False)
    meeting_move(meeting=meeting, to=MeetingStatus.IN_DISCUSSION, by=chair)
    decide(reviewed, chair, "partially-compliant", VCOP)
    client.force_login(observer)

    page = client.get(case_url(meeting)).content.decode()

    assert "<strong>2. Partially compliant</strong>" in page
    assert (
        '<dt class="govuk-summary-list__key">To make a complaint about your rights not being met'
        '</dt><dd class="govuk-summary-list__value">Members: 1 met, 1 not met</dd>'
    ) in page


def test_case_page_of_a_closed_meeting_refuses_a_rating_and_writes_nothing(client, closed, mina):
    rating = Rating.objects.get(membership__user=mina, reviewed_case__position=1)
    client.force_login(mina)

    response = client.post(
        reverse("panels:rating_save", args=[closed.pk, 1]),
        {"version": rating.version, "action": "submit", "category": "", "reasons": "Changed"},
    )

    rating.refresh_from_db()
    assert response.status_code == 403
    assert rating.reasons == "Fictional reasons."


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_case_page_of_a_closed_meeting_runs_a_fixed_number_of_queries(
    client, closed, chris, mina, pat, django_assert_max_num_queries
):
    client.force_login(mina)
    small = _queries(client, case_url(closed))
    for position in range(3, 9):
        reviewed = factories.ReviewedCaseFactory(meeting=closed, position=position)
        factories.DecisionFactory(reviewed_case=reviewed, recorded_by=chris)
    for n in range(4):
        factories.MembershipFactory(panel=closed.panel, user__username=f"extra{n}")

    # 32 (the panel's answers per criterion among them), and the one that lists the
    # case's documents.
    with django_assert_max_num_queries(33):
        large = _queries(client, case_url(closed))

    assert small == large
