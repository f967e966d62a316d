"""Production settings pass Django's deployment checks with nothing to warn about."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def production_env(**overrides) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECURE_SSL_REDIRECT",
            "HSTS_SECONDS",
            "HSTS_PRELOAD",
            "SECURE_COOKIES",
            "STATIC_FROM_SOURCE",
            # The browser tests set it for Playwright's event loop; no deployment does.
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="scrutiny.example.org",
        SITE_URL="https://scrutiny.example.org",
        ORGANISATION_EMAIL="opcc@example.org",
    )
    env.update(overrides)
    return env


def check_deploy(env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_production_settings():
    result = check_deploy(production_env())

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_deploy_check_fails_when_https_redirect_is_turned_off():
    result = check_deploy(production_env(SECURE_SSL_REDIRECT="0"))

    assert result.returncode == 1
    assert "security.W008" in result.stderr


def test_deploy_check_warns_when_the_office_cannot_be_contacted():
    result = check_deploy(production_env(ORGANISATION_EMAIL=""))

    assert result.returncode == 1
    assert "scrutiny.W001" in result.stderr and "ORGANISATION_EMAIL" in result.stderr
