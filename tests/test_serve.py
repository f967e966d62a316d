"""`make serve` starts a production server: deployment checks, migrations, hashed and
compressed static files, gunicorn, /health/, JSON log lines with the request id.

It runs the real command against a database of its own (a scratch PostgreSQL database
when the suite runs on PostgreSQL, a SQLite file otherwise) on a free loopback port."""

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 120
HTTPS = {"X-Forwarded-Proto": "https"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def scratch_database(tmp_path):
    """A URL for an empty database, and a function that removes it."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{tmp_path / 'serve.sqlite3'}", lambda: None
    name = f"scrutiny_serve_{os.getpid()}"
    server = url.rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return f"{server}/{name}", drop


def production_env(tmp_path, port: int, database_url: str) -> dict[str, str]:
    dropped = {"STATIC_FROM_SOURCE", "DJANGO_ALLOW_ASYNC_UNSAFE", "SECURE_SSL_REDIRECT"}
    dropped |= {"HSTS_SECONDS", "HSTS_PRELOAD", "SECURE_COOKIES", "LOG_FORMAT", "DEBUG"}
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    env.update(
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL="https://scrutiny.example.org",
        BEHIND_TLS_PROXY="1",
        DATABASE_URL=database_url,
        PORT=str(port),
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        WEB_CONCURRENCY="2",
    )
    return env


def get(url: str, headers=None):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (loopback)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def wait_until_healthy(base: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"make serve stopped ({server.returncode}):\n{log.read_text()[-3000:]}")
        try:
            if get(f"{base}/health/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"make serve did not answer /health/ in time:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("serve")
    port = free_port()
    database_url, drop = scratch_database(tmp_path)
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(  # noqa: S603 (our own command)
            ["make", "--no-print-directory", "serve"],  # noqa: S607
            cwd=ROOT,
            env=production_env(tmp_path, port, database_url),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base, server, log)
        yield base, log
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        drop()


def log_lines(log: Path) -> list[dict]:
    lines = []
    for line in log.read_text().splitlines():
        if line.startswith("{"):
            lines.append(json.loads(line))
    return lines


def test_serve_answers_health_with_database_and_storage(served):
    base, _ = served

    status, _, body = get(f"{base}/health/")

    assert (status, json.loads(body)["checks"]) == (200, {"database": "ok", "storage": "ok"})


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
        opener.open(f"{base}/accessibility/", timeout=10)

    assert refused.value.code == 301
    assert refused.value.headers["Location"] == f"https://{base[len('http://') :]}/accessibility/"


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

    _, headers, _ = get(f"{base}/accessibility/", {**HTTPS, "X-Request-ID": "trace-serve-01"})
    time.sleep(0.5)

    assert headers["X-Request-ID"] == "trace-serve-01"
    mine = [line for line in log_lines(log) if line.get("request_id") == "trace-serve-01"]
    assert [(line["logger"], line["message"]) for line in mine] == [
        ("scrutiny.access", "GET /accessibility/ 200")
    ]
    assert any(line["logger"] == "gunicorn.error" for line in log_lines(log))
