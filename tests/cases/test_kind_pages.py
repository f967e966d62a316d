"""Data admins' record kind pages: the list, a kind's fields, its dictionary as CSV, and
creating or updating a kind from a dictionary, with every problem named by line."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.kinds.dictionary_out import dictionary_text
from cases.kinds.selectors import kind_by_code, kind_fields
from cases.kinds.services import kind_create
from cases.models import RecordField, RecordKind
from tests import factories
from tests.cases.kind_dictionaries import STOP_SEARCH, lines, replaced

pytestmark = pytest.mark.django_db


@pytest.fixture
def kind(alice):
    return kind_create(
        code="patrol-search", name="Patrol search", data=STOP_SEARCH.encode(), by=alice
    )


def upload(data: bytes, name: str = "dictionary.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/csv")


def text(response) -> str:
    return html.unescape(response.content.decode())


# --- who may ----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["olu", "eve"])
def test_only_data_admins_may_open_or_post_to_the_kind_pages(client, request, kind, who):
    client.force_login(request.getfixturevalue(who))

    pages = [
        client.get(reverse("cases:kind_list")),
        client.get(reverse("cases:kind_detail", args=[kind.pk])),
        client.get(reverse("cases:kind_dictionary", args=[kind.pk])),
        client.post(
            reverse("cases:kind_create"),
            {"code": "x", "name": "X", "dictionary": upload(STOP_SEARCH.encode())},
        ),
        client.post(
            reverse("cases:kind_update", args=[kind.pk]),
            {"version": 1, "dictionary": upload(replaced(STOP_SEARCH, "Power used", "P"))},
        ),
    ]

    assert [page.status_code for page in pages] == [403] * 5
    assert not RecordKind.objects.filter(code="x").exists()
    assert RecordField.objects.get(kind=kind, code="power").label == "Power used"


def test_signed_out_is_sent_to_sign_in(client, kind):
    response = client.get(reverse("cases:kind_detail", args=[kind.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


# --- the list and a kind's page -----------------------------------------------------------


def test_the_list_shows_each_kind_with_its_fields_cases_and_frameworks(
    client, alice, kind, reference_data, django_assert_max_num_queries
):
    factories.CaseFactory.create_batch(2, kind=kind, outcome_type=None)
    client.force_login(alice)

    with django_assert_max_num_queries(7):
        response = client.get(reverse("cases:kind_list"))

    rows = {k.code: k for k in response.context["kinds"]}
    assert (rows["patrol-search"].field_count, rows["patrol-search"].case_count) == (8, 2)
    body = text(response)
    assert "Patrol search" in body and "Out of court resolution" in body
    assert "Out of Court Resolutions (four categories)" in body
    assert reverse("cases:kind_create") in body


def test_the_list_costs_the_same_however_many_kinds(client, alice, kind, django_assert_num_queries):
    client.force_login(alice)
    client.get(reverse("cases:kind_list"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("cases:kind_list"))
    for n in range(3):
        kind_create(code=f"k{n}", name=f"Kind {n}", data=lines(f"f,Police,F{n},text,,no,no,"))
    with django_assert_num_queries(len(few)):
        client.get(reverse("cases:kind_list"))


def test_a_kinds_page_shows_its_sections_and_fields_in_order(client, alice, kind):
    client.force_login(alice)

    response = client.get(reverse("cases:kind_detail", args=[kind.pk]))

    body = text(response)
    order = [body.index(words) for words in ["Police", "Date and time of search", "Power used"]]
    assert order == sorted(order)
    assert body.index('<h2 class="govuk-heading-m">Person</h2>') > body.index("Officers present")
    assert "PACE section 1 (s1)" in body
    assert "Several of a list" in body and "What the officer said, in their words." in body
    assert reverse("cases:kind_dictionary", args=[kind.pk]) in body
    assert "Download dictionary (CSV)" in body


def test_the_out_of_court_kind_says_which_fields_have_columns_and_who_uses_it(
    client, alice, reference_data
):
    client.force_login(alice)

    response = client.get(reverse("cases:kind_detail", args=[kind_by_code("oocr").pk]))

    body = text(response)
    assert "Code: gravity_score; kept in a column of its own" in body
    assert "Out of Court Resolutions (three categories)" in body


def test_the_dictionary_downloads_as_the_csv_an_upload_reads(client, alice, kind):
    client.force_login(alice)

    response = client.get(reverse("cases:kind_dictionary", args=[kind.pk]))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="patrol-search-dictionary.csv"' in response["Content-Disposition"]
    assert response.content.decode() == dictionary_text(kind_fields(kind))


# --- creating -----------------------------------------------------------------------------


def test_a_kind_is_created_from_an_uploaded_dictionary(client, alice):
    client.force_login(alice)

    response = client.post(
        reverse("cases:kind_create"),
        {
            "name": "Patrol search",
            "code": "patrol-search",
            "date_label": "Date of search",
            "dictionary": upload(STOP_SEARCH.encode()),
        },
        follow=True,
    )

    kind = RecordKind.objects.get(code="patrol-search")
    assert response.redirect_chain[-1][0] == reverse("cases:kind_detail", args=[kind.pk])
    assert "Record kind “Patrol search” created" in text(response)
    assert (kind.date_label, kind.facts_label, kind.fields.count()) == (
        "Date of search",
        "Facts",
        8,
    )


def test_a_bad_dictionary_is_listed_in_the_error_summary_and_nothing_is_created(client, alice):
    client.force_login(alice)
    data = lines("a,Police,A,number,,no,no,", "b,Police,B,choice,x=X|x=Y,maybe,no,")

    response = client.post(
        reverse("cases:kind_create"),
        {"name": "Bad", "code": "bad", "dictionary": upload(data)},
    )

    body = text(response)
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Line 2, column type: “number” is not a type." in body
    assert "Line 3, column choices: The choice code x is used twice." in body
    assert "Line 3, column required: Write yes or no, not “maybe”." in body
    assert 'href="#id_dictionary"' in body
    assert not RecordKind.objects.filter(code="bad").exists()


@pytest.mark.parametrize(
    ("file", "error"),
    [
        (None, "Choose a dictionary file to upload"),
        (upload(b"", "d.csv"), "The selected file is empty"),
        (upload(STOP_SEARCH.encode(), "d.xlsx"), "The selected file must be a CSV"),
        (upload(b"\xff\xfe" + STOP_SEARCH.encode("utf-16-le")), "The file is not UTF-8 text"),
        (upload(lines("x", headings="code,label")), "The heading “section” is missing"),
    ],
)
def test_a_missing_or_wrong_file_is_refused(client, alice, file, error):
    client.force_login(alice)
    data = {"name": "New", "code": "new", **({"dictionary": file} if file else {})}

    response = client.post(reverse("cases:kind_create"), data)

    assert error in text(response)
    assert not RecordKind.objects.filter(code="new").exists()


def test_a_code_another_kind_has_is_refused_on_its_field(client, alice, kind):
    client.force_login(alice)

    response = client.post(
        reverse("cases:kind_create"),
        {"name": "Again", "code": "patrol-search", "dictionary": upload(STOP_SEARCH.encode())},
    )

    assert "There is a kind with the code patrol-search already" in text(response)
    assert 'href="#id_code"' in text(response)


# --- updating -----------------------------------------------------------------------------


def _update(client, kind, data: bytes, version=None, follow=False):
    return client.post(
        reverse("cases:kind_update", args=[kind.pk]),
        {"version": kind.version if version is None else version, "dictionary": upload(data)},
        follow=follow,
    )


def test_an_update_lists_what_changed_on_the_kinds_page(client, alice, kind):
    client.force_login(alice)
    data = (
        replaced(STOP_SEARCH, "Power used", "Power").decode()
        + "gowisely,Police,GOWISELY,yes_no,,no,yes,\r\n"
    )

    response = _update(client, kind, data.encode(), follow=True)

    body = text(response)
    assert response.redirect_chain[-1][0] == reverse("cases:kind_detail", args=[kind.pk])
    assert "Record kind updated: 2 changes" in body
    assert "What changed" in body
    assert "Reworded the label of power: “Power used” to “Power”" in body
    assert "Added the field “GOWISELY” (gowisely) to the section “Police”" in body
    again = client.get(reverse("cases:kind_detail", args=[kind.pk]))
    assert "What changed" not in text(again)


def test_the_same_dictionary_says_nothing_changed(client, alice, kind):
    client.force_login(alice)

    response = _update(client, kind, STOP_SEARCH.encode(), follow=True)

    assert "The dictionary matches the kind already: nothing changed" in text(response)


def test_a_refused_update_names_the_field_and_the_cases_and_changes_nothing(client, alice, kind):
    factories.CaseFactory.create_batch(2, kind=kind, outcome_type=None, values={"officers": 3})
    client.force_login(alice)

    response = _update(
        client,
        kind,
        replaced(
            STOP_SEARCH,
            "officers,Police,Officers present,integer,,no,yes",
            "x,Police,X,text,,no,no",
        ),
    )

    body = text(response)
    assert response.status_code == 200
    assert "There is a problem" in body
    assert (
        "“Officers present” (officers) is missing from the dictionary, but it is held by 2 "
        "cases, so it cannot be removed. Put its line back." in body
    )
    assert not RecordField.objects.filter(kind=kind, code="x").exists()


def test_an_update_from_a_page_opened_before_anothers_save_is_refused(client, alice, kind):
    client.force_login(alice)
    _update(client, kind, replaced(STOP_SEARCH, "Power used", "Power"))

    response = _update(client, kind, replaced(STOP_SEARCH, "Power used", "Pwr"), version=1)

    assert response.status_code == 409
    assert "Someone else changed this record kind while you were editing" in text(response)
    assert RecordField.objects.get(kind=kind, code="power").label == "Power"


def test_the_update_page_says_how_many_cases_are_held(client, alice, kind):
    factories.CaseFactory.create_batch(3, kind=kind, outcome_type=None)
    client.force_login(alice)

    response = client.get(reverse("cases:kind_update", args=[kind.pk]))

    assert "3 cases of this kind are held." in text(response)


def test_the_data_admins_home_links_to_the_kinds(client, alice):
    client.force_login(alice)

    response = client.get(reverse("home"))

    assert reverse("cases:kind_list") in response.content.decode()


# --- in Welsh -------------------------------------------------------------------------------


def test_a_kind_is_created_with_its_own_words_in_welsh(client, alice):
    client.force_login(alice)

    client.post(
        reverse("cases:kind_create"),
        {
            "name": "Patrol search",
            "name_cy": "Chwilio ar batrôl",
            "code": "patrol-search",
            "date_label": "Date of search",
            "date_label_cy": "Dyddiad y chwiliad",
            "dictionary": upload(STOP_SEARCH.encode()),
        },
    )

    kind = RecordKind.objects.get(code="patrol-search")
    assert (kind.name_en, kind.name_cy, kind.date_label_cy, kind.facts_label_cy) == (
        "Patrol search",
        "Chwilio ar batrôl",
        "Dyddiad y chwiliad",
        None,
    )
    body = text(client.get(reverse("cases:kind_detail", args=[kind.pk])))
    assert '<span lang="cy">Chwilio ar batrôl</span>; <span lang="cy">Dyddiad y chwiliad' in body
    # 2 sections, 8 fields and 11 choices, none of them in Welsh yet.
    assert "21 fields, sections and choices have no Welsh yet." in body


def test_the_update_page_offers_the_kinds_welsh_and_changes_it(client, alice, kind):
    client.force_login(alice)
    kind.name_cy = "Chwilio"
    kind.save()

    form = text(client.get(reverse("cases:kind_update", args=[kind.pk])))
    response = client.post(
        reverse("cases:kind_update", args=[kind.pk]),
        {
            "version": kind.version,
            "dictionary": upload(STOP_SEARCH.encode()),
            "name_cy": "Chwilio ar batrôl",
            "facts_label_cy": "Beth ddigwyddodd",
        },
        follow=True,
    )

    assert 'value="Chwilio"' in form and 'lang="cy"' in form
    body = text(response)
    assert "The Welsh name: “Chwilio ar batrôl”" in body
    assert "What its facts are called in Welsh: “Beth ddigwyddodd”" in body
    kind.refresh_from_db()
    assert (kind.name_cy, kind.facts_label_cy, kind.name) == (
        "Chwilio ar batrôl",
        "Beth ddigwyddodd",
        "Patrol search",
    )


def test_a_welsh_name_another_kind_has_is_refused_on_its_field(client, alice, kind):
    client.force_login(alice)
    kind.name_cy = "Chwilio"
    kind.save()

    response = client.post(
        reverse("cases:kind_create"),
        {
            "name": "Other search",
            "name_cy": "chwilio",
            "code": "other",
            "dictionary": upload(STOP_SEARCH.encode()),
        },
    )

    assert "There is a kind called “chwilio” in Welsh already" in text(response)
    assert 'href="#id_name_cy"' in text(response)
    assert not RecordKind.objects.filter(code="other").exists()
