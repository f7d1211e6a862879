"""Refreshing cases from their sources: CourtListener per case, PACER RSS per court.

Sources produce `DocketUpdate` values; everything they say is written through `updates.apply_update`.
"""

import time
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from legaltracker.cache import cache_reachable
from legaltracker.conf import app_settings
from legaltracker.models import CasePage, CaseStatus, Court
from legaltracker.services.updates import (
    apply_update,
    ensure_case_status,
    mark_court_feed,
    mark_source_health,
    refresh_lock,
    release_refresh_lock,
    tracked_cases,
)
from legaltracker.sources.base import DocketUpdate
from legaltracker.statuses import Health, Source


@dataclass
class RefreshResult:
    skipped: str = ""
    created_entries: int = 0
    status_changed: bool = False
    progress: str = ""


def refresh_case(case_id: int, client=None, with_docket: bool = True) -> RefreshResult:
    """Refresh one case from CourtListener. A refresh already running for the case makes this a no-op.

    The docket's metadata is read on the first lookup, when entries are closed to the account, when
    new entries arrived, and otherwise at most every LEGALTRACKER_DOCKET_RECHECK_MINUTES, so a
    refresh that finds nothing new costs one call. `with_docket=False` (a court feed showed new
    activity) skips the metadata whenever the docket is already known.

    Raises RateLimited (the case stays due) or SourceUnavailable for the task to retry later. A
    docket not found, refused or malformed is recorded on the case with a growing wait.
    """
    from legaltracker.breaker import CircuitBreaker
    from legaltracker.services.backfill import backfill_progress, walk_entries
    from legaltracker.services.scheduling import keep_due, record_refresh_failure
    from legaltracker.sources.base import (
        DocketNotFound,
        MalformedData,
        RateLimited,
        SourceForbidden,
        SourceUnavailable,
    )
    from legaltracker.sources.courtlistener import CourtListenerClient
    from legaltracker.statuses import RefreshFailure

    if not refresh_lock(case_id):
        if not cache_reachable():
            # Without the shared lock two workers could refresh at once: skip now, the task retries.
            raise SourceUnavailable("The shared cache is unreachable; the refresh waits for it.", retry_after=30)
        return RefreshResult(skipped="another refresh of this case is running")
    try:
        case = CasePage.objects.get(pk=case_id)
        client = client or CourtListenerClient()
        if not client.configured:
            mark_source_health(case_id, Health.STALE, "CourtListener lookups are off: COURTLISTENER_TOKEN is not set.")
            return RefreshResult(skipped="no CourtListener token")
        breaker = CircuitBreaker(Source.COURTLISTENER)
        if breaker.is_open():
            message = "CourtListener kept failing; calls to it are paused for a few minutes."
            mark_source_health(case_id, Health.STALE, message)
            raise SourceUnavailable(message, retry_after=breaker.seconds_until_closed())
        ensure_case_status(case_id)
        result = RefreshResult()
        try:
            docket_read = docket_moved = False
            if _docket_due(case, with_docket):
                docket_moved = _apply_docket(case, client)
                docket_read = True
            status = CaseStatus.objects.get(pk=case_id)
            # Entries closed to the account are asked for again only when the docket has moved
            # (a new filing): one call then shows whether the account has been upgraded.
            if status.entries_access != "forbidden" or docket_moved:
                # Stop between pages well before the soft time limit, which would otherwise cut a
                # page's transaction short and make the next run fetch that page again.
                deadline = time.monotonic() + app_settings.LEGALTRACKER_TASK_SOFT_TIME_LIMIT / 2
                walk = walk_entries(case_id, client, status.courtlistener_docket_id, deadline)
                result.created_entries, result.status_changed = walk.created_entries, walk.status_changed
                if walk.created_entries and status.backfill_done and not docket_read:
                    # New filings may close the case or change its judge. Marked stale first, so a
                    # spent quota here leaves the metadata due for the next refresh.
                    CaseStatus.objects.filter(pk=case_id).update(docket_checked_at=None)
                    if with_docket:
                        _apply_docket(case, client)
        except (DocketNotFound, SourceForbidden, MalformedData) as exc:
            kind = {
                DocketNotFound: RefreshFailure.NOT_FOUND,
                SourceForbidden: RefreshFailure.FORBIDDEN,
            }.get(type(exc), RefreshFailure.MALFORMED)
            if kind == RefreshFailure.MALFORMED:
                breaker.record_failure()
            status = record_refresh_failure(case_id, kind, str(exc))
            return RefreshResult(skipped=status.health_message)
        except SourceUnavailable as exc:
            breaker.record_failure()
            mark_source_health(case_id, Health.STALE, f"CourtListener: {exc}")
            raise
        except RateLimited:
            keep_due(case_id)
            raise
        breaker.record_success()
        result.progress = backfill_progress(CaseStatus.objects.get(pk=case_id))
        return result
    finally:
        release_refresh_lock(case_id)


def _docket_due(case: CasePage, with_docket: bool) -> bool:
    """Whether this refresh reads the docket's metadata (one call) before its entries."""
    status = CaseStatus.objects.get(pk=case.pk)
    if not status.courtlistener_docket_id or status.entries_access == "forbidden":
        return True  # the first lookup, or the metadata is all CourtListener will give this account
    if not with_docket or status.entries_cursor:
        return False  # a feed-triggered refresh, or a walk to resume: entries first
    recheck = timedelta(minutes=app_settings.LEGALTRACKER_DOCKET_RECHECK_MINUTES)
    return not status.docket_checked_at or status.docket_checked_at <= timezone.now() - recheck


def _apply_docket(case: CasePage, client) -> bool:
    """Read and apply the docket's metadata, with its parties on the first lookup (one more call).

    True when the docket's last filing date moved."""
    first_lookup = not CaseStatus.objects.filter(pk=case.pk, courtlistener_docket_id__isnull=False).exists()
    update = client.docket(case.court_id, case.docket_number, case.resolved_courtlistener_id)
    if first_lookup:
        update.parties = client.parties(update.courtlistener_docket_id)
    last_filing = CaseStatus.objects.filter(pk=case.pk).values_list("date_last_filing", flat=True).first()
    with transaction.atomic():
        apply_update(case.pk, update, actor="task:refresh_case")
        CaseStatus.objects.filter(pk=case.pk).update(docket_checked_at=timezone.now(), failure_kind="", failure_count=0)
    return bool(update.date_last_filing) and update.date_last_filing != last_filing


@dataclass
class FeedResult:
    items: int = 0
    matched_cases: list[int] | None = None
    created_entries: int = 0
    unchanged: bool = False


def tracked_cases_by_docket(court_id: str) -> dict[str, int]:
    """Tracked cases in a court keyed by normalised docket number, with and without the office digit."""
    from legaltracker.docket_numbers import without_office

    keys: dict[str, int] = {}
    for case_id, number in tracked_cases().filter(court_id=court_id).values_list("pk", "docket_number_normalised"):
        keys[number] = case_id
        keys.setdefault(without_office(number), case_id)
    return keys


def apply_feed(court_id: str, entries, actor: str, follow_up_refresh: bool = False) -> FeedResult:
    """Apply parsed feed entries to the tracked cases they belong to.

    `follow_up_refresh`: cases with new entries get a CourtListener refresh, through the outbox.
    """
    from legaltracker.docket_numbers import without_office

    cases = tracked_cases_by_docket(court_id)
    per_case: dict[int, list] = {}
    for entry in entries:
        number = entry.normalised_docket_number
        case_id = cases.get(number) or cases.get(without_office(number))
        if case_id:
            per_case.setdefault(case_id, []).append(entry.as_entry())
    result = FeedResult(matched_cases=[])
    for case_id, case_entries in per_case.items():
        update = DocketUpdate(source=Source.PACER_RSS, entries=case_entries)
        applied = apply_update(case_id, update, actor=actor, follow_up_refresh=follow_up_refresh)
        result.created_entries += applied.created_entries
        if applied.created_entries:
            result.matched_cases.append(case_id)
    return result


def refresh_court_feed(court_id: str) -> FeedResult:
    """Poll a court's PACER RSS feed once and apply it to every tracked case in that court."""
    from legaltracker.sources import pacer_rss
    from legaltracker.sources.base import MalformedData, SourceError

    court = Court.objects.get(pk=court_id)
    if not court.pacer_rss_url:
        return FeedResult(matched_cases=[])
    try:
        feed = pacer_rss.parse_feed(pacer_rss.fetch_feed(court.pacer_rss_url))
    except MalformedData as exc:
        mark_court_feed(court_id, Health.FAILING, str(exc))
        raise
    except SourceError as exc:
        mark_court_feed(court_id, Health.STALE, str(exc))
        raise
    if feed.last_build and feed.last_build == court.feed_last_build:
        mark_court_feed(court_id, Health.OK, "", feed.last_build)
        return FeedResult(items=feed.items, matched_cases=[], unchanged=True)
    result = apply_feed(
        court_id,
        feed.entries,
        actor="task:refresh_court_feed",
        # The feed only carries short descriptions; fetch the full entries of the cases that moved.
        follow_up_refresh=bool(app_settings.COURTLISTENER_TOKEN),
    )
    result.items = feed.items
    mark_court_feed(court_id, Health.OK, "", feed.last_build)
    return result
