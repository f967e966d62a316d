"""The rest of a findings report in Welsh: its reason bullets, its title, a theme's kept
background and a correction's note are each written beside the English, asked for before
approval when reports are published in Welsh too, and shown on the Welsh page; what people
wrote in English only is marked as English inside a Welsh page."""

import datetime
import io
import re
from html import unescape

import pikepdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from panels.enums import ActionStatus
from panels.models import Action
from reports import bullets, disclosure, services, welsh
from reports.enums import SectionKey
from reports.models import FindingsReport, ThemeBackground
from reports.presenters import meeting_report
from reports.publishing import body_html
from tests import factories
from tests.reports.conftest import approve, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def bilingual(settings, request):
    request.getfixturevalue("welsh")
    settings.PUBLISH_LANGUAGES = ("en", "cy")


def inconsistent(report):
    return report.panel.framework.categories.get(code="inconsistent")


def decided(report, category) -> list:
    """The category's decisions in agenda order: cases 3, 4 and 5 of the draft."""
    return list(
        category.decisions.filter(reviewed_case__meeting=report.meeting).order_by(
            "reviewed_case__position"
        )
    )


def address(report, language: str) -> str:
    with translation.override(language):
        return reverse("public:report", args=[report.panel.slug, report.slug])


def title_of(page: str) -> str:
    return unescape(re.search(r"<title>(.*?) – ", page).group(1))


def pdf_title(name: str) -> str:
    with default_storage.open(name, "rb") as stored, pikepdf.open(io.BytesIO(stored.read())) as pdf:
        return str(pdf.docinfo["/Title"])


def merge_cases_3_and_4(report, by, **welsh_words):
    category = inconsistent(report)
    third, fourth, _fifth = decided(report, category)
    return bullets.bullet_save(
        report=report,
        category=category,
        decisions=[third, fourth],
        text="the victim's views were not sought.",
        by=by,
        version=report.version,
        **welsh_words,
    )


def test_the_welsh_page_shows_a_bullets_welsh_and_marks_recorded_reasons_english(welsh, draft, olu):
    merge_cases_3_and_4(draft, olu, text_cy="ni ofynnwyd am farn y dioddefwr.")

    with translation.override("cy"):
        page = unescape(body_html(draft))
    english = unescape(body_html(draft))

    assert "<li>Mewn dau achos ni ofynnwyd am farn y dioddefwr.</li>" in page
    assert '<li><span lang="en-GB">Reason for case 5.</span></li>' in page
    assert "<li>In two cases the victim's views were not sought.</li>" in english
    assert "<li>Reason for case 5.</li>" in english


def test_a_cases_recorded_reasons_get_their_welsh_without_being_reworded(welsh, draft, olu):
    category = inconsistent(draft)
    fifth = decided(draft, category)[-1]

    bullets.bullet_save(
        report=draft,
        category=category,
        decisions=[fifth],
        text=fifth.reasons,
        text_cy="Rheswm dros achos 5.",
        lead_with_count=False,
        by=olu,
        version=draft.version,
    )

    finding = next(f for f in meeting_report(draft).findings if f.category == category)
    (own,) = [b for b in finding.bullets if b.source is not None]
    assert (own.english, own.welsh, own.reworded) == (
        "Reason for case 5.",
        "Rheswm dros achos 5.",
        False,
    )
    with translation.override("cy"):
        assert "<li>Rheswm dros achos 5.</li>" in body_html(draft)
    assert "<li>Reason for case 5.</li>" in body_html(draft)


def test_the_reasons_page_writes_the_welsh_of_a_cases_recorded_reasons(
    client, bilingual, draft, olu
):
    category = inconsistent(draft)
    fifth = decided(draft, category)[-1]
    url = f"/reports/{draft.pk}/reasons/{category.pk}/"
    client.force_login(olu)

    listed = client.get(url).content.decode()
    form = client.get(f"{url}?case={fifth.pk}").content.decode()
    response = client.post(
        url,
        {
            "version": draft.version,
            "decisions": [fifth.pk],
            "text": "Reason for case 5.",
            "text_cy": "Rheswm dros achos 5.",
        },
    )

    assert f'href="{url}?case={fifth.pk}#id_text_cy"' in listed
    (box,) = re.findall(rf'<input[^>]*value="{fifth.pk}"[^>]*>', form)
    assert "checked" in box
    assert "Reason for case 5.</textarea>" in form
    assert '<textarea name="text_cy"' in form and 'lang="cy"' in form
    assert response.status_code == 302
    bullet = draft.bullets.get()
    assert (bullet.text_en, bullet.text_cy, list(bullet.decisions.all())) == (
        "Reason for case 5.",
        "Rheswm dros achos 5.",
        [fifth],
    )


def test_changing_a_bullet_without_its_welsh_box_keeps_its_welsh(client, draft, olu):
    bullet = merge_cases_3_and_4(draft, olu, text_cy="ni ofynnwyd am farn y dioddefwr.")
    third, fourth, _fifth = decided(draft, inconsistent(draft))
    client.force_login(olu)

    client.post(
        f"/reports/{draft.pk}/reasons/{bullet.category_id}/bullets/{bullet.pk}/",
        {"version": draft.version, "decisions": [third.pk, fourth.pk], "text": "New words."},
    )

    bullet.refresh_from_db()
    assert (bullet.text_en, bullet.text_cy) == ("New words.", "ni ofynnwyd am farn y dioddefwr.")


def test_approval_asks_for_the_welsh_title_and_each_bullet_linked_to_where_it_is_written(
    client, bilingual, draft, olu
):
    merged = merge_cases_3_and_4(draft, olu)
    category = inconsistent(draft)
    fifth = decided(draft, category)[-1]
    services.report_retitle(
        report=draft, title=draft.title_en, title_cy="", by=olu, version=draft.version
    )
    client.force_login(olu)

    missing = {t.location: t.fix_url for t in welsh.missing_welsh(draft)}
    with pytest.raises(ValidationError) as caught:
        services.report_submit(report=draft, by=olu)

    reasons = f"/reports/{draft.pk}/reasons/{category.pk}/"
    wanted = {
        "The report’s title": f"/reports/{draft.pk}/title/#id_title_cy",
        "Inconsistent, reason 1": f"{reasons}bullets/{merged.pk}/#id_text_cy",
        "Inconsistent, reason 2": f"{reasons}?case={fifth.pk}#id_text_cy",
    }
    assert {where: missing[where] for where in wanted} == wanted
    assert caught.value.messages[:1] == [
        "The report’s title has no Welsh version. Add it before sending the report for approval."
    ]
    for where in wanted:
        assert f"{where} has no Welsh version. Add it before sending the report for " in (
            " ".join(caught.value.messages)
        )
    for link in wanted.values():
        page, field = link.split("#")
        assert f'id="{field}"' in client.get(page).content.decode()


def test_english_only_publishing_asks_for_no_welsh_title_or_bullets(draft, olu):
    services.report_retitle(
        report=draft, title=draft.title_en, title_cy="", by=olu, version=draft.version
    )

    assert welsh.missing_welsh(draft) == []
    assert services.report_submit(report=draft, by=olu).status == "awaiting_approval"


def test_a_new_report_is_titled_in_english_and_welsh_whatever_the_pages_language(
    welsh, build_meeting, olu
):
    meeting = build_meeting({"inconsistent": 1}, date=datetime.date(2025, 3, 5))
    name = meeting.panel.name

    with translation.override("cy"):
        report = services.report_generate(meeting=meeting, by=olu)

    stored = FindingsReport.objects.filter(pk=report.pk).values("title", "title_en", "title_cy")
    assert list(stored) == [
        {
            "title": f"{name}: findings of the meeting on 5 March 2025",
            "title_en": f"{name}: findings of the meeting on 5 March 2025",
            "title_cy": f"{name}: canfyddiadau'r cyfarfod ar 5 Mawrth 2025",
        }
    ]


def test_the_title_page_changes_the_english_and_the_welsh(client, draft, olu):
    url = f"/reports/{draft.pk}/title/"
    client.force_login(olu)

    form = client.get(url).content.decode()
    saved = client.post(url, {"version": draft.version, "title": "March", "title_cy": "Mawrth"})
    draft.refresh_from_db()
    refused = client.post(url, {"version": draft.version, "title": " ", "title_cy": "Ebrill"})

    assert '<input type="text" name="title_cy"' in form and 'lang="cy"' in form
    assert saved.status_code == 302
    assert refused.status_code == 200
    assert "Enter a title for the report" in refused.content.decode()
    draft.refresh_from_db()
    assert (draft.title_en, draft.title_cy) == ("March", "Mawrth")


def test_the_title_page_is_for_opcc_staff_only(client, draft):
    url = f"/reports/{draft.pk}/title/"
    member = factories.UserFactory()

    signed_out = client.get(url)
    client.force_login(member)
    outsider = client.get(url)

    assert signed_out.status_code == 302 and signed_out["Location"].startswith("/sign-in/")
    assert outsider.status_code == 404


def test_the_welsh_version_carries_the_welsh_title_to_its_page_pdf_and_the_list(
    client, bilingual, draft, olu, nia
):
    services.report_retitle(
        report=draft, title="March", title_cy="Mawrth", by=olu, version=draft.version
    )
    version = publish(draft, author=olu, approver=nia)
    row = version.languages.get()

    page = client.get(address(draft, "cy")).content.decode()
    listing = client.get("/cy/findings/").content.decode()
    english_listing = client.get("/en/findings/").content.decode()

    assert (version.title, row.title) == ("March", "Mawrth")
    assert (title_of(page), title_of(client.get(address(draft, "en")).content.decode())) == (
        "Mawrth",
        "March",
    )
    assert '<h1 class="govuk-heading-xl">Mawrth</h1>' in page
    assert (pdf_title(row.pdf_file.name), pdf_title(version.pdf_file.name)) == ("Mawrth", "March")
    assert re.findall(r"govuk-!-font-weight-bold\" href=\"[^\"]+\">([^<]*)</a>", listing) == [
        "Mawrth"
    ]
    assert ">March</a>" in english_listing


def test_a_report_published_in_english_only_has_welsh_words_in_its_welsh_title(
    client, welsh, draft, olu, nia
):
    publish(draft, author=olu, approver=nia)

    page = client.get(address(draft, "cy")).content.decode()
    listing = client.get("/cy/findings/").content.decode()

    assert title_of(page) == f"Adroddiad canfyddiadau yn Saesneg: {draft.title_en}"
    assert f'<span lang="en-GB">{escape(draft.title_en)}</span></a>' in listing


def test_a_themes_kept_background_carries_its_welsh_into_the_next_report(build_meeting, draft, olu):
    services.section_save(
        report=draft,
        key=SectionKey.THEME_BACKGROUND,
        heading="Stalking",
        body="What stalking is.",
        heading_cy="Stelcio",
        body_cy="Beth yw stelcio.",
        keep=True,
        by=olu,
        version=draft.version,
    )
    meeting = build_meeting({"inconsistent": 1}, panel=draft.panel)
    meeting.theme = draft.meeting.theme
    meeting.save()

    later = services.report_generate(meeting=meeting, by=olu)

    kept = ThemeBackground.objects.get()
    section = later.sections.get(key=SectionKey.THEME_BACKGROUND)
    words = ("heading_en", "body_en", "heading_cy", "body_cy")
    expected = ("Stalking", "What stalking is.", "Stelcio", "Beth yw stelcio.")
    assert tuple(getattr(kept, name) for name in words) == expected
    assert tuple(getattr(section, name) for name in words) == expected


def test_a_correction_published_in_welsh_too_needs_its_welsh_note(
    client, bilingual, draft, olu, nia
):
    publish(draft, author=olu, approver=nia)
    services.report_correct(report=draft, by=olu)
    approve(draft, author=olu, approver=nia)
    client.force_login(olu)

    with pytest.raises(ValidationError) as caught:
        services.report_publish(report=draft, by=olu, change_note="Fixed a figure.")
    form = client.get(f"/reports/{draft.pk}/move/publish/").content.decode()
    refused = client.post(
        f"/reports/{draft.pk}/move/publish/", {"note": "Fixed a figure.", "note_cy": " "}
    )

    assert caught.value.message_dict == {
        "change_note_cy": ["Enter what this correction changes, in Welsh."]
    }
    assert '<textarea name="note_cy"' in form and 'lang="cy"' in form
    assert refused.status_code == 200
    assert re.search(
        r'href="#id_note_cy"[^>]*>\s*Enter what this correction changes, in Welsh\.',
        refused.content.decode(),
    )
    assert draft.versions.count() == 1


def test_a_note_stored_in_english_only_is_marked_english_on_the_welsh_pages(
    client, bilingual, settings, draft, olu, nia
):
    publish(draft, author=olu, approver=nia)
    services.report_correct(report=draft, by=olu)
    settings.PUBLISH_LANGUAGES = ("en",)
    publish(draft, author=olu, approver=nia, note="Fixed a typo.")

    first = client.get(f"{address(draft, 'cy')}versions/1/").content.decode()
    now = client.get(address(draft, "cy")).content.decode()
    english = client.get(address(draft, "en")).content.decode()

    assert '<span lang="en-GB">Fixed a typo.</span>' in first
    assert '<span lang="en-GB">Fixed a typo.</span>' in now
    assert '<span lang="en-GB">Fixed a typo.</span>' not in english
    assert "Fixed a typo." in english


def test_english_people_wrote_is_marked_english_inside_a_welsh_report(welsh, draft, olu):
    Action.objects.create(
        meeting=draft.meeting,
        description="Brief officers.",
        description_cy="Briffio swyddogion.",
        owner="OoCR lead",
        status=ActionStatus.OPEN,
    )
    theme = escape(draft.meeting.theme)

    with translation.override("cy"):
        page = body_html(draft)
    english = body_html(draft)

    assert f'Thema: <span lang="en-GB">{theme}</span>' in page
    assert f'yn ymwneud â <span lang="en-GB">{theme.lower()}</span>.' in page
    assert '<td class="govuk-table__cell"><span lang="en-GB">OoCR lead</span></td>' in page
    # The body that runs the panel, not given its Welsh name yet.
    organisation = escape(draft.panel.organisation)
    assert f'<span class="govuk-caption-l"><span lang="en-GB">{organisation}</span></span>' in page
    assert english.count('lang="en-GB"') == 1  # the article's own
    # Given it, the Welsh page says it in Welsh.
    type(draft.panel).objects.filter(pk=draft.panel_id).update(organisation_cy="Bwrdd Prawf")
    draft.panel.refresh_from_db()
    with translation.override("cy"):
        page = body_html(draft)
    assert '<span class="govuk-caption-l">Bwrdd Prawf</span>' in page


def test_the_disclosure_check_reads_a_bullets_english_from_a_welsh_page(bilingual, draft, olu):
    category = inconsistent(draft)
    third, fourth, _fifth = decided(draft, category)
    reference = third.reviewed_case.case.reference
    bullets.bullet_save(
        report=draft,
        category=category,
        decisions=[third, fourth],
        text=f"as case {reference} shows.",
        text_cy="fel y dengys yr achos.",
        by=olu,
        version=draft.version,
    )

    with translation.override("cy"):
        found = disclosure.check(draft)

    # The English words are checked even when the page asking is in Welsh.
    assert [(f.kind, f.location) for f in found] == [("case_reference", "Inconsistent, reason 1")]
