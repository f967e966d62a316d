"""Reports published in Welsh too: every public text needs its Welsh before approval, the
approver reads both, and the disclosure check reads the Welsh."""

import pytest
from django.core.exceptions import ValidationError

from panels.enums import ActionStatus, ObservationKind
from panels.models import Action, Observation, ReviewedCase
from reports import disclosure, services
from reports.enums import ReportStatus, SectionKey
from tests import factories
from tests.reports.conftest import give_bullets_welsh

pytestmark = pytest.mark.django_db


@pytest.fixture
def bilingual(settings):
    settings.PUBLISH_LANGUAGES = ("en", "cy")


@pytest.fixture
def texts(draft, olu):
    """A draft with a public note, an action and the panel's standing text, each only in
    English; one section has English, the others are left blank."""
    for section in draft.sections.all():
        why = section.key == SectionKey.WHY
        section.heading, section.body = ("Why", "Why the panel meets.") if why else ("Other", "")
        section.save()
    note = Observation.objects.create(
        meeting=draft.meeting,
        kind=ObservationKind.LEARNING,
        text="Officers should record the victim's views.",
        is_public=True,
        created_by=olu,
    )
    Observation.objects.create(
        meeting=draft.meeting,
        kind=ObservationKind.GENERAL,
        text="Internal only.",
        is_public=False,
        created_by=olu,
    )
    action = Action.objects.create(
        meeting=draft.meeting,
        description="Brief officers.",
        owner="OoCR lead",
        status=ActionStatus.OPEN,
    )
    draft.panel.public_description = "The panel looks at out of court resolutions."
    draft.panel.save()
    return {"note": note, "action": action}


def refusal(report, by) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        services.report_submit(report=report, by=by)
    return caught.value.messages


def fill_welsh(report, texts, by):
    services.section_save(
        report=report,
        key=SectionKey.WHY,
        heading="Why",
        body="Why the panel meets.",
        heading_cy="Pam",
        body_cy="Pam mae'r panel yn cyfarfod.",
        by=by,
        version=report.version,
    )
    texts["note"].text_cy = "Dylai swyddogion gofnodi barn y dioddefwr."
    texts["note"].save()
    texts["action"].description_cy = "Briffio swyddogion."
    texts["action"].owner_cy = "Arweinydd datrysiadau y tu allan i'r llys"
    texts["action"].save()
    report.panel.public_description_cy = "Mae'r panel yn edrych ar ddatrysiadau."
    report.panel.name_cy = "Panel Craffu"
    report.panel.organisation_cy = "Bwrdd Cyfiawnder Troseddol Lleol"
    report.panel.save()
    report.meeting.theme_cy = "Stelcio neu aflonyddu"
    report.meeting.save()
    give_bullets_welsh(report)


def test_english_only_publishing_sends_for_approval_without_any_welsh(draft, texts, olu):
    moved = services.report_submit(report=draft, by=olu)

    assert moved.status == ReportStatus.AWAITING_APPROVAL


def test_welsh_publishing_refuses_approval_naming_each_text_without_welsh(
    bilingual, draft, texts, olu
):
    assert refusal(draft, olu) == [
        "The meeting’s theme has no Welsh version. Add it before sending the report for approval.",
        "Section “Why”, heading has no Welsh version. Add it before sending the report "
        "for approval.",
        "Section “Why” has no Welsh version. Add it before sending the report for approval.",
        *[
            f"{where}, reason {n} has no Welsh version. Add it before sending the report for "
            "approval."
            for where, n in [
                ("Consistent with observations", 1),
                ("Consistent with observations", 2),
            ]
            + [("Inconsistent", n) for n in (1, 2, 3)]
        ],
        "The panel’s name has no Welsh version. Add it before sending the report for approval.",
        "The organisation that runs the panel has no Welsh version. Add it before sending the "
        "report for approval.",
        "The panel’s public description has no Welsh version. Add it before sending the "
        "report for approval.",
        "Observations from the panel, item 1 has no Welsh version. Add it before sending the "
        "report for approval.",
        "Action 1 has no Welsh version. Add it before sending the report for approval.",
        "Action 1, owner has no Welsh version. Add it before sending the report for approval.",
    ]
    draft.refresh_from_db()
    assert draft.status == ReportStatus.DRAFT


def test_welsh_publishing_sends_for_approval_once_every_text_has_its_welsh(
    bilingual, draft, texts, olu
):
    fill_welsh(draft, texts, olu)

    moved = services.report_submit(report=draft, by=olu)

    assert moved.status == ReportStatus.AWAITING_APPROVAL


def test_the_send_page_lists_each_missing_welsh_text_with_a_link_to_it(
    client, bilingual, draft, texts, olu
):
    client.force_login(olu)

    page = client.get(f"/reports/{draft.pk}/move/submit/").content.decode()

    note, action = texts["note"], texts["action"]
    for link in [
        f"/panels/meetings/{draft.meeting.pk}/edit/#id_theme_cy",
        f"/reports/{draft.pk}/sections/why/#id_body_cy",
        f"/panels/manage/{draft.panel.slug}/edit/#id_name_cy",
        f"/panels/manage/{draft.panel.slug}/edit/#id_organisation_cy",
        f"/panels/manage/{draft.panel.slug}/edit/#id_public_description_cy",
        f"/panels/meetings/{draft.meeting.pk}/notes/{note.pk}/#id_text_cy",
        f"/panels/actions/{action.pk}/#id_description_cy",
        f"/panels/actions/{action.pk}/#id_owner_cy",
    ]:
        assert f'href="{link}"' in page
        target = client.get(link.split("#")[0])
        field = link.split("#")[1]
        assert target.status_code == 200 and f'id="{field}"' in target.content.decode()


def test_the_approver_reads_english_and_welsh_side_by_side(
    client, bilingual, draft, texts, olu, nia
):
    fill_welsh(draft, texts, olu)
    services.report_submit(report=draft, by=olu)
    client.force_login(nia)

    page = client.get(f"/reports/{draft.pk}/move/approve/").content.decode()

    assert '<th scope="col" class="govuk-table__header" lang="cy">Cymraeg</th>' in page
    assert (
        '<td class="govuk-table__cell app-narrative" lang="cy">Pam mae&#x27;r panel yn '
        "cyfarfod.</td>" in page
    )
    assert '<td class="govuk-table__cell app-narrative">Why the panel meets.</td>' in page


def test_english_only_approval_page_has_no_welsh_column(client, draft, texts, olu, nia):
    services.report_submit(report=draft, by=olu)
    client.force_login(nia)

    page = client.get(f"/reports/{draft.pk}/move/approve/").content.decode()

    assert "welsh-side-by-side" not in page
    assert "The public texts in English and Welsh" not in page


def test_the_disclosure_check_reads_the_welsh_text(bilingual, draft, texts, olu):
    reference = ReviewedCase.objects.filter(meeting=draft.meeting).first().case.reference
    fill_welsh(draft, texts, olu)
    texts["note"].text_cy = f"Fel y dangosodd achos {reference}."
    texts["note"].save()

    (finding,) = disclosure.check(draft)

    assert (finding.kind, finding.location) == (
        "case_reference",
        "Observations from the panel, item 1 (Welsh)",
    )
    assert finding.fix_url.endswith(f"/notes/{texts['note'].pk}/#id_text_cy")


def test_the_section_form_saves_the_welsh(client, draft, olu):
    client.force_login(olu)

    client.post(
        f"/reports/{draft.pk}/sections/why/",
        {
            "version": draft.version,
            "heading": "Why",
            "body": "Open justice.",
            "heading_cy": "Pam",
            "body_cy": "Cyfiawnder agored.",
        },
    )

    section = draft.sections.get(key=SectionKey.WHY)
    assert (section.heading, section.body) == ("Why", "Open justice.")
    assert (section.heading_cy, section.body_cy) == ("Pam", "Cyfiawnder agored.")
    page = client.get(f"/reports/{draft.pk}/sections/why/").content.decode()
    assert 'lang="cy"' in page and "Cyfiawnder agored." in page


def test_welsh_kept_for_future_reports_starts_the_next_draft(build_meeting, draft, olu):
    services.section_save(
        report=draft,
        key=SectionKey.WHY,
        heading="Why",
        body="Open justice.",
        heading_cy="Pam",
        body_cy="Cyfiawnder agored.",
        keep=True,
        by=olu,
        version=draft.version,
    )
    meeting = build_meeting({"inconsistent": 1}, panel=draft.panel)

    later = services.report_generate(meeting=meeting, by=olu)

    section = later.sections.get(key=SectionKey.WHY)
    assert (section.body, section.body_cy) == ("Open justice.", "Cyfiawnder agored.")
    assert factories.framework().name == "Out of Court Resolutions (four categories)"


def test_a_draft_read_in_welsh_marks_sections_not_yet_in_welsh_as_english(draft):
    from django.utils import translation

    from reports.presenters import present

    section = draft.sections.exclude(body="").first()
    with translation.override("cy"):
        shown = present(draft).sections[section.key]
        html = str(shown.html)
    section.heading_cy, section.body_cy = "Pennawd", "Testun."
    section.save()
    with translation.override("cy"):
        welsh = present(draft).sections[section.key]
        welsh_html = str(welsh.html)

    assert (shown.heading, shown.heading.lang) == (section.heading_en, "en-GB")
    assert html.startswith('<div lang="en-GB">')
    assert (welsh.heading, getattr(welsh.heading, "lang", "")) == ("Pennawd", "")
    assert "lang=" not in welsh_html


def test_a_panels_welsh_name_titles_its_reports_in_welsh_and_is_unique(draft, olu):
    from django.core.exceptions import ValidationError as Refused

    from panels.people.services import panel_update
    from reports import titles

    other = factories.PanelFactory()
    panel = panel_update(
        panel=draft.panel, by=olu, version=draft.panel.version, name_cy="Panel Craffu Prawf"
    )

    made = titles.meeting_titles(panel, draft.meeting.date)
    with pytest.raises(Refused) as refused:
        panel_update(panel=other, by=olu, version=other.version, name_cy="panel craffu  prawf")

    assert made["title_cy"].startswith("Panel Craffu Prawf: canfyddiadau")
    assert made["title_en"].startswith(f"{panel.name_en}: findings")
    assert refused.value.message_dict == {
        "name_cy": ["There is already a panel with this Welsh name. Enter another"]
    }
