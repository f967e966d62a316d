"""Findings reports: building and rendering a 10-case meeting report and a 40-case annual
report, beside a bare WeasyPrint render of the same HTML, and serving a published PDF.

Targets: building the context and HTML adds at most 30% to the bare render; a 10-case
PDF renders in under 1 s (median); serving a published PDF does no rendering. Everything
is made inside one transaction that is rolled back, with files in a temporary folder.
"""

import datetime
import statistics
import tempfile
import time

from django.db import transaction
from django.test import Client, override_settings

from core.roles import StaffRole
from panels.enums import MeetingStatus
from reports import publishing, services
from reports.rendering import render_pdf
from tests import factories

RUNS = 7
MEETING_CASES = 10
MEETINGS_IN_YEAR = 4


class _RolledBack(Exception):
    pass


def run(
    *, runs: int = RUNS, meeting_cases: int = MEETING_CASES, meetings: int = MEETINGS_IN_YEAR
) -> str:
    rows = []
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        try:
            with transaction.atomic():
                rows = _measure_all(runs, meeting_cases, meetings)
                raise _RolledBack
        except _RolledBack:
            pass
    return _report(rows, runs)


def _measure_all(runs: int, meeting_cases: int, meetings: int) -> list[tuple]:
    olu = factories.UserFactory(username="bench-olu", roles=[StaffRole.OPCC_STAFF])
    nia = factories.UserFactory(username="bench-nia", roles=[StaffRole.OPCC_STAFF])
    panel = factories.PanelFactory(name="Benchmark panel", slug="bench-panel")
    reports = [_published_meeting(panel, n, olu, nia, meeting_cases) for n in range(meetings)]
    annual = services.report_generate_period(
        panel=panel, start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31), by=olu
    )
    rows = [
        _measure(f"{meeting_cases}-case meeting report", reports[0], runs),
        _measure(f"{meeting_cases * meetings}-case annual report", annual, runs),
    ]
    rows.append(_serve(reports[0], runs, meeting_cases))
    return rows


def _published_meeting(panel, n, olu, nia, meeting_cases):
    meeting = factories.MeetingFactory(
        panel=panel, status=MeetingStatus.CLOSED, date=datetime.date(2026, 2 + 3 * n, 10)
    )
    codes = ["consistent", "consistent-with-observations", "inconsistent", "inconsistent"]
    for position in range(1, meeting_cases + 1):
        factories.DecisionFactory(
            reviewed_case__meeting=meeting,
            reviewed_case__position=position,
            category=factories.category(codes[position % len(codes)]),
            reasons=f"The panel's reasons for case {position}, written as a full sentence.",
        )
    report = services.report_generate(meeting=meeting, by=olu)
    services.report_submit(report=report, by=olu)
    services.report_approve(report=report, by=nia)
    services.report_publish(report=report, by=olu)
    return report


def _measure(label: str, report, runs: int) -> tuple:
    build, pdf, bare, pages = [], [], [], 0
    for _ in range(runs):
        started = time.perf_counter()
        html = publishing.pdf_document(report, publishing.body_html(report))
        built = time.perf_counter()
        rendered = render_pdf(html)
        done = time.perf_counter()
        build.append(built - started)
        pdf.append(done - started)
        bare.append(_bare(html))
        pages = rendered.pages
    return (label, pages, statistics.median(build), statistics.median(pdf), statistics.median(bare))


def _bare(html: str) -> float:
    """WeasyPrint alone on the same HTML: the floor the building is compared with."""
    import weasyprint

    from reports.rendering import static_fetcher

    started = time.perf_counter()
    weasyprint.HTML(
        string=html, base_url="http://localhost/", url_fetcher=static_fetcher()
    ).write_pdf(pdf_variant="pdf/ua-1")
    return time.perf_counter() - started


def _serve(report, runs: int, meeting_cases: int) -> tuple:
    client = Client()
    url = f"/en/findings/{report.panel.slug}/{report.slug}/report.pdf"
    times = []
    for _ in range(runs * 3):
        started = time.perf_counter()
        response = client.get(url)
        if response.status_code != 200:  # a benchmark of an error page must stop
            raise SystemExit(f"{url} answered {response.status_code}")
        b"".join(response.streaming_content)
        times.append(time.perf_counter() - started)
    label = f"Serving the published {meeting_cases}-case PDF"
    return (label, None, None, statistics.median(times), None)


def _report(rows: list[tuple], runs: int) -> str:
    lines = [
        "## Findings reports",
        "",
        f"Median of {runs} runs. Build: presenter and template to the PDF's HTML. PDF: build "
        "plus WeasyPrint (PDF/UA-1, fonts embedded). Bare: WeasyPrint alone on the same HTML. "
        "Targets: build at most 30% of bare; a 10-case PDF under 1 s; serving a published PDF "
        "reads the stored file and renders nothing.",
        "",
        "| what | pages | build | PDF | bare WeasyPrint | build ÷ bare |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, pages, build, pdf, bare in rows:
        if build is None:
            lines.append(f"| {label} | | | {pdf * 1000:.1f} ms | | |")
            continue
        lines.append(
            f"| {label} | {pages} | {build * 1000:.0f} ms | {pdf * 1000:.0f} ms | "
            f"{bare * 1000:.0f} ms | {build / bare:.0%} |"
        )
    return "\n".join(lines) + "\n"
