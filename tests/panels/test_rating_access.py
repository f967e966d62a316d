"""Blind rating, from every seat: who sees what of a member's rating before and after the
reveal, and who is refused when they try to rate, comment or change a conflict answer."""

import html
import re

import pytest
from django.contrib import admin
from django.urls import reverse

from core.roles import StaffRole
from panels.enums import Agency, MeetingStatus, RatingStatus
from panels.models import (
    CaseComment,
    ConflictDeclaration,
    CriterionAssessment,
    Membership,
    Rating,
    RatingVersion,
    Theme,
)
from panels.rating.services import RatingInput, comment_save, conflict_declare, rating_save
from panels.workflow import meeting_transition
from tests import factories

REASONS = "Reason text QWERTY-17"
NOTE = "Note text ASDF-42"
EARLIER_REASONS = "Earlier reason ZXCV-9"
EARLIER_NOTE = "Earlier note HJKL-3"
COMMENT = "Comment text POIU-88"
CONFLICT_NOTE = "Conflict note LKJH-5"
CATEGORY = "Inconsistent with Police Policy"
THEME = "Crime misclassified"
FACTS = "Facts known at the decision MNBV-1."
RATING_TEXT = [REASONS, NOTE, EARLIER_REASONS, EARLIER_NOTE]

VIEWERS = ["chris", "olu", "alice", "sam", "pat", "nadia", "eve", "root"]
MEMBERS = {"chris", "sam", "pat"}


# The cast beyond tests/conftest.py ------------------------------------------------------


@pytest.fixture
def sam(panel):
    """A second voting member of Mina's panel."""
    return factories.MembershipFactory(
        panel=panel, user__username="sam", agency=Agency.PROBATION
    ).user


@pytest.fixture
def root(db):
    """A superuser who is OPCC staff and a data admin too: superuser status adds nothing."""
    return factories.UserFactory(
        username="root",
        is_superuser=True,
        is_staff=True,
        roles=[StaffRole.OPCC_STAFF, StaffRole.DATA_ADMIN],
    )


@pytest.fixture
def case(meeting, olu):
    """Case 1 of two on a meeting open for rating; nobody has declared yet."""
    reviewed = factories.ReviewedCaseFactory(
        meeting=meeting, position=1, case__facts_at_decision=FACTS
    )
    factories.ReviewedCaseFactory(meeting=meeting, position=2)
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    return reviewed


@pytest.fixture
def rated(case, mina):
    """Mina's submitted rating of case 1, edited once after submitting: version 1 holds
    the earlier text, version 2 (the current one) the later."""
    factories.declare(mina, case)
    criteria = list(case.meeting.panel.framework.criteria.all())
    earlier = RatingInput(
        category=factories.category("consistent-with-observations"),
        reasons=EARLIER_REASONS,
        themes=[Theme.objects.get(slug="no-clear-admission")],
        assessments={
            c.code: ("partly_met", EARLIER_NOTE if i == 0 else "") for i, c in enumerate(criteria)
        },
    )
    rating_save(reviewed_case=case, user=mina, data=earlier, submit=True, version=0)
    later = RatingInput(
        category=factories.category("inconsistent"),
        reasons=REASONS,
        themes=[Theme.objects.get(name=THEME)],
        assessments={c.code: ("not_met", NOTE if i == 0 else "") for i, c in enumerate(criteria)},
    )
    rating = rating_save(reviewed_case=case, user=mina, data=later, submit=True, version=1)
    assert rating.version == 2
    assert list(rating.versions.values_list("reasons", flat=True)) == [EARLIER_REASONS, REASONS]
    return rating


@pytest.fixture
def commented(case, pat):
    """Pat, a non-voting attendee, has left a comment on case 1 for the discussion."""
    factories.declare(pat, case)
    return comment_save(reviewed_case=case, user=pat, text=COMMENT)


# Helpers ---------------------------------------------------------------------------------


def stored() -> dict[str, int]:
    return {
        "ratings": Rating.objects.count(),
        "versions": RatingVersion.objects.count(),
        "assessments": CriterionAssessment.objects.count(),
        "declarations": ConflictDeclaration.objects.count(),
        "comments": CaseComment.objects.count(),
    }


def case_url(meeting, position=1) -> str:
    return f"/panels/meetings/{meeting.pk}/cases/{position}/"


def rating_url(meeting, position=1) -> str:
    return f"/panels/meetings/{meeting.pk}/cases/{position}/rating/"


def comment_url(meeting, position=1) -> str:
    return f"/panels/meetings/{meeting.pk}/cases/{position}/comment/"


def conflict_url(meeting, position=1) -> str:
    return f"/panels/meetings/{meeting.pk}/cases/{position}/conflict/"


def withdraw_url(declaration) -> str:
    meeting = declaration.reviewed_case.meeting
    return f"/panels/meetings/{meeting.pk}/conflicts/{declaration.pk}/withdraw/"


def rating_post(meeting, **changes) -> dict:
    """A full, valid rating as the form posts it; a change of None leaves the key out."""
    data = {
        "version": "0",
        "category": str(factories.category("inconsistent").pk),
        "reasons": "Posted reasons: no admission on record.",
        "action": "submit",
    }
    for criterion in meeting.panel.framework.criteria.all():
        data[f"criterion-{criterion.code}"] = "met"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def text(response) -> str:
    return html.unescape(response.content.decode())


def rating_form(body: str) -> str | None:
    """The HTML of the rating form on a case page, if there is one."""
    start = body.find('id="rating-form"')
    if start < 0:
        return None
    return body[start : body.index("</form>", start)]


def admin_pages() -> list[str]:
    """Every admin page of the models that hold a rating, its versions, its criterion
    answers or an attendee's comment, for each row, as the admin site registers them."""
    urls = ["/admin/", "/admin/panels/"]
    for model in (Rating, RatingVersion, CriterionAssessment, CaseComment):
        if model not in admin.site._registry:
            continue
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls.append(reverse(f"{prefix}_changelist"))
        urls.append(reverse(f"{prefix}_changelist") + "?status=submitted")
        for pk in model.objects.values_list("pk", flat=True):
            urls += [reverse(f"{prefix}_{view}", args=[pk]) for view in ("change", "history")]
            urls.append(reverse(f"{prefix}_delete", args=[pk]))
    return urls


def progress_cells(body: str, user) -> list[str]:
    """The cells of the user's row in the meeting page's rating progress table."""
    start = body.index('id="rating-progress"')
    table = body[start : body.index("</table>", start)]
    name = html.escape(user.get_full_name())
    for row in table.split('<tr class="govuk-table__row">')[1:]:
        if name in row:
            cells = re.findall(r"<td class=\"govuk-table__cell[^\"]*\"[^>]*>(.*?)</td>", row, re.S)
            return [cell.strip() for cell in cells]
    raise AssertionError(f"no progress row for {user.username}")


# A. Blind until the reveal -----------------------------------------------------------------


@pytest.mark.parametrize("who", VIEWERS)
def test_nobody_else_sees_a_rating_before_the_reveal(client, request, who, rated, commented):
    meeting = rated.reviewed_case.meeting
    viewer = request.getfixturevalue(who)
    if who == "olu":  # OPCC staff who also work in the admin
        viewer.is_staff = True
        viewer.save()
    if who in MEMBERS and not ConflictDeclaration.objects.filter(membership__user=viewer).exists():
        factories.declare(viewer, rated.reviewed_case)
    client.force_login(viewer)
    pages = [
        "/",
        "/panels/meetings/",
        f"/panels/meetings/{meeting.pk}/",
        case_url(meeting),
        case_url(meeting, 2),
        conflict_url(meeting),
        *admin_pages(),
    ]

    seen = {}
    for url in pages:
        response = client.get(url)
        assert response.status_code in {200, 302, 403, 404}, url
        seen[url] = text(response)

    for url, body in seen.items():
        for secret in RATING_TEXT:
            assert secret not in body, f"{who} sees {secret!r} on {url}"
        if who != "pat":
            assert COMMENT not in body, f"{who} sees Pat's comment on {url}"
        form = rating_form(body)
        if form is None:
            assert CATEGORY not in body, f"{who} sees Mina's category on {url}"
            assert THEME not in body, f"{who} sees Mina's theme on {url}"
        else:
            assert not re.search(r"\bchecked\b", form), f"{who}'s form is pre-filled on {url}"
    if who in {"chris", "sam"}:
        # Their own, empty, rating form was there to be checked.
        assert rating_form(seen[case_url(meeting)]) is not None
    if who in {"olu", "alice", "root"}:
        # The admin's rating pages were open to them, showing the rating without its content.
        assert "Hidden until the reveal" in seen["/admin/panels/rating/"]
        assert str(rated) in seen[f"/admin/panels/rating/{rated.pk}/change/"]


def test_the_rater_sees_her_own_rating_before_the_reveal(client, mina, rated):
    client.force_login(mina)

    response = client.get(case_url(rated.reviewed_case.meeting))

    body = text(response)
    assert response.status_code == 200
    assert REASONS in body
    assert NOTE in body
    assert f'value="{rated.category_id}" checked' in body
    assert "Versions of your rating (2)" in body


@pytest.mark.parametrize("who", ["olu", "alice", "root"])
def test_rating_content_is_shown_in_the_admin_after_the_reveal(client, request, who, rated, olu):
    meeting_transition(meeting=rated.reviewed_case.meeting, to=MeetingStatus.IN_DISCUSSION, by=olu)
    viewer = request.getfixturevalue(who)
    viewer.is_staff = True
    viewer.save()
    client.force_login(viewer)

    listing = text(client.get("/admin/panels/rating/"))
    detail = text(client.get(f"/admin/panels/rating/{rated.pk}/change/"))

    assert CATEGORY in listing
    assert "Hidden until the reveal" not in listing
    assert CATEGORY in detail
    assert REASONS in detail
    assert NOTE in detail


def test_a_rating_cannot_be_changed_after_the_reveal(client, mina, olu, rated):
    meeting = rated.reviewed_case.meeting
    meeting_transition(meeting=meeting, to=MeetingStatus.IN_DISCUSSION, by=olu)
    before = stored()
    client.force_login(mina)

    response = client.post(
        rating_url(meeting), rating_post(meeting, version="2", reasons="Changed after the reveal.")
    )

    assert response.status_code == 403
    assert "members' views can no longer be changed" in text(response)
    rated.refresh_from_db()
    assert rated.reasons == REASONS
    assert rated.version == 2
    assert rated.category == factories.category("inconsistent")
    assert stored() == before


# B. A non-voting attendee's comment ---------------------------------------------------------


def test_an_attendee_leaves_a_comment_only_they_see_before_the_reveal(
    client, case, pat, chris, olu, mina
):
    factories.declare(pat, case)
    client.force_login(pat)

    response = client.post(comment_url(case.meeting), {"text": COMMENT, "action": "comment"})

    assert response.status_code == 302
    assert COMMENT in text(client.get(case_url(case.meeting)))
    for user in (chris, mina):
        factories.declare(user, case)
    for user in (chris, olu, mina):
        client.force_login(user)
        for url in (case_url(case.meeting), f"/panels/meetings/{case.meeting.pk}/"):
            response = client.get(url)
            assert response.status_code == 200, (user.username, url)
            assert COMMENT not in text(response), (user.username, url)


def test_the_papers_forms_post_to_their_own_addresses(client, case, pat, mina):
    for user in (pat, mina):
        factories.declare(user, case)
    client.force_login(pat)
    comment_page = text(client.get(case_url(case.meeting)))
    client.force_login(mina)
    rating_page = text(client.get(case_url(case.meeting)))

    assert f'action="{comment_url(case.meeting)}"' in comment_page
    assert f'action="{rating_url(case.meeting)}"' in rating_page


def test_a_post_to_the_papers_address_is_not_allowed_and_saves_nothing(client, case, mina):
    factories.declare(mina, case)
    client.force_login(mina)

    response = client.post(case_url(case.meeting), rating_post(case.meeting))

    assert response.status_code == 405
    assert Rating.objects.count() == 0


def test_an_empty_comment_shows_the_papers_again_with_the_error(client, case, pat):
    factories.declare(pat, case)
    client.force_login(pat)

    response = client.post(comment_url(case.meeting), {"text": "", "action": "comment"})

    body = text(response)
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == comment_url(case.meeting)
    assert "govuk-error-summary" in body and "Enter your comment for the panel" in body
    assert CaseComment.objects.count() == 0


def test_a_superuser_does_not_see_an_attendees_comment_before_the_reveal(client, root, commented):
    client.force_login(root)

    response = client.get(case_url(commented.reviewed_case.meeting))

    assert response.status_code == 200
    assert COMMENT not in text(response)


def test_an_attendees_comment_is_shown_to_the_panel_after_the_reveal(
    client, commented, chris, mina, sam, olu
):
    case = commented.reviewed_case
    for user in (chris, mina, sam):
        factories.declare(user, case)
    meeting_transition(meeting=case.meeting, to=MeetingStatus.IN_DISCUSSION, by=olu)

    for user in (chris, mina, sam):
        client.force_login(user)
        assert COMMENT in text(client.get(case_url(case.meeting))), user.username


def test_an_attendees_comment_cannot_be_changed_after_the_reveal(client, commented, pat, olu):
    case = commented.reviewed_case
    meeting_transition(meeting=case.meeting, to=MeetingStatus.IN_DISCUSSION, by=olu)
    client.force_login(pat)

    response = client.post(
        comment_url(case.meeting), {"text": "Rewritten after the reveal.", "action": "comment"}
    )

    assert response.status_code == 403
    commented.refresh_from_db()
    assert commented.text == COMMENT


# C. Refused, per role and rule, with nothing stored -----------------------------------------


@pytest.mark.parametrize("who", ["nadia", "eve"])
def test_rating_by_someone_outside_the_panel_is_not_found(client, request, who, case):
    before = stored()
    client.force_login(request.getfixturevalue(who))

    response = client.post(rating_url(case.meeting), rating_post(case.meeting))

    assert response.status_code == 404
    assert stored() == before


def test_rating_by_a_data_admin_is_refused(client, alice, case):
    before = stored()
    client.force_login(alice)

    response = client.post(rating_url(case.meeting), rating_post(case.meeting))

    assert response.status_code in {403, 404}
    assert FACTS not in text(response)
    assert stored() == before


@pytest.mark.parametrize("who", ["olu", "root"])
def test_rating_by_opcc_staff_is_refused(client, request, who, case):
    """OPCC staff may read the papers, but they are not panel members and do not rate."""
    before = stored()
    client.force_login(request.getfixturevalue(who))

    response = client.post(rating_url(case.meeting), rating_post(case.meeting))

    assert stored() == before
    assert response.status_code in {403, 404}
    assert "Your rating of case 1" not in text(response)


def test_rating_before_declaring_goes_to_the_conflict_question(client, mina, case):
    before = stored()
    client.force_login(mina)

    response = client.post(rating_url(case.meeting), rating_post(case.meeting))

    assert response.status_code == 302
    assert response.url == conflict_url(case.meeting)
    assert stored() == before


def test_rating_after_declaring_a_conflict_is_refused(client, mina, case):
    factories.declare(mina, case, conflict=True)
    before = stored()
    client.force_login(mina)

    response = client.post(rating_url(case.meeting), rating_post(case.meeting))

    assert response.status_code == 403
    assert "You declared a conflict of interest in this case" in text(response)
    assert FACTS not in text(response)
    assert stored() == before


def test_rating_by_a_non_voting_attendee_is_refused(client, pat, case):
    factories.declare(pat, case)
    before = stored()
    client.force_login(pat)

    response = client.post(rating_url(case.meeting), rating_post(case.meeting))

    assert stored() == before
    assert response.status_code == 403
    assert "Non-voting attendees do not rate cases." in text(response)


def test_rating_after_the_reveal_is_refused(client, mina, olu, case):
    factories.declare(mina, case)
    meeting_transition(meeting=case.meeting, to=MeetingStatus.IN_DISCUSSION, by=olu)
    before = stored()
    client.force_login(mina)

    response = client.post(rating_url(case.meeting), rating_post(case.meeting))

    assert response.status_code == 403
    assert stored() == before


def test_rating_before_the_meeting_opens_is_refused(client, mina, meeting):
    factories.ReviewedCaseFactory(meeting=meeting, position=1)
    before = stored()
    client.force_login(mina)

    response = client.post(rating_url(meeting), rating_post(meeting))

    assert response.status_code == 403
    assert "once the meeting opens for rating" in text(response)
    assert stored() == before


def test_rating_while_the_meeting_is_paused_is_refused(client, mina, olu, case):
    """Declared and drafted, then OPCC staff move the meeting back to planned."""
    factories.declare(mina, case)
    draft = rating_save(
        reviewed_case=case, user=mina, data=RatingInput(reasons=REASONS), submit=False, version=0
    )
    meeting_transition(meeting=case.meeting, to=MeetingStatus.PLANNED, by=olu)
    before = stored()
    client.force_login(mina)

    response = client.post(rating_url(case.meeting), rating_post(case.meeting, version="1"))

    assert response.status_code == 403
    assert stored() == before
    draft.refresh_from_db()
    assert (draft.status, draft.version, draft.reasons) == (RatingStatus.DRAFT, 1, REASONS)


def test_a_member_made_inactive_loses_the_case_at_once(client, mina, case):
    factories.declare(mina, case)
    client.force_login(mina)
    assert client.get(case_url(case.meeting)).status_code == 200
    Membership.objects.filter(user=mina).update(is_active=False)
    before = stored()

    assert client.get(case_url(case.meeting)).status_code == 404
    assert client.post(rating_url(case.meeting), rating_post(case.meeting)).status_code == 404
    assert client.get(conflict_url(case.meeting)).status_code == 404
    assert client.get(f"/panels/meetings/{case.meeting.pk}/").status_code == 404
    assert stored() == before


@pytest.mark.parametrize(
    "who, status",
    [("alice", 403), ("olu", 403), ("root", 403), ("nadia", 404), ("eve", 404)],
)
def test_the_conflict_question_is_for_panel_members_only(client, request, who, status, case):
    before = stored()
    client.force_login(request.getfixturevalue(who))

    shown = client.get(conflict_url(case.meeting))
    answered = client.post(conflict_url(case.meeting), {"has_conflict": "no"})
    declared = client.post(
        conflict_url(case.meeting), {"has_conflict": "yes", "details": CONFLICT_NOTE}
    )

    assert [shown.status_code, answered.status_code, declared.status_code] == [status] * 3
    if status == 403:
        assert "Only members of this panel declare conflicts of interest." in text(shown)
    assert stored() == before


def test_a_member_cannot_take_back_a_conflict_themselves(client, mina, case):
    conflict_declare(reviewed_case=case, user=mina, has_conflict=True, details=CONFLICT_NOTE)
    before = stored()
    client.force_login(mina)

    response = client.post(conflict_url(case.meeting), {"has_conflict": "no"})

    assert response.status_code == 403
    assert "To withdraw a conflict you declared, ask OPCC staff." in text(response)
    assert stored() == before
    assert client.get(case_url(case.meeting)).status_code == 403


def test_a_member_who_declared_no_conflict_cannot_declare_it_twice(client, mina, case):
    factories.declare(mina, case)
    before = stored()
    client.force_login(mina)

    response = client.post(conflict_url(case.meeting), {"has_conflict": "no"})

    assert response.status_code == 200
    assert "There is a problem" in text(response)
    assert stored() == before


@pytest.fixture
def conflict(case, mina):
    return conflict_declare(reviewed_case=case, user=mina, has_conflict=True, details=CONFLICT_NOTE)


@pytest.mark.parametrize("who", ["chris", "mina", "alice", "sam", "pat"])
def test_only_opcc_staff_withdraw_a_conflict(client, request, who, conflict):
    before = stored()
    client.force_login(request.getfixturevalue(who))

    shown = client.get(withdraw_url(conflict))
    posted = client.post(withdraw_url(conflict), {"note": "Declared in error."})

    assert (shown.status_code, posted.status_code) == (403, 403)
    assert CONFLICT_NOTE not in text(shown)
    assert stored() == before
    conflict.refresh_from_db()
    assert conflict.superseded_at is None


@pytest.mark.parametrize("who", ["nadia", "eve"])
def test_the_withdraw_page_is_not_found_outside_the_panel(client, request, who, conflict):
    client.force_login(request.getfixturevalue(who))

    assert client.get(withdraw_url(conflict)).status_code == 404
    assert client.post(withdraw_url(conflict), {"note": "x"}).status_code == 404
    conflict.refresh_from_db()
    assert conflict.superseded_at is None


def test_opcc_staff_withdraw_a_conflict_and_the_member_can_read_the_papers(
    client, olu, mina, conflict
):
    meeting = conflict.reviewed_case.meeting
    client.force_login(olu)

    shown = client.get(withdraw_url(conflict))
    posted = client.post(withdraw_url(conflict), {"note": "Declared in error."})

    assert shown.status_code == 200
    assert CONFLICT_NOTE in text(shown)
    assert posted.status_code == 302
    assert posted.url == f"/panels/meetings/{meeting.pk}/"
    conflict.refresh_from_db()
    assert conflict.superseded_at is not None
    assert conflict.has_conflict is True
    assert conflict.details == CONFLICT_NOTE
    current = ConflictDeclaration.objects.get(
        membership__user=mina, reviewed_case=conflict.reviewed_case, superseded_at__isnull=True
    )
    assert (current.has_conflict, current.declared_by) == (False, olu)
    client.force_login(mina)
    response = client.get(case_url(meeting))
    assert response.status_code == 200
    assert FACTS in text(response)
    assert rating_form(response.content.decode()) is not None


# D. Tampered rating posts -----------------------------------------------------------------


def _tampered(kind: str, meeting) -> tuple[dict, str]:
    first = meeting.panel.framework.criteria.order_by("position").first()
    return {
        "category of another framework": (
            {"category": str(factories.category("fully-compliant", "vcop-seven-way").pk)},
            "Select one of this panel's outcome categories",
        ),
        "criterion not in the framework": (
            {"criterion-made-up": "met"},
            "The form included a criterion that is not part of this panel's framework.",
        ),
        "note on a criterion not in the framework": (
            {"note-made-up": "A note."},
            "The form included a criterion that is not part of this panel's framework.",
        ),
        "answer not allowed": (
            {f"criterion-{first.code}": "excellent"},
            f"Select a valid answer for '{first.label}'",
        ),
        "theme that does not exist": (
            {"themes": "999999"},
            "Select themes from the list",
        ),
        "action missing": (
            {"action": None},
            "Choose Save as draft, Submit rating or Save and go to the next case",
        ),
        "action unknown": (
            {"action": "publish"},
            "Choose Save as draft, Submit rating or Save and go to the next case",
        ),
        "version not a number": (
            {"version": "two"},
            "This form is out of date. Reload the page and try again.",
        ),
        "version missing": (
            {"version": None},
            "This form is out of date. Reload the page and try again.",
        ),
        "version negative": (
            {"version": "-1"},
            "This form is out of date. Reload the page and try again.",
        ),
    }[kind]


@pytest.mark.parametrize(
    "kind",
    [
        "category of another framework",
        "criterion not in the framework",
        "note on a criterion not in the framework",
        "answer not allowed",
        "theme that does not exist",
        "action missing",
        "action unknown",
        "version not a number",
        "version missing",
        "version negative",
    ],
)
def test_a_tampered_rating_is_refused_with_a_message(client, mina, case, kind):
    factories.declare(mina, case)
    changes, message = _tampered(kind, case.meeting)
    before = stored()
    client.force_login(mina)

    response = client.post(rating_url(case.meeting), rating_post(case.meeting, **changes))

    body = text(response)
    assert response.status_code in {200, 400}
    assert "There is a problem" in body
    assert message in body
    assert stored() == before


def test_a_tampered_rating_leaves_the_saved_one_unchanged(client, mina, rated):
    meeting = rated.reviewed_case.meeting
    before = stored()
    client.force_login(mina)

    response = client.post(
        rating_url(meeting),
        rating_post(
            meeting,
            version="2",
            reasons="Tampered reasons.",
            category=str(factories.category("fully-compliant", "vcop-seven-way").pk),
        ),
    )

    assert response.status_code == 200
    assert "Select one of this panel's outcome categories" in text(response)
    rated.refresh_from_db()
    assert (rated.reasons, rated.version, rated.category) == (
        REASONS,
        2,
        factories.category("inconsistent"),
    )
    assert stored() == before


def test_a_rating_with_a_made_up_version_and_no_saved_rating_is_refused(client, mina, case):
    """A version that was never issued, for a case the member has not yet rated."""
    factories.declare(mina, case)
    before = stored()
    client.force_login(mina)

    response = client.post(rating_url(case.meeting), rating_post(case.meeting, version="7"))

    assert response.status_code in {200, 400, 409}
    assert stored() == before


# E. Progress for the chair and OPCC staff, never content ------------------------------------


@pytest.mark.parametrize("who", ["chris", "olu"])
def test_chair_and_opcc_staff_see_progress_and_conflicts_only(
    client, request, who, rated, mina, sam
):
    conflict_declare(
        reviewed_case=rated.reviewed_case.meeting.reviewed_cases.get(position=2),
        user=sam,
        has_conflict=True,
        details=CONFLICT_NOTE,
    )
    meeting = rated.reviewed_case.meeting
    client.force_login(request.getfixturevalue(who))

    response = client.get(f"/panels/meetings/{meeting.pk}/")

    body = response.content.decode()
    assert response.status_code == 200
    # Submitted, draft, not started (of two cases), conflicts.
    assert progress_cells(body, mina) == ["1", "0", "1", "0"]
    assert progress_cells(body, sam) == ["0", "0", "1", "1"]
    assert CONFLICT_NOTE in text(response)
    for secret in [*RATING_TEXT, CATEGORY, THEME]:
        assert secret not in text(response)


def test_a_member_sees_neither_progress_nor_others_conflicts(client, rated, mina, sam):
    conflict_declare(
        reviewed_case=rated.reviewed_case.meeting.reviewed_cases.get(position=2),
        user=sam,
        has_conflict=True,
        details=CONFLICT_NOTE,
    )
    meeting = rated.reviewed_case.meeting
    client.force_login(mina)

    response = client.get(f"/panels/meetings/{meeting.pk}/")
    home = client.get("/")

    assert response.status_code == 200
    assert 'id="rating-progress"' not in response.content.decode()
    assert "Rating progress" not in text(response)
    for page in (response, home):
        assert CONFLICT_NOTE not in text(page)
        assert sam.get_full_name() not in text(page)


# Admin side doors: what a rating says, learned without opening it ---------------------------


@pytest.mark.parametrize("who", ["alice", "root"])
def test_the_rating_list_cannot_be_filtered_by_what_a_rating_says(client, request, who, rated):
    """Before the reveal, a filter on a rating's content must not tell a match from a miss."""
    client.force_login(request.getfixturevalue(who))
    chosen, other = factories.category("inconsistent"), factories.category("consistent")
    theme, unused = Theme.objects.get(name=THEME), Theme.objects.get(slug="good-practice")
    pairs = [
        ("reasons__icontains=QWERTY", "reasons__icontains=NOTHING-LIKE-IT"),
        ("reasons__startswith=R", "reasons__startswith=X"),
        (f"category={chosen.pk}", f"category={other.pk}"),
        (f"themes={theme.pk}", f"themes={unused.pk}"),
    ]

    for match, miss in pairs:
        hit = client.get(f"/admin/panels/rating/?{match}")
        miss_response = client.get(f"/admin/panels/rating/?{miss}")
        links = re.compile(r"/admin/panels/rating/(\d+)/change/")
        assert (hit.status_code, links.findall(hit.content.decode())) == (
            miss_response.status_code,
            links.findall(miss_response.content.decode()),
        ), f"?{match} tells a match from ?{miss}"


@pytest.mark.parametrize("who", ["alice", "root"])
def test_deleting_a_category_does_not_tell_which_one_was_chosen(client, request, who, rated):
    client.force_login(request.getfixturevalue(who))
    chosen, unused = factories.category("inconsistent"), factories.category("no-conclusion")

    hit = text(client.get(f"/admin/panels/outcomecategory/{chosen.pk}/delete/"))
    miss = text(client.get(f"/admin/panels/outcomecategory/{unused.pk}/delete/"))

    def shape(body, category):
        return body.replace(category.label, "CATEGORY").replace(str(category.pk), "PK")

    assert _deleted_objects(shape(hit, chosen)) == _deleted_objects(shape(miss, unused))
    assert str(rated) not in hit


@pytest.mark.parametrize("who", ["alice", "root"])
def test_deleting_a_theme_does_not_tell_which_ratings_use_it(client, request, who, rated):
    client.force_login(request.getfixturevalue(who))
    theme = Theme.objects.get(name=THEME)

    body = text(client.get(f"/admin/panels/theme/{theme.pk}/delete/"))

    assert "Rating-theme relationship" not in body
    assert "Rating_themes" not in body


@pytest.mark.parametrize("who", ["alice", "root"])
def test_deleting_a_criterion_does_not_show_members_answers(client, request, who, rated):
    client.force_login(request.getfixturevalue(who))
    criterion = rated.assessments.select_related("criterion").first().criterion

    body = text(client.get(f"/admin/panels/criterion/{criterion.pk}/delete/"))

    assert "Criterion assessment" not in body
    assert "Not met" not in body


def _deleted_objects(body: str) -> tuple[str, str]:
    """The heading and the list of related objects on an admin delete page."""
    heading = re.search(r"<h1>(.*?)</h1>", body, re.S)
    listed = re.search(r'<ul id="deleted-objects">(.*?)</ul>', body, re.S)
    return (
        heading.group(1).strip() if heading else "",
        re.sub(r"\s+", " ", listed.group(1)).strip() if listed else "",
    )
