"""A misconfigured deployment stops at start-up with a message naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_check(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    clean.update({"ALLOWED_HOSTS": "example.org", "DJANGO_SETTINGS_MODULE": "scrutiny.settings"})
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_settings_without_secret_key_and_debug_off_names_the_variable():
    result = run_check(DEBUG="0")

    assert result.returncode != 0
    assert "SECRET_KEY must be set in the environment." in result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG must be one of"),
        ({"SECRET_KEY": "k", "ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS must be set"),
        ({"SECRET_KEY": "k", "DATABASE_URL": "nonsense://x"}, "DATABASE_URL is not a valid"),
        ({"SECRET_KEY": "k", "CONN_MAX_AGE": "ten"}, "CONN_MAX_AGE must be a whole number"),
        ({"SECRET_KEY": "k", "FILE_STORAGE": "ftp"}, "FILE_STORAGE must be local or s3"),
        ({"SECRET_KEY": "k", "FILE_STORAGE": "s3"}, "S3_BUCKET must be set"),
        ({"SECRET_KEY": "k", "LOG_FORMAT": "xml"}, "LOG_FORMAT must be json or text"),
        (
            {"SECRET_KEY": "k", "DOCUMENT_MAX_BYTES": str(200 * 1024 * 1024)},
            "DOCUMENT_MAX_BYTES must not be larger than IMPORT_MAX_BYTES",
        ),
        ({"SECRET_KEY": "k", "DOCUMENT_MAX_PAGES": "0"}, "DOCUMENT_MAX_PAGES must be 1 or more"),
        (
            {"SECRET_KEY": "k", "REPORT_COMPARE_MIN_CASES": "0"},
            "REPORT_COMPARE_MIN_CASES must be 1 or more",
        ),
        (
            {"SECRET_KEY": "k", "REPORT_COMPARE_MIN_CASES": "ten"},
            "REPORT_COMPARE_MIN_CASES must be a whole number",
        ),
        ({"SECRET_KEY": "k", "PUBLISH_LANGUAGES": "cy"}, "PUBLISH_LANGUAGES must be en or en,cy"),
        (
            {"SECRET_KEY": "k", "PUBLISH_LANGUAGES": "en,fr"},
            "PUBLISH_LANGUAGES must be en or en,cy",
        ),
    ],
)
def test_settings_with_bad_value_stop_start_up_naming_it(env, message):
    result = run_check(**env)

    assert result.returncode != 0
    assert message in result.stderr


def test_settings_with_debug_on_need_no_secret_key():
    result = run_check(DEBUG="1")

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_settings_keep_database_connections_open(settings):
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] > 0


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("ORGANISATION_EMAIL", "opcc at example.org", "ORGANISATION_EMAIL must be one email"),
        ("ORGANISATION_URL", "www.example.org", "ORGANISATION_URL must start with https://"),
        (
            "ORGANISATION_SCRUTINY_URL",
            "example.org/scrutiny",
            "ORGANISATION_SCRUTINY_URL must start with https://",
        ),
        ("ORGANISATION_PHONE", "ring us", "ORGANISATION_PHONE must be a phone number"),
    ],
)
def test_organisation_setting_malformed_stops_start_up_naming_it(monkeypatch, name, value, message):
    from django.core.exceptions import ImproperlyConfigured

    from scrutiny.env import organisation_settings

    monkeypatch.setenv(name, value)

    with pytest.raises(ImproperlyConfigured, match=message):
        organisation_settings(debug=False)


def test_organisation_settings_read_address_and_scrutiny_page(monkeypatch):
    from scrutiny.env import organisation_settings

    monkeypatch.setenv("ORGANISATION_ADDRESS", "1 High Street, Testtown, TT1 1TT")
    monkeypatch.setenv("ORGANISATION_SCRUTINY_URL", "https://testshire.example/scrutiny/")

    office = organisation_settings(debug=False)

    assert office["ORGANISATION_ADDRESS"] == "1 High Street, Testtown, TT1 1TT"
    assert office["ORGANISATION_SCRUTINY_URL"] == "https://testshire.example/scrutiny/"
    assert office["ORGANISATION_NAME"] == "Office of the Police and Crime Commissioner"
    assert office["ORGANISATION_EMAIL"] == ""
