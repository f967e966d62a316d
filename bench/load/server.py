"""gunicorn as `make serve` runs it: two workers, DEBUG off, hashed static files, on loopback."""

import contextlib
import json
import os
import socket
import subprocess  # nosec B404 # runs our own manage.py and gunicorn
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
WORKERS = 2


@dataclass(frozen=True)
class Server:
    base_url: str
    static_root: Path
    pid: int

    def static_path(self, name: str) -> str:
        """The hashed URL path of a collected static file, as pages link to it."""
        manifest = json.loads((self.static_root / "staticfiles.json").read_text())
        return "/static/" + manifest["paths"][name]


def production_env(*, port: int, static_root: Path, database_url: str, media_root: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "STATIC_FROM_SOURCE"}
    env.update(
        DEBUG="0",
        # The benchmark's own random key: the sessions it makes must be signed with it.
        SECRET_KEY=os.environ["SECRET_KEY"],
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=f"http://127.0.0.1:{port}",
        SECURE_SSL_REDIRECT="0",
        ACCESS_LOG="0",
        REQUIRE_2FA="0",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(media_root),
        WEB_CONCURRENCY=str(WORKERS),
        LOG_LEVEL="WARNING",
    )
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running(*, database_url: str, media_root: Path) -> Iterator[Server]:
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="bench-load-static-") as static:
        env = production_env(
            port=port, static_root=Path(static), database_url=database_url, media_root=media_root
        )
        subprocess.run(  # noqa: S603 # nosec B603 # fixed arguments
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        gunicorn = Path(sys.executable).with_name("gunicorn")
        log = open(Path(static) / "gunicorn.log", "w")  # noqa: SIM115 (closed below)
        process = subprocess.Popen(  # noqa: S603 # nosec B603 # fixed arguments
            [
                str(gunicorn),
                "--config",
                "python:scrutiny.gunicorn_conf",
                "--bind",
                f"127.0.0.1:{port}",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            server = Server(f"http://127.0.0.1:{port}", Path(static), process.pid)
            _wait_until_healthy(server, process)
            yield server
        finally:
            process.terminate()
            process.wait(timeout=30)
            log.close()
            problems = [
                line
                for line in (Path(static) / "gunicorn.log").read_text().splitlines()
                if '"ERROR"' in line or "Traceback" in line
            ]
            if problems:
                print("gunicorn reported errors:\n" + "\n".join(problems[:20]), flush=True)


def _wait_until_healthy(server: Server, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped at start-up (exit {process.returncode})")
        try:
            health = server.base_url + "/health/"
            with urllib.request.urlopen(health, timeout=5) as response:  # noqa: S310 # nosec B310 # loopback
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer /health/ within 60 s")
