"""Every request has an id, in its response and on every log line it causes; logs are
JSON lines."""

import io
import json
import logging

import pytest
from django.test import override_settings

from core.request_log import JsonLines, RequestIdFilter

pytestmark = pytest.mark.django_db


def json_lines_handler() -> tuple[logging.Handler, io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLines())
    handler.addFilter(RequestIdFilter())
    return handler, stream


@pytest.fixture
def access_lines():
    handler, stream = json_lines_handler()
    logger = logging.getLogger("scrutiny.access")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


def records(stream) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_response_carries_a_new_request_id(client):
    first = client.get("/en/accessibility/")["X-Request-ID"]
    second = client.get("/en/accessibility/")["X-Request-ID"]

    assert len(first) == 32
    assert first != second


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_trusted_proxys_request_id_is_kept(client):
    response = client.get("/en/accessibility/", headers={"X-Request-ID": "lb-1234-abcd"})

    assert response["X-Request-ID"] == "lb-1234-abcd"


@override_settings(TRUSTED_PROXY_COUNT=0)
def test_a_request_id_from_a_client_with_no_proxy_in_front_is_replaced(client):
    response = client.get("/en/accessibility/", headers={"X-Request-ID": "chosen-by-client"})

    assert response["X-Request-ID"] != "chosen-by-client"


@override_settings(TRUSTED_PROXY_COUNT=1)
@pytest.mark.parametrize("offered", ["short", "bad id with spaces", "x" * 65, "<script>"])
def test_an_offered_id_that_is_not_an_id_is_replaced(client, offered):
    response = client.get("/en/accessibility/", headers={"X-Request-ID": offered})

    assert response["X-Request-ID"] != offered
    assert len(response["X-Request-ID"]) == 32


@override_settings(ACCESS_LOG=True, TRUSTED_PROXY_COUNT=1)
def test_access_line_is_json_with_the_request_id(client, access_lines):
    response = client.get("/en/accessibility/", headers={"X-Request-ID": "trace-0001"})

    (line,) = records(access_lines)
    assert response.status_code == 200
    assert {k: line[k] for k in ("level", "logger", "message", "request_id", "status")} == {
        "level": "INFO",
        "logger": "scrutiny.access",
        "message": "GET /en/accessibility/ 200",
        "request_id": "trace-0001",
        "status": 200,
    }
    assert line["duration_ms"] >= 0
    assert "time" in line


@override_settings(ACCESS_LOG=False)
def test_no_access_line_unless_asked_for(client, access_lines):
    client.get("/en/accessibility/")

    assert records(access_lines) == []


def test_a_log_line_outside_a_request_has_an_empty_id():
    handler, stream = json_lines_handler()
    logger = logging.getLogger("tests.request_log")
    logger.addHandler(handler)
    try:
        logger.warning("Nightly purge finished")
    finally:
        logger.removeHandler(handler)

    (line,) = records(stream)
    assert (line["message"], line["request_id"], line["level"]) == (
        "Nightly purge finished",
        "",
        "WARNING",
    )
