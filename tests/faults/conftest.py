"""Real faults against a real stack: gunicorn, Celery workers and a private redis-server per test.

The stack reads the test database and uses its own redis-server (ports 6390-6399) as cache and
broker, so a test can kill and restart it. CourtListener and PACER are a local pytest-httpserver.
Each test adds a row (fault, requests served, errors, events lost) to the summary printed at the end.
"""

import json
import os
import socket
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
import requests
from pytest_httpserver import HTTPServer

from tests.factories import make_article, make_case, site_tree
from tests.processes import CeleryBeat, CeleryWorker, Gunicorn, RedisServer, base_env

SUMMARY: list[tuple[str, int, int, int]] = []
SECRET = "fault-suite-secret"
DOCKET_ID = 4242


def pytest_terminal_summary(terminalreporter):
    if not SUMMARY:
        return
    terminalreporter.section("fault summary")
    terminalreporter.write_line(f"{'fault':<66} {'served':>8} {'errors':>7} {'lost':>5}")
    for fault, served, errors, lost in SUMMARY:
        terminalreporter.write_line(f"{fault:<66} {served:>8} {errors:>7} {lost:>5}")


def record(fault: str, readers: "Readers", events_lost: int) -> None:
    SUMMARY.append((fault, readers.served, readers.errors, events_lost))
    out = Path(os.environ.get("VAR_DIR", "/tmp")) / "fault-summary.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a") as handle:
        handle.write(f"{fault}\t{readers.served}\t{readers.errors}\t{events_lost}\n")


def private_redis_port() -> int:
    for port in range(6390, 6400):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("No free port in 6390-6399 for a private redis-server")


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(private_redis_port(), tmp_path).start()
    yield server
    server.stop()


@pytest.fixture
def upstream():
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def stack_env(tmp_path, redis_server, upstream):
    return base_env(
        tmp_path,
        REDIS_URL=redis_server.url,
        REDIS_DB_BROKER="0",
        REDIS_DB_RESULTS="1",
        REDIS_DB_CACHE="2",
        WEBHOOK_SECRET=SECRET,
        COURTLISTENER_BASE_URL=upstream.url_for("/api/rest/v4/"),
        TEST_COURTLISTENER_TOKEN="fault-token",
        COURTLISTENER_LIMIT_PER_MINUTE="10000",
        COURTLISTENER_LIMIT_PER_HOUR="10000",
        COURTLISTENER_LIMIT_PER_DAY="10000",
        COURTLISTENER_READ_TIMEOUT="3",
        PACER_RSS_READ_TIMEOUT="3",
        LEGALTRACKER_RETRY_BASE_SECONDS="1",
        LEGALTRACKER_BREAKER_THRESHOLD="3",
        LEGALTRACKER_BREAKER_COOLDOWN_SECONDS="2",
        # A killed worker's lock expires with the task's time limit; its task is delivered again
        # after the visibility timeout, which must exceed that limit plus the longest countdown.
        LEGALTRACKER_TASK_TIME_LIMIT="12",
        LEGALTRACKER_TASK_SOFT_TIME_LIMIT="10",
        LEGALTRACKER_MAX_RETRY_COUNTDOWN_SECONDS="2",
        CELERY_VISIBILITY_TIMEOUT="15",
        CELERY_UNACKED_RESTORE_INTERVAL="1",
        CELERY_UNACKED_RESTORE_THROTTLE="1",
        OUTBOX_RETRY_BASE_SECONDS="1",
        OUTBOX_GRACE_SECONDS="1",
        CACHE_RETRY_AFTER_SECONDS="1",
        LEGALTRACKER_OUTBOX_SWEEP_SECONDS="1",
        LEGALTRACKER_SCHEDULE_SECONDS="3600",
    )


@pytest.fixture
def site():
    """A home page, an article embedding a tracked case, and the case, committed for the stack to read."""
    _, news, cases = site_tree()
    case = make_case(cases, courtlistener_docket_id=DOCKET_ID)
    article = make_article(news, body=[("case_widget", {"case": case, "display": "compact", "entries": 3})])
    return {"case": case, "article": article, "news": news}


def reader_paths(site) -> list[str]:
    case = site["case"]
    return [
        "/",
        site["article"].url,
        case.url,
        f"/cases/{case.slug}/widget.json",
        f"/cases/{case.slug}/embed/",
        f"/oembed/?url=http://localhost{case.url}",
        site["news"].url + "feed/",
        "/sitemap.xml",
    ]


@pytest.fixture
def web(stack_env, tmp_path, site):
    server = Gunicorn(stack_env, tmp_path).start("/", {"Host": "localhost"})
    yield server
    server.stop()


class SupervisedWorker:
    """A Celery worker restarted whenever it exits, as systemd or Kubernetes would do in production.

    Celery 5.7's worker can exit with "Unrecoverable error" when Redis vanishes under it; and a
    worker killed with SIGKILL is replaced the same way.
    """

    def __init__(self, env, tmp_path, name: str, concurrency: int = 3):
        self.env, self.tmp_path, self.name, self.concurrency = env, tmp_path, name, concurrency
        self.generations: list[CeleryWorker] = [CeleryWorker(env, tmp_path, f"{name}-1", concurrency).start()]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _start_next(self) -> None:
        # No waiting for "ready": while Redis is down the new worker keeps trying to connect.
        name = f"{self.name}-{len(self.generations) + 1}"
        worker = CeleryWorker(self.env, self.tmp_path, name, self.concurrency)
        self.generations.append(worker.start(wait=False))

    def _watch(self) -> None:
        while not self._stop.wait(0.3):
            if not self.current.running:
                self._start_next()

    @property
    def current(self) -> CeleryWorker:
        return self.generations[-1]

    @property
    def restarts(self) -> int:
        return len(self.generations) - 1

    def kill(self) -> None:
        """SIGKILL the worker and its pool processes; the supervisor starts a new one."""
        self.current.kill()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)
        for worker in self.generations:
            worker.stop()


@pytest.fixture
def worker(stack_env, tmp_path):
    supervised = SupervisedWorker(stack_env, tmp_path, "worker")
    yield supervised
    supervised.stop()


@pytest.fixture
def beat(stack_env, tmp_path):
    """One beat, sweeping the outbox every second."""
    process = CeleryBeat(stack_env, tmp_path).start()
    yield process
    process.stop()


class Readers:
    """About a hundred readers loading every public page in a loop while a fault happens."""

    def __init__(self, base_url: str, paths: list[str], threads: int = 100):
        self.base_url, self.paths, self.threads = base_url, paths, threads
        self.statuses: Counter = Counter()
        self.failures: list[str] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._workers: list[threading.Thread] = []

    def _read(self, offset: int) -> None:
        session = requests.Session()
        i = offset
        while not self._stop.is_set():
            path = self.paths[i % len(self.paths)]
            i += 1
            try:
                response = session.get(self.base_url + path, headers={"Host": "localhost"}, timeout=15)
                outcome = response.status_code
            except requests.RequestException as exc:
                outcome = type(exc).__name__
            with self._lock:
                self.statuses[outcome] += 1
                if outcome != 200 and len(self.failures) < 20:
                    self.failures.append(f"{path}: {outcome}")
            time.sleep(0.1)

    def __enter__(self) -> "Readers":
        for n in range(self.threads):
            thread = threading.Thread(target=self._read, args=(n,), daemon=True)
            thread.start()
            self._workers.append(thread)
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for thread in self._workers:
            thread.join(timeout=30)

    @property
    def served(self) -> int:
        return self.statuses[200]

    @property
    def errors(self) -> int:
        return sum(count for outcome, count in self.statuses.items() if outcome != 200)


def docket_alert(numbers) -> str:
    results = [
        {
            "id": n,
            "docket": DOCKET_ID,
            "entry_number": n,
            "date_filed": "2024-03-01",
            "description": f"ORDER number {n}.",
            "recap_documents": [],
        }
        for n in numbers
    ]
    return json.dumps({"payload": {"results": results}, "webhook": {"version": 2, "event_type": 1}})


def deliver(base_url: str, key: str, numbers) -> tuple[int, float]:
    """POST a docket alert as CourtListener does; returns the status and the seconds it took."""
    started = time.monotonic()
    response = requests.post(
        f"{base_url}/hooks/courtlistener/{SECRET}/",
        data=docket_alert(numbers),
        headers={"Host": "localhost", "Content-Type": "application/json", "Idempotency-Key": key},
        timeout=30,
    )
    return response.status_code, time.monotonic() - started


def wait_until(check, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"Timed out after {timeout} s waiting for {what}; busy database sessions: {busy_sessions()}")


def busy_sessions() -> list[tuple]:
    """What the stack's database sessions were doing, for the message of a test that timed out."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid, state, wait_event_type, wait_event, left(query, 200) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'"
        )
        return cursor.fetchall()
