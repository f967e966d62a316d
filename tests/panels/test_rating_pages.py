"""Rating through the pages: a framework built from nothing, the forms' messages, and a
fixed number of queries whatever the size of the meeting."""

import pytest

from panels.enums import Agency, FrameworkKind, MeetingStatus, RatingStatus
from panels.models import (
    Criterion,
    CriterionGroup,
    Framework,
    Meeting,
    OutcomeCategory,
    Rating,
)
from panels.rating.services import RatingInput, conflict_declare, rating_save
from panels.workflow import meeting_transition
from tests import factories


def case_url(meeting, position: int, suffix: str = "") -> str:
    return f"/panels/meetings/{meeting.pk}/cases/{position}/{suffix}"


def rating_post(framework, category, *, reasons="", action="submit", version=0, **answers):
    data = {"version": version, "action": action, "reasons": reasons}
    if category is not None:
        data["category"] = category.pk
    for criterion in framework.criteria.all():
        data[f"criterion-{criterion.code}"] = answers.get(criterion.code.replace("-", "_"), "met")
    return data


@pytest.fixture
def stop_and_search(db):
    """A framework no code knows about: a stop-and-search panel's, with grouped criteria."""
    framework = Framework.objects.create(
        slug="stop-and-search",
        name="Stop and search",
        kind=FrameworkKind.OTHER,
        criteria_heading="Grounds and conduct",
    )
    for position, (code, label, requires) in enumerate(
        [
            ("good-practice", "Good practice", False),
            ("adequate", "Adequate", False),
            ("concern", "Concern", True),
        ],
        start=1,
    ):
        OutcomeCategory.objects.create(
            framework=framework,
            position=position,
            code=code,
            label=label,
            short_label=label,
            requires_reasons=requires,
        )
    grounds = CriterionGroup.objects.create(
        framework=framework, position=1, code="grounds", label="1. Grounds for the search"
    )
    conduct = CriterionGroup.objects.create(
        framework=framework, position=2, code="conduct", label="2. Conduct of the search"
    )
    for position, (code, label, group) in enumerate(
        [
            ("grounds-recorded", "1.1 Reasonable grounds recorded", grounds),
            ("object-stated", "1.2 Object of the search stated", grounds),
            ("officer-identified", "2.1 Officer gave name and station", conduct),
            ("video-used", "2.2 Body-worn video switched on", conduct),
        ],
        start=1,
    ):
        Criterion.objects.create(
            framework=framework, position=position, code=code, label=label, group=group
        )
    return framework


def test_a_new_framework_is_rated_end_to_end_with_no_code_change(client, stop_and_search, olu):
    panel = factories.PanelFactory(name="Stop and Search Scrutiny Panel", framework=stop_and_search)
    member = factories.MembershipFactory(panel=panel, agency=Agency.INDEPENDENT).user
    meeting = factories.MeetingFactory(panel=panel)
    factories.ReviewedCaseFactory(meeting=meeting, position=1, case__offence="Stop and search")
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    client.force_login(member)

    assert client.get(case_url(meeting, 1)).url == case_url(meeting, 1, "conflict/")
    client.post(case_url(meeting, 1, "conflict/"), {"has_conflict": "no"})
    page = client.get(case_url(meeting, 1)).content.decode()
    assert page.index("1. Grounds for the search") < page.index("1.1 Reasonable grounds recorded")
    assert page.index("2. Conduct of the search") < page.index("2.2 Body-worn video switched on")
    assert "Grounds and conduct" in page

    concern = stop_and_search.categories.get(code="concern")
    refused = client.post(case_url(meeting, 1, "rating/"), rating_post(stop_and_search, concern))
    assert "Enter your reasons for &#x27;Concern&#x27;" in refused.content.decode()
    assert Rating.objects.count() == 0

    client.post(
        case_url(meeting, 1, "rating/"),
        rating_post(
            stop_and_search, concern, reasons="No grounds recorded.", video_used="not_recorded"
        ),
    )

    rating = Rating.objects.get()
    assert (rating.category, rating.status) == (concern, RatingStatus.SUBMITTED)
    assert dict(rating.assessments.values_list("criterion__code", "value")) == {
        "grounds-recorded": "met",
        "object-stated": "met",
        "officer-identified": "met",
        "video-used": "not_recorded",
    }


@pytest.fixture
def open_case(meeting, olu, mina):
    factories.ReviewedCaseFactory(meeting=meeting, position=1, case__offence="Harassment")
    factories.ReviewedCaseFactory(meeting=meeting, position=2, case__offence="Assault")
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    conflict_declare(
        reviewed_case=meeting.reviewed_cases.get(position=1), user=mina, has_conflict=False
    )
    return meeting


def test_errors_are_summarised_and_shown_by_each_question(client, open_case, mina):
    client.force_login(mina)
    framework = open_case.panel.framework
    data = rating_post(framework, factories.category("inconsistent"), victim_views="")

    response = client.post(case_url(open_case, 1, "rating/"), data)

    body = response.content.decode()
    assert response.context["page_title"].startswith("Error: ")
    assert 'class="govuk-error-summary"' in body
    assert '<a href="#id_criterion-victim-views_0">' in body
    assert "Select whether &#x27;Victim&#x27;s views sought and recorded&#x27; was met" in body
    assert (
        '<a href="#id_reasons">Enter your reasons for &#x27;Inconsistent with Police Policy&#x27;'
        in body
    )
    assert 'id="id_reasons-error"' in body
    assert Rating.objects.count() == 0


def test_save_as_draft_keeps_a_partial_rating_and_stays_on_the_case(client, open_case, mina):
    client.force_login(mina)
    data = rating_post(open_case.panel.framework, None, action="draft", victim_views="")

    response = client.post(case_url(open_case, 1, "rating/"), data, follow=True)

    assert response.redirect_chain[-1][0] == case_url(open_case, 1)
    assert "Your rating of case 1 has been saved as a draft" in response.content.decode()
    assert Rating.objects.get().status == RatingStatus.DRAFT


def test_save_and_next_goes_to_the_next_case(client, open_case, mina):
    client.force_login(mina)
    data = rating_post(open_case.panel.framework, None, action="next")

    response = client.post(case_url(open_case, 1, "rating/"), data)

    # Case 2 is undeclared, so the next stop is its conflict gate.
    assert response.url == case_url(open_case, 2)
    assert client.get(response.url).url == case_url(open_case, 2, "conflict/")


def test_submitting_returns_to_the_task_list_with_the_progress_moved_on(client, open_case, mina):
    client.force_login(mina)
    data = rating_post(
        open_case.panel.framework, factories.category("inconsistent"), reasons="No admission."
    )

    response = client.post(case_url(open_case, 1, "rating/"), data, follow=True)

    body = response.content.decode()
    assert response.redirect_chain[-1][0] == f"/#meeting-{open_case.pk}"
    assert "Your rating of case 1 has been submitted" in body
    assert "1 of 2 cases rated" in body
    (item,) = response.context["tasks"]
    assert [t.label for t in item.tasks] == ["Completed", "Not started"]


def test_a_stale_form_is_refused_and_both_versions_are_shown(client, open_case, mina):
    reviewed = open_case.reviewed_cases.get(position=1)
    framework = open_case.panel.framework
    rating_save(
        reviewed_case=reviewed,
        user=mina,
        data=RatingInput(reasons="Written in the other tab."),
        submit=False,
        version=0,
    )
    client.force_login(mina)

    response = client.post(
        case_url(open_case, 1, "rating/"),
        rating_post(framework, factories.category("inconsistent"), reasons="Written here."),
    )

    body = response.content.decode()
    assert response.status_code == 409
    assert "Your changes have not been saved" in body
    assert "Written in the other tab." in body and "Written here." in body
    assert response.context["form"]["version"].value() == "1"
    assert Rating.objects.get().reasons == "Written in the other tab."


def test_a_form_for_a_rating_that_is_no_longer_there_answers_409_and_keeps_the_answers(
    client, open_case, mina
):
    framework = open_case.panel.framework
    client.force_login(mina)

    response = client.post(
        case_url(open_case, 1, "rating/"),
        rating_post(framework, None, reasons="Written here.", action="draft", version=3),
    )

    assert response.status_code == 409
    assert response.context["form"].non_field_errors() == [
        "Someone else changed this rating while you were editing. The form shows your "
        "answers: check them against the saved details, then save again to keep yours."
    ]
    assert response.context["form"]["reasons"].value() == "Written here."
    assert response.context["form"]["version"].value() == "0"
    assert Rating.objects.count() == 0


def test_an_unknown_button_saves_nothing(client, open_case, mina):
    client.force_login(mina)
    data = rating_post(open_case.panel.framework, None, action="publish")

    response = client.post(case_url(open_case, 1, "rating/"), data)

    assert "Choose Save as draft, Submit rating or Save and go to the next case" in (
        response.content.decode()
    )
    assert Rating.objects.count() == 0


def test_the_deadline_is_shown_with_how_near_it_is(client, open_case, mina):
    import datetime

    from django.utils import timezone

    Meeting.objects.filter(pk=open_case.pk).update(
        date=timezone.localdate() + datetime.timedelta(days=5),
        rating_deadline=timezone.localdate() + datetime.timedelta(days=2),
    )
    client.force_login(mina)

    body = client.get("/").content.decode()

    assert "due in 2 days" in body
    Meeting.objects.filter(pk=open_case.pk).update(
        rating_deadline=timezone.localdate() - datetime.timedelta(days=1),
        date=timezone.localdate(),
    )
    assert "overdue" in client.get("/").content.decode()
