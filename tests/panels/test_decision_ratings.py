"""The ratings beside the chair's decision form: one case's, read on their own."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from panels.enums import MeetingStatus, RatingStatus
from panels.models import CaseComment, Membership
from panels.rating import reveal
from tests import factories


def test_one_cases_ratings_are_read_alone_and_match_the_discussion(panel, chris, mina, pat):
    meeting = factories.MeetingFactory(panel=panel, status=MeetingStatus.IN_DISCUSSION)
    cases = [factories.ReviewedCaseFactory(meeting=meeting, position=n) for n in (1, 2, 3)]
    member = {u: Membership.objects.get(panel=panel, user=u) for u in (chris, mina, pat)}
    for reviewed, (chris_says, mina_says) in zip(
        cases,
        [("consistent", "inconsistent"), ("consistent", "consistent"), (None, "consistent")],
        strict=True,
    ):
        for user, code in ((chris, chris_says), (mina, mina_says)):
            if code:
                factories.RatingFactory(
                    reviewed_case=reviewed,
                    membership=member[user],
                    category=factories.category(code),
                    status=RatingStatus.SUBMITTED,
                )
    factories.declare(chris, cases[2], conflict=True)
    CaseComment.objects.create(reviewed_case=cases[1], membership=member[pat], text="Heard.")
    view = reveal.discussion(meeting=meeting)

    for reviewed, whole in zip(cases, view.cases, strict=True):
        with CaptureQueriesContext(connection) as queries:
            item, members = reveal.decision_ratings(meeting=meeting, reviewed_case=reviewed)

        assert members == view.members
        assert (item.counts, item.ratings, item.not_rated, item.conflicted) == (
            whole.counts,
            whole.ratings,
            whole.not_rated,
            whole.conflicted,
        )
        assert [c.text for c in item.comments] == [c.text for c in whole.comments]
        # No agenda read: the other cases' ratings, comments and conflicts are never fetched.
        assert not any("panels_reviewedcase" in q["sql"] for q in queries.captured_queries)
