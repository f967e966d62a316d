"""Data admins browse cases and extract batches: filters, pages, a case's facts."""

import datetime

import pytest
from django.urls import reverse

from cases import browse_views
from cases.enums import BatchStatus, CaseStatus, FindingStatus, PrivacyKind
from cases.models import PrivacyFinding
from core.models import AuditEntry, AuditEvent
from tests import factories

pytestmark = pytest.mark.django_db

CASES = reverse("cases:case_list")
BATCHES = reverse("cases:batch_list")


def _day(n: int) -> datetime.date:
    return datetime.date(2025, 2, 1) + datetime.timedelta(days=n)


@pytest.fixture
def pool(force):
    """Three cases of the test force and one of another, on different outcome dates."""
    other = factories.ForceFactory(code="OTHER", name="Otherton Police")
    return {
        "old": factories.CaseFactory(force=force, reference="T-OLD", outcome_date=_day(1)),
        "new": factories.CaseFactory(
            force=force,
            reference="T-NEW",
            outcome_date=_day(30),
            outcome_type=factories.outcome_type("simple-caution"),
            status=CaseStatus.REVIEWED,
        ),
        "mid": factories.CaseFactory(force=force, reference="T-MID", outcome_date=_day(10)),
        "away": factories.CaseFactory(force=other, reference="O-1", outcome_date=_day(20)),
    }


def _references(response) -> list[str]:
    return [case.reference for case in response.context["page"].object_list]


# --- who may see the pages --------------------------------------------------------------


@pytest.mark.parametrize("name", ["cases:case_list", "cases:batch_list"])
def test_browse_list_signed_out_is_sent_to_sign_in(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name", ["cases:case_list", "cases:batch_list"])
def test_browse_list_for_opcc_staff_is_refused(client, olu, name):
    client.force_login(olu)

    assert client.get(reverse(name)).status_code == 403


def test_case_detail_for_a_signed_in_outsider_is_refused_and_not_recorded(client, eve, pool):
    client.force_login(eve)

    response = client.get(reverse("cases:case_detail", args=[pool["old"].pk]))

    assert response.status_code == 403
    assert AuditEntry.objects.filter(event=AuditEvent.VIEWED).count() == 0


def test_case_detail_of_a_missing_case_is_not_found(client, alice):
    client.force_login(alice)

    assert client.get(reverse("cases:case_detail", args=[999_999])).status_code == 404


# --- the case list ----------------------------------------------------------------------


def test_case_list_shows_newest_outcome_first_with_the_count(client, alice, pool):
    client.force_login(alice)

    response = client.get(CASES)

    assert _references(response) == ["T-NEW", "O-1", "T-MID", "T-OLD"]
    assert "4 cases, sorted by outcome date, newest first" in response.content.decode()


def test_case_list_filters_by_force_status_and_outcome_type(client, alice, pool):
    client.force_login(alice)

    by_force = client.get(CASES, {"force": "OTHER"})
    by_status = client.get(CASES, {"status": "in_pool", "force": "TEST"})
    by_outcome = client.get(CASES, {"outcome_type": "simple-caution"})

    assert _references(by_force) == ["O-1"]
    assert _references(by_status) == ["T-MID", "T-OLD"]
    assert _references(by_outcome) == ["T-NEW"]


def test_case_list_filters_by_outcome_dates_reference_and_category(client, alice, pool):
    pool["mid"].offence_category = "Theft"
    pool["mid"].save()
    client.force_login(alice)

    by_dates = client.get(CASES, {"from": "2025-02-05", "to": "21/2/2025"})
    by_reference = client.get(CASES, {"q": "T-N"})
    by_category = client.get(CASES, {"offence_category": "Theft"})

    assert _references(by_dates) == ["O-1", "T-MID"]
    assert _references(by_reference) == ["T-NEW"]
    assert _references(by_category) == ["T-MID"]


def test_case_list_filters_by_extract_batch(client, alice, pool):
    batch = factories.BatchFactory(force=pool["old"].force)
    pool["old"].batch = batch
    pool["old"].save()
    client.force_login(alice)

    response = client.get(CASES, {"batch": batch.pk})

    assert _references(response) == ["T-OLD"]


@pytest.mark.parametrize(
    "query, message",
    [
        ({"force": "NOWHERE"}, "Select a force from the list"),
        ({"status": "lost"}, "Select a status from the list"),
        ({"batch": "twelve"}, "Enter the extract batch number as a whole number, for example 12"),
        ({"from": "2025-02-30"}, "Enter the ‘from’ date as a real date, for example 2025-03-01"),
        (
            {"from": "2025-03-01", "to": "2025-01-01"},
            "The ‘to’ date must be the same as or after the ‘from’ date",
        ),
    ],
)
def test_case_list_bad_filter_shows_an_error_and_no_cases(client, alice, pool, query, message):
    client.force_login(alice)

    response = client.get(CASES, query)

    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert message in body
    assert _references(response) == []


def test_case_list_pages_keep_the_filters(client, alice, force, monkeypatch):
    monkeypatch.setattr(browse_views, "PAGE_SIZE", 2)
    for n in range(5):
        factories.CaseFactory(force=force, reference=f"P-{n}", outcome_date=_day(n))
    client.force_login(alice)

    response = client.get(CASES, {"force": "TEST", "page": "2"})

    body = response.content.decode()
    assert _references(response) == ["P-2", "P-1"]
    assert 'href="?force=TEST&amp;page=3"' in body
    assert 'aria-current="page">2<' in body
    assert "5 cases, page 2 of 3" in body


@pytest.mark.parametrize(
    ("sort", "expected", "caption"),
    [
        ("reference", ["T-MID", "T-NEW", "T-OLD", "O-1"], "by reference, A to Z within each"),
        ("-reference", ["O-1", "T-OLD", "T-NEW", "T-MID"], "by reference, Z to A within each"),
        ("outcome_date", ["T-OLD", "T-MID", "O-1", "T-NEW"], "by outcome date, oldest first"),
    ],
)
def test_case_list_sorts_by_the_column_asked_for(client, alice, pool, sort, expected, caption):
    client.force_login(alice)

    response = client.get(CASES, {"sort": sort})

    assert _references(response) == expected
    assert f"4 cases, sorted {caption}" in response.content.decode()


def test_case_list_sorts_by_offence_category_then_newest_first(client, alice, force):
    for reference, category, day in [("A", "Theft", 1), ("B", "Arson", 2), ("C", "Theft", 3)]:
        factories.CaseFactory(
            force=force, reference=reference, offence_category=category, outcome_date=_day(day)
        )
    client.force_login(alice)

    response = client.get(CASES, {"sort": "offence_category"})

    assert _references(response) == ["B", "C", "A"]


def test_case_list_headers_link_to_the_other_order_keeping_the_filters(client, alice, pool):
    client.force_login(alice)

    response = client.get(CASES, {"force": "TEST", "sort": "reference", "page": "1"})

    body = response.content.decode()
    assert _references(response) == ["T-MID", "T-NEW", "T-OLD"]
    assert (
        '<th scope="col" class="govuk-table__header" aria-sort="ascending">'
        '<a class="govuk-link app-sort-link" href="?force=TEST&amp;sort=-reference">Reference</a>'
    ) in body
    assert (
        'aria-sort="none"><a class="govuk-link app-sort-link" '
        'href="?force=TEST&amp;sort=-outcome_date">Outcome date</a>'
    ) in body
    assert body.count('aria-sort="none"') == 2  # outcome date, offence category
    assert '<input type="hidden" name="sort" value="reference"' in body  # kept by the filters


def test_case_list_by_default_marks_outcome_date_newest_first(client, alice, pool):
    client.force_login(alice)

    body = client.get(CASES).content.decode()

    assert (
        'aria-sort="descending"><a class="govuk-link app-sort-link" '
        'href="?sort=outcome_date">Outcome date</a>'
    ) in body
    assert 'href="?sort=reference">Reference</a>' in body


@pytest.mark.parametrize(
    "bad", ["password", "-force__name", "outcome_date;drop", "--reference", "status", ""]
)
def test_case_list_unknown_sort_falls_back_to_newest_first(client, alice, pool, bad):
    client.force_login(alice)

    response = client.get(CASES, {"sort": bad})

    assert response.status_code == 200
    assert _references(response) == ["T-NEW", "O-1", "T-MID", "T-OLD"]
    assert "4 cases, sorted by outcome date, newest first" in response.content.decode()


def test_case_list_pages_keep_the_sort(client, alice, force, monkeypatch):
    monkeypatch.setattr(browse_views, "PAGE_SIZE", 2)
    for n in range(5):
        factories.CaseFactory(force=force, reference=f"P-{n}", outcome_date=_day(n))
    client.force_login(alice)

    response = client.get(CASES, {"sort": "reference", "page": "2"})

    assert _references(response) == ["P-2", "P-3"]
    assert 'href="?sort=reference&amp;page=3"' in response.content.decode()


@pytest.mark.parametrize("bad_page", ["zero", "-1", "0", "99999999999999999999"])
def test_case_list_bad_page_number_never_fails(client, alice, pool, bad_page):
    client.force_login(alice)

    response = client.get(CASES, {"page": bad_page})

    assert response.status_code == 200
    assert _references(response) == ["T-NEW", "O-1", "T-MID", "T-OLD"]


def test_case_list_stops_counting_at_the_limit(client, alice, force, monkeypatch):
    monkeypatch.setattr(browse_views, "PAGE_SIZE", 2)
    monkeypatch.setattr(browse_views, "COUNT_LIMIT", 3)
    for n in range(5):
        factories.CaseFactory(force=force, reference=f"C-{n}", outcome_date=_day(n))
    client.force_login(alice)

    response = client.get(CASES)

    assert "More than 3 cases: narrow the filters to see them all" in response.content.decode()
    assert response.context["page"].paginator.num_pages == 2


def test_case_list_query_count_does_not_grow_with_the_page(
    client, alice, force, django_assert_max_num_queries
):
    for n in range(60):
        factories.CaseFactory(force=force, reference=f"Q-{n:02d}", outcome_date=_day(n))
    client.force_login(alice)

    with django_assert_max_num_queries(10):  # one more since kinds: the kind's options
        response = client.get(CASES, {"force": "TEST", "status": "in_pool"})

    assert len(response.context["page"].object_list) == 50


# --- a case's page ----------------------------------------------------------------------


def test_case_detail_shows_facts_apart_from_later_information_and_records_the_view(
    client, alice, pool
):
    case = pool["old"]
    case.later_information = "The victim later withdrew support."
    case.batch = factories.BatchFactory(force=case.force, file_name="january.csv")
    case.save()
    client.force_login(alice)

    response = client.get(reverse("cases:case_detail", args=[case.pk]))

    body = response.content.decode()
    facts = body.index("Facts known at the decision")
    later = body.index("Information learned later")
    assert body.index(case.facts_at_decision) in range(facts, later)
    assert body.index("The victim later withdrew support.") > later
    assert "january.csv" in body
    entry = AuditEntry.objects.get(event=AuditEvent.VIEWED)
    assert (entry.object_pk, entry.actor, entry.summary) == (str(case.pk), alice, "Case page")


def test_case_detail_query_count_is_fixed(client, alice, pool, django_assert_max_num_queries):
    client.force_login(alice)

    with django_assert_max_num_queries(9):
        response = client.get(reverse("cases:case_detail", args=[pool["new"].pk]))

    assert response.status_code == 200


# --- the batch list ---------------------------------------------------------------------


@pytest.fixture
def batches(force, alice):
    held = factories.BatchFactory(
        force=force, uploaded_by=alice, file_name="held.csv", status=BatchStatus.PREVIEWED
    )
    PrivacyFinding.objects.create(batch=held, row_number=2, column="Facts", kind=PrivacyKind.EMAIL)
    done = factories.BatchFactory(
        force=force, uploaded_by=alice, file_name="done.csv", status=BatchStatus.COMMITTED
    )
    PrivacyFinding.objects.create(
        batch=done,
        row_number=3,
        column="Facts",
        kind=PrivacyKind.PHONE,
        status=FindingStatus.REDACTED,
    )
    return {"held": held, "done": done}


def _files(response) -> list[str]:
    return [batch.file_name for batch in response.context["page"].object_list]


def test_batch_list_shows_newest_first_with_links_to_each_batch(client, alice, batches):
    client.force_login(alice)

    response = client.get(BATCHES)

    assert _files(response) == ["done.csv", "held.csv"]
    assert reverse("cases:batch_detail", args=[batches["held"].pk]) in response.content.decode()


def test_batch_list_filters_by_open_findings_and_status(client, alice, batches):
    client.force_login(alice)

    open_only = client.get(BATCHES, {"findings": "open"})
    committed = client.get(BATCHES, {"status": "committed"})

    assert _files(open_only) == ["held.csv"]
    assert [b.open_findings for b in open_only.context["page"].object_list] == [1]
    assert _files(committed) == ["done.csv"]


@pytest.mark.parametrize(
    "query, message",
    [
        ({"status": "lost"}, "Select a status from the list"),
        ({"findings": "closed"}, "Select the box or leave it clear"),
    ],
)
def test_batch_list_bad_filter_shows_an_error(client, alice, batches, query, message):
    client.force_login(alice)

    response = client.get(BATCHES, query)

    assert message in response.content.decode()
    assert _files(response) == []


def test_batch_list_query_count_is_fixed(client, alice, force, django_assert_max_num_queries):
    for n in range(30):
        factories.BatchFactory(force=force, uploaded_by=alice, file_name=f"b{n}.csv")
    client.force_login(alice)

    with django_assert_max_num_queries(7):
        response = client.get(BATCHES, {"findings": "open", "page": "1"})

    assert response.status_code == 200


def test_case_list_far_pages_are_elided_around_the_current_one(client, alice, force, monkeypatch):
    monkeypatch.setattr(browse_views, "PAGE_SIZE", 1)
    for n in range(10):
        factories.CaseFactory(force=force, reference=f"E-{n}", outcome_date=_day(n))
    client.force_login(alice)

    response = client.get(CASES, {"page": "5"})

    assert response.context["page_links"] == [1, None, 4, 5, 6, None, 10]
    assert response.content.decode().count("govuk-pagination__item--ellipses") == 2
