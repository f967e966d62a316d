"""This area's Welsh fragment of the catalogue (locale/cy/fragments/reports.po), compiled
into a catalogue of its own for a test, before the one catalogue is assembled."""

import shutil
import subprocess
from pathlib import Path

import pytest

FRAGMENT = Path(__file__).resolve().parents[2] / "locale" / "cy" / "fragments" / "reports.po"


@pytest.fixture
def welsh(settings, tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (gettext) is not installed")
    folder = tmp_path / "locale" / "cy" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    subprocess.run(  # noqa: S603 # our own fragment, compiled by the system's msgfmt
        [msgfmt, "--check", "-o", str(folder / "django.mo"), str(FRAGMENT)], check=True
    )
    settings.LOCALE_PATHS = [str(tmp_path / "locale")]
    yield
    settings.LOCALE_PATHS = []
