"""The admin dashboard panel operators read: upstream quota, circuit breaker, feed health, parked work."""

from wagtail.admin.ui.components import Component

from legaltracker import outbox
from legaltracker.breaker import CircuitBreaker
from legaltracker.conf import app_settings
from legaltracker.models import CaseStatus, Court
from legaltracker.quota import SharedQuota
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
            "unhealthy_cases": CaseStatus.objects.exclude(health=Health.OK).select_related("case")[:10],
            "outbox_pending": outbox.pending().count(),
            "outbox_parked": outbox.parked().order_by("-parked_at")[:20],
        }
