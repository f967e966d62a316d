"""Every state change needs the form's CSRF token: a POST without one is refused
with 403 and changes nothing, whoever is signed in."""

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cases.models import ExtractBatch
from core.models import AuditEntry
from panels.enums import MeetingStatus
from panels.models import ConflictDeclaration, Decision, Rating, SampleDraw
from reports.enums import SectionKey
from reports.models import FindingsReport, ReportSection
from tests import factories
from tests.reports.conftest import closed_meeting

pytestmark = pytest.mark.django_db

CSRF_REFUSAL = "Your form could not be sent"


def csrf_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def counts() -> dict[str, int]:
    models = [Rating, ConflictDeclaration, Decision, SampleDraw, ExtractBatch, ReportSection]
    totals = {model.__name__: model.objects.count() for model in models}
    totals["sections changed"] = ReportSection.objects.filter(body__contains="CSRF").count()
    totals["reports published"] = FindingsReport.objects.exclude(status="draft").count()
    totals["audit (non-access)"] = AuditEntry.objects.exclude(event__in=["viewed"]).count()
    return totals


@pytest.fixture
def world(olu, alice, chris, mina, meeting):
    """A meeting in rating with a case, a draft report with a section, and a batch."""
    meeting.status = MeetingStatus.RATING_OPEN
    meeting.save(update_fields=["status"])
    reviewed = factories.ReviewedCaseFactory(meeting=meeting, position=1)
    closed = closed_meeting({"inconsistent": 1})
    from reports import services

    report = services.report_generate(meeting=closed, by=olu)
    batch = factories.BatchFactory()
    return {"meeting": meeting, "reviewed": reviewed, "report": report, "batch": batch}


def important_posts(world):
    meeting, report, batch = world["meeting"], world["report"], world["batch"]
    return [
        (
            "mina",
            reverse("panels:case_papers", args=[meeting.pk, 1]),
            {"category": "1", "reasons": "CSRF rating"},
        ),
        (
            "mina",
            reverse("panels:conflict_declare", args=[meeting.pk, 1]),
            {"has_conflict": "conflict", "details": "CSRF"},
        ),
        (
            "chris",
            reverse("panels:decision", args=[meeting.pk, 1]),
            {"category": "1", "reasons": "CSRF decision"},
        ),
        (
            "olu",
            reverse("reports:section_edit", args=[report.pk, SectionKey.WHY]),
            {"heading": "Why", "body": "CSRF section", "version": report.version},
        ),
        ("olu", reverse("reports:report_move", args=[report.pk, "publish"]), {"note": "CSRF"}),
        ("alice", reverse("cases:upload"), {"force": "1", "encoding": "auto"}),
        ("olu", reverse("panels:sample_draw", args=[meeting.pk]), {"size": "5"}),
        ("alice", reverse("cases:batch_confirm", args=[batch.pk]), {}),
    ]


def test_state_changes_without_a_csrf_token_are_refused_and_change_nothing(
    world, olu, alice, chris, mina
):
    clients = {user.username: csrf_client(user) for user in (olu, alice, chris, mina)}
    before = counts()

    refused = {}
    for who, url, data in important_posts(world):
        response = clients[who].post(url, data)
        refused[url] = (response.status_code, CSRF_REFUSAL in response.content.decode())

    assert refused == {url: (403, True) for _, url, _ in important_posts(world)}
    assert counts() == before


def test_sign_out_without_a_csrf_token_is_refused_and_keeps_the_session(mina):
    client = csrf_client(mina)

    response = client.post(reverse("logout"))

    assert response.status_code == 403
    assert client.get(reverse("home")).wsgi_request.user == mina


def _patterns(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


SAMPLE_VALUES = {
    "int": "1",
    "slug": "why",
    "str": "publish",
    "path": "x",
}


def _example_path(route: str) -> str:
    """A concrete path for a route, filling each converter with a plausible value."""
    import re

    path = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE_VALUES.get(m.group(1) or "str", "1"), route)
    # Regex routes from the admin: take the simplest literal reading.
    path = re.sub(r"[\^$?]", "", path)
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "1", path)
    return "/" + path.replace("\\", "")


def test_every_url_refuses_a_post_without_a_csrf_token(olu):
    """Whatever a URL does with a POST, none runs without the token (no view is exempt)."""
    client = csrf_client(olu)
    not_refused = []
    for route, pattern in _patterns(get_resolver()):
        if getattr(pattern.callback, "csrf_exempt", False):
            not_refused.append(route)
            continue
        path = _example_path(route)
        response = client.post(path, {"anything": "1"})
        if response.status_code != 403 and response.status_code != 404:
            not_refused.append(f"{route} → {response.status_code}")
    assert not_refused == []


def test_no_view_is_csrf_exempt():
    exempt = [
        route
        for route, pattern in _patterns(get_resolver())
        if getattr(pattern.callback, "csrf_exempt", False)
    ]
    assert exempt == []
    assert apps.is_installed("django.contrib.admin")
