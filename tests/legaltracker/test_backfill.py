"""A real-size docket arrives within CourtListener's free quota, page by page, across minutes.

Beat is played by the test: every 30 simulated seconds it hands out as many due cases as the
quota has room for, as `schedule_due_refreshes` does. The quota runs on its real storage (Redis
through `limits`, or the database cache the embedded default uses) with a simulated clock.
"""

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.urls import reverse

from legaltracker import services
from legaltracker.models import CaseStatus, DocketEntry
from legaltracker.quota import SharedQuota
from legaltracker.selectors import widget_payload
from legaltracker.sources.base import RateLimited
from legaltracker.sources.courtlistener import CourtListenerClient
from tests.factories import make_case
from tests.legaltracker.standin import DOCKET_ID, DocketStandIn, SimulatedClock, make_entries

pytestmark = pytest.mark.django_db

DOCKET = {
    "id": DOCKET_ID,
    "court_id": "dcd",
    "case_name": "SEC v. Binance Holdings Limited",
    "docket_number": "1:23-cv-01599",
    "date_filed": "2023-06-05",
    "date_terminated": None,
    "assigned_to_str": "Amy Berman Jackson",
}
BEAT_SECONDS = 30


@pytest.fixture(params=["default", "embedded"], ids=["limits-on-redis", "database-cache"])
def quota_cache(request, settings):
    settings.LEGALTRACKER_QUOTA_CACHE = request.param
    caches[request.param].clear()
    yield request.param
    caches[request.param].clear()


@pytest.fixture
def free_tier(httpserver, settings, quota_cache):
    settings.COURTLISTENER_BASE_URL = httpserver.url_for("/api/rest/v4/")
    settings.COURTLISTENER_TOKEN = "test-token"
    settings.COURTLISTENER_LIMIT_PER_MINUTE = 5
    settings.COURTLISTENER_LIMIT_PER_HOUR = 50
    settings.COURTLISTENER_LIMIT_PER_DAY = 125
    return httpserver


@pytest.fixture
def case(tree):
    return make_case(tree[2], courtlistener_docket_id=DOCKET_ID)


def beat(client: CourtListenerClient) -> list[int]:
    """One run of beat's fan-out: as many due cases as the quota allows, each refreshed once."""
    remaining = client.quota.remaining()
    handed_out = services.due_case_ids(min(50 if remaining is None else remaining, 50))
    for case_id in handed_out:
        try:
            services.refresh_case(case_id, client=client)
        except RateLimited:
            pass  # the case stays due; the next beat run picks it up
    return handed_out


def test_a_620_entry_docket_arrives_in_two_minutes_of_free_quota_without_refetching(free_tier, case):
    clock = SimulatedClock()
    standin = DocketStandIn(free_tier, clock, make_entries(620), DOCKET).install()
    client = CourtListenerClient(quota=SharedQuota.courtlistener(clock=clock))

    beats = 0
    while not CaseStatus.objects.get(pk=case.pk).backfill_done and beats < 20:
        beat(client)
        beats += 1
        clock.now = clock.start + beats * BEAT_SECONDS

    # 7 pages of 100 plus the docket, its parties and one count: 10 calls, 5 in each of 2 minutes.
    assert CaseStatus.objects.get(pk=case.pk).backfill_done
    assert len(standin.calls) == 10
    assert standin.calls_per_minute() == {0: 5, 1: 5}
    assert standin.busiest_sliding_minute() <= 5
    pages = standin.entry_pages()
    assert len(pages) == 7 and len(set(pages)) == 7  # no page fetched twice
    assert all(dict(page)["page_size"] == "100" for page in pages)
    assert DocketEntry.objects.filter(case=case).count() == 620
    assert DocketEntry.objects.filter(case=case).values("source_id").distinct().count() == 620
    status = CaseStatus.objects.get(pk=case.pk)
    assert (status.backfill_fetched, status.backfill_total, status.entries_cursor) == (620, 620, "")
    assert not widget_payload(case)["history_loading"]

    # Nothing changed since: the next refresh asks for entries after the watermark, in one call.
    standin.calls.clear()
    clock.now += 3600
    services.refresh_case(case.pk, client=client)
    assert [call.path for call in standin.calls] == ["/api/rest/v4/docket-entries/"]
    assert standin.calls[0].args["date_modified__gt"] == status.entries_watermark.isoformat()
    assert DocketEntry.objects.filter(case=case).count() == 620


def test_a_stopped_backfill_shows_its_progress_and_resumes_at_the_next_page(free_tier, case, admin_client, client):
    clock = SimulatedClock()
    standin = DocketStandIn(free_tier, clock, make_entries(620), DOCKET).install()
    courtlistener = CourtListenerClient(quota=SharedQuota.courtlistener(clock=clock))

    with pytest.raises(RateLimited):
        services.refresh_case(case.pk, client=courtlistener)

    status = CaseStatus.objects.get(pk=case.pk)
    assert services.backfill_progress(status) == "backfilling: 200 of about 620 entries"
    assert DocketEntry.objects.filter(case=case).count() == 200
    assert status.entries_cursor and status.next_refresh_at is not None
    assert case.pk in services.due_case_ids(10)  # left due for the next beat run
    payload = widget_payload(case)
    assert payload["history_loading"] and payload["status_label"]
    embed = client.get(reverse("legaltracker:embed", kwargs={"slug": case.slug})).content.decode()
    assert 'data-field="history-loading">History still loading.' in embed
    assert "backfilling: 200 of about 620 entries" in admin_client.get("/admin/").content.decode()
    assert "History still loading" in admin_client.get(f"/admin/pages/{case.pk}/edit/").content.decode()

    clock.now += 61
    services.refresh_case(case.pk, client=courtlistener)
    resumed = standin.calls[5]
    assert resumed.args["cursor"] and "date_modified__gt" not in resumed.args
    assert len(set(standin.entry_pages())) == len(standin.entry_pages())


def test_a_long_walk_stops_between_pages_before_the_task_time_limit(free_tier, case, settings):
    settings.COURTLISTENER_LIMIT_PER_MINUTE = 1000
    settings.LEGALTRACKER_TASK_SOFT_TIME_LIMIT = 0  # the walk's deadline has passed after its first page
    standin = DocketStandIn(free_tier, SimulatedClock(), make_entries(620), DOCKET).install()

    first = services.refresh_case(case.pk)
    assert first.progress == "backfilling: 100 of about 620 entries"
    assert case.pk in services.due_case_ids(10)

    while CaseStatus.objects.get(pk=case.pk).is_backfilling:
        services.refresh_case(case.pk)
    assert DocketEntry.objects.filter(case=case).count() == 620
    assert len(standin.entry_pages()) == len(set(standin.entry_pages())) == 7


def test_a_cursor_courtlistener_no_longer_accepts_resumes_after_the_watermark(free_tier, case):
    clock = SimulatedClock()
    standin = DocketStandIn(free_tier, clock, make_entries(620), DOCKET).install()
    courtlistener = CourtListenerClient(quota=SharedQuota.courtlistener(clock=clock))
    with pytest.raises(RateLimited):
        services.refresh_case(case.pk, client=courtlistener)
    watermark = CaseStatus.objects.get(pk=case.pk).entries_watermark

    standin.cursors_to_reject = 1
    clock.now += 61
    with pytest.raises(RateLimited):
        services.refresh_case(case.pk, client=courtlistener)

    rejected, restarted = standin.calls[5], standin.calls[6]
    assert "cursor" in rejected.args and restarted.args["date_modified__gt"] == watermark.isoformat()
    assert DocketEntry.objects.filter(case=case).count() == 600  # pages 3 to 6 after the rejected cursor; none doubled
    assert CaseStatus.objects.get(pk=case.pk).failure_count == 0


def test_refresh_cases_prints_backfill_progress(free_tier, case):
    DocketStandIn(free_tier, SimulatedClock(), make_entries(620), DOCKET).install()
    from io import StringIO

    out = StringIO()
    call_command("refresh_cases", "--case", case.slug, stdout=out, stderr=StringIO())

    assert "backfilling: 200 of about 620 entries" in out.getvalue()
    assert "quota" in out.getvalue()


def test_no_burst_at_the_turn_of_a_minute(quota_cache):
    clock = SimulatedClock(start=1_900_000_050.0)  # ten seconds before a calendar minute ends
    quota = SharedQuota("probe", {"minute": 5}, clock=clock)
    for _ in range(5):
        quota.acquire()
    clock.now += 11  # a new calendar minute: fixed windows would allow five more here
    with pytest.raises(RateLimited) as spent:
        quota.acquire()
    assert 45 <= spent.value.retry_after <= 50
    assert [(u.window, u.used) for u in quota.usage()][0] == ("minute", 5)

    clock.now += spent.value.retry_after + 0.5
    quota.acquire()


def test_workers_share_one_budget(quota_cache):
    clock = SimulatedClock()
    first, second = SharedQuota("probe", {"minute": 2}, clock=clock), SharedQuota("probe", {"minute": 2}, clock=clock)
    first.acquire()
    second.acquire()
    with pytest.raises(RateLimited):
        first.acquire()
    assert second.remaining() == 0


@pytest.fixture
def tasks_run_here():
    """Tasks queued after commit run in this process: the email they send is what is observed here."""
    from config.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


def test_authors_hear_once_when_the_whole_history_is_in(
    free_tier, case, tree, settings, tasks_run_here, django_capture_on_commit_callbacks
):
    from django.core import mail
    from wagtail.models import ReferenceIndex

    from tests.factories import AuthorFactory, make_article

    settings.COURTLISTENER_LIMIT_PER_MINUTE = 1000
    settings.LEGALTRACKER_TASK_SOFT_TIME_LIMIT = 0  # one page per refresh, as a quota-bound backfill goes
    story = make_article(
        tree[1],
        title="Embeds it",
        authors=[AuthorFactory(name="Maya", email="maya@example.org")],
        body=[("case_widget", {"case": case, "display": "compact", "entries": 3})],
    )
    ReferenceIndex.create_or_update_for_object(story)
    entries = make_entries(250)
    entries[0]["description"] = "ORDER granting Motion to Stay."
    DocketStandIn(free_tier, SimulatedClock(), entries, DOCKET).install()

    with django_capture_on_commit_callbacks(execute=True):
        services.refresh_case(case.pk)
    assert CaseStatus.objects.get(pk=case.pk).status == "stayed" and mail.outbox == []  # still loading

    while CaseStatus.objects.get(pk=case.pk).is_backfilling:
        with django_capture_on_commit_callbacks(execute=True):
            services.refresh_case(case.pk)
    assert [m.subject for m in mail.outbox] == ["SEC v. Binance is now stayed"]
