"""The demo's published reports rebuild the two real ones whole, dated after their
meetings, in a PDF whose last page carries a fair share of the text."""

import datetime
import html
import io
import re

import pypdf
import pytest

from panels.models import Decision
from reports.models import PublishedVersion, ReportStatusChange
from scrutiny.env import _DEMO_OFFICE
from tests.worlds import demo_loaded, module_world


@pytest.fixture(scope="module")
def _demo_for_the_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, loaded once for the module and rolled back at its end."""
    media = tmp_path_factory.mktemp("demo-media")
    for _ in module_world(
        django_db_blocker, demo_loaded, DEBUG=True, **_DEMO_OFFICE, MEDIA_ROOT=media
    ):
        yield media


@pytest.fixture
def demo(_demo_for_the_module, db, settings):
    settings.DEBUG = True
    for name, value in _DEMO_OFFICE.items():
        setattr(settings, name, value)
    settings.MEDIA_ROOT = _demo_for_the_module


def words(page: str) -> str:
    """The page's text as a reader gets it, on one line."""
    inline = re.sub(r"</?(?:strong|em|a|span)\b[^>]*>", "", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


def public_page(client, slug: str) -> str:
    version = PublishedVersion.objects.get(report__panel__slug=slug)
    response = client.get(f"/en/findings/{slug}/{version.report.slug}/")
    assert response.status_code == 200
    return words(response.content.decode())


def assert_in_order(text: str, parts: list[str]) -> None:
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"missing, or out of place: {part!r}"
        at = found + len(part)


OOCR_SECTIONS = [
    "Scrutiny findings",
    "In certain circumstances the police can make a decision to resolve a matter",
    "What are Out of Court Resolutions?",
    "OoCRs will not normally be used for offences of violence which have led to serious "
    "injuries or sexual offences",
    "Why the Local Criminal Justice Board (LCJB) oversees the scrutiny of OoCRs",
    "What the police do and the difference they make",
    "How public money is spent",
    "How the LCJB scrutinises the use of OoCRs",
    "dip-samples 30-40 cases over a 12-month period",
    "Panel members come from: Crown Prosecution Service and Magistracy. Also attending, "
    "without rating cases: Police.",
    "Consistent with Police Policy (and the Crown Prosecution Service Code for Crown Prosecutors)",
    "The panel met on 15 October 2025 and scrutinised 10 cases relating to stalking or harassment.",
    "Stalking is a pattern of fixated and obsessive behaviour",
    "Harassment is behaviour linked to a specific issue",
    "Statistics",
    "678,746 stalking & harassment offences recorded by the police",
    "How the cases were chosen",
    "The findings from the panel's meeting",
    "The panel was of the view that no cases were consistent with Policy.",
    "The panel was of the view that 2 cases were consistent with Policy but with observations.",
    "In one case the panel noted that not all reported crimes were recorded, specifically to "
    "a second victim",
    "In one case involving college students a Community Resolution was given",
    "The panel was of the view that 8 cases were inconsistent with Policy and their reasons "
    "for making this decision were:",
    "In two cases the panel found the offence reported was recorded incorrectly and should "
    "have been classified as stalking",
    "In one case the panel determined that not all crimes reported were recorded.",
    "In one case the behaviour and stalking had been going on for 3 years",
    "In one case the panel noted that the views of the victim were not sought when "
    "considering a disposal.",
    "In two cases no Superintendent authority was recorded.",
    "In one case a Community Resolution was issued for threats to a politician",
    "In three cases there was no clear admission from the perpetrator",
    "Observations from the panel",
    "The panel noted a high proportion of non-compliance",
    "The panel discussed the use of Stalking Protection Orders",
    "A representative from His Majesty's Inspectorate of Constabulary",
    "Further information",
    "The impact of stalking and harassment",
    "Support services for stalking and harassment",
    "The National Stalking Helpline",
    "call 0808 802 0300",
    "email advice@stalkinghelpline.org",
    "fill in a contact form",
    "Using the panel's findings to make a difference",
    "Support for victims and witnesses",
    "Criminal Justice and You",
    "Find out more about our scrutiny at www.example.org/about-us/scrutiny.",
    "contact the Office of the Police and Crime Commissioner for Demoshire by email at "
    "opcc@example.org, by phone on 01632 960000",
]

VCOP_SECTIONS = [
    "Scrutiny findings",
    "The new Victims' Code of Practice (VCoP), which came into force in April 2021",
    "It is the Police and Crime Commissioner's legal responsibility to hold the Chief "
    "Constable to account",
    "by reviewing cases we can identify:",
    "Where feedback can be provided.",
    "What are the 12 victim rights?",
    "How the Local Criminal Justice Board (LCJB) scrutinises the rights of victims",
    "The panel scrutinises 6 - 8 cases at each meeting",
    "Panel members come from: Crown Prosecution Service, HM Courts and Tribunals Service, "
    "Probation Service and Youth Justice Service. Also attending, without rating cases: "
    "Police.",
    "Panel failed to reach a decision Information not recorded Not applicable",
    "The panel met on 17 September 2025 and scrutinised 6 cases",
    "Stalking is a pattern of fixated and obsessive behaviour",
    "Statistics",
    "The findings from the panel's meeting",
    "The panel deemed that 4 cases were found to be overall compliant with the 12 Victims "
    "Rights and included good practice such as:",
    "Information about the trial process was fully explained",
    "Special measures were explained and considered",
    "Referrals to support services were made promptly",
    "The panel deemed 2 cases to be Partially compliant with the 12 Victims Rights.",
    "In one case the panel could not be assured that the victim received all updates",
    "In both cases it could not be determined if a victim's booklet was provided",
    "Good practice and learning from the panel",
    "stalking champions",
    "'victims of crime' leaflet",
    "Further information",
    "The impact of stalking and harassment",
    "The National Stalking Helpline",
    "Using the panel's findings to make a difference",
    "The panel highlighted the challenges when dealing with victims who are under 18",
    "Support for victims and witnesses",
    "Criminal Justice and You",
    "Victim Care Demoshire",
    "Find out more about our scrutiny at",
    "If you need this report in a different language or format",
]


def test_demo_oocr_report_has_every_section_of_the_published_one_in_its_place(client, demo):
    assert_in_order(public_page(client, "adult-oocr"), OOCR_SECTIONS)


def test_demo_vcop_report_has_every_section_of_the_published_one_in_its_place(client, demo):
    assert_in_order(public_page(client, "victims-code"), VCOP_SECTIONS)


def test_demo_reports_say_how_cases_were_chosen_only_from_the_record(client, demo):
    for slug in ("adult-oocr", "victims-code"):
        page = public_page(client, slug)
        assert "selected at random" not in page and "randomly selected" not in page
        assert page.count("How the cases were chosen") == 1


def test_demo_oocr_counts_are_supported_by_the_decisions(demo):
    inconsistent = Decision.objects.filter(
        reviewed_case__meeting__panel__slug="adult-oocr",
        reviewed_case__meeting__date=datetime.date(2025, 10, 15),
        category__code="inconsistent",
    )

    tagged = {
        slug: inconsistent.filter(themes__slug=slug).count()
        for slug in ("authority-not-recorded", "no-clear-admission", "victim-views-not-sought")
    }
    assert tagged == {
        "authority-not-recorded": 2,
        "no-clear-admission": 3,
        "victim-views-not-sought": 1,
    }


def test_demo_report_pdfs_end_on_a_page_with_a_fair_share_of_the_text(demo):
    for version in PublishedVersion.objects.all():
        with version.pdf_file.open("rb") as stored:
            pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(stored.read())).pages]
        average = sum(len(p) for p in pages[:-1]) / (len(pages) - 1)
        assert len(pages[-1]) >= 0.3 * average, (version.report.public_slug, len(pages[-1]))
        assert len(pages[-1]) >= 400, version.report.public_slug


def test_demo_reports_carry_their_publication_dates_not_the_day_of_loading(client, demo):
    versions = {
        v.report.public_slug: v for v in PublishedVersion.objects.select_related("report__panel")
    }

    assert {slug: v.published_at.date() for slug, v in versions.items()} == {
        "adult-oocr": datetime.date(2025, 11, 12),
        "victims-code": datetime.date(2025, 10, 15),
        "stop-search": datetime.date(2025, 12, 17),
        "accountability": datetime.date(2025, 10, 15),
    }
    for version in versions.values():
        steps = ReportStatusChange.objects.filter(report=version.report)
        assert all(s.changed_at.date() >= version.meeting_date for s in steps)
    listing = client.get("/en/findings/").content.decode()
    assert "Published 12 November 2025" in listing and "Published 15 October 2025" in listing
    page = client.get(f"/en/findings/adult-oocr/{versions['adult-oocr'].report.slug}/")
    assert "12 November 2025" in page.content.decode()


def test_demo_stop_search_report_speaks_of_stop_and_search_only(client, demo):
    page = public_page(client, "stop-search")

    assert "What is stop and search?" in page
    assert "If you have been stopped and searched" in page
    assert "Out of Court" not in page and "OoCR" not in page
    assert "Concerns were found in three of the four searches of Black people" in page
    assert "National Stalking Helpline" not in page


def test_demo_victims_code_report_gives_findings_per_right(client, demo):
    version = PublishedVersion.objects.get(report__panel__slug="victims-code")
    rows = {row["code"]: row for row in version.figures["criteria"]}

    page = client.get(f"/en/findings/victims-code/{version.report.slug}/").content.decode()

    # Cases 5 and 6 did not record the information given when reporting: 4 of 6.
    assert (
        rows["information-when-reporting"]["numerator"],
        rows["information-when-reporting"]["denominator"],
    ) == (4, 6)
    # Cases 2 and 6 had no trial: the right applied in 4.
    assert (rows["trial-information"]["numerator"], rows["trial-information"]["denominator"]) == (
        4,
        4,
    )
    assert rows["trial-information"]["not_applicable"] == 2
    assert (
        "Right 3 (to be provided with information when reporting the crime) was met in 4 of 6 "
        "cases where it applied (67%)."
    ) in page
    assert "was met in 4 of 4 cases where it applied (100%)." in page
    assert (
        "Right 6 (to be provided with information about the investigation and prosecution) "
        "was met in 5 of 6 cases where it applied (83%)."
    ) in page


def test_demo_force_has_its_own_figure_for_reports_to_show(client, demo, django_user_model):
    client.force_login(django_user_model.objects.get(username="olu"))

    page = client.get("/reports/force-figures/").content.decode()

    assert "Community resolutions issued" in page
    assert "2,452" in page and "2.65%" in page
    assert "Given</strong>" in page  # its Welsh too


def test_demo_oocr_report_carries_the_forces_approved_response(client, demo):
    from panels.demo import data

    page = public_page(client, "adult-oocr")

    assert_in_order(page, [data.ANSWERED_ACTION, "Force's response", data.LIAISON_ANSWER])


def test_demo_liaison_has_one_action_answered_and_one_overdue(client, demo):
    from django.contrib.auth import get_user_model

    lee = get_user_model().objects.get(username="lee")
    client.force_login(lee)

    home = words(client.get("/").content.decode())

    assert (
        home.count("Overdue: no response"),
        "Brief supervisors on recording stalking" in home,
        lee.memberships.exists(),
    ) == (1, True, False)


def test_demo_liaisons_questions_of_past_meetings_are_not_overdue(client, demo):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="lee"))

    listing = client.get("/accountability/force/questions/").content.decode()
    home = words(client.get("/").content.decode())

    questions, follow_ups = listing.split('id="follow-ups"')
    assert "Overdue" not in questions
    assert "Questions of past meetings" in questions
    # The six-month follow-up of 24 September 2025 has had no later meeting to hear it.
    assert "A further performance update" in follow_ups and "Overdue" in follow_ups
    assert "0 questions to answer" in listing and "0 questions to answer" in home


def test_demo_scrutiny_notes_rebuild_the_meeting_of_24_september_2025(client, demo):
    version = PublishedVersion.objects.get(report__kind="notes")
    page = words(client.get(f"/en/findings/accountability/{version.report.slug}/").content.decode())

    assert_in_order(
        page,
        [
            "Notes of the scrutiny meeting of 24 September 2025",
            "Use of out of court resolutions and Outcome 16",
            "Decision of the Police and Crime Commissioner: Partly assured "
            "(before: partly assured in September 2024)",
            "Question Brief summary of evidence Decision of the PCC",
            "1. What are the main barriers",
            "Since the previous update in September 2024",
            "8. Through data collection and evaluation",
            "Follow-up: A further performance update to the Commissioner (by 24 March 2026)",
            "Other areas discussed",
            "Fixed-term recall",
            "Actions",
            "1 That the force works with the OPCC on a communications plan",
            "2 That the force and the OPCC meet",
            "3 That a further performance update be presented",
        ],
    )
    assert version.figures["questions"] == 8


def test_demo_accountability_page_shows_the_topics_history(client, demo):
    page = words(client.get("/en/findings/accountability/").content.decode())

    assert "Current assurance level: Partly assured, decided on 24 September 2025" in page
    assert "September 2024: Partly assured. September 2025: Partly assured." in page
    assert "18 September 2024 Partly assured Named in later notes" in page
    assert "24 September 2025 Partly assured Notes of the meeting of 24 September 2025" in page


def test_demo_oocr_report_dates_the_forces_response_before_its_publication(client, demo):
    version = PublishedVersion.objects.get(report__panel__slug="adult-oocr")
    page = public_page(client, "adult-oocr")

    said = re.search(r"Force's response \((\d+ \w+ \d{4})\)", page)[1]
    response_on = datetime.datetime.strptime(said, "%d %B %Y").date()

    assert (response_on < version.published_at.date(), version.published_at.date()) == (
        True,
        datetime.date(2025, 11, 12),
    )


def test_demo_publishes_the_victims_code_report_in_welsh_too_and_the_oocr_one_in_english(
    client, demo
):
    vcop = PublishedVersion.objects.get(report__panel__slug="victims-code")
    oocr = PublishedVersion.objects.get(report__panel__slug="adult-oocr")
    assert list(vcop.languages.values_list("language", flat=True)) == ["cy"]
    assert not oocr.languages.exists()

    response = client.get(f"/cy/findings/victims-code/{vcop.report.slug}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'lang="cy"' in page
    assert vcop.languages.get().title == (
        "Panel Craffu'r Cod Dioddefwyr: canfyddiadau'r cyfarfod ar 17 Medi 2025"
    )
    # The meeting's theme in Welsh, frozen with the version for the list; the support
    # services have their Welsh.
    assert "Thema: Stelcio neu Aflonyddu" in page
    assert '<span lang="en-GB">Stalking or Harassment</span>' not in page
    assert vcop.theme_cy == "Stelcio neu Aflonyddu" and oocr.theme_cy == ""
    assert '<h3 class="govuk-heading-s">Y Llinell Gymorth Stelcio Genedlaethol</h3>' in page
    assert ">llenwi ffurflen gysylltu</a>" in page and "Gofal Dioddefwyr Demoshire" in page
    assert_in_order(
        words(page),
        [
            "Panel Craffu'r Cod Dioddefwyr: canfyddiadau'r cyfarfod ar 17 Medi 2025",
            "Canfyddiadau craffu",
            "Mae'r Cod Dioddefwyr newydd, a ddaeth i rym ym mis Ebrill 2021",
            "Pam mae'r Bwrdd Cyfiawnder Troseddol Lleol yn craffu ar hawliau dioddefwyr",
            "Stelcio ac aflonyddu",
            "Cafodd gwybodaeth am broses y treial ei hegluro'n llawn",
            "Mewn un achos ni allai'r panel fod yn sicr bod y dioddefwr wedi cael pob diweddariad",
            "Yn y ddau achos nid oedd modd penderfynu a roddwyd llyfryn i'r dioddefwr",
            "Nododd y panel fod gan yr heddlu hyrwyddwyr stelcio",
            "Atgoffa swyddogion i gofnodi pryd y rhoddir taflen wybodaeth y dioddefwyr.",
        ],
    )
