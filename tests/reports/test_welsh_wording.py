"""The findings in words come out of the same figures in English or Welsh: every count is
said through ngettext, so Welsh gets its own plural form for 1, 2, 3, 8 and 11 cases.

The Welsh is read from the service's catalogue (the `welsh` fixture)."""

from html import unescape
from types import SimpleNamespace

import pytest
from django.utils import translation

from reports import services, shares, wording
from reports.publishing import body_html, pdf_document
from reports.rendering import pdf_size_label
from tests.reports.conftest import closed_meeting

COUNTS = [1, 2, 3, 8, 11]
pytestmark = pytest.mark.usefixtures("welsh")


def category(code, label=""):
    return SimpleNamespace(code=code, label=label)


@pytest.mark.parametrize("count", COUNTS)
def test_a_headline_says_its_count_in_english_as_before(count):
    sentence = wording.finding(category("inconsistent"), count, has_reasons=False)

    noun = "1 case was" if count == 1 else f"{count} cases were"
    assert str(sentence) == f"The panel was of the view that {noun} inconsistent with Policy."


@pytest.mark.parametrize("count", COUNTS)
def test_every_kind_of_headline_renders_in_welsh_for_every_plural_form(count):
    codes = ["consistent", "inconsistent", "fully-compliant", "non-compliant", "no-decision"]

    with translation.override("cy"):
        said = [
            str(wording.finding(category(code, "heb gydymffurfio"), count, has_reasons=True))
            for code in codes + ["another-framework's"]
        ]

    assert said[0] == (
        f"Roedd y panel o'r farn bod {count} achos yn gyson â'r Polisi. Eu rhesymau dros "
        "wneud y penderfyniad hwn oedd:"
    )
    assert said[1] == (
        f"Roedd y panel o'r farn bod {count} achos yn anghyson â'r Polisi a'u rhesymau dros "
        "wneud y penderfyniad hwn oedd:"
    )
    assert said[2].startswith(f"Barnodd y panel fod {count} achos yn cydymffurfio'n gyffredinol")
    assert said[3] == (
        f"Barnodd y panel fod {count} achos yn heb gydymffurfio â 12 Hawl y Dioddefwyr. "
        "Roedd y sylwadau'n cynnwys y canlynol:"
    )
    assert said[4] == f"Methodd y panel â dod i benderfyniad ar {count} achos. Y rhesymau oedd:"
    assert said[5] == (
        f"Rhoddodd y panel {count} achos yn y categori “heb gydymffurfio”. Eu rhesymau oedd:"
    )


def test_none_reads_as_a_word_in_either_language():
    english = str(wording.finding(category("consistent"), 0, has_reasons=False))
    with translation.override("cy"):
        welsh_words = str(wording.finding(category("consistent"), 0, has_reasons=False))

    assert english == "The panel was of the view that no cases were consistent with Policy."
    assert welsh_words == "Roedd y panel o'r farn bod dim achos yn gyson â'r Polisi."


@pytest.mark.parametrize(
    ("count", "english", "welsh_words"),
    [
        (1, "In one case", "Mewn un achos"),
        (2, "In two cases", "Mewn dau achos"),
        (3, "In three cases", "Mewn tri achos"),
        (8, "In eight cases", "Mewn wyth achos"),
        (11, "In 11 cases", "Mewn 11 achos"),
    ],
)
def test_a_bullets_count_in_words_takes_each_languages_form(count, english, welsh_words):
    assert wording.in_n_cases(count, of=20) == english
    with translation.override("cy"):
        assert wording.in_n_cases(count, of=20) == welsh_words


@pytest.mark.parametrize(
    ("points", "english", "welsh_words"),
    [
        (1, "Up 1 percentage point", "I fyny 1 pwynt canran"),
        (2, "Up 2 percentage points", "I fyny 2 bwynt canran"),
        (3, "Up 3 percentage points", "I fyny 3 pwynt canran"),
        (8, "Up 8 percentage points", "I fyny 8 pwynt canran"),
        (11, "Up 11 percentage points", "I fyny 11 pwynt canran"),
    ],
)
def test_a_change_in_share_picks_the_plural_form_by_its_count(points, english, welsh_words):
    change = shares.Change(now=50, before=50 - points, points=points, too_few=False)

    assert change.words == english
    with translation.override("cy"):
        assert change.words == welsh_words


def test_shares_of_cases_and_file_sizes_in_both_languages():
    assert shares.of_cases(8, 10) == "8 of 10 cases (80%)"
    assert shares.of_cases(1, 1) == "1 of 1 case (100%)"
    assert pdf_size_label(2) == "2 bytes"
    with translation.override("cy"):
        assert shares.of_cases(8, 10) == "8 o 10 achos (80%)"
        assert pdf_size_label(2) == "2 feit"
        assert pdf_size_label(3) == "3 beit"


def test_a_meeting_report_renders_whole_in_welsh_with_its_language_declared(olu):
    meeting = closed_meeting({"consistent": 3, "inconsistent": 2})
    report = services.report_generate(meeting=meeting, by=olu)

    english = body_html(report)
    with translation.override("cy"):
        body = body_html(report)
        document = pdf_document(report, body)

    assert '<article class="app-report" lang="en-GB">' in english
    assert "The panel was of the view that <strong>3 cases were consistent with Policy" in english
    assert '<article class="app-report" lang="cy">' in body
    # Apostrophes in the generated sentences are escaped, as in English.
    assert "Roedd y panel o'r farn bod <strong>3 achos yn gyson â'r Polisi</strong>" in unescape(
        body
    )
    assert "Canfyddiadau cyfarfod y panel" in body
    assert "Achosion ym mhob categori" in body
    assert '<html lang="cy">' in document


@pytest.mark.django_db
def test_a_frameworks_rights_are_called_rights_in_welsh_too():
    from panels.models import Framework
    from reports.criteria import criterion_noun

    rights = Framework.objects.get(slug="vcop-seven-way")

    with translation.override("cy"):
        noun = criterion_noun(rights)

    assert (rights.criteria_heading_cy, noun) == ("Hawliau dioddefwyr", "Hawl")
