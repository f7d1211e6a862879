"""When each case is refreshed next: failures that waiting will not fix back off, a spent quota waits for beat."""

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from legaltracker.conf import app_settings
from legaltracker.models import CasePage, CaseStatus
from legaltracker.services.updates import _finish, _locked_status
from legaltracker.statuses import Health, RefreshFailure


def failure_delay(failures: int) -> timedelta:
    """1 h, 4 h, 16 h... with the default settings: the wait after the n-th failure in a row."""
    minutes = app_settings.LEGALTRACKER_FAILURE_BACKOFF_MINUTES
    return timedelta(minutes=minutes * app_settings.LEGALTRACKER_FAILURE_BACKOFF_FACTOR ** max(failures - 1, 0))


def record_refresh_failure(case_id: int, kind: RefreshFailure, detail: str) -> CaseStatus:
    """Flag the case with what to fix and push its next refresh out; after a few failures, stop."""
    now = timezone.now()
    with transaction.atomic():
        status = _locked_status(case_id)
        status.failure_kind = kind
        status.failure_count += 1
        stopped = status.failure_count >= app_settings.LEGALTRACKER_FAILURE_MAX_TRIES
        if stopped:
            status.next_refresh_at = None  # left out of scheduling until an editor acts, see due_case_ids
            advice = " Automatic refreshes stopped; save the case or run `refresh_cases --case` to try again."
        else:
            status.next_refresh_at = now + failure_delay(status.failure_count)
            advice = f" Next try {status.next_refresh_at:%Y-%m-%d %H:%M} UTC."
        message = f"{kind.label}. {detail[:120]}.{advice}"
        changed = (status.health, status.health_message) != (Health.FAILING, message[:300])
        status.health, status.health_message = Health.FAILING, message[:300]
        status.last_checked = now
        _finish(status, changed)
    return status


def reset_refresh_failures(case_id: int) -> None:
    """Forget earlier failures and make the case due now (an editor saved it or asked for a refresh)."""
    CaseStatus.objects.filter(pk=case_id, failure_count__gt=0).update(
        failure_kind="", failure_count=0, next_refresh_at=None
    )


def keep_due(case_id: int, now: datetime | None = None) -> None:
    """A refresh stopped by the quota leaves its case due, so the next beat run picks it up again."""
    now = now or timezone.now()
    CaseStatus.objects.filter(pk=case_id, failure_count=0).filter(
        Q(next_refresh_at__isnull=True) | Q(next_refresh_at__gt=now)
    ).update(next_refresh_at=now)


def due_case_ids(limit: int, now: datetime | None = None) -> list[int]:
    """Tracked cases whose refresh is due, the longest-waiting first; stopped cases wait for an editor."""
    now = now or timezone.now()
    due = (
        CasePage.objects.filter(tracking=True)
        .filter(Q(status__isnull=True) | Q(status__failure_count__lt=app_settings.LEGALTRACKER_FAILURE_MAX_TRIES))
        .filter(Q(status__isnull=True) | Q(status__next_refresh_at__isnull=True) | Q(status__next_refresh_at__lte=now))
        .order_by("status__next_refresh_at")
        .values_list("pk", flat=True)
    )
    return list(due[:limit])
