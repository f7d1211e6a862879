"""Real processes for tests that need them: gunicorn, Celery workers, private redis-servers.

Each runs with the test database (committed rows of transactional tests) and its own environment,
and is stopped by the test that started it.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_database_url() -> str:
    """The URL of the database pytest-django created, for processes outside this one."""
    db = connection.settings_dict
    user = db.get("USER") or "postgres"
    return f"postgres://{user}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


def base_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": test_database_url(),
        "VAR_DIR": str(tmp_path / "var"),
        "PYTHONUNBUFFERED": "1",
    }
    env.update(extra)
    return env


def wait_for(check, timeout: float = 30, what: str = "a process") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except (OSError, requests.RequestException):
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not come up within {timeout} s")


class Process:
    # Tests stop their processes at once: nothing they run needs a graceful shutdown.
    stop_signal = signal.SIGTERM

    def __init__(self, args: list[str], env: dict[str, str], log: Path):
        self.args, self.env, self.log = args, env, log
        self.popen: subprocess.Popen | None = None

    def start(self) -> "Process":
        handle = open(self.log, "ab")  # noqa: SIM115 (closed with the process)
        self.popen = subprocess.Popen(
            self.args, env=self.env, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
        )
        handle.close()
        return self

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Signal the process and every child it started (a prefork worker's pool dies with it)."""
        if self.popen and self.popen.poll() is None:
            os.killpg(self.popen.pid, sig)
            self.popen.wait(timeout=30)

    @property
    def running(self) -> bool:
        return bool(self.popen) and self.popen.poll() is None

    def stop(self) -> None:
        if self.popen is None:
            return
        if self.popen.poll() is None:
            self.popen.send_signal(self.stop_signal)
            try:
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                pass
        # Whatever the process left behind in its session (pool children) goes too.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait(timeout=15)

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


class RedisServer(Process):
    """A private redis-server on its own port, nothing kept on disk."""

    def __init__(self, port: int, tmp_path: Path):
        redis = shutil.which("redis-server")
        if redis is None:
            raise RuntimeError("redis-server is not installed (apt-get install redis-server)")
        args = [redis, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        super().__init__(args + ["--dir", str(tmp_path)], dict(os.environ), tmp_path / f"redis-{port}.log")
        self.port = port
        self.url = f"redis://127.0.0.1:{port}"

    def start(self) -> "RedisServer":
        super().start()
        wait_for(lambda: socket.create_connection(("127.0.0.1", self.port), timeout=0.2), 10, "redis-server")
        return self


class Gunicorn(Process):
    stop_signal = signal.SIGQUIT

    def __init__(self, env: dict[str, str], tmp_path: Path, workers: int = 1, threads: int = 8):
        self.port = free_port()
        args = [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{self.port}"]
        args += ["--workers", str(workers), "--threads", str(threads), "--timeout", "60"]
        super().__init__(args, env, tmp_path / f"gunicorn-{self.port}.log")
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self, probe_path: str = "/", headers: dict | None = None) -> "Gunicorn":
        super().start()
        wait_for(
            lambda: requests.get(self.url + probe_path, headers=headers, timeout=2).status_code < 500, 30, "gunicorn"
        )
        return self


class CeleryWorker(Process):
    stop_signal = signal.SIGQUIT

    def __init__(self, env: dict[str, str], tmp_path: Path, name: str, concurrency: int = 2):
        # The prefork pool, as `celery worker` runs in production.
        args = [str(BIN / "celery"), "-A", "config", "worker", "--concurrency", str(concurrency)]
        args += ["--hostname", f"{name}@%h", "--loglevel", "INFO", "--without-gossip", "--without-mingle"]
        super().__init__(args, env, tmp_path / f"worker-{name}.log")

    def start(self, wait: bool = True) -> "CeleryWorker":
        super().start()
        if wait:
            wait_for(lambda: " ready." in self.output(), 30, "celery worker")
        return self


class CeleryBeat(Process):
    stop_signal = signal.SIGQUIT

    def __init__(self, env: dict[str, str], tmp_path: Path):
        schedule = str(tmp_path / "celerybeat-schedule")
        args = [str(BIN / "celery"), "-A", "config", "beat", "--loglevel", "INFO", "--schedule", schedule]
        super().__init__(args, env, tmp_path / "beat.log")


def manage(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )
