"""A meeting's record, exported for the panel's files after the reveal only."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from panels.enums import MeetingStatus
from panels.meetings.services import DecisionInput, decision_record, meeting_move
from panels.models import Membership
from panels.rating import reveal
from panels.rating.services import RatingInput, conflict_declare, rating_save
from tests import factories


@pytest.fixture
def meeting_in_discussion(meeting, olu, chris, mina):
    reviewed = factories.ReviewedCaseFactory(meeting=meeting, position=1)
    meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    conflict_declare(reviewed_case=reviewed, user=mina, has_conflict=False)
    rating_save(
        reviewed_case=reviewed,
        user=mina,
        data=RatingInput(
            category=factories.category("inconsistent"),
            reasons='=HYPERLINK("http://example.org")',
            assessments={c.code: ("met", "") for c in meeting.panel.framework.criteria.all()},
        ),
        submit=True,
        version=0,
    )
    return meeting


def url(meeting, table, fmt):
    return f"/panels/meetings/{meeting.pk}/export/{table}.{fmt}"


def test_nothing_is_exported_before_the_reveal(client, meeting_in_discussion, chris, olu):
    for user in (chris, olu):
        client.force_login(user)
        assert client.get(url(meeting_in_discussion, "ratings", "csv")).status_code == 403


def test_ratings_export_as_csv_with_formulas_neutralised(client, meeting_in_discussion, chris):
    meeting_move(meeting=meeting_in_discussion, to=MeetingStatus.IN_DISCUSSION, by=chris)
    client.force_login(chris)

    response = client.get(url(meeting_in_discussion, "ratings", "csv"))

    assert response["Cache-Control"] == "private, no-store"
    assert "attachment" in response["Content-Disposition"]
    (row,) = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["Category"] == "Inconsistent with Police Policy"
    assert row["Reasons"] == '\'=HYPERLINK("http://example.org")'
    assert row["Member"] == mina_name(meeting_in_discussion)
    assert "Offence admitted: Met" in row["Criteria"]


def mina_name(meeting):
    return meeting.panel.memberships.get(user__username="mina").user.get_full_name()


def test_an_anonymous_reveal_exports_without_names(client, meeting_in_discussion, chris):
    meeting_move(
        meeting=meeting_in_discussion, to=MeetingStatus.IN_DISCUSSION, by=chris, anonymous=True
    )
    client.force_login(chris)

    data = json.loads(client.get(url(meeting_in_discussion, "ratings", "json")).content)

    assert data[0]["Member"].startswith("Member ")
    assert data[0]["Agency"] == ""


def test_decisions_export_as_xlsx(client, meeting_in_discussion, chris):
    meeting_move(meeting=meeting_in_discussion, to=MeetingStatus.IN_DISCUSSION, by=chris)
    decision_record(
        reviewed_case=meeting_in_discussion.reviewed_cases.get(),
        by=chris,
        data=DecisionInput(category=factories.category("consistent")),
        version=0,
    )
    client.force_login(chris)

    response = client.get(url(meeting_in_discussion, "decisions", "xlsx"))

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][:3] == ("Case", "Reference", "Decision")
    assert rows[1][2].startswith("Consistent with Police Policy")


@pytest.mark.parametrize(("who", "status"), [("mina", 403), ("alice", 403), ("nadia", 404)])
def test_members_and_others_cannot_export(
    client, meeting_in_discussion, chris, request, who, status
):
    meeting_move(meeting=meeting_in_discussion, to=MeetingStatus.IN_DISCUSSION, by=chris)
    client.force_login(request.getfixturevalue(who))

    assert client.get(url(meeting_in_discussion, "ratings", "csv")).status_code == status


def test_an_unknown_table_or_format_is_not_found(client, meeting_in_discussion, chris):
    meeting_move(meeting=meeting_in_discussion, to=MeetingStatus.IN_DISCUSSION, by=chris)
    client.force_login(chris)

    assert client.get(url(meeting_in_discussion, "passwords", "csv")).status_code == 404
    assert client.get(url(meeting_in_discussion, "ratings", "exe")).status_code == 404


def test_anonymous_export_letters_match_the_chairs_page_after_a_member_leaves(
    client, meeting, olu, chris
):
    voters = [
        factories.MembershipFactory(panel=meeting.panel, user__username=f"voter{i}")
        for i in range(4)
    ]
    reviewed = factories.ReviewedCaseFactory(meeting=meeting, position=1)
    meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    for membership in voters:
        conflict_declare(reviewed_case=reviewed, user=membership.user, has_conflict=False)
        rating_save(
            reviewed_case=reviewed,
            user=membership.user,
            data=RatingInput(
                category=factories.category("consistent"),
                reasons="Fictional reasons.",
                assessments={c.code: ("met", "") for c in meeting.panel.framework.criteria.all()},
            ),
            submit=True,
            version=0,
        )
    meeting_move(meeting=meeting, to=MeetingStatus.IN_DISCUSSION, by=chris, anonymous=True)
    # The first lettered member other than the chair leaves the panel after the reveal.
    first = next(m for m, _ in reveal.voting_member_labels(meeting=meeting) if m.user != chris)
    Membership.objects.filter(pk=first.pk).update(is_active=False)
    client.force_login(chris)

    rows = json.loads(client.get(url(meeting, "ratings", "json")).content)
    body = client.get(f"/panels/meetings/{meeting.pk}/discussion/").content.decode()

    meeting.refresh_from_db()
    shown = {m.pk: label for m, label in reveal.discussion(meeting=meeting).members}
    # Rows come in membership order; the member who left has no letter on the chair's page.
    exported = [r["Member"] for r in rows if r["Member"] != "Member"]
    assert exported == [shown[v.pk] for v in voters if v.pk != first.pk]
    assert all(f">{label}</th>" in body for label in exported)
