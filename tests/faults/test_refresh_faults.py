"""Refreshes interrupted for real: a worker killed with SIGKILL, Redis killed, Redis frozen (data kept)."""

import json
import subprocess
import threading
import time
from collections import Counter

import pytest
import redis
import requests
from celery import Celery
from werkzeug import Response

from legaltracker.models import CaseStatus, DocketEntry, OutboxMessage
from tests.faults.conftest import DOCKET_ID, Readers, reader_paths, record, wait_until

pytestmark = pytest.mark.django_db(transaction=True)

DOCKET = {"id": DOCKET_ID, "court_id": "dcd", "docket_number": "1:23-cv-01599", "case_name": "SEC v. Binance"}


class CourtListenerStandIn:
    """Dockets and entries for one case; `slow_once` makes the next answer of an endpoint take its time."""

    def __init__(self, server):
        self.available = 3
        self.slow_once: dict[str, float] = {}
        self.calls: Counter = Counter()
        self._lock = threading.Lock()
        server.expect_request(f"/api/rest/v4/dockets/{DOCKET_ID}/").respond_with_handler(self._docket)
        server.expect_request("/api/rest/v4/docket-entries/").respond_with_handler(self._entries)
        server.expect_request("/api/rest/v4/parties/").respond_with_json({"next": None, "results": []})

    def _delay(self, name: str) -> None:
        with self._lock:
            self.calls[name] += 1
            delay = self.slow_once.pop(name, 0)
        time.sleep(delay)

    def _docket(self, request):
        self._delay("docket")
        return Response(json.dumps(DOCKET), content_type="application/json")

    def _entries(self, request):
        self._delay("entries")
        results = [
            {
                "id": n,
                "entry_number": n,
                "date_filed": f"2024-01-{n:02d}",
                "description": f"ORDER number {n}.",
                "date_modified": f"2024-01-{n:02d}T10:00:00-08:00",
            }
            for n in range(1, self.available + 1)
        ]
        return Response(json.dumps({"next": None, "results": results}), content_type="application/json")


def entry_numbers(case) -> list[int]:
    return sorted(DocketEntry.objects.filter(case=case).values_list("entry_number", flat=True))


def refresh_locked(redis_server) -> bool:
    client = redis.Redis(port=redis_server.port, db=2)
    return bool(list(client.scan_iter(match="*refresh-lock*")))


def widget_entries(base_url: str, slug: str) -> int:
    data = requests.get(f"{base_url}/cases/{slug}/widget.json?entries=10", headers={"Host": "localhost"}).json()
    return len(data["entries"])


def test_a_refresh_survives_a_killed_worker_and_a_killed_or_frozen_redis(
    site, web, redis_server, worker, beat, upstream
):
    stand_in = CourtListenerStandIn(upstream)
    case = site["case"]
    producer = Celery("fault-producer", broker=f"{redis_server.url}/0")

    def refresh() -> None:
        producer.send_task("legaltracker.tasks.refresh_case", args=[case.pk], ignore_result=True)

    with Readers(web.url, reader_paths(site)) as readers:
        # 1. SIGKILL while the refresh waits on CourtListener; a new worker picks the task up again.
        stand_in.slow_once["docket"] = 5
        refresh()
        wait_until(lambda: stand_in.calls["docket"] >= 1, 90, "the refresh to reach CourtListener")
        worker.kill()
        # Redelivery waits out the visibility timeout (15 s) and a fresh prefork worker's start, which
        # a machine busy with the rest of the suite can stretch well past 30 s.
        wait_until(lambda: entry_numbers(case) == [1, 2, 3], 120, "the next worker to finish the killed refresh")
        wait_until(lambda: not refresh_locked(redis_server), 30, "the refresh to end")

        # 2. Redis killed while the refresh reads entries; the refresh writes, the invalidation waits.
        stand_in.available, stand_in.slow_once["entries"] = 5, 2
        calls = stand_in.calls["entries"]
        refresh()
        wait_until(lambda: stand_in.calls["entries"] > calls, 30, "the second refresh to ask for entries")
        redis_server.kill()
        time.sleep(1)  # the refresh finishes or fails while Redis is away
        redis_server.start()
        wait_until(lambda: entry_numbers(case) == [1, 2, 3, 4, 5], 60, "the interrupted refresh to be completed")
        wait_until(lambda: widget_entries(web.url, case.slug) == 5, 30, "readers to see five entries")
        wait_until(lambda: not refresh_locked(redis_server), 30, "the refresh to end")

        # 3. Redis frozen (it keeps its data) while the change commits: the cached widget must not outlive it.
        wait_until(lambda: widget_entries(web.url, case.slug) == 5, 10, "a cached five-entry widget")
        stand_in.available, stand_in.slow_once["entries"] = 6, 2
        calls = stand_in.calls["entries"]
        refresh()
        wait_until(lambda: stand_in.calls["entries"] > calls, 30, "the third refresh to ask for entries")
        subprocess.run(["redis-cli", "-p", str(redis_server.port), "CLIENT", "PAUSE", "3000", "ALL"], check=True)
        wait_until(lambda: len(entry_numbers(case)) == 6, 30, "the refresh to write while Redis is frozen")
        wait_until(lambda: widget_entries(web.url, case.slug) == 6, 30, "readers to see the sixth entry")
        wait_until(lambda: not OutboxMessage.objects.filter(done_at__isnull=True).exists(), 30, "the outbox to drain")

    assert entry_numbers(case) == [1, 2, 3, 4, 5, 6]  # nothing lost, nothing doubled
    assert CaseStatus.objects.get(case=case).health == "ok"
    assert not OutboxMessage.objects.filter(parked_at__isnull=False).exists()
    assert readers.errors == 0, readers.failures
    assert worker.restarts >= 1  # the killed worker was replaced (and any that Redis's death took down)
    record("worker SIGKILL, Redis killed, Redis frozen, all mid-refresh", readers, 6 - len(entry_numbers(case)))
