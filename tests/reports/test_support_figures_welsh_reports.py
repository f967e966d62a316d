"""The support services a report lists and the force's figures it shows are public texts
(reports/welsh.py): asked for in Welsh before approval when reports are published in Welsh,
read side by side and by the disclosure check, shown in Welsh on the Welsh page, and frozen
in Welsh when the report is published."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils import translation

from panels.models import Panel
from reports import disclosure, services, welsh
from reports.display.services import report_figures_save
from reports.models import ForceFigure, SupportService
from reports.publishing import body_html
from reports.support.forms import SupportServiceForm
from reports.support.services import support_service_save
from tests import factories
from tests.reports.conftest import publish

from .test_support_service_pages import helpline

pytestmark = pytest.mark.django_db


@pytest.fixture
def bilingual(settings, welsh):
    settings.PUBLISH_LANGUAGES = ("en", "cy")


@pytest.fixture
def shown(draft, olu):
    """The draft lists a support service and shows one of the force's figures, both only
    in English."""
    service = SupportService.objects.create(
        name="Helpline",
        description="Free **advice**.",
        phone="0808 000 0000",
        url="https://www.example.org/",
        link_text="fill in a form",
    )
    service.panels.add(draft.panel)
    figure = ForceFigure.objects.create(
        force=draft.panel.force,
        period_start=datetime.date(2023, 1, 1),
        period_end=datetime.date(2023, 12, 31),
        measure="Community resolutions",
        number=Decimal("2452"),
        source="Home Office statistics",
        updated_by=olu,
    )
    report_figures_save(
        report=draft,
        by=olu,
        version=draft.version,
        show_percentages=False,
        count_by=None,
        force_figures=[figure],
    )
    return {"service": service, "figure": figure}


def in_welsh(shown):
    service, figure = shown["service"], shown["figure"]
    service.name_cy = "Llinell gymorth"
    service.description_cy = "Cyngor **am ddim**."
    service.link_text_cy = "llenwi ffurflen"
    service.save()
    figure.measure_cy, figure.source_cy = "Datrysiadau cymunedol", "Ystadegau'r Swyddfa Gartref"
    figure.save()


def test_approval_in_welsh_asks_for_each_services_and_figures_welsh_linked_to_its_box(
    client, bilingual, draft, shown, olu
):
    service, figure = shown["service"], shown["figure"]

    missing = {text.location: text.fix_url for text in welsh.missing_welsh(draft)}
    with pytest.raises(ValidationError) as refused:
        services.report_submit(report=draft, by=olu)
    client.force_login(olu)
    page = client.get(f"/reports/{draft.pk}/move/submit/").content.decode()

    edit = f"/reports/support-services/{service.pk}/"
    figure_edit = f"/reports/force-figures/{figure.pk}/"
    assert missing["Support service “Helpline”"] == f"{edit}#id_name_cy"
    assert missing["Support service “Helpline”, what it offers"] == f"{edit}#id_description_cy"
    assert missing["Support service “Helpline”, its link's words"] == f"{edit}#id_link_text_cy"
    assert missing["The force's figure 1, what was counted"] == f"{figure_edit}#id_measure_cy"
    assert missing["The force's figure 1, source"] == f"{figure_edit}#id_source_cy"
    assert (
        "Support service “Helpline” has no Welsh version. Add it before sending the report "
        "for approval." in refused.value.messages
    )
    for link in [f"{edit}#id_name_cy", f"{figure_edit}#id_source_cy"]:
        assert f'href="{link}"' in page
        target = client.get(link.split("#")[0]).content.decode()
        assert f'id="{link.split("#")[1]}"' in target


def test_english_only_publishing_asks_for_no_welsh_of_them(draft, shown):
    assert welsh.missing_welsh(draft) == []


def test_with_their_welsh_given_the_report_goes_for_approval_and_the_approver_reads_both(
    client, bilingual, draft, shown, olu, nia
):
    in_welsh(shown)

    locations = [text.location for text in welsh.missing_welsh(draft)]
    pairs = {text.english: text.welsh for text in welsh.side_by_side(draft)}

    assert not [where for where in locations if "Helpline" in where or "figure" in where]
    assert pairs["Helpline"] == "Llinell gymorth"
    assert pairs["Community resolutions"] == "Datrysiadau cymunedol"
    assert pairs["Home Office statistics"] == "Ystadegau'r Swyddfa Gartref"


def test_the_disclosure_check_reads_a_services_welsh(bilingual, draft, shown):
    member = factories.MembershipFactory(
        panel=draft.panel, user__first_name="Chris", user__last_name="Carter"
    )
    service = shown["service"]
    service.description_cy = f"Wedi'i redeg gan {member.user.first_name} Carter."
    service.save()

    (finding,) = disclosure.check(draft)

    assert finding.kind == "member_name"
    assert finding.location == "Support service “Helpline”, what it offers (Welsh)"
    assert finding.fix_url.endswith(f"/support-services/{service.pk}/#id_description_cy")


def test_the_welsh_page_shows_their_welsh(welsh, draft, shown):
    in_welsh(shown)

    with translation.override("cy"):
        page = body_html(draft)
    english = body_html(draft)

    assert '<h3 class="govuk-heading-s">Llinell gymorth</h3>' in page
    assert "Cyngor <strong>am ddim</strong>." in page
    assert 'href="https://www.example.org/">llenwi ffurflen</a>' in page
    assert '<th scope="row" class="govuk-table__header">Datrysiadau cymunedol</th>' in page
    assert "Ystadegau&#x27;r Swyddfa Gartref" in page
    assert '<h3 class="govuk-heading-s">Helpline</h3>' in english
    assert '<th scope="row" class="govuk-table__header">Community resolutions</th>' in english
    assert "Llinell gymorth" not in english


def test_the_welsh_page_marks_their_english_where_no_welsh_is_given(welsh, draft, shown):
    with translation.override("cy"):
        page = body_html(draft)

    assert '<h3 class="govuk-heading-s"><span lang="en-GB">Helpline</span></h3>' in page
    assert '<div lang="en-GB"><p class="govuk-body">Free <strong>advice</strong>.' in page
    assert '<span lang="en-GB">fill in a form</span>' in page
    assert '<span lang="en-GB">Community resolutions</span>' in page


def test_publishing_freezes_their_welsh(client, bilingual, draft, shown, olu, nia):
    in_welsh(shown)
    version = publish(draft, author=olu, approver=nia)
    service = shown["service"]

    support_service_save(
        service=service,
        data=services_input(name="Helpline", name_cy="Llinell gymorth newydd"),
        by=olu,
        version=service.version,
    )
    with default_storage.open(version.languages.get().html_file.name, "rb") as stored:
        frozen = stored.read().decode()

    assert '<h3 class="govuk-heading-s">Llinell gymorth</h3>' in frozen
    assert "Llinell gymorth newydd" not in frozen
    assert "Datrysiadau cymunedol" in frozen
    (figure,) = version.figures["force_context"]
    assert (figure["measure"], figure["measure_cy"]) == (
        "Community resolutions",
        "Datrysiadau cymunedol",
    )
    assert figure["source_cy"] == "Ystadegau'r Swyddfa Gartref"
    url = f"/en/findings/{draft.panel.slug}/{draft.slug}/figures.json"
    data = json.loads(client.get(url).content)
    assert data["force_context"][0]["measure_cy"] == "Datrysiadau cymunedol"


def services_input(**changes):
    form = SupportServiceForm(helpline(version="1", **changes), panels=Panel.objects.all())
    assert form.is_valid(), form.errors
    return form.service_input()
