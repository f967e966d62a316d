"""The panel's answer per criterion: asked on the decision form, prefilled from the
members' most common answer, saved with the decision or not at all, and shown on the
case page after the reveal."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.stale import StaleEdit
from panels.enums import MeetingStatus
from panels.meetings.selectors import majority_answers
from panels.meetings.services import DecisionInput, decision_record, meeting_move
from panels.models import Criterion, Decision, DecisionAssessment, Framework
from panels.rating.services import RatingInput, conflict_declare, rating_save
from tests import factories


def rate(reviewed, user, **answers):
    conflict_declare(reviewed_case=reviewed, user=user, has_conflict=False)
    framework = reviewed.meeting.panel.framework
    rating_save(
        reviewed_case=reviewed,
        user=user,
        data=RatingInput(
            category=factories.category("inconsistent"),
            reasons="Fictional reasons.",
            assessments={
                c.code: (answers.get(c.code.replace("-", "_"), "met"), "")
                for c in framework.criteria.all()
            },
        ),
        submit=True,
        version=0,
    )


@pytest.fixture
def three_rated(meeting, olu, chris, mina):
    """One case rated by Chris, Mina and Sam: victim's views met, met, not met (a
    majority); authority met, not met, not recorded (no answer most common)."""
    sam = factories.MembershipFactory(panel=meeting.panel, user__username="sam").user
    reviewed = factories.ReviewedCaseFactory(meeting=meeting, position=1)
    meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    rate(reviewed, chris, victim_views="met", authority="met")
    rate(reviewed, mina, victim_views="met", authority="not_met")
    rate(reviewed, sam, victim_views="not_met", authority="not_recorded")
    return reviewed


@pytest.fixture
def discussing(three_rated, chris):
    meeting_move(meeting=three_rated.meeting, to=MeetingStatus.IN_DISCUSSION, by=chris)
    return three_rated


def all_met(framework, **changed) -> dict:
    answers = {c.code: ("met", "") for c in framework.criteria.all()}
    return answers | {code: (value, "") for code, value in changed.items()}


def decision_url(reviewed) -> str:
    return reverse("panels:decision", args=[reviewed.meeting.pk, reviewed.position])


def test_majority_answers_take_the_most_common_answer_and_leave_ties_blank(discussing):
    by_code = {
        Criterion.objects.get(pk=pk).code: value
        for pk, value in majority_answers(discussing).items()
    }

    assert by_code["victim-views"] == "met"  # 2 of 3
    assert "authority" not in by_code  # 1 each: the chair must choose
    assert by_code["offence-admitted"] == "met"  # 3 of 3


def test_decision_record_saves_the_panel_answer_per_criterion(discussing, chris):
    framework = discussing.meeting.panel.framework
    decision = decision_record(
        reviewed_case=discussing,
        by=chris,
        data=DecisionInput(
            category=factories.category("inconsistent"),
            reasons="No authority.",
            assessments=all_met(framework, authority="not_met")
            | {"victim-views": ("partly_met", "Views sought, not recorded in full.")},
        ),
        version=0,
    )

    saved = {a.criterion.code: (a.value, a.note) for a in decision.assessments.all()}
    assert len(saved) == framework.criteria.count() == 9
    assert saved["authority"] == ("not_met", "")
    assert saved["victim-views"] == ("partly_met", "Views sought, not recorded in full.")


def test_decision_with_a_criterion_unanswered_is_refused_and_nothing_is_written(discussing, chris):
    framework = discussing.meeting.panel.framework
    answers = all_met(framework)
    del answers["authority"]

    with pytest.raises(ValidationError) as refused:
        decision_record(
            reviewed_case=discussing,
            by=chris,
            data=DecisionInput(
                category=factories.category("inconsistent"), reasons="R.", assessments=answers
            ),
            version=0,
        )

    assert refused.value.message_dict == {
        "criterion-authority": ["Select the panel's answer for 'Authorised at the required rank'"]
    }
    assert not Decision.objects.exists()
    assert not DecisionAssessment.objects.exists()


def test_decision_with_an_unknown_answer_is_refused(discussing, chris):
    answers = all_met(discussing.meeting.panel.framework, authority="maybe")

    with pytest.raises(ValidationError) as refused:
        decision_record(
            reviewed_case=discussing,
            by=chris,
            data=DecisionInput(
                category=factories.category("inconsistent"), reasons="R.", assessments=answers
            ),
            version=0,
        )

    assert list(refused.value.message_dict) == ["criterion-authority"]


def test_changing_the_decision_replaces_its_answers(discussing, chris):
    framework = discussing.meeting.panel.framework
    first = DecisionInput(
        category=factories.category("inconsistent"), reasons="R.", assessments=all_met(framework)
    )
    decision_record(reviewed_case=discussing, by=chris, data=first, version=0)
    second = DecisionInput(
        category=factories.category("inconsistent"),
        reasons="R.",
        assessments=all_met(framework, authority="not_applicable"),
    )

    decision_record(reviewed_case=discussing, by=chris, data=second, version=1)

    assert DecisionAssessment.objects.count() == 9
    assert DecisionAssessment.objects.get(criterion__code="authority").value == "not_applicable"


def test_a_stale_decision_save_leaves_the_saved_answers_alone(discussing, chris, olu):
    framework = discussing.meeting.panel.framework
    data = DecisionInput(
        category=factories.category("inconsistent"), reasons="R.", assessments=all_met(framework)
    )
    decision_record(reviewed_case=discussing, by=olu, data=data, version=0)
    stale = DecisionInput(
        category=factories.category("inconsistent"),
        reasons="R.",
        assessments=all_met(framework, authority="not_met"),
    )

    with pytest.raises(StaleEdit):
        decision_record(reviewed_case=discussing, by=chris, data=stale, version=0)

    assert DecisionAssessment.objects.get(criterion__code="authority").value == "met"


def test_a_framework_without_criteria_records_decisions_as_before(olu):
    framework = Framework.objects.create(slug="plain", name="Plain", kind="other")
    framework.categories.create(position=1, code="ok", label="Fine", short_label="Fine")
    panel = factories.PanelFactory(framework=framework)
    chair = factories.MembershipFactory(panel=panel, role="chair").user
    meeting = factories.MeetingFactory(panel=panel)
    reviewed = factories.ReviewedCaseFactory(meeting=meeting, position=1)
    meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    meeting_move(meeting=meeting, to=MeetingStatus.IN_DISCUSSION, by=chair)
    client_form_data = DecisionInput(category=framework.categories.get(), reasons="Fine.")

    decision = decision_record(reviewed_case=reviewed, by=chair, data=client_form_data, version=0)

    assert (decision.category.code, decision.assessments.count()) == ("ok", 0)


def test_the_decision_form_starts_from_the_members_majority(client, discussing, chris):
    client.force_login(chris)

    response = client.get(decision_url(discussing))

    form = response.context["form"]
    assert form["criterion-victim-views"].value() == "met"
    assert form["criterion-authority"].value() in ("", None)
    body = response.content.decode()
    assert "Members: 1 met, 1 not met, 1 not recorded" in body
    assert "where their answers tie, or nobody answered, choose one" in body


def test_the_decision_form_names_the_criterion_left_blank_and_writes_nothing(
    client, discussing, chris
):
    client.force_login(chris)
    data = {
        "version": 0,
        "category": factories.category("inconsistent").pk,
        "reasons": "No authority.",
        "action": "save",
        **factories.criteria_answers(discussing.meeting.panel.framework),
    }
    del data["criterion-authority"]

    response = client.post(decision_url(discussing), data)

    body = response.content.decode()
    assert response.status_code == 200
    assert (
        '<a href="#id_criterion-authority_0">Select the panel&#x27;s answer for '
        "&#x27;Authorised at the required rank&#x27;</a>"
    ) in body
    assert not Decision.objects.exists()


def test_the_decision_form_saves_every_answer(client, discussing, chris):
    client.force_login(chris)
    data = {
        "version": 0,
        "category": factories.category("inconsistent").pk,
        "reasons": "No authority.",
        "action": "save",
        **factories.criteria_answers(discussing.meeting.panel.framework),
        "criterion-authority": "not_met",
        "note-authority": "No Superintendent authority recorded.",
    }

    response = client.post(decision_url(discussing), data)

    assert response.status_code == 302
    answer = DecisionAssessment.objects.get(criterion__code="authority")
    assert (answer.value, answer.note) == ("not_met", "No Superintendent authority recorded.")


def test_the_decision_page_before_the_reveal_shows_no_members_answers(client, three_rated, chris):
    client.force_login(chris)

    response = client.get(decision_url(three_rated))

    body = response.content.decode()
    assert "Decisions are recorded while the meeting is in discussion." in body
    assert "Members: " not in body
    assert response.context["form"]["criterion-victim-views"].value() in ("", None)


def test_a_member_cannot_see_the_decision_form(client, discussing, mina):
    client.force_login(mina)

    assert client.get(decision_url(discussing)).status_code == 403


def test_the_case_page_shows_the_panel_answers_beside_the_members(client, discussing, chris):
    framework = discussing.meeting.panel.framework
    decision_record(
        reviewed_case=discussing,
        by=chris,
        data=DecisionInput(
            category=factories.category("inconsistent"),
            reasons="No authority.",
            assessments=all_met(framework, authority="not_met"),
        ),
        version=0,
    )
    client.force_login(chris)

    body = client.get(
        reverse("panels:case_papers", args=[discussing.meeting.pk, 1])
    ).content.decode()

    assert (
        '<dt class="govuk-summary-list__key">Authorised at the required rank</dt>'
        '<dd class="govuk-summary-list__value"><strong>Panel: not met</strong><br>'
        "Members: 1 met, 1 not met, 1 not recorded</dd>"
    ) in body
    assert "The panel's answer to each question, recorded with its decision" in body
