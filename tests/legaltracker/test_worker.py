"""Behaviour that needs a real Celery worker: overlapping refreshes, retries after failures.

The worker consumes from the test Redis database with a thread pool of two, so two refreshes of
one case really run at the same time. The database is transactional so the worker sees commits.
"""

import json
import threading
import time

import pytest
from celery.contrib.testing.worker import start_worker
from werkzeug import Response

from config.celery import app
from legaltracker import tasks
from legaltracker.models import CasePage, CaseStatus, DocketEntry
from tests.factories import make_case, site_tree

pytestmark = pytest.mark.django_db(transaction=True)

DOCKET = {"id": 555, "court_id": "dcd", "docket_number": "1:23-cv-01599", "case_name": "SEC v. Binance"}
ENTRIES = [
    {
        "id": n,
        "entry_number": n,
        "date_filed": f"2024-01-0{n}",
        "description": f"ORDER number {n}.",
        "date_modified": f"2024-01-0{n}T10:00:00-08:00",
    }
    for n in (1, 2, 3)
]


@pytest.fixture
def case():
    return make_case(site_tree()[2], courtlistener_docket_id=555)


@pytest.fixture
def worker(case):
    app.control.purge()  # drop the refresh queued when the case was published; each test sends its own
    with start_worker(app, pool="threads", concurrency=2, perform_ping_check=False, shutdown_timeout=30):
        yield


@pytest.fixture
def courtlistener(courtlistener, settings):
    settings.LEGALTRACKER_RETRY_BASE_SECONDS = 1
    return courtlistener


def test_two_workers_refreshing_one_case_write_each_entry_once(courtlistener, case, worker):
    def slow_docket(request):
        time.sleep(1)  # keeps the first refresh busy while the second one arrives
        return Response(json.dumps(DOCKET), content_type="application/json")

    courtlistener.expect_request("/api/rest/v4/dockets/555/").respond_with_handler(slow_docket)
    courtlistener.expect_request("/api/rest/v4/docket-entries/").respond_with_json({"next": None, "results": ENTRIES})

    first, second = tasks.refresh_case.delay(case.pk), tasks.refresh_case.delay(case.pk)
    results = [first.get(timeout=60), second.get(timeout=60)]

    assert DocketEntry.objects.filter(case=case).count() == 3
    assert sorted(DocketEntry.objects.values_list("source_id", flat=True)) == ["1", "2", "3"]
    assert sum(1 for r in results if r["skipped"]) == 1  # the overlapping refresh was a no-op
    assert sum(1 for request, _ in courtlistener.log if "dockets/555" in request.path) == 1


def test_a_failing_source_is_retried_by_the_worker_until_it_answers(courtlistener, case, worker):
    calls = {"n": 0}
    lock = threading.Lock()

    def flaky(request):
        with lock:
            calls["n"] += 1
            failing = calls["n"] == 1
        return (
            Response("busy", status=503) if failing else Response(json.dumps(DOCKET), content_type="application/json")
        )

    courtlistener.expect_request("/api/rest/v4/dockets/555/").respond_with_handler(flaky)
    courtlistener.expect_request("/api/rest/v4/docket-entries/").respond_with_json({"next": None, "results": ENTRIES})

    result = tasks.refresh_case.delay(case.pk).get(timeout=60)

    assert calls["n"] == 2 and result["created"] == 3
    assert CaseStatus.objects.get(pk=case.pk).health == "ok"


def test_beat_fan_out_polls_each_due_court_once_and_refreshes_due_cases(courtlistener, case, worker):
    from datetime import timedelta

    from django.utils import timezone

    from legaltracker.models import Court
    from tests.samples import sample

    nysd = Court.objects.create(id="nysd", name="S.D.N.Y.", pacer_rss_url=courtlistener.url_for("/nysd/rss"))
    # Published untracked (so publishing queues nothing while the worker runs), then tracked.
    chau = make_case(site_tree()[2], slug="chau", court=nysd, docket_number="1:18-cv-03365", tracking=False)
    not_due = make_case(
        site_tree()[2], slug="quiet", docket_number="1:23-cv-00001", courtlistener_docket_id=777, tracking=False
    )
    CasePage.objects.filter(pk__in=[chau.pk, not_due.pk]).update(tracking=True)
    CaseStatus.objects.filter(pk=chau.pk).update(next_refresh_at=timezone.now() + timedelta(days=1))
    CaseStatus.objects.filter(pk=not_due.pk).update(next_refresh_at=timezone.now() + timedelta(days=1))
    courtlistener.expect_request("/nysd/rss").respond_with_data(
        sample("pacer_rss/sdny_1.xml").read_bytes(), content_type="application/rss+xml"
    )
    courtlistener.expect_request("/api/rest/v4/dockets/555/").respond_with_json(DOCKET)
    courtlistener.expect_request("/api/rest/v4/dockets/").respond_with_json(
        {"next": None, "results": [{**DOCKET, "id": 556, "docket_number": "1:18-cv-03365"}]}
    )
    courtlistener.expect_request("/api/rest/v4/docket-entries/").respond_with_json({"next": None, "results": ENTRIES})

    scheduled = tasks.schedule_due_refreshes.delay().get(timeout=60)
    deadline = time.time() + 30
    # Wait for the refresh the feed triggers too: it is queued only after the feed's rows commit.
    while time.time() < deadline and not (
        DocketEntry.objects.filter(case=case).count() == 3
        and DocketEntry.objects.filter(case=chau).exists()
        and any(request.path == "/api/rest/v4/dockets/" for request, _ in courtlistener.log)
    ):
        time.sleep(0.5)

    paths = [request.path for request, _ in courtlistener.log]
    assert scheduled["courts"] == ["nysd"] and paths.count("/nysd/rss") == 1
    assert not_due.pk not in scheduled["cases"] and "/api/rest/v4/dockets/777/" not in paths
    assert DocketEntry.objects.filter(case=case).count() == 3
    # The feed's rows came first; the refresh it triggered upgraded them with CourtListener's text.
    chau_entries = DocketEntry.objects.filter(case=chau)
    assert chau_entries.exists() and set(chau_entries.values_list("source", flat=True)) <= {
        "pacer-rss",
        "courtlistener",
    }
    assert "/api/rest/v4/dockets/" in paths  # the feed-triggered refresh looked Chau's docket up


def test_a_worker_meeting_a_spent_day_finishes_the_task_instead_of_holding_a_countdown(
    courtlistener, case, worker, settings
):
    from legaltracker.quota import SharedQuota

    settings.COURTLISTENER_LIMIT_PER_DAY = 1
    SharedQuota.courtlistener().acquire()  # the day's only call is gone

    result = tasks.refresh_case.delay(case.pk).get(timeout=30)

    assert "quota spent" in result["skipped"] and not courtlistener.log
    scheduled = app.control.inspect(timeout=2).scheduled() or {}
    assert not any(scheduled.values())  # no retry waiting in the worker for tomorrow
