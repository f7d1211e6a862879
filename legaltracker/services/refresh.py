"""Refreshing cases from their sources: CourtListener per case, PACER RSS per court.

Sources produce `DocketUpdate` values; everything they say is written through `updates.apply_update`.
"""

from dataclasses import dataclass

from legaltracker.cache import cache_reachable
from legaltracker.conf import app_settings
from legaltracker.models import CasePage, Court
from legaltracker.services.updates import (
    apply_update,
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


def refresh_case(case_id: int, client=None, with_docket: bool = True) -> RefreshResult:
    """Refresh one case from CourtListener. A refresh already running for the case makes this a no-op.

    `with_docket=False` (used when a court feed showed new activity) skips the docket metadata call
    when the case's CourtListener docket is already known, so the refresh costs one request.

    Raises RateLimited or SourceUnavailable for the task to retry later; records every other
    failure on the case so readers and operators see that the data is stale.
    """
    from legaltracker.breaker import CircuitBreaker
    from legaltracker.sources.base import DocketNotFound, MalformedData, SourceUnavailable
    from legaltracker.sources.courtlistener import CourtListenerClient

    if not refresh_lock(case_id):
        if not cache_reachable():
            # Without the shared lock two workers could refresh at once: skip now, the task retries.
            raise SourceUnavailable("The shared cache is unreachable; the refresh waits for it.", retry_after=30)
        return RefreshResult(skipped="another refresh of this case is running")
    try:
        case = CasePage.objects.select_related("status").get(pk=case_id)
        client = client or CourtListenerClient()
        if not client.configured:
            mark_source_health(case_id, Health.STALE, "CourtListener lookups are off: COURTLISTENER_TOKEN is not set.")
            return RefreshResult(skipped="no CourtListener token")
        breaker = CircuitBreaker(Source.COURTLISTENER)
        if breaker.is_open():
            message = "CourtListener kept failing; calls to it are paused for a few minutes."
            mark_source_health(case_id, Health.STALE, message)
            raise SourceUnavailable(message, retry_after=breaker.seconds_until_closed())
        status = getattr(case, "status", None)
        since = status.entries_watermark if status else None
        docket_id = case.resolved_courtlistener_id
        try:
            if not with_docket and docket_id and status and status.entries_access == "ok":
                update = client.entries_update(docket_id, since)
            else:
                first_lookup = not (status and status.courtlistener_docket_id)
                update = client.docket_update(
                    case.court_id, case.docket_number, docket_id, since, with_parties=first_lookup
                )
        except DocketNotFound as exc:
            mark_source_health(case_id, Health.FAILING, str(exc))
            return RefreshResult(skipped=str(exc))
        except (SourceUnavailable, MalformedData) as exc:
            breaker.record_failure()
            mark_source_health(case_id, Health.STALE, f"CourtListener: {exc}")
            raise
        breaker.record_success()
        result = apply_update(case_id, update, actor="task:refresh_case")
        return RefreshResult(created_entries=result.created_entries, status_changed=result.status_changed)
    finally:
        release_refresh_lock(case_id)


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
