"""The Welsh catalogue is complete: every marked string has its Welsh, nothing is fuzzy,
and it compiles. Run on a copy of locale/, so the check never changes the repository."""

import fcntl
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale" / "cy" / "LC_MESSAGES" / "django.po"
IGNORED = [".venv/*", "var/*", "node_modules/*", "frontend/*", "staticfiles/*", "bench/out/*"]


@pytest.fixture
def catalogue(tmp_path, settings, monkeypatch) -> Path:
    """makemessages run over the code into a copy of locale/: the catalogue as it would
    be after the next extraction."""
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "locale", locale)
    settings.LOCALE_PATHS = [locale]
    monkeypatch.chdir(ROOT)
    # makemessages writes each template's extraction beside the template and removes it
    # afterwards, so two test workers running it at once remove each other's files.
    with open(Path(tempfile.gettempdir()) / "scrutiny-makemessages.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        call_command(
            "makemessages", locale=["cy"], ignore_patterns=IGNORED, no_obsolete=True, verbosity=0
        )
    return locale / "cy" / "LC_MESSAGES" / "django.po"


def msgattrib(option: str, po: Path) -> str:
    command = [shutil.which("msgattrib") or "/usr/bin/msgattrib", option, "--no-wrap", str(po)]
    result = subprocess.run(  # noqa: S603 (gettext's own tool on our own file)
        command, capture_output=True, text=True, check=True
    )
    return result.stdout


def test_catalogue_has_no_untranslated_entries(catalogue):
    assert msgattrib("--untranslated", catalogue) == ""


def test_catalogue_has_no_fuzzy_entries(catalogue):
    assert msgattrib("--only-fuzzy", catalogue) == ""


def test_catalogue_compiles(tmp_path, settings, monkeypatch):
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "locale", locale)
    settings.LOCALE_PATHS = [locale]
    monkeypatch.chdir(tmp_path)

    call_command("compilemessages", locale=["cy"], verbosity=0)

    assert (locale / "cy" / "LC_MESSAGES" / "django.mo").stat().st_size > 0
