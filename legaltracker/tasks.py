"""Thin Celery tasks: they take ids, call services, and decide only when to retry."""

import logging
import random

from celery import shared_task
from celery.exceptions import Reject
from django.utils import timezone

from legaltracker import services
from legaltracker.conf import app_settings
from legaltracker.due import due_case_ids, due_court_ids, refresh_budget
from legaltracker.sources.base import RateLimited, SourceUnavailable

logger = logging.getLogger("legaltracker.tasks")

# Celery fixes a task's time limits when the task class is built, so these settings are read at
# import; the per-case refresh lock reads the same setting, so it never outlives a killed task.
TASK_OPTIONS = {
    "acks_late": True,
    "time_limit": app_settings.LEGALTRACKER_TASK_TIME_LIMIT,
    "soft_time_limit": app_settings.LEGALTRACKER_TASK_SOFT_TIME_LIMIT,
    "max_retries": 8,
}
JITTER_SECONDS = 5


def backoff_seconds(retries: int, base: float | None = None) -> float:
    """Exponential backoff with full jitter, so failing workers do not retry in step."""
    base = app_settings.LEGALTRACKER_RETRY_BASE_SECONDS if base is None else base
    return random.uniform(0, min(longest_countdown(), base * 2**retries))


def longest_countdown() -> float:
    """No retry waits longer: the broker's visibility timeout is set above this plus the time limit."""
    return app_settings.LEGALTRACKER_MAX_RETRY_COUNTDOWN_SECONDS


@shared_task(bind=True, **TASK_OPTIONS)
def refresh_case(self, case_id: int, with_docket: bool = True) -> dict:
    try:
        result = services.refresh_case(case_id, with_docket=with_docket)
    except RateLimited as exc:
        wait = exc.retry_after or 60
        if wait >= app_settings.LEGALTRACKER_QUOTA_SHORT_WAIT_SECONDS:
            # A long wait (the hour or day is spent) is not held as a countdown in the broker: the
            # case stays due and beat hands it out again when the quota has room.
            return {"case": case_id, "created": 0, "skipped": f"quota spent for {wait:.0f}s; the case stays due"}
        return _retry_refresh(self, exc, wait + random.uniform(0, JITTER_SECONDS), case_id, with_docket)
    except SourceUnavailable as exc:
        countdown = min(max(exc.retry_after or 0, backoff_seconds(self.request.retries)), longest_countdown())
        return _retry_refresh(self, exc, countdown, case_id, with_docket)
    return {"case": case_id, "created": result.created_entries, "skipped": result.skipped, "progress": result.progress}


def _retry_refresh(task, exc: Exception, countdown: float, case_id: int, with_docket: bool) -> dict:
    """Retry through the broker; if the broker cannot take the retry, the outbox keeps the refresh."""
    try:
        raise task.retry(exc=exc, countdown=countdown) from exc
    except Reject as rejected:  # Celery could not publish the retry: it would be dropped
        from legaltracker import outbox

        outbox.enqueue("refresh_case", case_id=case_id, with_docket=with_docket)
        logger.warning("event=refresh_retry_deferred case=%s error=%r", case_id, rejected.reason)
        return {"case": case_id, "created": 0, "skipped": "deferred to the outbox: the broker is unreachable"}


@shared_task(bind=True, **TASK_OPTIONS)
def refresh_court_feed(self, court_id: str) -> dict:
    try:
        result = services.refresh_court_feed(court_id)
    except SourceUnavailable as exc:
        raise self.retry(exc=exc, countdown=backoff_seconds(self.request.retries)) from exc
    return {"court": court_id, "items": result.items, "cases": result.matched_cases, "created": result.created_entries}


@shared_task(**TASK_OPTIONS)
def schedule_due_refreshes() -> dict:
    """Run by beat: one feed poll per court that is due, and CourtListener refreshes for due cases.

    Case refreshes are limited to what the shared quota allows this minute; the rest stay due
    and are picked up by the next run.
    """
    now = timezone.now()
    court_ids = due_court_ids(now)
    for court_id in court_ids:
        refresh_court_feed.delay(court_id)

    case_ids: list[int] = []
    if app_settings.COURTLISTENER_TOKEN:
        case_ids = due_case_ids(refresh_budget(), now)
        for case_id in case_ids:
            refresh_case.delay(case_id)
    return {"courts": court_ids, "cases": case_ids}


@shared_task(**TASK_OPTIONS)
def run_outbox_message(message_id: int) -> str:
    """Run one outbox message (a webhook event, an email); its row records the outcome."""
    from legaltracker import outbox

    return outbox.run(message_id)


@shared_task(**TASK_OPTIONS)
def sweep_outbox() -> dict:
    """Run by beat: retry outbox messages that were never sent or whose handler failed."""
    from legaltracker import outbox

    return outbox.sweep()
