"""Shared set-up for benchmarks: a bench database, Django configured, a real server, wrk."""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"


def ensure_database() -> None:
    """Create the bench database on the PostgreSQL server if it does not exist yet."""
    import psycopg
    from dj_database_url import parse

    import bench.settings  # noqa: F401  (fills in DATABASE_URL)

    config = parse(os.environ["DATABASE_URL"])
    with psycopg.connect(
        host=config["HOST"], port=config["PORT"] or 5432, user=config["USER"], dbname="postgres", autocommit=True
    ) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{config["NAME"]}"')


def manage(*args: str) -> None:
    subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        cwd=REPO,
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"},
        stdout=subprocess.DEVNULL,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pinned(core: int) -> list[str]:
    """Pin a process to one core, so the server and the load generator do not take turns on both."""
    return ["taskset", "-c", str(core)] if shutil.which("taskset") and (os.cpu_count() or 1) > 1 else []


def start_gunicorn(port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            *pinned(0),
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi:application",
            "-b",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--threads",
            "1",
            "--log-level",
            "warning",
        ],
        cwd=REPO,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"},
    )
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/bare.json", timeout=2)
            return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def require_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk:
        return wrk
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL)
        return shutil.which("wrk")
    raise SystemExit("wrk is missing; install it with: sudo apt-get install -y wrk")


def wrk_rps(url: str, seconds: int = 5, headers: dict | None = None, connections: int = 4) -> float:
    """Requests per second that wrk measured (one thread, a few keep-alive connections)."""
    args = [*pinned(1), require_wrk(), "-t1", f"-c{connections}", f"-d{seconds}s"]
    for name, value in (headers or {}).items():
        args += ["-H", f"{name}: {value}"]
    output = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        raise SystemExit(f"{url}: {non_2xx.group(1)} error responses during the run")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
