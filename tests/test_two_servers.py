"""Two app servers and a worker, as a load-balanced deployment runs them: two gunicorn
instances on two ports and one task worker, each with its own scratch disk, sharing one
PostgreSQL database and one S3 endpoint (moto's server). A journey spread across them
works, so nothing depends on a single process."""

import re
import secrets
import time

import psycopg
import pytest
import requests

from panels.demo.data import DEMO_PASSWORD
from tests import object_storage
from tests.cases.conftest import csv_bytes, row
from tests.servers import (
    form_fields,
    free_port,
    gunicorn,
    manage,
    on_postgresql,
    production_env,
    scratch_database,
    worker,
)

pytestmark = [
    pytest.mark.server,
    pytest.mark.skipif(
        not on_postgresql(), reason="several processes share one PostgreSQL database, as deployed"
    ),
]
BUCKET = "scrutiny-two-servers"


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    """Server A, server B, the database URL and the S3 endpoint."""
    tmp = tmp_path_factory.mktemp("two-servers")
    with object_storage.s3_server() as endpoint, scratch_database(tmp, "two") as database_url:
        object_storage.create_bucket(endpoint, BUCKET)
        shared = {
            "SECRET_KEY": secrets.token_urlsafe(64),  # one key for the whole deployment
            "DATABASE_URL": database_url,
            "FILE_STORAGE": "s3",
            "S3_BUCKET": BUCKET,
            "S3_ENDPOINT_URL": endpoint,
            "S3_REGION": object_storage.REGION,
            **object_storage.CREDENTIALS,
            "TASKS_BACKEND": "database",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": "http://127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "HSTS_SECONDS": "0",
            "REQUIRE_2FA": "0",
            "STATIC_FROM_SOURCE": "1",
            "WEB_CONCURRENCY": "1",
        }

        def env(name):
            own = {"PRIVATE_UPLOAD_ROOT": str(tmp / name / "uploads")}
            return production_env(tmp / name, **shared, **own)

        manage(env("setup"), "load_demo", "--allow-without-debug")
        ports = {"a": free_port(), "b": free_port()}
        processes = [gunicorn(env(name), port, tmp / f"{name}.log") for name, port in ports.items()]
        processes.append(worker(env("worker"), tmp / "worker.log"))
        try:
            for process, port in zip(processes, ports.values(), strict=False):
                process.wait_until_healthy(f"http://127.0.0.1:{port}")
            yield {
                "a": f"http://127.0.0.1:{ports['a']}",
                "b": f"http://127.0.0.1:{ports['b']}",
                "db": database_url,
                "s3": endpoint,
            }
        finally:
            for process in processes:
                process.stop()


def signed_in(base: str, username: str) -> requests.Session:
    session = requests.Session()
    session.get(f"{base}/sign-in/", timeout=10)
    response = post(session, f"{base}/sign-in/", {"username": username, "password": DEMO_PASSWORD})
    assert response.headers.get("Location") == "/", response.text[:500]
    return session


def post(session, url, data, files=None):
    data = {**dict(data), "csrfmiddlewaretoken": session.cookies["csrftoken"]}
    return session.post(url, data=data, files=files, allow_redirects=False, timeout=30)


def wait_for_job(session, base: str, job_path: str) -> str:
    """Polls the job through `base` until it has finished; returns where it leads."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        figures = session.get(f"{base}{job_path}?format=json", timeout=10).json()
        if figures["finished"]:
            assert figures["status"] == "done", figures
            return session.get(f"{base}{job_path}", allow_redirects=False, timeout=10).headers[
                "Location"
            ]
        time.sleep(0.2)
    raise AssertionError(f"job {job_path} did not finish")


def query(database_url: str, sql: str, *params):
    with psycopg.connect(database_url) as conn:
        return conn.execute(sql, params).fetchall()


def test_an_upload_through_one_server_is_confirmed_through_the_other(deployment):
    a, b = deployment["a"], deployment["b"]
    alice = signed_in(a, "alice")
    (force_id,) = query(deployment["db"], "SELECT id FROM cases_force WHERE code = 'DEMO'")[0]
    page = alice.get(f"{a}/cases/imports/", timeout=10).text
    fields = [(k, v) for k, v in form_fields(page) if k not in {"force", "file", "encoding"}]
    extract = csv_bytes([row("TWO-1"), row("TWO-2"), row("TWO-3")])

    uploaded = post(
        alice,
        f"{a}/cases/imports/",
        [*fields, ("force", str(force_id)), ("encoding", "auto")],
        files={"file": ("two-servers.csv", extract, "text/csv")},
    )

    assert uploaded.status_code == 302
    job_path = uploaded.headers["Location"]
    assert re.fullmatch(r"/jobs/[0-9a-f-]{36}/", job_path), uploaded.text[:500]
    batch_path = wait_for_job(alice, b, job_path)  # checked by the worker, seen through B
    assert re.fullmatch(r"/cases/imports/\d+/", batch_path)
    assert "Checked, awaiting confirmation" in alice.get(f"{b}{batch_path}", timeout=10).text

    confirmed = post(alice, f"{b}{batch_path}confirm/", {})
    assert wait_for_job(alice, a, confirmed.headers["Location"]) == batch_path

    references = query(
        deployment["db"], "SELECT reference FROM cases_case WHERE reference LIKE 'TWO-%%'"
    )
    assert sorted(r for (r,) in references) == ["TWO-1", "TWO-2", "TWO-3"]
    extracts = [k for k in object_storage.keys(deployment["s3"], BUCKET) if "extracts/" in k]
    assert extracts == []


def test_a_rating_saved_through_one_server_is_seen_through_the_other(deployment):
    a, b = deployment["a"], deployment["b"]
    mina = signed_in(a, "mina")
    meeting_id, position = query(
        deployment["db"],
        "SELECT rc.meeting_id, rc.position FROM panels_rating r "
        "JOIN panels_reviewedcase rc ON rc.id = r.reviewed_case_id "
        "JOIN panels_membership m ON m.id = r.membership_id "
        "JOIN auth_user u ON u.id = m.user_id "
        "WHERE u.username = 'mina' AND r.status = 'draft'",
    )[0]
    case_path = f"/panels/meetings/{meeting_id}/cases/{position}/"
    fields = form_fields(mina.get(f"{a}{case_path}", timeout=10).text, "rating-form")
    words = "Saved through server A, read through server B."
    fields = [(k, words if k == "reasons" else v) for k, v in fields] + [("action", "draft")]

    saved = post(mina, f"{a}{case_path}rating/", fields)

    assert saved.status_code == 302, saved.text[:500]
    assert words in mina.get(f"{b}{case_path}", timeout=10).text


def test_a_session_started_on_one_server_is_valid_on_the_other(deployment):
    chris = signed_in(deployment["a"], "chris")

    home = chris.get(f"{deployment['b']}/", allow_redirects=False, timeout=10)

    assert (home.status_code, "Chris" in home.text) == (200, True)
