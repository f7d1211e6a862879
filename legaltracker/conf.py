"""The tracker's settings, each with its default, read lazily from Django's settings.

A host site sets nothing to get working defaults; `legaltracker.checks` warns about what a
production site should set. Read values as `app_settings.NAME` at call time (never at import),
so tests and hosts that change settings see the new value.
"""

from django.conf import settings

DEFAULTS = {
    # CourtListener REST API v4; the account's quota (defaults: the free tier) is shared by every worker.
    "COURTLISTENER_BASE_URL": "https://www.courtlistener.com/api/rest/v4/",
    "COURTLISTENER_TOKEN": "",
    "COURTLISTENER_LIMIT_PER_MINUTE": 5,
    "COURTLISTENER_LIMIT_PER_HOUR": 50,
    "COURTLISTENER_LIMIT_PER_DAY": 125,
    "COURTLISTENER_TIMEOUT": (5, 20),
    "PACER_RSS_TIMEOUT": (5, 20),
    "LEGALTRACKER_USER_AGENT": "Docket Desk case tracker",
    # The secret path segment of the CourtListener webhook URL; empty: the webhook answers 404.
    "WEBHOOK_SECRET": "",
    # Minutes between polls of each tracked court's PACER RSS feed, and of each case's docket.
    "LEGALTRACKER_FEED_INTERVAL_MINUTES": 5,
    "LEGALTRACKER_ACTIVE_CASE_INTERVAL_MINUTES": 60,
    "LEGALTRACKER_QUIET_CASE_INTERVAL_MINUTES": 24 * 60,
    "LEGALTRACKER_RETRY_BASE_SECONDS": 10,
    "LEGALTRACKER_BREAKER_THRESHOLD": 5,
    "LEGALTRACKER_BREAKER_COOLDOWN_SECONDS": 600,
    # How long a per-case refresh lock lives if its worker dies holding it (longer than a task may run).
    "LEGALTRACKER_REFRESH_LOCK_SECONDS": 300,
    # Widgets: browser and CDN caching of widget.json, and how often widget.js polls.
    "WIDGET_MAX_AGE": 30,
    "WIDGET_STALE_WHILE_REVALIDATE": 300,
    "WIDGET_POLL_SECONDS": 60,
    # Seconds a web process reuses a widget payload before asking the shared cache again.
    "WIDGET_LOCAL_CACHE_SECONDS": 2,
    # Who may frame the embed page (Content-Security-Policy frame-ancestors).
    "EMBED_FRAME_ANCESTORS": ["*"],
    # The outbox of work after a commit: failures are retried with backoff from this base, then
    # parked after this many attempts; a message not sent within the grace period is swept.
    "OUTBOX_MAX_ATTEMPTS": 5,
    "OUTBOX_RETRY_BASE_SECONDS": 30,
    "OUTBOX_GRACE_SECONDS": 60,
}


class AppSettings:
    """Attribute access to the tracker's settings: the host's value, else the default above."""

    def __getattr__(self, name: str):
        if name not in DEFAULTS:
            raise AttributeError(f"legaltracker has no setting {name}")
        return getattr(settings, name, DEFAULTS[name])


app_settings = AppSettings()
