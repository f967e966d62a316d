"""`make serve` starts a production server: deployment checks, migrations, hashed and
compressed static files, gunicorn, /health/, JSON log lines with the request id.

It runs the real command against a database of its own (a scratch PostgreSQL database
when the suite runs on PostgreSQL, a SQLite file otherwise) on a free loopback port."""

import json
import re
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.servers import Process, free_port, get, production_env, scratch_database

pytestmark = pytest.mark.server

HTTPS = {"X-Forwarded-Proto": "https"}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("serve")
    port = free_port()
    with scratch_database(tmp_path, "serve") as database_url:
        env = production_env(
            tmp_path,
            ALLOWED_HOSTS="127.0.0.1",
            SITE_URL="https://scrutiny.example.org",
            ORGANISATION_EMAIL="opcc@example.org",
            BEHIND_TLS_PROXY="1",
            DATABASE_URL=database_url,
            PORT=str(port),
        )
        server = Process(["make", "--no-print-directory", "serve"], env, tmp_path / "serve.log")
        base = f"http://127.0.0.1:{port}"
        try:
            server.wait_until_healthy(base)
            yield base, server.log
        finally:
            server.stop()


def log_lines(log: Path) -> list[dict]:
    lines = []
    for line in log.read_text().splitlines():
        if line.startswith("{"):
            lines.append(json.loads(line))
    return lines


def test_serve_answers_health_with_database_and_storage(served):
    base, _ = served

    status, _, body = get(f"{base}/health/")

    assert (status, json.loads(body)["checks"]) == (
        200,
        {"database": "ok", "storage": "ok", "task_queue": "ok"},
    )


def test_serve_runs_with_debug_off_behind_the_tls_proxy(served):
    base, _ = served

    status, headers, body = get(f"{base}/no-such-page/", HTTPS)

    assert status == 404
    assert b"Traceback" not in body and b"DEBUG" not in body
    assert "max-age=31536000" in headers["Strict-Transport-Security"]


def test_serve_redirects_plain_http_to_https(served):
    base, _ = served
    opener = urllib.request.build_opener(NoRedirect)

    with pytest.raises(urllib.error.HTTPError) as refused:
        opener.open(f"{base}/en/accessibility/", timeout=10)

    assert refused.value.code == 301
    assert (
        refused.value.headers["Location"] == f"https://{base[len('http://') :]}/en/accessibility/"
    )


def test_serve_serves_hashed_compressed_static_files_for_a_year(served):
    base, _ = served
    _, _, page = get(f"{base}/", HTTPS)
    (css,) = re.findall(rb'href="(/static/css/app\.[0-9a-f]{12}\.css)"', page)

    status, headers, _ = get(f"{base}{css.decode()}", {**HTTPS, "Accept-Encoding": "gzip"})

    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in headers["Cache-Control"]
    assert "immutable" in headers["Cache-Control"]


def test_serve_logs_json_lines_with_the_request_id(served):
    base, log = served

    _, headers, _ = get(f"{base}/en/accessibility/", {**HTTPS, "X-Request-ID": "trace-serve-01"})
    time.sleep(0.5)

    assert headers["X-Request-ID"] == "trace-serve-01"
    mine = [line for line in log_lines(log) if line.get("request_id") == "trace-serve-01"]
    assert [(line["logger"], line["message"]) for line in mine] == [
        ("scrutiny.access", "GET /en/accessibility/ 200")
    ]
    assert any(line["logger"] == "gunicorn.error" for line in log_lines(log))
