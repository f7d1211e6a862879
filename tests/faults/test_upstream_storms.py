"""CourtListener and PACER answering 429, 500, timeouts, truncated and malformed bodies, in storms."""

import itertools
import json
import threading
import time

import pytest
import requests
from celery import Celery
from werkzeug import Response

from legaltracker.models import CaseStatus, Court, DocketEntry
from tests.faults.conftest import DOCKET_ID, Readers, reader_paths, record, wait_until

pytestmark = pytest.mark.django_db(transaction=True)

DOCKET = {"id": DOCKET_ID, "court_id": "dcd", "docket_number": "1:23-cv-01599", "case_name": "SEC v. Binance"}
ENTRIES = [
    {
        "id": n,
        "entry_number": n,
        "date_filed": f"2024-01-{n:02d}",
        "description": f"ORDER number {n}.",
        "date_modified": f"2024-01-{n:02d}T10:00:00-08:00",
    }
    for n in (1, 2, 3, 4)
]
FEED = """<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>District of Columbia - Recent Entries</title>
<link>https://ecf.dcd.uscourts.gov</link><lastBuildDate>Mon, 04 Mar 2024 15:00:00 GMT</lastBuildDate>
<item><title>1:23-cv-01599 SEC v. Binance Holdings Limited et al</title>
<link>https://ecf.dcd.uscourts.gov/cgi-bin/DktRpt.pl?258771</link>
<description>[Order] (&#x3C;a href=&#x22;https://ecf.dcd.uscourts.gov/doc1/045110000004?caseid=258771&#x26;de_seq_num=20&#x22;
 &#x3E;4&#x3C;/a&#x3E;)</description>
<guid isPermaLink="true">https://ecf.dcd.uscourts.gov/cgi-bin/DktRpt.pl?258771&#x26;20</guid>
<pubDate>Mon, 04 Mar 2024 14:55:00 GMT</pubDate></item>
</channel></rss>"""


def too_slow(body: str, content_type: str):
    time.sleep(3.5)  # past the 3 s read timeout the stack is given
    return Response(body, content_type=content_type)


class Storm:
    """While raging, every answer is the next fault in the cycle; afterwards, the real data."""

    JSON_FAULTS = [
        lambda: Response('{"detail": "Request was throttled."}', status=429, headers={"Retry-After": "1"}),
        lambda: Response("Internal Server Error", status=500),
        lambda: too_slow("{}", "application/json"),
        lambda: Response('{"id": 4242, "docket_number": "1:23-cv-0', content_type="application/json"),
        lambda: Response("<html><body>Bad gateway</body></html>", content_type="application/json"),
        lambda: Response(json.dumps({"next": None, "results": [{"id": 9, "date_filed": "2024-13-45"}]})),
    ]
    FEED_FAULTS = [
        lambda: Response("Service Unavailable", status=503),
        lambda: Response(FEED[: len(FEED) // 2], content_type="application/rss+xml"),
        lambda: Response("", content_type="application/rss+xml"),
        lambda: too_slow(FEED, "application/rss+xml"),
    ]

    def __init__(self, server):
        self.raging = True
        self.faults = 0
        self._lock = threading.Lock()
        self._json_faults = itertools.cycle(self.JSON_FAULTS)
        self._feed_faults = itertools.cycle(self.FEED_FAULTS)
        server.expect_request(f"/api/rest/v4/dockets/{DOCKET_ID}/").respond_with_handler(self._answer(DOCKET))
        server.expect_request("/api/rest/v4/docket-entries/").respond_with_handler(
            self._answer({"next": None, "results": ENTRIES})
        )
        server.expect_request("/api/rest/v4/parties/").respond_with_handler(self._answer({"next": None, "results": []}))
        server.expect_request("/feeds/dcd.xml").respond_with_handler(self._feed)

    def _next_fault(self, faults):
        with self._lock:
            if not self.raging:
                return None
            self.faults += 1
            return next(faults)

    def _answer(self, data: dict):
        def handler(request):
            fault = self._next_fault(self._json_faults)
            return fault() if fault else Response(json.dumps(data), content_type="application/json")

        return handler

    def _feed(self, request):
        fault = self._next_fault(self._feed_faults)
        return fault() if fault else Response(FEED, content_type="application/rss+xml")


def health(case) -> str:
    return CaseStatus.objects.filter(case=case).values_list("health", flat=True).first() or ""


def test_storms_from_courtlistener_and_pacer_mark_data_stale_and_lose_nothing(
    site, web, redis_server, worker, beat, upstream
):
    case = site["case"]
    Court.objects.filter(pk=case.court_id).update(pacer_rss_url=upstream.url_for("/feeds/dcd.xml"))
    storm = Storm(upstream)
    producer = Celery("fault-producer", broker=f"{redis_server.url}/0")

    def send(task: str, *args) -> None:
        producer.send_task(f"legaltracker.tasks.{task}", args=list(args), ignore_result=True)

    with Readers(web.url, reader_paths(site)) as readers:
        # Beat asks every few seconds in this storm: the feed, and the case while it is due.
        for _ in range(4):
            send("refresh_case", case.pk)
            send("refresh_court_feed", case.court_id)
            time.sleep(2)
        # Stale after timeouts and 5xx, failing after an unreadable answer: either way readers are told.
        wait_until(lambda: health(case) in ("stale", "failing"), 60, "the case to be marked stale")
        widget = requests.get(f"{web.url}/cases/{case.slug}/widget.json", headers={"Host": "localhost"}).json()
        assert widget["source_health"] in ("stale", "failing") and widget["source_message"]
        assert storm.faults >= 10
        court = Court.objects.get(pk=case.court_id)
        assert court.feed_health in ("stale", "failing") and court.feed_message

        storm.raging = False
        # Beat's next round after the storm.
        send("refresh_court_feed", case.court_id)
        send("refresh_case", case.pk)
        wait_until(lambda: health(case) == "ok" and entry_count(case) == 4, 60, "the case to recover")
        wait_until(lambda: Court.objects.get(pk=case.court_id).feed_health == "ok", 30, "the feed to recover")

    numbers = sorted(DocketEntry.objects.filter(case=case).values_list("entry_number", flat=True))
    assert numbers == [1, 2, 3, 4]  # the feed's entry 4 was upgraded by CourtListener's, not doubled
    assert DocketEntry.objects.get(case=case, entry_number=4).source == "courtlistener"
    assert readers.errors == 0, readers.failures
    record(f"upstream storm ({storm.faults} faults: 429/500/timeout/truncated/malformed)", readers, 4 - len(numbers))


def entry_count(case) -> int:
    return DocketEntry.objects.filter(case=case).count()
