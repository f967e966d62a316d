"""Import problems are stored as codes and worded when shown, so a Welsh reader sees them
in Welsh, whatever language the check ran in. The Welsh comes from the service's
catalogue (locale/cy), compiled as `make install` compiles it (the `welsh` fixture)."""

import io
import zipfile

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import translation

from cases.enums import BatchStatus
from cases.import_wording import Text
from cases.imports.upload_check import NOT_AN_EXTRACT, upload_problem
from tests.cases.conftest import csv_bytes, messages_of, row, upload


def test_a_problem_found_in_english_is_shown_in_welsh(alice, force, welsh):
    batch = upload(alice, force, csv_bytes([row("CR-1", **{"Outcome date": "soon"})]))

    problem = batch.problems.get()
    with translation.override(welsh):
        shown = problem.text

    assert (batch.status, shown) == (
        BatchStatus.REJECTED,
        "Nid yw Outcome date yn ddyddiad rydym yn ei adnabod; defnyddiwch ddyddiad fel 31/03/2025.",
    )


def test_a_problem_checked_under_welsh_is_stored_in_english_and_shown_in_either(
    alice, force, welsh
):
    with translation.override(welsh):
        batch = upload(alice, force, csv_bytes([row("CR-1", Reference="  ")]))

    problem = batch.problems.get()
    with translation.override("en-gb"):
        english = problem.text
    with translation.override(welsh):
        cymraeg = problem.text

    assert (messages_of(batch), english, cymraeg) == (
        [(2, "Reference", "Reference is blank.")],
        "Reference is blank.",
        "Mae Reference yn wag.",
    )


def test_the_batch_page_lists_the_problems_in_the_readers_language(client, alice, force, welsh):
    batch = upload(alice, force, csv_bytes([row("CR-1", **{"Gravity score": "9"})]))
    client.force_login(alice)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = welsh  # as the switcher leaves it

    page = client.get(reverse("cases:batch_detail", args=[batch.pk])).content.decode()

    assert "Rhaid i Gravity score fod yn rhif cyfan o 1 i 4." in page


def test_the_batch_summary_is_stored_in_english_and_shown_in_welsh(alice, force, welsh):
    batch = upload(alice, force, csv_bytes([row("CR-1"), row("CR-2")]))

    with translation.override(welsh):
        shown = batch.summary_text

    assert (batch.summary, shown) == (
        "2 rows: 2 new, 0 changed, 0 unchanged to import.",
        "2 rhes: 2 newydd, 0 wedi newid, 0 heb newid i'w mewnforio.",
    )


def test_a_rejected_batch_summary_is_shown_in_welsh(alice, force, welsh):
    batch = upload(alice, force, csv_bytes([row("CR-1", Reference="  ")]))

    with translation.override(welsh):
        shown = batch.summary_text

    assert (batch.summary, shown) == (
        "1 row; 1 problem(s) found, so nothing was imported.",
        "1 rhes; cafwyd 1 problem, felly ni fewnforiwyd dim.",
    )


def test_a_summary_in_an_older_wording_is_shown_as_stored(alice, force, welsh):
    batch = upload(alice, force, csv_bytes([row("CR-1")]))
    batch.summary = "Checked by hand."

    with translation.override(welsh):
        shown = batch.summary_text

    assert shown == "Checked by hand."


def test_a_stored_problem_from_before_codes_is_shown_as_stored(alice, force, welsh):
    batch = upload(alice, force, csv_bytes([row("CR-1", Reference="  ")]))
    batch.problems.update(code="", params={})

    with translation.override(welsh):
        shown = batch.problems.get().text

    assert shown == "Reference is blank."


@pytest.mark.parametrize(
    ("n", "english", "cymraeg"),
    [
        (
            1,
            "The file has more than 1 row. Split it into smaller files and import each one.",
            "Mae gan y ffeil fwy na 1 rhes. Rhannwch hi'n ffeiliau llai a mewnforiwch bob un.",
        ),
        (
            50000,
            "The file has more than 50,000 rows. Split it into smaller files and import each one.",
            "Mae gan y ffeil fwy na 50,000 rhes. Rhannwch hi'n ffeiliau llai a mewnforiwch bob un.",
        ),
    ],
)
def test_counts_choose_their_plural_form_in_each_language(welsh, n, english, cymraeg):
    text = Text("too_many_rows", {"n": n})

    with translation.override(welsh):
        shown = str(text)

    assert (text.english, shown) == (english, cymraeg)


def test_a_position_is_an_english_ordinal_and_a_plain_number_in_welsh(welsh):
    text = Text("choices", {"column": "Needs", "position": 2, "choices": "A, B"})

    with translation.override(welsh):
        shown = str(text)

    assert (text.english.split(")")[0], shown.split(")")[0]) == (
        "Needs has a value (the 2nd",
        "Mae gan Needs werth (rhif 2",
    )


def test_the_upload_check_refuses_a_zip_that_is_not_a_workbook_in_any_language(welsh):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")

    with translation.override(welsh):
        refused = upload_problem(buffer, file_name="extract.xlsx")
        expected = str(NOT_AN_EXTRACT)

    assert (refused, expected == "The selected file must be a CSV or XLSX") == (expected, False)
