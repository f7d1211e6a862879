"""Reading a docket's entries page by page, so a walk cut short by the quota loses nothing.

Each page is applied through `apply_update` in the same transaction that saves CourtListener's
`next` URL on the case, so a stop anywhere (spent quota, timeout, killed worker) resumes at the
first page not yet applied, and no page is fetched twice. The first complete walk is the
backfill; later walks start after the watermark (`date_modified__gt`) and usually take one page.
"""

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from legaltracker import outbox
from legaltracker.models import CaseStatus, StatusChange
from legaltracker.services.updates import apply_update
from legaltracker.sources.base import DocketNotFound, DocketUpdate, MalformedData, SourceForbidden
from legaltracker.statuses import Source

if TYPE_CHECKING:
    from legaltracker.sources.courtlistener import CourtListenerClient

ACTOR = "task:refresh_case"


@dataclass
class WalkResult:
    pages: int = 0
    created_entries: int = 0
    status_changed: bool = False
    forbidden: bool = False


def walk_entries(
    case_id: int, client: "CourtListenerClient", docket_id: int, deadline: float | None = None
) -> WalkResult:
    """Fetch and apply the docket's entries from where the last walk stopped to the end.

    Stops early, leaving the case due, once `deadline` (time.monotonic()) has passed. Raises
    RateLimited or SourceUnavailable when a page cannot be had; every page before it stays.
    """
    result = WalkResult()
    status = CaseStatus.objects.get(pk=case_id)
    cursor = status.entries_cursor or None
    while True:
        try:
            page = client.entry_page(docket_id, status.entries_watermark, cursor)
        except SourceForbidden:
            update = DocketUpdate(source=Source.COURTLISTENER, entries_access="forbidden")
            _apply(case_id, update, None, history_complete=False)
            result.forbidden = True
            return result
        except DocketNotFound:
            if not cursor:
                raise
            # CourtListener no longer accepts the saved cursor. Entries come in date_modified
            # order, so going on after the watermark (the newest applied) loses at most an entry
            # modified in the very same instant as it; a full walk would cost the whole quota again.
            CaseStatus.objects.filter(pk=case_id).update(entries_cursor="")
            cursor = None
            continue
        applied = _apply(case_id, page.update, page.next_url)
        result.pages += 1
        result.created_entries += applied.created_entries
        result.status_changed |= applied.status_changed
        status.refresh_from_db()
        if not page.next_url:
            return result
        if page.next_url == cursor:
            raise MalformedData("CourtListener's next page is the page just read")
        if status.is_backfilling and status.backfill_total is None and page.count_url:
            _record_total(client, case_id, page.count_url)
        if deadline is not None and time.monotonic() >= deadline:
            return result  # the saved cursor and a due case hand the rest to the next run
        cursor = page.next_url


def _apply(case_id: int, update: DocketUpdate, next_url: str | None, history_complete: bool = True):
    """Apply one page and save where the walk goes next, in one transaction."""
    rows = CaseStatus.objects.filter(pk=case_id)
    with transaction.atomic():
        rows.filter(backfill_done=False, backfill_started_at__isnull=True).update(backfill_started_at=timezone.now())
        applied = apply_update(case_id, update, actor=ACTOR)
        progress = {
            "entries_cursor": next_url or "",
            "backfill_fetched": F("backfill_fetched") + len(update.entries),
            "failure_kind": "",
            "failure_count": 0,
        }
        if next_url:
            progress["next_refresh_at"] = timezone.now()  # more pages wait: due again at the next beat run
        if not next_url and history_complete and rows.filter(backfill_done=False).exists():
            progress["backfill_done"] = True
            if not applied.status_changed and _status_moved_during_backfill(case_id):
                # Subscribers (authors' emails) are not told about each status a half-loaded history
                # passes through; they hear once, when the whole docket is in.
                outbox.enqueue("announce_status_change", case_id=case_id)
            if not applied.changed:
                # Readers stop seeing "history still loading" even when this last page changed
                # nothing else: the version moves and cached widgets are dropped.
                progress["version"] = F("version") + 1
                outbox.enqueue("case_changed", case_id=case_id)
        rows.update(**progress)
    return applied


def _status_moved_during_backfill(case_id: int) -> bool:
    started = CaseStatus.objects.filter(pk=case_id).values_list("backfill_started_at", flat=True).first()
    return bool(started) and StatusChange.objects.filter(case_id=case_id, created_at__gte=started).exists()


def _record_total(client, case_id: int, count_url: str) -> None:
    """Ask once per backfill how many entries the docket has, for progress; one call."""
    if "date_modified__gt" in count_url:
        return  # a walk that started after a watermark counts only what is left, not the docket
    total = client.entry_count(count_url)
    if total is not None:
        CaseStatus.objects.filter(pk=case_id, backfill_total__isnull=True).update(backfill_total=total)


def backfill_progress(status: CaseStatus | None) -> str:
    """ "backfilling: 200 of about 620 entries" while the docket's history is loading; else ""."""
    return status.backfill_progress if status is not None else ""
