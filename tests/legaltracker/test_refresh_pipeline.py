"""Refreshing cases against a local HTTP server standing in for CourtListener and PACER."""

import json
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from werkzeug import Response

from legaltracker import services
from legaltracker.models import CaseStatus, DocketEntry
from legaltracker.quota import SharedQuota
from legaltracker.sources.base import RateLimited, SourceUnavailable
from legaltracker.statuses import Health, Status
from tests.factories import CourtFactory, make_case
from tests.samples import sample

pytestmark = pytest.mark.django_db

DOCKET = {
    "id": 67474542,
    "court_id": "dcd",
    "case_name": "SEC v. Binance Holdings Limited",
    "case_name_full": "Securities and Exchange Commission v. Binance Holdings Limited et al.",
    "docket_number": "1:23-cv-01599",
    "date_filed": "2023-06-05",
    "date_terminated": None,
    "date_last_filing": "2023-08-16",
    "assigned_to_str": "Amy Berman Jackson",
    "referred_to_str": "Zia M. Faruqui",
    "date_modified": "2023-08-16T10:00:00-07:00",
    "absolute_url": "/docket/67474542/sec-v-binance/",
}


def entry(n: int, text: str, day: str = "2023-08-16") -> dict:
    return {
        "id": 9000 + n,
        "entry_number": n,
        "date_filed": day,
        "description": text,
        "date_modified": f"{day}T1{n % 10}:00:00-07:00",
        "recap_documents": [],
    }


@pytest.fixture
def courtlistener(courtlistener, settings):
    settings.COURTLISTENER_TIMEOUT = (1, 1)
    return courtlistener


@pytest.fixture
def case(tree):
    home, news, cases = tree
    return make_case(cases, courtlistener_docket_id=DOCKET["id"])


def serve_docket(server, entries_pages):
    server.expect_request("/api/rest/v4/dockets/67474542/").respond_with_json(DOCKET)
    # Cursor pages first: a handler without a query string would also match them.
    for index, page in reversed(list(enumerate(entries_pages))):
        query = {"cursor": f"page{index}"} if index else None
        next_url = (
            server.url_for("/api/rest/v4/docket-entries/") + f"?cursor=page{index + 1}"
            if index + 1 < len(entries_pages)
            else None
        )
        server.expect_request("/api/rest/v4/docket-entries/", query_string=query).respond_with_json(
            {"count": "", "next": next_url, "previous": None, "results": page}
        )


def test_refresh_follows_cursor_pages_to_the_end_and_fills_docket_metadata(courtlistener, case):
    serve_docket(
        courtlistener,
        [
            [entry(1, "COMPLAINT filed.", "2023-06-05")],
            [entry(2, "MOTION for Protective Order.", "2023-08-14")],
            [entry(3, "MINUTE ORDER referring the motion to Magistrate Judge Zia M. Faruqui.")],
        ],
    )

    courtlistener.expect_request("/api/rest/v4/parties/").respond_with_json(
        {
            "next": None,
            "results": [
                {"name": "Securities and Exchange Commission", "party_types": [{"name": "Plaintiff"}]},
                {"name": "Changpeng Zhao", "party_types": [{"name": "Defendant"}]},
            ],
        }
    )

    result = services.refresh_case(case.pk)

    status = CaseStatus.objects.get(pk=case.pk)
    assert status.parties == [
        {"name": "Securities and Exchange Commission", "role": "Plaintiff"},
        {"name": "Changpeng Zhao", "role": "Defendant"},
    ]
    assert result.created_entries == 3
    assert DocketEntry.objects.filter(case=case).count() == 3
    assert (status.judge, status.referred_judge) == ("Amy Berman Jackson", "Zia M. Faruqui")
    assert status.caption.startswith("Securities and Exchange Commission v. Binance")
    assert status.status == Status.ACTIVE and "Magistrate Judge" in status.headline
    assert status.entries_watermark is not None


def test_second_refresh_asks_only_for_entries_modified_since_the_watermark(courtlistener, case):
    serve_docket(courtlistener, [[entry(1, "COMPLAINT filed.", "2023-06-05")]])
    services.refresh_case(case.pk)
    watermark = CaseStatus.objects.get(pk=case.pk).entries_watermark
    courtlistener.clear()
    courtlistener.expect_request("/api/rest/v4/dockets/67474542/").respond_with_json(DOCKET)
    courtlistener.expect_request("/api/rest/v4/docket-entries/").respond_with_json({"next": None, "results": []})

    services.refresh_case(case.pk)

    entries_request = [r for r, _ in courtlistener.log if "docket-entries" in r.path][-1]
    assert entries_request.args["date_modified__gt"] == watermark.isoformat()
    assert entries_request.args["order_by"] == "date_modified"


def test_forbidden_entries_fall_back_to_docket_metadata(courtlistener, case):
    courtlistener.expect_request("/api/rest/v4/dockets/67474542/").respond_with_json(
        {**DOCKET, "date_terminated": "2025-05-29"}
    )
    courtlistener.expect_request("/api/rest/v4/docket-entries/").respond_with_json({"detail": "forbidden"}, status=403)

    services.refresh_case(case.pk)

    status = CaseStatus.objects.get(pk=case.pk)
    assert status.entries_access == "forbidden"
    assert status.status == Status.CLOSED
    assert "closed to this account" in status.health_message

    # Later refreshes cost the docket call only, and ask for entries again once the docket moves.
    courtlistener.clear_log()
    services.refresh_case(case.pk)
    assert [r.path for r, _ in courtlistener.log] == ["/api/rest/v4/dockets/67474542/"]
    courtlistener.clear()
    courtlistener.expect_request("/api/rest/v4/dockets/67474542/").respond_with_json(
        {**DOCKET, "date_terminated": "2025-05-29", "date_last_filing": "2025-06-02"}
    )
    courtlistener.expect_request("/api/rest/v4/docket-entries/").respond_with_json(
        {"next": None, "results": [entry(1, "COMPLAINT filed.", "2023-06-05")]}
    )
    services.refresh_case(case.pk)
    assert [r.path for r, _ in courtlistener.log][-1] == "/api/rest/v4/docket-entries/"
    assert CaseStatus.objects.get(pk=case.pk).entries_access == "ok"  # the account was upgraded


def test_429_blocks_every_call_until_retry_after_has_passed(courtlistener, case):
    courtlistener.expect_request("/api/rest/v4/dockets/67474542/").respond_with_response(
        Response("{}", status=429, headers={"Retry-After": "2"})
    )
    with pytest.raises(RateLimited):
        services.refresh_case(case.pk)
    calls_after_429 = len(courtlistener.log)

    with pytest.raises(RateLimited) as waiting:
        services.refresh_case(case.pk)
    assert len(courtlistener.log) == calls_after_429  # nothing reached the server during the wait
    assert SharedQuota.courtlistener().remaining() == 0  # beat hands out no refresh meanwhile
    assert 0 < waiting.value.retry_after <= 2

    time.sleep(2.1)
    courtlistener.clear()
    serve_docket(courtlistener, [[entry(1, "COMPLAINT filed.")]])
    assert services.refresh_case(case.pk).created_entries == 1


def test_500_then_success_loses_no_entry(courtlistener, case):
    courtlistener.expect_ordered_request("/api/rest/v4/dockets/67474542/").respond_with_data("oops", status=500)
    with pytest.raises(SourceUnavailable):
        services.refresh_case(case.pk)
    status = CaseStatus.objects.get(pk=case.pk)
    assert status.health == Health.STALE and "500" in status.health_message

    serve_docket(courtlistener, [[entry(1, "COMPLAINT filed."), entry(2, "ORDER granting Motion to Stay.")]])
    services.refresh_case(case.pk)
    status = CaseStatus.objects.get(pk=case.pk)
    assert status.health == Health.OK and status.status == Status.STAYED
    assert DocketEntry.objects.filter(case=case).count() == 2


def test_timeout_marks_the_case_stale(courtlistener, case):
    def slow(request):
        time.sleep(1.5)
        return Response(json.dumps(DOCKET), content_type="application/json")

    courtlistener.expect_request("/api/rest/v4/dockets/67474542/").respond_with_handler(slow)
    with pytest.raises(SourceUnavailable, match="Timed out"):
        services.refresh_case(case.pk)
    assert CaseStatus.objects.get(pk=case.pk).health == Health.STALE


def test_malformed_json_flags_the_case_and_waits_an_hour_without_writing_entries(courtlistener, case):
    courtlistener.expect_request("/api/rest/v4/dockets/67474542/").respond_with_data(
        '{"id": 6747', content_type="application/json"
    )
    before = timezone.now()
    result = services.refresh_case(case.pk)

    status = CaseStatus.objects.get(pk=case.pk)
    assert DocketEntry.objects.count() == 0
    assert status.health == Health.FAILING and "not valid JSON" in status.health_message
    assert "could not be read" in result.skipped
    assert before + timedelta(minutes=59) < status.next_refresh_at < timezone.now() + timedelta(minutes=61)


def test_unknown_docket_is_recorded_as_failing(courtlistener, tree):
    home, news, cases = tree
    case = make_case(cases, slug="unknown", docket_number="1:99-cv-99999")
    courtlistener.expect_request("/api/rest/v4/dockets/").respond_with_json({"next": None, "results": []})

    result = services.refresh_case(case.pk)

    status = CaseStatus.objects.get(pk=case.pk)
    assert "no docket 1:99-cv-99999" in result.skipped
    assert status.health == Health.FAILING
    request = courtlistener.log[0][0]
    assert (request.args["court"], request.args["docket_number"]) == ("dcd", "1:99-cv-99999")
    assert request.headers["Authorization"] == "Token test-token"


def test_an_editors_entry_leaves_a_failing_source_failing_on_the_dashboard(courtlistener, case, admin_user):
    courtlistener.expect_request("/api/rest/v4/dockets/67474542/").respond_with_data(
        '{"id": 6747', content_type="application/json"
    )
    services.refresh_case(case.pk)
    services.add_manual_entry(
        case.pk,
        date_filed=timezone.localdate(),
        entry_number=None,
        description="ORDER granting Motion to Stay.",
        document_url="",
        user=admin_user,
    )
    status = CaseStatus.objects.get(pk=case.pk)
    assert status.status == Status.STAYED  # the entry counts for readers
    assert status.health == Health.FAILING and "not valid JSON" in status.health_message


def test_quota_caps_requests_and_the_rest_wait_for_the_next_window(courtlistener, tree, settings):
    settings.COURTLISTENER_LIMIT_PER_MINUTE = 4
    home, news, cases = tree
    docket_cases = [
        make_case(cases, slug=f"case-{n}", docket_number=f"1:23-cv-0{n:04d}", courtlistener_docket_id=100 + n)
        for n in range(5)
    ]
    for n in range(5):
        courtlistener.expect_request(f"/api/rest/v4/dockets/{100 + n}/").respond_with_json({**DOCKET, "id": 100 + n})
    courtlistener.expect_request("/api/rest/v4/docket-entries/").respond_with_json({"next": None, "results": []})

    limited = 0
    for docket_case in docket_cases:
        try:
            services.refresh_case(docket_case.pk)
        except RateLimited:
            limited += 1
    assert len(courtlistener.log) <= 4
    assert limited >= 3
    assert not services.refresh_lock(docket_cases[0].pk) or services.release_refresh_lock(docket_cases[0].pk) is None


def test_court_feed_refreshes_tracked_cases_in_one_request(httpserver, tree):
    home, news, cases = tree
    feed = sample("pacer_rss/sdny_1.xml")
    court = CourtFactory(id="nysd", name="S.D.N.Y.", pacer_rss_url=httpserver.url_for("/cgi-bin/rss_outside.pl"))
    tracked = make_case(cases, slug="chau", title="Chau v. Donovan", court=court, docket_number="1:18-cv-3365")
    httpserver.expect_request("/cgi-bin/rss_outside.pl").respond_with_data(
        feed.read_bytes(), content_type="application/rss+xml"
    )

    result = services.refresh_court_feed("nysd")
    again = services.refresh_court_feed("nysd")

    assert len(httpserver.log) == 2
    assert result.matched_cases == [tracked.pk] and result.created_entries >= 1
    assert again.unchanged
    assert "Notice of Appearance" in DocketEntry.objects.filter(case=tracked).values_list("description", flat=True)


def test_truncated_feed_marks_the_court_failing(httpserver, tree):
    court = CourtFactory(id="wvsd", name="S.D. W. Va.", pacer_rss_url=httpserver.url_for("/rss"))
    httpserver.expect_request("/rss").respond_with_data(
        b"<?xml version='1.0'?><rss><channel><item><title>5:18", content_type="application/rss+xml"
    )
    with pytest.raises(Exception, match="truncated|parsed"):
        services.refresh_court_feed(court.pk)
    court.refresh_from_db()
    assert court.feed_health == Health.FAILING


def test_shared_quota_counts_across_instances(settings):
    quota_a, quota_b = SharedQuota("probe", {"minute": 2}), SharedQuota("probe", {"minute": 2})
    quota_a.acquire()
    quota_b.acquire()
    with pytest.raises(RateLimited):
        quota_a.acquire()


def test_feed_triggered_refresh_costs_one_request_once_the_docket_is_known(courtlistener, case):
    serve_docket(courtlistener, [[entry(1, "COMPLAINT filed.", "2023-06-05")]])
    services.refresh_case(case.pk)
    courtlistener.clear()
    courtlistener.expect_request("/api/rest/v4/docket-entries/").respond_with_json(
        {"next": None, "results": [entry(2, "ORDER granting Motion to Stay.")]}
    )

    result = services.refresh_case(case.pk, with_docket=False)

    assert [request.path for request, _ in courtlistener.log] == ["/api/rest/v4/docket-entries/"]
    assert result.created_entries == 1
    assert CaseStatus.objects.get(pk=case.pk).status == Status.STAYED


def test_breaker_opens_after_repeated_failures_and_stops_calling(courtlistener, case, settings):
    settings.LEGALTRACKER_BREAKER_THRESHOLD = 3
    courtlistener.expect_request("/api/rest/v4/dockets/67474542/").respond_with_data("down", status=502)
    for _ in range(3):
        with pytest.raises(SourceUnavailable):
            services.refresh_case(case.pk)
    calls = len(courtlistener.log)

    with pytest.raises(SourceUnavailable, match="paused") as paused:
        services.refresh_case(case.pk)

    assert len(courtlistener.log) == calls  # the open breaker sent nothing
    assert paused.value.retry_after > 0
    status = CaseStatus.objects.get(pk=case.pk)
    assert status.health == Health.STALE and "paused" in status.health_message


def test_entry_requests_leave_out_document_text(courtlistener, case):
    serve_docket(courtlistener, [[entry(1, "COMPLAINT filed.")]])
    services.refresh_case(case.pk)
    request = next(r for r, _ in courtlistener.log if r.path.endswith("/docket-entries/"))
    assert request.args["omit"] == "recap_documents__plain_text"
    assert "plain_text" not in request.args["fields"]
