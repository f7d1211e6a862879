"""Which court feeds and cases are due for a refresh: shared by Celery beat's fan-out and by cron."""

from django.db.models import Q
from django.utils import timezone

from legaltracker.conf import app_settings
from legaltracker.models import Court
from legaltracker.quota import SharedQuota
from legaltracker.services.scheduling import due_case_ids

__all__ = ["MAX_CASES_PER_RUN", "due_case_ids", "due_court_ids", "refresh_budget"]

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


def refresh_budget() -> int:
    """How many case refreshes the shared CourtListener quota allows now, at most MAX_CASES_PER_RUN."""
    remaining = SharedQuota.courtlistener().remaining()
    return MAX_CASES_PER_RUN if remaining is None else min(remaining, MAX_CASES_PER_RUN)
