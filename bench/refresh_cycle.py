"""One refresh cycle for 1,000 tracked cases across 10 courts, against a local stand-in server.

Runs the real tasks (beat's `schedule_due_refreshes`, fanning out to feed polls and case refreshes)
in this process, and counts every upstream request the stand-in receives. Goal: no more requests
than court feeds plus dockets that changed. Also prints the time per case applied.
Run with `make bench`.
"""

import json
import logging
import os
import time
from datetime import timedelta
from email.utils import format_datetime

from harness import ensure_database, manage

COURTS, CASES_PER_COURT, CHANGED_PER_COURT = 10, 100, 10


def feed_xml(court: str, dockets: list[int], cycle: int, now) -> bytes:
    items = "".join(
        f"<item><title>1:26-cv-{number:05d} Example Plaintiff {number} v. Example Defendant</title>"
        f"<pubDate>{format_datetime(now)}</pubDate><guid>{court}-{number}-{cycle}</guid>"
        f"<description>[Order] (&lt;a href=&quot;https://ecf.{court}.example/doc1/{number}{cycle}&quot;&gt;"
        f"{cycle + 10}&lt;/a&gt;)</description>"
        f"<link>https://ecf.{court}.example/cgi-bin/DktRpt.pl?{number}</link></item>"
        for number in dockets
    )
    return (
        f'<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>{court}</title>'
        f"<lastBuildDate>{format_datetime(now)} cycle {cycle}</lastBuildDate>{items}</channel></rss>"
    ).encode("latin-1")


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    ensure_database()
    manage("migrate", "--noinput")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone
    from pytest_httpserver import HTTPServer
    from wagtail.models import Page

    from config.celery import app
    from legaltracker import tasks
    from legaltracker.models import CaseIndexPage, CasePage, CaseStatus, Court, DocketEntry
    from legaltracker.quota import SharedQuota

    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    settings.COURTLISTENER_BASE_URL = server.url_for("/api/rest/v4/")
    settings.COURTLISTENER_TOKEN = "bench-token"
    # The request count, not the free tier's pace, is what is measured here.
    settings.COURTLISTENER_LIMIT_PER_MINUTE = settings.COURTLISTENER_LIMIT_PER_HOUR = 10**6
    settings.COURTLISTENER_LIMIT_PER_DAY = 10**6
    settings.WAGTAILFRONTENDCACHE = {}
    app.conf.task_always_eager = True  # run beat's fan-out in this process, through the real tasks
    SharedQuota.courtlistener().reset()

    print(f"setting up {COURTS * CASES_PER_COURT} tracked cases in {COURTS} courts...", flush=True)
    home = Page.objects.filter(depth=2).first()
    index = CaseIndexPage.objects.filter(slug="bench-cases").first() or home.add_child(
        instance=CaseIndexPage(title="Bench cases", slug="bench-cases")
    )
    later = timezone.now() + timedelta(days=1)
    for c in range(COURTS):
        court_id = f"bench{c}"
        Court.objects.update_or_create(
            id=court_id,
            defaults={
                "name": f"Bench court {c}",
                "pacer_rss_url": server.url_for(f"/feeds/{court_id}.xml"),
                "feed_checked_at": None,
                "feed_last_build": "",
            },
        )
        existing = set(CasePage.objects.filter(court_id=court_id).values_list("docket_number", flat=True))
        for n in range(CASES_PER_COURT):
            number = c * 1000 + n
            docket = f"1:26-cv-{number:05d}"
            if docket not in existing:
                index.add_child(
                    instance=CasePage(
                        title=f"Bench case {number}", slug=f"bench-{number}", court_id=court_id, docket_number=docket
                    )
                )
    # Steady state: every case was refreshed before and is not due again yet.
    for case_id, number in CasePage.objects.filter(court__id__startswith="bench").values_list("pk", "docket_number"):
        CaseStatus.objects.update_or_create(
            case_id=case_id,
            defaults={
                "courtlistener_docket_id": 500000 + int(number[-5:]),
                "entries_access": "ok",
                "backfill_done": True,
                "next_refresh_at": later,
            },
        )

    changed = {f"bench{c}": [c * 1000 + n for n in range(CHANGED_PER_COURT)] for c in range(COURTS)}
    cycle = int(time.time())
    now = timezone.now()
    for court_id, dockets in changed.items():
        server.expect_request(f"/feeds/{court_id}.xml").respond_with_data(
            feed_xml(court_id, dockets, cycle, now), content_type="application/rss+xml"
        )

    def entries(request):
        from werkzeug import Response

        docket = int(request.args["docket"])
        body = {
            "next": None,
            "results": [
                {
                    "id": docket * 100000 + cycle % 100000,
                    # The feed's document number, so CourtListener's row upgrades the RSS row.
                    "entry_number": cycle + 10,
                    "date_filed": now.date().isoformat(),
                    "description": "ORDER granting in part the motion to compel.",
                    "date_modified": now.isoformat(),
                }
            ],
        }
        return Response(json.dumps(body), content_type="application/json")

    server.expect_request("/api/rest/v4/docket-entries/").respond_with_handler(entries)

    entries_before = DocketEntry.objects.count()
    started = time.perf_counter()
    tasks.schedule_due_refreshes()
    elapsed = time.perf_counter() - started
    feed_requests = sum(1 for r, _ in server.log if r.path.startswith("/feeds/"))
    api_requests = len(server.log) - feed_requests
    changed_dockets = sum(len(d) for d in changed.values())
    applied = DocketEntry.objects.count() - entries_before
    upgraded = DocketEntry.objects.filter(source="courtlistener", entry_number=cycle + 10).count()

    server.clear_log()
    Court.objects.filter(pk__startswith="bench").update(feed_checked_at=None)
    tasks.schedule_due_refreshes()
    quiet_requests = len(server.log)
    server.stop()

    print(f"tracked cases:            {CasePage.objects.filter(court__id__startswith='bench').count()}")
    print(f"court feeds:              {COURTS}")
    print(f"dockets that changed:     {changed_dockets}")
    print(
        f"upstream requests:        {feed_requests + api_requests} ({feed_requests} feed, {api_requests} CourtListener)"
    )
    print(f"goal (feeds + changed):   {COURTS + changed_dockets}")
    print(f"docket entries applied:   {applied} new, {upgraded} RSS rows upgraded with CourtListener text")
    print(
        f"cycle time:               {elapsed:.2f} s, {elapsed / max(changed_dockets, 1) * 1000:.1f} ms per changed case"
    )
    print(
        f"next cycle, no changes:   {quiet_requests} requests "
        "(feeds whose lastBuildDate is unchanged are not re-applied)"
    )
    connection.close()


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    main()
