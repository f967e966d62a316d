"""The privacy screen: each kind of personal data, redaction, recall and
false-positive rates measured on a generated corpus, and sentences quoted from
published panel findings."""

import pytest

from cases import privacy
from cases.enums import PrivacyKind
from tests.cases.privacy_corpus import (
    PUBLISHED_NEGATIVES,
    PUBLISHED_POSITIVES,
    negatives,
    positives,
)

RECALL_TARGET = 0.95
FALSE_POSITIVE_LIMIT = 0.02


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("NI number AB 12 34 56 C given", "ni_number", "AB 12 34 56 C"),
        ("ni ab123456c", "ni_number", "ab123456c"),
        ("PNC 98/123456A on file", "pnc_id", "98/123456A"),
        ("PNC 2012/0012345X on file", "pnc_id", "2012/0012345X"),
        ("lives at SW1A 1AA now", "postcode", "SW1A 1AA"),
        ("lives at m1 1ae now", "postcode", "m1 1ae"),
        ("the victim lives in LS6 with family", "postcode", "LS6"),
        ("seen in the NG7 area", "postcode", "NG7"),
        ("wrote to j.smith+x@example.co.uk today", "email", "j.smith+x@example.co.uk"),
        ("call 07700 900123 later", "phone", "07700 900123"),
        ("call (020) 7946 0018 later", "phone", "(020) 7946 0018"),
        ("call +44 7700 900123 later", "phone", "+44 7700 900123"),
        ("car AB12 CDE seen", "vehicle_reg", "AB12 CDE"),
        ("car A123 BCD seen", "vehicle_reg", "A123 BCD"),
        ("car ABC 123D seen", "vehicle_reg", "ABC 123D"),
        ("DOB 12/03/1987 recorded", "date_of_birth", "12/03/1987"),
        ("born on 4 May 1990 in town", "date_of_birth", "4 May 1990"),
        ("spoke to Mr Smith first", "titled_name", "Mr Smith"),
        ("spoke to Dr. A. Patel first", "titled_name", "Dr. A. Patel"),
        ("went to 12 Acacia Avenue at night", "street_address", "12 Acacia Avenue"),
        ("went to 3a high street at night", "street_address", "3a high street"),
    ],
)
def test_scan_finds_each_kind_of_personal_data(text, kind, value):
    start = text.index(value)

    hits = privacy.scan(text)

    assert hits == [(kind, start, start + len(value))]


@pytest.mark.parametrize(
    "text",
    [
        "Arrested under s.4 Public Order Act 1986; S47 ABH and S18 GBH considered.",
        "On 12/03/2024 at 21:30, HO code 105A, gravity score 2, paid £250.",
        "Travelling on the M6 near junction 4 and then the A38.",
        "PC 1234 attended; crime reference CR/012345/24; occurrence 24000123456.",
        "The victim was born and raised locally and did not want a prosecution.",
    ],
)
def test_scan_ignores_case_text_that_only_looks_personal(text):
    assert privacy.scan(text) == []


def test_redact_replaces_each_value_with_what_kind_it_was():
    text = "Mr Smith of 12 Acacia Avenue, LS6 2AB, phone 07700 900123."

    redacted = privacy.redact(text)

    assert (
        redacted
        == "[name removed] of [address removed], [postcode removed], phone [phone number removed]."
    )


def test_redact_only_the_chosen_kinds_leaves_the_rest():
    text = "Mr Smith lives at LS6 2AB."

    redacted = privacy.redact(text, only=["postcode"])

    assert redacted == "Mr Smith lives at [postcode removed]."


def test_scan_cells_names_the_cell_and_kind_of_each_finding():
    cells = ["No personal data here.", "Email kelly@example.org or call 07700 900123", ""]

    found = privacy.scan_cells(cells)

    assert found == [(1, "email"), (1, "phone")]


def test_scan_cells_finds_nothing_in_clean_text():
    assert privacy.scan_cells(["Harassment without violence", "Apology letter"]) == []


@pytest.mark.parametrize("kind", PrivacyKind.values)
def test_screen_recall_on_generated_corpus_meets_target(kind):
    corpus = positives(kind, 500)

    found = sum(_detected(sentence, value, kind) for sentence, value in corpus)

    recall = found / len(corpus)
    assert recall >= RECALL_TARGET, f"{kind}: recall {recall:.3f}"


def test_screen_false_positive_rate_on_realistic_case_text_is_low():
    corpus = negatives(2000)

    flagged = [text for text in corpus if privacy.scan(text)]

    assert len(flagged) / len(corpus) <= FALSE_POSITIVE_LIMIT, flagged[:5]


def _detected(sentence: str, value: str, kind: str) -> bool:
    start = sentence.index(value)
    end = start + len(value)
    return any(
        found == kind and hit_start < end and hit_end > start
        for found, hit_start, hit_end in privacy.scan(sentence)
    )


@pytest.mark.parametrize("text", PUBLISHED_NEGATIVES)
def test_scan_ignores_sentences_from_published_panel_findings(text):
    assert privacy.scan(text) == []


@pytest.mark.parametrize(("text", "kind"), PUBLISHED_POSITIVES)
def test_scan_finds_contact_details_as_published_reports_write_them(text, kind):
    assert [hit[0] for hit in privacy.scan(text)] == [kind]
