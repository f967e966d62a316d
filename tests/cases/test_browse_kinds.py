"""The data admins' case list filters by kind of record, then by that kind's own fields."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.record_kinds import STOP_SEARCH, STOP_SEARCH_POOL, kind, kind_case

pytestmark = pytest.mark.django_db

CASES = reverse("cases:case_list")


@pytest.fixture
def searches():
    stop_search = kind(STOP_SEARCH)
    force = factories.ForceFactory(code="SS", name="Searchshire Police")
    for reference, ethnicity, bwv, age, power, found in STOP_SEARCH_POOL:
        values = {"ethnicity": ethnicity, "bwv": bwv, "age": age, "power": power, "found": found}
        values = {code: value for code, value in values.items() if value is not None}
        kind_case(stop_search, values, force=force, reference=reference)
    factories.CaseFactory(force=force, reference="OC-1", offender_age_band="under_18")
    factories.CaseFactory(force=force, reference="OC-2")
    return stop_search


def references(response) -> list[str]:
    return sorted(case.reference for case in response.context["page"].object_list)


def test_the_list_filters_by_kind(client, alice, searches):
    client.force_login(alice)

    searches_only = client.get(CASES, {"kind": "stop-search-test"})
    oocr_only = client.get(CASES, {"kind": "oocr"})

    assert references(searches_only) == [row[0] for row in STOP_SEARCH_POOL]
    assert references(oocr_only) == ["OC-1", "OC-2"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"field_ethnicity": "b"}, ["SS-02", "SS-03", "SS-07"]),
        ({"field_bwv": "no"}, ["SS-02", "SS-05", "SS-08"]),
        ({"field_found": "weapon"}, ["SS-03", "SS-05"]),
        ({"field_age_from": "16", "field_age_to": "22"}, ["SS-02", "SS-03", "SS-08"]),
        ({"field_power": "mda23", "field_bwv": "yes"}, ["SS-03", "SS-07"]),
    ],
)
def test_then_by_the_kind_s_own_fields(client, alice, searches, query, expected):
    client.force_login(alice)

    response = client.get(CASES, {"kind": "stop-search-test", **query})

    assert references(response) == expected


def test_the_out_of_court_resolution_is_filtered_by_its_age_band(client, alice, searches):
    client.force_login(alice)

    response = client.get(CASES, {"kind": "oocr", "field_offender_age_band": "under_18"})

    assert references(response) == ["OC-1"]
    assert "Offender age band" in response.content.decode()


def test_the_kind_s_questions_appear_once_it_is_chosen(client, alice, searches):
    client.force_login(alice)

    before = client.get(CASES).content.decode()
    after = client.get(CASES, {"kind": "stop-search-test"}).content.decode()

    assert 'name="kind"' in before and 'name="field_ethnicity"' not in before
    for name in ["field_power", "field_ethnicity", "field_bwv", "field_found", "field_age_from"]:
        assert f'name="{name}"' in after, name
    assert 'name="field_grounds"' not in after  # long text: not filterable


def test_a_kind_s_list_shows_its_own_fields_and_date(client, alice, searches):
    client.force_login(alice)

    page = client.get(CASES, {"kind": "stop-search-test", "field_ethnicity": "a"}).content.decode()

    headers = re.findall(r'<th scope="col" class="govuk-table__header"[^>]*>(.*?)</th>', page)
    assert [re.sub(r"<[^>]+>", "", h).replace(" &#9660;", "") for h in headers] == [
        "Reference",
        "Force",
        "Power used",
        "Self-defined ethnicity",
        "Body-worn video",
        "Date of search",
        "Status",
    ]
    row = re.search(r"SS-04</a></td>(.*?)</tr>", page, re.S).group(1)
    cells = re.findall(r'<td class="govuk-table__cell[^"]*">([^<]*)</td>', row)
    assert cells == [
        "SS",
        "Misuse of Drugs Act s23",
        "Asian",
        "Not recorded",
        "1 Mar 2025",
        "In the pool",
    ]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"kind": "nothing"}, "Select a kind of record from the list"),
        (
            {"kind": "stop-search-test", "field_ethnicity": "z"},
            "Choose a self-defined ethnicity in the list",
        ),
        (
            {"kind": "stop-search-test", "field_age_from": "old"},
            "Enter age from as a whole number, for example 16",
        ),
        (
            {"kind": "stop-search-test", "field_age_from": "30", "field_age_to": "20"},
            "Age ‘to’ must be the same as or more than age ‘from’",
        ),
    ],
)
def test_bad_kind_filters_are_named(client, alice, searches, query, message):
    client.force_login(alice)

    response = client.get(CASES, query)

    assert message in response.content.decode()
    assert list(response.context["page"].object_list) == []


def test_the_kind_s_list_reads_in_the_same_number_of_queries_however_many_cases(
    client, alice, searches
):
    client.force_login(alice)
    query = {"kind": "stop-search-test", "field_bwv": "yes"}
    with CaptureQueriesContext(connection) as few:
        client.get(CASES, query)
    for n in range(30):
        kind_case(
            searches,
            {"bwv": True, "ethnicity": "w"},
            force=factories.ForceFactory(),
            reference=f"MORE-{n}",
        )

    with CaptureQueriesContext(connection) as many:
        response = client.get(CASES, query)

    assert len(response.context["page"].object_list) == 34
    assert len(many) == len(few)


# --- a case's page ------------------------------------------------------------------------


def detail_rows(body: str) -> list[tuple[str, str]]:
    return re.findall(
        r'<dt class="govuk-summary-list__key">([^<]*)</dt><dd class="govuk-summary-list__value">'
        r"([^<]*)</dd>",
        body,
    )


def test_a_search_s_page_shows_its_kind_s_sections_not_the_out_of_court_columns(
    client, alice, searches
):
    case = searches.cases.get(reference="SS-03")
    client.force_login(alice)

    body = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()

    rows = detail_rows(body)
    assert ("Record", "Stop and search (test)") in rows
    assert ("Date of search", "1 March 2025") in rows
    assert [row for row in rows if row[0] in {"Power used", "Items found", "Age"}] == [
        ("Power used", "Misuse of Drugs Act s23"),
        ("Age", "22"),
        ("Items found", "Drugs, Weapon"),
    ]
    assert '<h2 class="govuk-heading-m" id="record-section-1">Search</h2>' in body
    assert '<h2 class="govuk-heading-m">Grounds and circumstances</h2>' in body
    for oocr_label in ("Gravity score", "Admission", "Authorised by", "Offence", "Conditions"):
        assert f">{oocr_label}</dt>" not in body


def test_an_out_of_court_resolution_s_page_lists_its_columns_as_before(client, alice, searches):
    case = searches.cases.model.objects.get(reference="OC-1")
    client.force_login(alice)

    body = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()

    labels = [label for label, _ in detail_rows(body)][3:8]
    assert labels == ["Offence", "Home Office crime code", "Offence category", "Flags", "Outcome"]
    assert ("Offender's age", "Under 18") in detail_rows(body)
    assert "Facts known at the decision" in body
    assert 'id="record-section-1"' not in body


def test_a_search_s_page_reads_in_a_fixed_number_of_queries(client, alice, searches):
    small = kind(
        {"code": "one", "name": "One field", "sections": [("A", [_text("a")])]},
    )
    big = kind(
        {
            "code": "many",
            "name": "Many fields",
            "sections": [(f"S{n}", [_text(f"f{n}_{m}") for m in range(5)]) for n in range(4)],
        }
    )
    client.force_login(alice)
    counts = []
    for record_kind in (small, big):
        case = kind_case(record_kind, {}, reference=f"K-{record_kind.code}")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("cases:case_detail", args=[case.pk])).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]


def _text(code: str) -> dict:
    return {"code": code, "label": code.upper(), "type": "text"}


def test_a_search_s_page_in_welsh_gives_the_kind_s_welsh_and_marks_the_english_left(
    client, alice, searches, welsh
):
    searches.name_cy = "Stopio a chwilio (prawf)"
    searches.save()
    power = searches.fields.get(code="power")
    power.label_cy = "Pŵer a ddefnyddiwyd"
    power.choices = [{**c, "label_cy": f"{c['label']} (cy)"} for c in power.choices]
    power.save()
    case = searches.cases.get(reference="SS-03")
    client.force_login(alice)
    client.cookies["django_language"] = welsh

    body = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()

    rows = detail_rows(body)
    assert ("Pŵer a ddefnyddiwyd", "Misuse of Drugs Act s23 (cy)") in rows
    assert '<dd class="govuk-summary-list__value">Stopio a chwilio (prawf)</dd>' in body
    # No Welsh yet: the section's name, another field's label and its choices.
    assert '<span lang="en-GB">Search</span></h2>' in body
    assert '<dt class="govuk-summary-list__key"><span lang="en-GB">Items found</span></dt>' in body
    assert '<dd class="govuk-summary-list__value" lang="en-GB">Drugs, Weapon</dd>' in body
