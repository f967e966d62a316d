"""Running the app as production runs it, for tests: scratch databases, gunicorn and
workers in their own processes on loopback, and a form reader for their pages."""

import fcntl
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
STARTUP_SECONDS = 120
# Settings a deployment does not have, or that each test sets for itself.
NOT_PASSED_ON = {
    "STATIC_FROM_SOURCE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "SECURE_SSL_REDIRECT",
    "HSTS_SECONDS",
    "HSTS_PRELOAD",
    "SECURE_COOKIES",
    "LOG_FORMAT",
    "DEBUG",
    "TASKS_BACKEND",
}


def on_postgresql() -> bool:
    return os.environ.get("DATABASE_URL", "").split(":", 1)[0] in {"postgres", "postgresql"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run_key() -> int:
    """The same number in every process of one test run: the controlling process's id
    (pytest-xdist's workers are its children)."""
    return os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()


def _template_name() -> str:
    return f"scrutiny_template_{_run_key()}"


def _sqlite_template_path() -> Path:
    return Path(tempfile.gettempdir()) / f"scrutiny-template-{_run_key()}.sqlite3"


def _server_url() -> str:
    return os.environ["DATABASE_URL"].rsplit("/", 1)[0]


def _template() -> str:
    """The URL of a database migrated once per test run, for scratch databases to be
    copied from rather than each migrated again. The first process to need it makes it;
    the others wait for it."""
    base = Path(tempfile.gettempdir()) / f"scrutiny-template-{_run_key()}"
    if on_postgresql():
        url = f"{_server_url()}/{_template_name()}"
    else:
        url = f"sqlite:///{_sqlite_template_path()}"
    with Path(f"{base}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = Path(f"{base}.done")
        if not done.exists():
            if on_postgresql():
                with psycopg.connect(f"{_server_url()}/postgres", autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{_template_name()}"')
                    conn.execute(f'CREATE DATABASE "{_template_name()}"')
            else:
                _sqlite_template_path().unlink(missing_ok=True)
            manage(production_env(base.parent, DATABASE_URL=url), "migrate", "--no-input")
            done.touch()
    return url


def template_name() -> str:
    """The name of the run's migrated template database (PostgreSQL), made if need be."""
    return _template().rsplit("/", 1)[1]


def drop_template() -> None:
    """Remove the run's migrated template, if one was made (at the end of the run)."""
    if on_postgresql():
        with psycopg.connect(f"{_server_url()}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{_template_name()}" WITH (FORCE)')
    else:
        _sqlite_template_path().unlink(missing_ok=True)
    for suffix in (".lock", ".done"):
        (Path(tempfile.gettempdir()) / f"scrutiny-template-{_run_key()}{suffix}").unlink(
            missing_ok=True
        )


@contextmanager
def scratch_database(tmp_path, label: str):
    """A URL for a migrated database of its own, removed afterwards: PostgreSQL beside
    the suite's when the suite runs on it, a SQLite file otherwise. Each is a copy of one
    template migrated once per run (`CREATE DATABASE … TEMPLATE`, or a file copy)."""
    _template()
    if not on_postgresql():
        path = tmp_path / (label + ".sqlite3")
        shutil.copyfile(_sqlite_template_path(), path)
        yield f"sqlite:///{path}"
        return
    name = f"scrutiny_{label}_{os.getpid()}"
    server = _server_url()
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template_name()}"')
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_env(tmp_path, **settings) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in NOT_PASSED_ON}
    env.update(
        SECRET_KEY=secrets.token_urlsafe(64),
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        WEB_CONCURRENCY="2",
    )
    env.update(settings)
    return env


def manage(env, *args: str) -> str:
    result = subprocess.run(  # noqa: S603 (our own command)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def get(url: str, headers=None):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (loopback)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class Process:
    """A server or worker in its own process group, its output in a log file."""

    def __init__(self, command: list[str], env: dict, log: Path):
        self.log = log
        with log.open("w") as out:
            self.popen = subprocess.Popen(  # noqa: S603 (our own commands)
                command,
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def output(self) -> str:
        return self.log.read_text()[-3000:]

    def stop(self) -> None:
        if self.popen.poll() is not None:
            return
        os.killpg(self.popen.pid, signal.SIGTERM)
        try:
            self.popen.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.popen.pid, signal.SIGKILL)

    def wait_until_healthy(self, base: str, headers=None) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.popen.poll() is not None:
                raise RuntimeError(f"stopped ({self.popen.returncode}):\n{self.output()}")
            try:
                if get(f"{base}/health/", headers)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"did not answer /health/ in time:\n{self.output()}")


def gunicorn(env: dict, port: int, log: Path) -> Process:
    command = [str(VENV_BIN / "gunicorn"), "--config", "python:scrutiny.gunicorn_conf"]
    return Process([*command, "--bind", f"127.0.0.1:{port}"], env, log)


def worker(env: dict, log: Path) -> Process:
    command = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.2"]
    return Process(command, env, log)


class FormReader(HTMLParser):
    """The fields a browser would send from the form with the given id (or the first
    form), as (name, value) pairs: checked boxes and radios only, textareas' text, and
    selected options."""

    def __init__(self, form_id: str | None = None):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.done = False
        self.fields: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done and not self.inside:
            self.inside = self.form_id is None or attrs.get("id") == self.form_id
            return
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button"}:
            if attrs.get("type") in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields.append((name, ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            name, text = self.fields[-1]
            self.fields[-1] = (name, text + data)

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True


def form_fields(html: str, form_id: str | None = None) -> list[tuple[str, str]]:
    reader = FormReader(form_id)
    reader.feed(html)
    return reader.fields
