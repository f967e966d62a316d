"""The chair's pages: moving the meeting on, the discussion view, decisions, follow-up."""

import datetime
import re

import pytest
from django.utils import timezone

from cases.enums import CaseStatus
from panels.enums import CaseSource, MeetingStatus
from panels.meetings.services import meeting_move
from panels.models import Action, Decision, Meeting, Observation
from panels.rating.services import RatingInput, comment_save, conflict_declare, rating_save
from panels.sampling import PoolFilters
from panels.sampling.services import sample_draw
from tests import factories


def rate(reviewed, user, code, **answers):
    conflict_declare(reviewed_case=reviewed, user=user, has_conflict=False)
    criteria = reviewed.meeting.panel.framework.criteria.all()
    rating_save(
        reviewed_case=reviewed,
        user=user,
        data=RatingInput(
            category=factories.category(code),
            reasons="Fictional reasons.",
            assessments={c.code: (answers.get(c.code, "met"), "") for c in criteria},
        ),
        submit=True,
        version=0,
    )


@pytest.fixture
def rating_open(meeting, olu, chris, mina, pat):
    factories.ReviewedCaseFactory(meeting=meeting, position=1, case__offence="Harassment")
    factories.ReviewedCaseFactory(meeting=meeting, position=2, case__offence="Assault")
    meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    return meeting


@pytest.fixture
def discussing(rating_open, chris, mina):
    first, second = rating_open.reviewed_cases.order_by("position")
    rate(first, mina, "inconsistent", **{"victim-views": "not_met"})
    rate(first, chris, "consistent")
    rate(second, mina, "consistent")
    rate(second, chris, "consistent")
    meeting_move(meeting=rating_open, to=MeetingStatus.IN_DISCUSSION, by=chris)
    rating_open.refresh_from_db()
    return rating_open


def page(client, user, url, **kwargs):
    client.force_login(user)
    return client.get(url, **kwargs)


def test_the_reveal_is_confirmed_and_warns_of_drafts_that_will_not_count(
    client, rating_open, chris, mina
):
    rate(rating_open.reviewed_cases.get(position=1), mina, "consistent")
    url = f"/panels/meetings/{rating_open.pk}/move/in_discussion/"

    confirm = page(client, chris, url).content.decode()

    assert "Members will see each other&#x27;s ratings" in confirm
    assert "This cannot be undone." in confirm
    assert "2 members have not submitted every rating: drafts will not count." in confirm
    response = client.post(url, {"anonymous": "on"})
    assert response.url == f"/panels/meetings/{rating_open.pk}/discussion/"
    rating_open.refresh_from_db()
    assert (rating_open.status, rating_open.anonymous_reveal) == (
        MeetingStatus.IN_DISCUSSION,
        True,
    )


@pytest.mark.parametrize("who", ["mina", "pat", "alice"])
def test_members_and_data_admins_cannot_move_a_meeting(client, rating_open, request, who):
    url = f"/panels/meetings/{rating_open.pk}/move/in_discussion/"

    assert page(client, request.getfixturevalue(who), url).status_code == 403
    assert client.post(url).status_code == 403
    rating_open.refresh_from_db()
    assert rating_open.status == MeetingStatus.RATING_OPEN


def test_a_move_the_workflow_does_not_allow_is_refused_with_a_message(client, rating_open, chris):
    response = page(client, chris, f"/panels/meetings/{rating_open.pk}/move/closed/")
    assert "cannot do this" in response.content.decode()

    response = client.post(f"/panels/meetings/{rating_open.pk}/move/closed/")

    assert "Cannot move from Open for rating to Closed" in response.content.decode()
    rating_open.refresh_from_db()
    assert rating_open.status == MeetingStatus.RATING_OPEN


def test_the_discussion_shows_where_members_split(client, discussing, chris):
    body = page(client, chris, f"/panels/meetings/{discussing.pk}/discussion/").content.decode()

    assert "Victim&#x27;s views sought and recorded: 1 met, 1 not met" in body
    assert "Agreement: 50% of the 2 ratings" in body
    assert "Agreement cannot be judged yet: kappa needs at least 5 cases" in body


def test_the_discussion_can_put_the_least_agreed_cases_first(client, discussing, chris):
    response = page(
        client, chris, f"/panels/meetings/{discussing.pk}/discussion/", data={"order": "agreement"}
    )

    positions = [item.reviewed_case.position for item in response.context["view"].cases]
    assert positions == [1, 2]
    by_number = page(client, chris, f"/panels/meetings/{discussing.pk}/discussion/")
    assert [i.agreement for i in by_number.context["view"].cases] == [0.5, 1.0]


def test_the_discussion_is_hidden_before_the_reveal(client, rating_open, chris, olu):
    url = f"/panels/meetings/{rating_open.pk}/discussion/"

    assert page(client, chris, url).status_code == 403
    assert page(client, olu, url).status_code == 403


@pytest.mark.parametrize(("who", "status"), [("nadia", 404), ("eve", 404), ("alice", 403)])
def test_the_discussion_is_for_the_panel_and_opcc_staff(client, discussing, request, who, status):
    url = f"/panels/meetings/{discussing.pk}/discussion/"

    assert page(client, request.getfixturevalue(who), url).status_code == status


def test_recording_a_decision_and_going_to_the_next_case(client, discussing, chris):
    client.force_login(chris)
    url = f"/panels/meetings/{discussing.pk}/cases/1/decision/"
    assert "No category was chosen by a majority of the 2 members who rated it." in (
        client.get(url).content.decode()
    )

    response = client.post(
        url,
        {
            "version": 0,
            "category": factories.category("consistent-with-observations").pk,
            "reasons": "The conditions had no end date.",
            "action": "next",
            **factories.criteria_answers(discussing.panel.framework),
        },
    )

    assert response.url == f"/panels/meetings/{discussing.pk}/cases/2/decision/"
    decision = Decision.objects.get()
    assert decision.differs_from_majority is None  # one each: no majority
    assert "A majority of the members who rated it (2 of 2) chose" in (
        client.get(response.url).content.decode()
    )


def test_a_decision_without_reasons_shows_the_error(client, discussing, chris):
    client.force_login(chris)

    response = client.post(
        f"/panels/meetings/{discussing.pk}/cases/1/decision/",
        {"version": 0, "category": factories.category("inconsistent").pk, "action": "save"},
    )

    body = response.content.decode()
    assert response.context["page_title"].startswith("Error: ")
    assert "Enter the panel&#x27;s reasons for &#x27;Inconsistent with Police Policy&#x27;" in body
    assert not Decision.objects.exists()


def test_a_member_cannot_record_a_decision(client, discussing, mina):
    client.force_login(mina)

    response = client.post(
        f"/panels/meetings/{discussing.pk}/cases/1/decision/",
        {"version": 0, "category": factories.category("consistent").pk},
    )

    assert response.status_code == 403
    assert not Decision.objects.exists()


def test_notes_and_actions_are_added_and_listed(client, discussing, chris, olu):
    client.force_login(chris)
    client.post(
        f"/panels/meetings/{discussing.pk}/notes/add/",
        {"kind": "good_practice", "text": "Victims were updated promptly.", "is_public": "no"},
    )
    client.post(
        f"/panels/meetings/{discussing.pk}/actions/add/",
        {
            "description": "Brief supervisors on stalking classification.",
            "owner": "Force OoCR lead",
            "due_date_0": "1",
            "due_date_1": "1",
            "due_date_2": "2020",
            "status": "open",
        },
    )

    observation = Observation.objects.get()
    assert (observation.kind, observation.is_public) == ("good_practice", False)
    action = Action.objects.get()
    assert action.due_date == datetime.date(2020, 1, 1)
    overdue = page(client, olu, "/panels/actions/", data={"overdue": "1"})
    assert list(overdue.context["actions"]) == [action]
    done = page(client, olu, "/panels/actions/", data={"status": "completed"})
    assert list(done.context["actions"]) == []


def test_the_meeting_list_puts_upcoming_meetings_first(client, panel, olu):
    today = datetime.date.today()
    dates = [today - datetime.timedelta(days=400), today + datetime.timedelta(days=90)]
    dates += [today - datetime.timedelta(days=30), today + datetime.timedelta(days=10)]
    for date in dates:
        factories.MeetingFactory(panel=panel, date=date)

    response = page(client, olu, "/panels/meetings/")

    assert [m.date for m in response.context["meetings"]] == [
        dates[3],
        dates[1],
        dates[2],
        dates[0],
    ]


def test_opcc_staff_plan_a_meeting_and_others_cannot(client, panel, olu, chris):
    assert page(client, chris, "/panels/meetings/new/").status_code == 403

    client.force_login(olu)
    response = client.post(
        "/panels/meetings/new/",
        {
            "panel": panel.pk,
            "date_0": "9",
            "date_1": "6",
            "date_2": "2027",
            "theme": "Hate crime",
            "location": "Online",
        },
    )

    meeting = Meeting.objects.get(theme="Hate crime")
    assert response.url == f"/panels/meetings/{meeting.pk}/"
    assert (meeting.date, meeting.location) == (datetime.date(2027, 6, 9), "Online")


def test_the_panel_over_time_shows_each_meeting_in_the_chart_and_the_table(
    client, discussing, chris
):
    from panels.meetings.services import DecisionInput, decision_record

    for reviewed in discussing.reviewed_cases.all():
        decision_record(
            reviewed_case=reviewed,
            by=chris,
            data=DecisionInput(category=factories.category("inconsistent"), reasons="Reasons."),
            version=0,
        )
    decision = Decision.objects.get(reviewed_case__position=1)
    decision.themes.set([factories.theme("crime-misclassified")])
    url = f"/panels/panels/{discussing.panel.slug}/over-time/"

    response = page(client, chris, url, data={"start": "2025-01-01", "end": "2027-12-31"})

    body = response.content.decode()
    # The chart names the category in the framework's own words, as its table does.
    assert body.count("<title>Inconsistent with Police Policy: 2</title>") == 1
    report = response.context["report"]
    assert [f.counts for f in report.meetings] == [[0, 0, 2, 0]]
    assert (report.differed, report.compared) == (1, 1)  # case 1 was a tie: no majority
    assert [(t.slug, n) for t, n in report.adverse_themes] == [("crime-misclassified", 1)]


def test_the_panel_over_time_refuses_a_backwards_period(client, discussing, chris):
    url = f"/panels/panels/{discussing.panel.slug}/over-time/"

    response = page(client, chris, url, data={"start": "2027-01-01", "end": "2026-01-01"})

    assert "The start of the period must be before its end" in response.content.decode()


@pytest.mark.parametrize(("who", "status"), [("nadia", 404), ("eve", 404), ("olu", 200)])
def test_the_panel_over_time_is_for_its_members_and_opcc_staff(
    client, discussing, request, who, status
):
    url = f"/panels/panels/{discussing.panel.slug}/over-time/"

    assert page(client, request.getfixturevalue(who), url).status_code == status


@pytest.mark.parametrize("path", ["attendance/", "notes/add/", "actions/add/", "edit/"])
@pytest.mark.parametrize(
    ("who", "status"), [("mina", 403), ("pat", 403), ("alice", 403), ("nadia", 404)]
)
def test_only_the_chair_and_opcc_staff_keep_the_meetings_record(
    client, discussing, request, path, who, status
):
    url = f"/panels/meetings/{discussing.pk}/{path}"

    assert page(client, request.getfixturevalue(who), url).status_code == status
    assert client.post(url, {"text": "x", "description": "x", "owner": "x"}).status_code == status
    assert not Observation.objects.exists()
    assert not Action.objects.exists()


def test_an_action_cannot_be_changed_from_another_panel(client, discussing, chris, nadia):
    from panels.meetings.services import action_save

    action = action_save(meeting=discussing, by=chris, description="Brief officers.", owner="Force")

    assert page(client, nadia, f"/panels/actions/{action.pk}/").status_code == 404


def test_a_note_is_changed_and_keeps_its_place(client, discussing, chris):
    from panels.meetings.services import observation_save

    note = observation_save(
        meeting=discussing, by=chris, kind="learning", text="First wording.", is_public=True
    )
    client.force_login(chris)

    response = client.post(
        f"/panels/meetings/{discussing.pk}/notes/{note.pk}/",
        {"kind": "learning", "text": "Better wording.", "is_public": "no", "reviewed_case": "1"},
    )

    assert response.status_code == 302
    note.refresh_from_db()
    assert (note.text, note.is_public, note.reviewed_case.position, note.position) == (
        "Better wording.",
        False,
        1,
        1,
    )
    other = factories.MeetingFactory(panel=discussing.panel)
    assert page(client, chris, f"/panels/meetings/{other.pk}/notes/{note.pk}/").status_code == 404


def test_a_meeting_in_discussion_offers_only_its_themes_welsh(client, discussing, olu):
    response = page(client, olu, f"/panels/meetings/{discussing.pk}/edit/")

    assert list(response.context["form"].fields) == ["theme_cy"]


def test_the_meeting_page_lists_the_ten_earlier_open_actions_due_soonest(client, discussing, olu):
    earlier = factories.MeetingFactory(
        panel=discussing.panel, date=discussing.date - datetime.timedelta(days=90)
    )
    start = datetime.date(2027, 1, 1)
    for n in range(12):
        Action.objects.create(
            meeting=earlier,
            description=f"Earlier action {n:02}",
            owner="Force",
            due_date=start + datetime.timedelta(days=n),
        )
    Action.objects.create(
        meeting=earlier, description="Finished one", owner="Force", status="completed"
    )
    client.force_login(olu)

    page = client.get(f"/panels/meetings/{discussing.pk}/").content.decode()

    assert [f"Earlier action {n:02}" in page for n in range(12)] == [True] * 10 + [False] * 2
    assert "Finished one" not in page
    assert "The 10 due soonest of 12." in page
    assert f"/panels/actions/?panel={discussing.panel.slug}&amp;state=open" in page


def test_a_few_earlier_open_actions_are_all_listed_without_a_link(client, discussing, olu):
    earlier = factories.MeetingFactory(
        panel=discussing.panel, date=discussing.date - datetime.timedelta(days=90)
    )
    Action.objects.create(meeting=earlier, description="The only earlier action", owner="Force")
    client.force_login(olu)

    page = client.get(f"/panels/meetings/{discussing.pk}/").content.decode()

    assert "The only earlier action" in page
    assert "due soonest" not in page and "See all open actions" not in page


def move_date(meeting, days, deadline_days=None):
    today = timezone.localdate()
    Meeting.objects.filter(pk=meeting.pk).update(
        date=today + datetime.timedelta(days=days),
        rating_deadline=None
        if deadline_days is None
        else today + datetime.timedelta(days=deadline_days),
    )
    meeting.refresh_from_db()


def test_reveal_page_before_the_date_tells_the_chair_staff_must_confirm(client, rating_open, chris):
    move_date(rating_open, 7)
    url = f"/panels/meetings/{rating_open.pk}/move/in_discussion/"
    on = f"{rating_open.date:%-d %B %Y}"

    confirm = page(client, chris, url).content.decode()
    refused = client.post(url).content.decode()

    notice = f"The meeting is on {on}, so the discussion cannot start yet. OPCC staff can "
    assert notice in confirm
    assert 'name="early_reason"' not in confirm
    assert notice in refused
    rating_open.refresh_from_db()
    assert rating_open.status == MeetingStatus.RATING_OPEN


def test_reveal_page_before_the_date_lets_staff_start_early_with_a_reason(client, rating_open, olu):
    move_date(rating_open, 7)
    url = f"/panels/meetings/{rating_open.pk}/move/in_discussion/"

    confirm = page(client, olu, url).content.decode()
    unconfirmed = client.post(url, {"early_reason": "Chair away"}).content.decode()
    response = client.post(url, {"early_start": "on", "early_reason": "Chair away"})

    assert "Start the discussion before the meeting's date" in confirm
    assert "Confirm that the discussion starts before the meeting&#x27;s date" in unconfirmed
    assert response.status_code == 302
    row = rating_open.status_history.get(to_status=MeetingStatus.IN_DISCUSSION)
    assert row.note.endswith(": Chair away")


def test_reveal_page_on_the_date_offers_no_early_start(client, rating_open, olu):
    move_date(rating_open, 0)

    confirm = page(client, olu, f"/panels/meetings/{rating_open.pk}/move/in_discussion/")

    assert 'name="early_reason"' not in confirm.content.decode()


def test_reveal_page_names_who_has_not_rated_and_how_many_cases_left(
    client, rating_open, chris, mina
):
    rate(rating_open.reviewed_cases.get(position=1), mina, "consistent")

    confirm = page(client, chris, f"/panels/meetings/{rating_open.pk}/move/in_discussion/")

    items = re.findall(
        r"<li>(.*?)</li>",
        re.search(r'id="still-to-rate">(.*?)</ul>', confirm.content.decode(), re.S)[1],
    )
    assert items == [
        f"{chris.get_full_name()} (Magistracy): 2 cases left",
        f"{mina.get_full_name()} (Crown Prosecution Service): 1 case left",
    ]


def test_reveal_page_warns_while_the_rating_deadline_has_not_passed(client, rating_open, chris):
    move_date(rating_open, 0, deadline_days=0)

    confirm = page(client, chris, f"/panels/meetings/{rating_open.pk}/move/in_discussion/")

    assert (
        f"The rating deadline, {rating_open.rating_deadline:%-d %B %Y}, has not passed yet: "
        "members may still be rating."
    ) in confirm.content.decode()


def test_close_page_before_the_date_says_it_cannot_close(client, discussing, chris):
    move_date(discussing, 3)

    confirm = page(client, chris, f"/panels/meetings/{discussing.pk}/move/closed/")

    assert (
        f"The meeting is on {discussing.date:%-d %B %Y}: it cannot be closed before then."
    ) in confirm.content.decode()


def police_comment(meeting, pat):
    reviewed = meeting.reviewed_cases.get(position=1)
    conflict_declare(reviewed_case=reviewed, user=pat, has_conflict=False)
    comment_save(
        reviewed_case=reviewed,
        user=pat,
        text="The officer recorded the victim's views on a separate form.",
    )


def attendee_comments(body):
    """The words of the comments block, tags dropped."""
    block = body.split('<div class="app-attendee-comments">')[1]
    words = " ".join(re.sub(r"<[^>]+>", " ", block).split())
    return words.split(" Record the decision")[0]


def test_discussion_shows_a_non_voting_attendees_comment_with_their_agency(
    client, rating_open, chris, mina, pat
):
    police_comment(rating_open, pat)
    meeting_move(meeting=rating_open, to=MeetingStatus.IN_DISCUSSION, by=chris)

    body = page(client, chris, f"/panels/meetings/{rating_open.pk}/discussion/").content.decode()

    assert attendee_comments(body) == (
        "Comments from non-voting attendees on case 1 Heard in the discussion; not counted in "
        f"the ratings above. {pat.get_full_name()} (Police), non-voting The officer recorded "
        "the victim&#x27;s views on a separate form."
    )


def test_decision_page_shows_a_non_voting_attendees_comment(client, rating_open, chris, pat):
    police_comment(rating_open, pat)
    meeting_move(meeting=rating_open, to=MeetingStatus.IN_DISCUSSION, by=chris)

    body = page(
        client, chris, f"/panels/meetings/{rating_open.pk}/cases/1/decision/"
    ).content.decode()

    assert "Comments from non-voting attendees" in body
    assert "recorded the victim&#x27;s views on a separate form." in body
    assert f"{pat.get_full_name()} (Police), non-voting" in body


def test_discussion_over_too_few_cases_says_agreement_cannot_be_judged(client, discussing, chris):
    body = page(client, chris, f"/panels/meetings/{discussing.pk}/discussion/").content.decode()

    assert (
        '<p class="govuk-body" id="kappa-too-few">Agreement cannot be judged yet: kappa needs '
        "at least 5 cases with two or more ratings, and there are 2.</p>"
    ) in body
    assert "Fleiss&#x27; kappa for the members&#x27; own categories is" not in body
    assert "Fleiss' kappa for the members' own categories is" not in body


def buttons(body, group_id):
    """(label, classes) of each button in the button group with that id."""
    group = body.split(f'id="{group_id}">')[1].split("</div>")[0]
    return [
        (label, classes)
        for classes, label in re.findall(r'class="(govuk-button[^"]*)"[^>]*>([^<]+)</a>', group)
    ]


def test_meeting_page_makes_the_next_step_primary_and_sets_undo_apart(client, rating_open, chris):
    body = page(client, chris, f"/panels/meetings/{rating_open.pk}/").content.decode()

    assert buttons(body, "meeting-next-step") == [("Start the discussion", "govuk-button")]
    assert buttons(body, "meeting-undo") == [
        ("Move back to planned", "govuk-button govuk-button--warning"),
        ("Cancel the meeting", "govuk-button govuk-button--warning"),
    ]


def test_the_later_meetings_read_in_welsh_give_each_theme_its_welsh_or_mark_it_english(
    client, discussing, chris, welsh
):
    named = factories.MeetingFactory(
        panel=discussing.panel,
        date=datetime.date(2030, 3, 5),
        theme="Stalking or Harassment",
        theme_cy="Stelcio neu Aflonyddu",
    )
    unnamed = factories.MeetingFactory(
        panel=discussing.panel, date=datetime.date(2030, 4, 2), theme="Hate crime"
    )
    client.force_login(chris)
    client.cookies["django_language"] = "cy"

    html = client.get(f"/panels/meetings/{discussing.pk}/cases/1/decision/").content.decode()

    assert f'<option value="{named.pk}">5 Mawrth 2030: Stelcio neu Aflonyddu</option>' in html
    assert f'<option value="{unnamed.pk}" lang="en-GB">2 April 2030: Hate crime</option>' in html


def test_do_not_carry_it_over_keeps_the_case_off_the_next_draw(client, discussing, chris, olu):
    later = factories.MeetingFactory(
        panel=discussing.panel, date=discussing.date + datetime.timedelta(days=30)
    )
    client.force_login(chris)
    client.post(
        f"/panels/meetings/{discussing.pk}/cases/1/decision/",
        {
            "version": 0,
            "category": factories.category("no-conclusion").pk,
            "reasons": "The file has no statement from the victim.",
            "information_requested": "The victim's statement.",
            "carry_to": "",
            **factories.criteria_answers(discussing.panel.framework),
        },
    )
    for reviewed in discussing.reviewed_cases.select_related("case"):
        reviewed.case.status = CaseStatus.REVIEWED
        reviewed.case.save()
    factories.CaseFactory(force=discussing.panel.force, reference="POOL-1")

    sample_draw(meeting=later, by=olu, filters=PoolFilters(), size=1, seed="s")

    assert Decision.objects.get().carry_over is False
    assert list(later.reviewed_cases.values_list("case__reference", "source")) == [
        ("POOL-1", CaseSource.SAMPLED)
    ]


def add_note(client, meeting, text, is_public="yes"):
    return client.post(
        f"/panels/meetings/{meeting.pk}/notes/add/",
        {"kind": "general", "text": text, "is_public": is_public},
        follow=True,
    )


def personal_data_links(body):
    if 'id="personal-data"' not in body:
        return []
    block = body.split('id="personal-data"')[1].split("</ul>")[0]
    return re.findall(
        r'<a class="govuk-notification-banner__link" href="([^"]+)">([^<]+)</a>', block
    )


def test_public_note_with_a_name_and_phone_number_is_saved_with_a_warning(
    client, discussing, chris
):
    client.force_login(chris)
    add_note(client, discussing, "Victims were updated promptly.")

    response = add_note(client, discussing, "Mr Jones was called on 07700 900123 twice.")

    body = response.content.decode()
    second = Observation.objects.get(position=2)
    assert second.text == "Mr Jones was called on 07700 900123 twice."
    assert (
        "Note added. The note looks like it contains a name (a title followed by a name) and a "
        "phone number. Check it before the findings are published."
    ) in body
    assert personal_data_links(body) == [
        (
            f"/panels/meetings/{discussing.pk}/notes/{second.pk}/",
            "Observation 2 looks like it contains a name (a title followed by a name) and a "
            "phone number",
        )
    ]


def test_internal_note_with_a_phone_number_is_not_flagged(client, discussing, chris):
    client.force_login(chris)

    response = add_note(client, discussing, "Ring the lead on 07700 900123.", is_public="no")

    body = response.content.decode()
    assert "Note added" in body
    assert personal_data_links(body) == []


def test_action_wording_with_a_members_name_is_flagged(client, discussing, chris, mina):
    client.force_login(chris)

    response = client.post(
        f"/panels/meetings/{discussing.pk}/actions/add/",
        {
            "description": f"{mina.get_full_name()} to email the force lead.",
            "owner": "OPCC",
            "status": "open",
        },
        follow=True,
    )

    action = Action.objects.get()
    assert [text for _, text in personal_data_links(response.content.decode())] == [
        "Action 1 looks like it contains a panel member&#x27;s name"
    ]
    assert action.description.startswith(mina.get_full_name())


def test_the_action_form_has_no_field_for_the_forces_response(client, discussing, chris):
    action = Action.objects.create(
        meeting=discussing,
        description="Brief supervisors on stalking classification.",
        owner="Force OoCR lead",
        force_response="Supervisors briefed in March.",
        responded_at=datetime.date(2025, 3, 20),
    )

    response = page(client, chris, f"/panels/actions/{action.pk}/")
    client.post(
        f"/panels/actions/{action.pk}/",
        {
            "description": action.description,
            "owner": action.owner,
            "status": "in_progress",
            "seen": response.context["form"].initial["seen"],
            "force_response": "Typed by OPCC staff and never published.",
        },
    )

    action.refresh_from_db()
    shown = " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())
    assert (
        "force_response" in response.context["form"].fields,
        "The response on record (20 March 2025) Supervisors briefed in March." in shown,
        action.status,
        action.force_response,
    ) == (False, True, "in_progress", "Supervisors briefed in March.")


def action_form_posted(action, **changes) -> dict:
    data = {
        "description": action.description,
        "owner": action.owner,
        "addressed_to_force": "on",
        "due_date_0": "",
        "due_date_1": "",
        "due_date_2": "",
        "status": action.status,
        "follow_up_date_0": "",
        "follow_up_date_1": "",
        "follow_up_date_2": "",
    }
    return data | changes


def test_an_action_form_opened_before_an_approval_keeps_the_approval(
    client, discussing, chris, lee, olu
):
    from panels.liaison.services import action_response_review, action_response_submit
    from panels.meetings.services import action_save

    action = action_save(
        meeting=discussing,
        by=chris,
        description="Brief officers.",
        owner="Force",
        addressed_to_force=True,
    )
    client.force_login(chris)
    form = client.get(f"/panels/actions/{action.pk}/").content.decode()
    seen = re.search(r'name="seen" value="([0-9a-f]+)"', form).group(1)
    response = action_response_submit(
        action=action, by=lee, text="Officers briefed.", proposed_status="completed"
    )
    action_response_review(response=response, by=olu, approve=True, version=0)

    stale = client.post(
        f"/panels/actions/{action.pk}/", action_form_posted(action, seen=seen, owner="OPCC")
    )

    action.refresh_from_db()
    assert (
        stale.status_code,
        "Someone else changed this action" in stale.content.decode(),
        'value="OPCC"' in stale.content.decode(),
        action.status,
        action.owner,
        action.force_response,
    ) == (409, True, True, "completed", "Force", "Officers briefed.")
