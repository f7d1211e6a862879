"""With no environment variables the site runs on SQLite and a broker on disk: no Redis, no other service."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _empty_env(tmp_path) -> dict:
    # Only what any shell has; VAR_DIR keeps this run's files out of the developer's var/.
    return {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "VAR_DIR": str(tmp_path / "var")}


def _manage(env, *args, timeout=300) -> str:
    result = subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_migrate_and_serve_home_page_with_an_empty_environment(tmp_path):
    env = _empty_env(tmp_path)
    _manage(env, "migrate", "--noinput")
    assert (tmp_path / "var" / "db.sqlite3").exists()

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, str(REPO / "manage.py"), "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline, status = time.time() + 60, None
        while time.time() < deadline and status is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    status = response.status
            except OSError:
                time.sleep(0.5)
        assert status == 200
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_worker_with_beat_runs_tasks_on_the_filesystem_broker(tmp_path):
    env = _empty_env(tmp_path)
    _manage(env, "migrate", "--noinput")
    _manage(env, "createcachetable")
    _manage(env, "load_demo")
    worker = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "celery"),
            "-A",
            "config",
            "worker",
            "--beat",
            "--concurrency=1",
            "--schedule",
            str(tmp_path / "var" / "beat-schedule"),
            "--loglevel=INFO",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        # Queue a refresh from another process; with no token the worker records that lookups are off.
        _manage(
            env,
            "shell",
            "-c",
            "from legaltracker.models import CasePage; from legaltracker.tasks import refresh_case; "
            "refresh_case.delay(CasePage.objects.get(slug='sec-v-binance').pk)",
        )
        check = (
            "from legaltracker.models import CaseStatus; "
            "print(CaseStatus.objects.get(case__slug='sec-v-binance').health_message)"
        )
        deadline, message = time.time() + 90, ""
        while time.time() < deadline and "COURTLISTENER_TOKEN" not in message:
            assert worker.poll() is None, worker.stdout.read()[-3000:]
            time.sleep(1)
            message = _manage(env, "shell", "-c", check)
        assert "lookups are off" in message
    finally:
        worker.terminate()
        worker.wait(timeout=30)
