"""The public site: published reports only, their PDF, open data and feed, no sign-in."""

import csv
import io

import pytest
from django.core.files.storage import default_storage

from panels.models import ReviewedCase
from reports import services
from reports.enums import SectionKey
from tests.reports.conftest import approve, publish, write

pytestmark = pytest.mark.django_db


def urls(report, number=1):
    base = f"/en/findings/{report.panel.slug}/{report.slug}/"
    return [
        base,
        f"{base}report.pdf",
        f"{base}figures.csv",
        f"{base}figures.json",
        f"{base}versions/{number}/",
        f"{base}versions/{number}/report.pdf",
    ]


def test_nothing_of_a_draft_is_reachable(client, draft):
    assert [client.get(url).status_code for url in urls(draft)] == [404] * 6
    assert draft.title not in client.get("/en/findings/").content.decode()


def test_nothing_of_an_approved_unpublished_report_is_reachable(client, draft, olu, nia):
    approve(draft, author=olu, approver=nia)

    assert [client.get(url).status_code for url in urls(draft)] == [404] * 6


def test_an_unknown_report_is_a_404(client, db):
    assert client.get("/en/findings/no-panel/no-report/").status_code == 404
    assert client.get("/en/findings/no-panel/no-report/report.pdf").status_code == 404


def test_a_published_report_is_public(client, draft, olu, nia):
    publish(draft, author=olu, approver=nia)

    statuses = [client.get(url).status_code for url in urls(draft)]
    page = client.get(urls(draft)[0]).content.decode()

    assert statuses == [200] * 6
    assert "8 cases" not in page
    assert "3 cases were inconsistent with Policy</strong> and their reasons" in page
    assert "PDF, " in page and " pages" in page or " page<" in page


def test_a_withdrawn_report_says_why_and_shows_nothing_else(client, draft, olu, nia):
    publish(draft, author=olu, approver=nia)
    services.report_withdraw(report=draft, by=olu, reason="Published in error.")

    responses = [client.get(url) for url in urls(draft)]

    assert [r.status_code for r in responses] == [404] * 6
    body = responses[0].content.decode()
    assert "Published in error." in body
    assert "inconsistent with Policy" not in body


def test_a_withdrawn_report_stays_withdrawn_while_a_correction_is_drafted(client, draft, olu, nia):
    publish(draft, author=olu, approver=nia)
    services.report_withdraw(report=draft, by=olu, reason="Published in error.")

    services.report_correct(report=draft, by=olu)

    responses = [client.get(url) for url in urls(draft)]
    assert [r.status_code for r in responses] == [404] * 6
    assert "Published in error." in responses[0].content.decode()
    listing = client.get("/en/findings/").content.decode()
    assert (f'href="{urls(draft)[0]}"' in listing, "Published in error." in listing) == (
        False,
        True,
    )


def test_the_pdf_is_served_from_the_stored_file(client, draft, olu, nia):
    version = publish(draft, author=olu, approver=nia)

    response = client.get(urls(draft)[1])

    assert response["Content-Type"] == "application/pdf"
    assert (
        b"".join(response.streaming_content) == default_storage.open(version.pdf_file.name).read()
    )


def test_a_superseded_version_stays_with_a_notice(client, draft, olu, nia):
    publish(draft, author=olu, approver=nia)
    services.report_correct(report=draft, by=olu)
    write(draft, "Fixed.", by=olu, key=SectionKey.WHY, heading="Why")
    publish(draft, author=olu, approver=nia, note="Corrected the panel's purpose.")

    old = client.get(urls(draft)[4]).content.decode()
    new = client.get(urls(draft)[0]).content.decode()

    assert "Superseded" in old and "Corrected the panel&#x27;s purpose." in old
    assert "Corrected on" in new and "Fixed." in new


def test_figures_as_csv_and_json(client, draft, olu, nia):
    publish(draft, author=olu, approver=nia)

    rows = list(csv.DictReader(io.StringIO(client.get(urls(draft)[2]).content.decode())))
    data = client.get(urls(draft)[3]).json()

    assert [(r["record"], r["cases"]) for r in rows if r["record"] == "category"] == [
        ("category", "0"),
        ("category", "2"),
        ("category", "3"),
        ("category", "0"),
    ]
    assert len([r for r in rows if r["record"] == "reason"]) == 5
    assert data["cases"] == 5 and data["version"] == 1


def test_all_meetings_open_data_and_feed(client, draft, olu, nia):
    publish(draft, author=olu, approver=nia)

    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/en/findings/published-findings.csv").content.decode())
        )
    )
    feed = client.get("/en/findings/feed.atom").content.decode()

    assert [int(r["cases"]) for r in rows] == [0, 2, 3, 0]
    assert draft.title in feed and "<feed" in feed
    assert client.get("/en/findings/published-findings.xml").status_code == 404


def test_no_case_reference_or_member_name_reaches_the_public_page(client, draft, olu, nia):
    from tests import factories

    factories.MembershipFactory(panel=draft.panel, user__first_name="Mina", user__last_name="Malik")
    olu.first_name, olu.last_name = "Olu", "Okafor"
    olu.save()
    publish(draft, author=olu, approver=nia)
    references = ReviewedCase.objects.filter(meeting=draft.meeting).values_list(
        "case__reference", flat=True
    )

    page = client.get(urls(draft)[0]).content.decode()

    assert [ref for ref in references if ref in page] == []
    assert ("Malik" in page, "Okafor" in page) == (False, False)
    assert "Crown Prosecution Service" in page


def test_the_list_filters_by_panel_year_and_theme(client, draft, olu, nia):
    publish(draft, author=olu, approver=nia)

    year = draft.meeting.date.year
    shown = client.get(f"/en/findings/?panel={draft.panel.slug}&year={year}").content.decode()
    hidden = client.get("/en/findings/?year=1999").content.decode()

    assert draft.title in shown
    assert draft.title not in hidden and "No published reports match" in hidden


def test_anonymous_visitors_find_the_public_site_from_the_home_page(client, db):
    body = client.get("/").content.decode()

    assert 'href="/en/findings/"' in body


def queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_public_pages_query_counts_do_not_grow_with_reports(client, build_meeting, olu, nia):
    from reports.models import FindingsReport

    reports = [
        services.report_generate(meeting=build_meeting({"inconsistent": n}), by=olu)
        for n in (1, 4, 9)
    ]
    publish(reports[0], author=olu, approver=nia)
    one = [queries(client, url) for url in ("/en/findings/", urls(reports[0])[0])]
    for report in reports[1:]:
        publish(report, author=olu, approver=nia)
    big = FindingsReport.objects.get(pk=reports[2].pk)

    # The list: its stamp, then (not cached yet) the versions and the withdrawn reports.
    assert one == [3, 3]
    assert [queries(client, url) for url in ("/en/findings/", urls(big)[0])] == one


def test_the_list_is_cached_until_something_it_shows_changes(client, build_meeting, olu, nia):
    from panels.people.services import panel_update

    first, second = (
        services.report_generate(meeting=build_meeting({"inconsistent": 1}), by=olu)
        for _ in range(2)
    )
    publish(first, author=olu, approver=nia)
    assert queries(client, "/en/findings/") == 3
    assert queries(client, "/en/findings/") == 1  # the stamp only: the body is cached

    publish(second, author=olu, approver=nia)
    page = client.get("/en/findings/").content.decode()
    assert "2 reports" in page and second.current_version.title in page

    services.report_withdraw(report=second, by=olu, reason="Published in error.")
    page = client.get("/en/findings/").content.decode()
    assert "1 report<" in page and "Published in error." in page

    panel = first.panel
    panel_update(panel=panel, by=olu, version=panel.version, name="Renamed scrutiny panel")
    assert "Renamed scrutiny panel" in client.get("/en/findings/").content.decode()
    # Each filter is cached apart: a theme with nothing in it says so.
    assert (
        "No published reports match" in client.get("/en/findings/?theme=nothing").content.decode()
    )


def test_staff_report_page_query_count_does_not_grow_with_cases(client, build_meeting, olu):
    small = services.report_generate(meeting=build_meeting({"inconsistent": 2}), by=olu)
    large = services.report_generate(
        meeting=build_meeting({"inconsistent": 20, "consistent-with-observations": 20}), by=olu
    )
    client.force_login(olu)

    assert queries(client, f"/reports/{small.pk}/") == queries(client, f"/reports/{large.pk}/")


OFFICE = {
    "ORGANISATION_NAME": "Testshire Office of the Police and Crime Commissioner",
    "ORGANISATION_EMAIL": "opcc@testshire.example",
    "ORGANISATION_PHONE": "01632 960123",
    "ORGANISATION_URL": "https://testshire.example/",
}


def test_public_pages_name_the_office_and_say_how_to_contact_it(
    client, settings, build_meeting, olu, nia
):
    import re

    for name, value in OFFICE.items():
        setattr(settings, name, value)
    report = services.report_generate(meeting=build_meeting({"inconsistent": 1}), by=olu)
    publish(report, author=olu, approver=nia)
    report.refresh_from_db()
    pages = ["/", "/en/findings/", "/en/accessibility/", "/en/privacy/", urls(report)[0]]

    for url in pages:
        page = client.get(url).content.decode()
        header, _, rest = page.partition("</header>")
        footer = rest.partition('<footer class="govuk-footer">')[2]
        assert OFFICE["ORGANISATION_NAME"] in header, url
        for part in ('href="mailto:opcc@testshire.example"', 'href="tel:01632960123"'):
            assert part in footer, url
        assert 'href="https://testshire.example/"' in footer, url
        assert "contact the Office of the Police and Crime Commissioner" not in page, url
        text = re.sub(r"<[^>]+>", "", page)
        for said in re.finditer(r"\bcontact (?:it|{})".format(OFFICE["ORGANISATION_NAME"]), text):
            assert "by email at opcc@testshire.example" in text[said.end() : said.end() + 80], url
    report_page = client.get(urls(report)[0]).content.decode()
    assert "different language or format" in report_page
    assert 'href="mailto:opcc@testshire.example"' in report_page.partition("<footer")[0]
