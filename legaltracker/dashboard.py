"""The admin dashboard panel operators read: upstream quota, circuit breaker, feed health, backfills,
cases whose lookups keep failing (with what to fix), and outbox work parked after failing."""

from wagtail.admin.ui.components import Component

from legaltracker import outbox
from legaltracker.breaker import CircuitBreaker
from legaltracker.conf import app_settings
from legaltracker.models import CaseStatus, Court
from legaltracker.quota import SharedQuota
from legaltracker.services.backfill import backfill_progress
from legaltracker.statuses import Health, Source


class CourtDataPanel(Component):
    name = "court_data"
    order = 150
    template_name = "legaltracker/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        breaker = CircuitBreaker(Source.COURTLISTENER)
        return {
            "token_set": bool(app_settings.COURTLISTENER_TOKEN),
            "usage": SharedQuota.courtlistener().usage(),
            "breaker_open": breaker.is_open(),
            "breaker_seconds": int(breaker.seconds_until_closed()),
            "courts": Court.objects.exclude(pacer_rss_url="").order_by("name"),
            "unhealthy_cases": CaseStatus.objects.exclude(health=Health.OK)
            .filter(failure_count=0)
            .select_related("case")[:10],
            "failing_lookups": [
                {
                    "case": status.case,
                    "fix": status.get_failure_kind_display(),
                    "tries": status.failure_count,
                    "stopped": status.failure_count >= app_settings.LEGALTRACKER_FAILURE_MAX_TRIES,
                    "next_try": status.next_refresh_at,
                }
                for status in CaseStatus.objects.filter(failure_count__gt=0).select_related("case")[:20]
            ],
            "backfills": [
                (status.case, backfill_progress(status))
                for status in CaseStatus.objects.filter(backfill_done=False)
                .exclude(entries_cursor="")
                .select_related("case")[:20]
            ],
            "outbox_pending": outbox.pending().count(),
            "outbox_parked": outbox.parked().order_by("-parked_at")[:20],
        }
