"""The Commissioner's scrutiny page and its open data in Welsh: the decisions' words, the
chart's lanes and months in Welsh; a topic or notes title there only in English says so."""

import csv
import io

import pytest

from . import test_notes_public

pytestmark = pytest.mark.django_db
published = test_notes_public.published  # the same notes, published in English only
TOPIC = "Use of out of court resolutions and Outcome 16"


def test_the_welsh_page_words_the_decisions_in_welsh_and_marks_english_titles(
    client, welsh, published
):
    _notes, version = published

    page = client.get("/cy/findings/accountability/").content.decode()

    assert "Lefel sicrwydd bresennol: <strong>Sicrwydd rhannol</strong>" in page
    assert f'<h2 class="govuk-heading-l" lang="en-GB">{TOPIC}</h2>' in page
    assert "Medi 2024: Sicrwydd rhannol. Medi 2025: Sicrwydd rhannol." in page
    assert ">Sicrwydd wedi&#x27;i roi</text>" in page or ">Sicrwydd wedi'i roi</text>" in page
    assert ">Med 2024</text>" in page
    assert f'lang="en-GB">{version.title}</a>' in page
    assert "Partly assured" not in page


def test_the_open_data_gives_each_decision_in_welsh_beside_the_english(client, welsh, published):
    body = client.get("/en/findings/accountability/open-data/assurance-decisions.csv")
    rows = list(csv.DictReader(io.StringIO(body.content.decode())))
    package = client.get("/cy/findings/accountability/open-data/datapackage.json").json()

    assert [(r["assurance_level"], r["assurance_level_cy"], r["topic_cy"]) for r in rows] == [
        ("Partly assured", "Sicrwydd rhannol", ""),  # the notes were published in English only
        ("Partly assured", "Sicrwydd rhannol", ""),
    ]
    fields = [f["name"] for f in package["resources"][0]["schema"]["fields"]]
    assert fields[-2:] == ["topic_cy", "assurance_level_cy"]
    assert package["version"] == "1.1.0"
    assert package["resources"][0]["title"] == "The Commissioner's decisions on each topic"


def test_the_welsh_feed_words_the_decisions_in_welsh(client, welsh, published):
    from defusedxml.ElementTree import fromstring

    feed = fromstring(client.get("/cy/findings/accountability/feed.atom").content)
    atom = "{http://www.w3.org/2005/Atom}"

    summary = feed.find(f"{atom}entry").find(f"{atom}summary").text
    assert summary == f"Penderfyniadau: {TOPIC}: Sicrwydd rhannol."


def test_notes_published_in_welsh_give_the_page_and_open_data_their_welsh_title(
    client, settings, welsh, olu, nia
):
    settings.PUBLISH_LANGUAGES = ("en", "cy")
    _notes, version = published.__wrapped__(olu, nia)
    welsh_title = version.languages.get(language="cy").title

    page = client.get("/cy/findings/accountability/").content.decode()
    english = client.get("/en/findings/accountability/").content.decode()
    body = client.get("/en/findings/accountability/open-data/assurance-decisions.csv")
    rows = list(csv.DictReader(io.StringIO(body.content.decode())))

    assert f'<h2 class="govuk-heading-l">Cymraeg: {TOPIC}</h2>' in page
    assert f">{welsh_title}</a>" in page and welsh_title != version.title
    assert f'<h2 class="govuk-heading-l">{TOPIC}</h2>' in english
    assert {r["topic_cy"] for r in rows} == {f"Cymraeg: {TOPIC}"}
