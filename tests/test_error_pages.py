"""Error pages say what happened in plain words and leak nothing: no exception text,
no paths, no stack. A refusal is logged in one line and audited."""

import logging

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client, override_settings
from django.urls import path

from core.models import AuditEntry, AuditEvent
from scrutiny import urls as scrutiny_urls

pytestmark = pytest.mark.django_db

SECRET = "secret-detail-from-/srv/scrutiny/panels/models.py"


def _fails(request):
    raise ValueError(SECRET)


def _refuses(request):
    raise PermissionDenied(SECRET)


def _missing(request):
    raise Http404(SECRET)


urlpatterns = [
    path("boom/500/", _fails),
    path("boom/403/", _refuses),
    path("boom/404/", _missing),
    # The site's own patterns beside these, not included: the public pages' /en/ and /cy/
    # prefixes (i18n_patterns) may only be at the top of a URL configuration.
    *scrutiny_urls.urlpatterns,
]
handler403 = "scrutiny.errors.permission_denied"

with_test_urls = override_settings(ROOT_URLCONF=__name__, DEBUG=False)


def get(url, user=None):
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client.get(url)


@with_test_urls
def test_server_error_shows_the_500_page_without_the_exception():
    response = get("/boom/500/")
    body = response.content.decode()

    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in body
    assert [word for word in (SECRET, "ValueError", "Traceback", "boom") if word in body] == []


@with_test_urls
def test_not_found_shows_the_404_page_without_the_message_or_path(eve):
    response = get("/boom/404/", user=eve)
    body = response.content.decode()

    assert response.status_code == 404
    assert "Page not found" in body
    assert [word for word in (SECRET, "Http404", "boom/404") if word in body] == []


@with_test_urls
def test_refusal_shows_the_403_page_without_the_message(eve):
    response = get("/boom/403/", user=eve)
    body = response.content.decode()

    assert response.status_code == 403
    assert "You cannot see this page" in body
    assert [word for word in (SECRET, "PermissionDenied", "boom/403") if word in body] == []


@with_test_urls
def test_refusal_is_logged_in_one_line_without_a_traceback(eve, caplog):
    with caplog.at_level(logging.INFO):
        get("/boom/403/", user=eve)

    refusals = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [(r.levelname, r.getMessage()) for r in refusals] == [
        ("WARNING", f"Refused GET /boom/403/ for user {eve.pk}")
    ]
    assert [r for r in caplog.records if r.exc_info] == []


@with_test_urls
def test_refusal_is_audited(eve):
    get("/boom/403/", user=eve)

    entries = AuditEntry.objects.filter(event=AuditEvent.REFUSED)
    assert [(e.object_repr, e.summary, e.actor) for e in entries] == [
        ("/boom/403/", "Refused GET", eve)
    ]


def test_django_request_refusal_log_loses_its_traceback():
    """Should Django log a PermissionDenied itself, the filter drops the traceback."""
    from core.headers import RefusalsOneLine

    try:
        raise PermissionDenied(SECRET)
    except PermissionDenied:
        import sys

        record = logging.LogRecord(
            "django.request",
            logging.WARNING,
            __file__,
            1,
            "Forbidden (Permission denied): %s",
            ("/x/",),
            sys.exc_info(),
        )
    record.status_code = 403

    assert RefusalsOneLine().filter(record) is True
    assert (record.exc_info, record.getMessage()) == (None, "Forbidden (Permission denied): /x/")


def test_oversize_form_body_is_refused_with_the_400_page(alice, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client = Client(raise_request_exception=False)
    client.force_login(alice)

    response = client.post("/cases/imports/", {"sheet_name": "x" * 5000, "encoding": "auto"})

    assert response.status_code == 400
    assert "too large" in response.content.decode()


def test_too_many_fields_are_refused_with_the_400_page(alice, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    client = Client(raise_request_exception=False)
    client.force_login(alice)

    response = client.post("/cases/imports/", {f"f{n}": "1" for n in range(50)})

    assert response.status_code == 400
    assert "Sorry, that could not be sent" in response.content.decode()
