"""GET /health/ answers 200 only when the database, file storage and task queue answer."""

import json

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django_tasks_db.models import DBTaskResult

from scrutiny import health

pytestmark = pytest.mark.django_db


def test_health_answers_ok_when_database_and_storage_answer(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "ok",
        "checks": {"database": "ok", "storage": "ok", "task_queue": "ok"},
    }
    assert "no-store" in response["Cache-Control"]


def test_health_leaves_no_file_behind(client):
    client.get("/health/")

    assert default_storage.listdir(health.HEALTH_PREFIX) == ([], [])


def test_health_answers_503_when_the_database_does_not(client, monkeypatch, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    def broken_cursor(*args, **kwargs):
        raise connection.Database.OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    response = client.get("/health/")

    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "unavailable",
        "checks": {"database": "unavailable", "storage": "ok", "task_queue": "unavailable"},
    }


def test_health_answers_503_when_storage_cannot_be_written(client, settings, tmp_path):
    in_the_way = tmp_path / "media"
    in_the_way.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = str(in_the_way)

    response = client.get("/health/")

    assert response.status_code == 503
    assert json.loads(response.content)["checks"] == {
        "database": "ok",
        "storage": "unavailable",
        "task_queue": "ok",
    }


def test_health_answers_503_when_the_task_queue_does_not(client, settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    def broken(*args, **kwargs):
        raise connection.Database.OperationalError("relation does not exist")

    monkeypatch.setattr(DBTaskResult.objects, "exists", broken)

    response = client.get("/health/")

    assert (response.status_code, json.loads(response.content)["checks"]["task_queue"]) == (
        503,
        "unavailable",
    )


def test_health_does_not_say_why_a_check_failed(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise connection.Database.OperationalError("password authentication failed for user x")

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    response = client.get("/health/")

    assert b"password" not in response.content


def test_health_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/health/").status_code == 200
    assert client.get("/en/accessibility/").status_code == 301


def test_health_refuses_a_post(client):
    assert client.post("/health/").status_code == 405
