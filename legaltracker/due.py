"""Which court feeds and cases are due for a refresh: shared by Celery beat's fan-out and by cron."""

from django.db.models import Q
from django.utils import timezone

from legaltracker.conf import app_settings
from legaltracker.models import CasePage, Court
from legaltracker.quota import SharedQuota

MAX_CASES_PER_RUN = 50


def due_court_ids(now=None) -> list[str]:
    """Courts with a PACER RSS feed, a tracked case, and no poll within the feed interval."""
    now = now or timezone.now()
    feed_due = now - timezone.timedelta(minutes=app_settings.LEGALTRACKER_FEED_INTERVAL_MINUTES)
    courts = (
        Court.objects.exclude(pacer_rss_url="")
        .filter(cases__tracking=True)
        .filter(Q(feed_checked_at__isnull=True) | Q(feed_checked_at__lte=feed_due))
        .distinct()
        .values_list("pk", flat=True)
    )
    return list(courts)


def due_case_ids(limit: int, now=None) -> list[int]:
    """Tracked cases whose next CourtListener refresh is due, the longest overdue first."""
    now = now or timezone.now()
    due = (
        CasePage.objects.filter(tracking=True)
        .filter(Q(status__isnull=True) | Q(status__next_refresh_at__isnull=True) | Q(status__next_refresh_at__lte=now))
        .order_by("status__next_refresh_at")
        .values_list("pk", flat=True)
    )
    return list(due[:limit])


def refresh_budget() -> int:
    """How many case refreshes the shared CourtListener quota allows now, at most MAX_CASES_PER_RUN."""
    left = [usage.limit - usage.used for usage in SharedQuota.courtlistener().usage() if usage.limit]
    return min(max(min(left), 0), MAX_CASES_PER_RUN) if left else MAX_CASES_PER_RUN
