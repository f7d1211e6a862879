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
    # Docket entries per CourtListener page: the largest page the API allows, so a backfill costs few calls.
    "COURTLISTENER_ENTRIES_PAGE_SIZE": 100,
    # Once a docket's history is in, its metadata is re-read at most this often unless new entries arrive.
    "LEGALTRACKER_DOCKET_RECHECK_MINUTES": 24 * 60,
    # A docket not found, refused or malformed is retried after 1 h, then 4 h, 16 h...; after this
    # many failures in a row it waits for an editor (saving the case or `refresh_cases --case`).
    "LEGALTRACKER_FAILURE_BACKOFF_MINUTES": 60,
    "LEGALTRACKER_FAILURE_BACKOFF_FACTOR": 4,
    "LEGALTRACKER_FAILURE_MAX_TRIES": 4,
    # A task that meets a spent quota retries itself only when the wait is shorter than this;
    # otherwise it stops and the case stays due for the next beat run.
    "LEGALTRACKER_QUOTA_SHORT_WAIT_SECONDS": 60,
    # The longest countdown any retry may ask for; the broker's visibility timeout must exceed it
    # plus the task time limit, or Redis hands the waiting task to a second worker.
    "LEGALTRACKER_MAX_RETRY_COUNTDOWN_SECONDS": 900,
    # Hard and soft time limits of the refresh tasks; the per-case lock expires with the hard one.
    "LEGALTRACKER_TASK_TIME_LIMIT": 240,
    "LEGALTRACKER_TASK_SOFT_TIME_LIMIT": 200,
    # The cache (alias) that holds the shared quota: on Redis it is counted by `limits`, on any
    # other cache (the embedded default's database cache) by a small sliding log in the cache.
    "LEGALTRACKER_QUOTA_CACHE": "default",
    # Widgets: browser and CDN caching of widget.json, and how often widget.js polls.
    "WIDGET_MAX_AGE": 30,
    "WIDGET_STALE_WHILE_REVALIDATE": 300,
    "WIDGET_POLL_SECONDS": 60,
    # Seconds a web process reuses a widget payload before asking the shared cache again.
    "WIDGET_LOCAL_CACHE_SECONDS": 2,
    # Seconds a widget payload stays in the default cache. Every change invalidates it there, but a
    # per-process cache (LocMemCache) only hears of changes made in the same process, so there the
    # shorter time applies and bounds how stale a widget can be.
    "WIDGET_CACHE_SECONDS": 3600,
    "WIDGET_UNSHARED_CACHE_SECONDS": 10,
    # Seconds a case page or the case index keeps its rendered content as a fragment (0: never).
    # Every case change deletes the fragment of the page's own URL; a variant with a query string
    # (?page=2, filters) is not named by purges and simply expires, as it does at a CDN.
    "LEGALTRACKER_PAGE_FRAGMENT_SECONDS": 300,
    # Who may frame the embed page (Content-Security-Policy frame-ancestors).
    "EMBED_FRAME_ANCESTORS": ["*"],
    # The template case pages extend; it must have Wagtail's project-template blocks
    # (title, extra_css for head content, body_class, content, extra_js).
    "LEGALTRACKER_BASE_TEMPLATE": "base.html",
    # The outbox of work after a commit: failures are retried with backoff from this base, then
    # parked after this many attempts; a message not sent within the grace period is swept.
    "OUTBOX_MAX_ATTEMPTS": 5,
    "OUTBOX_RETRY_BASE_SECONDS": 30,
    "OUTBOX_GRACE_SECONDS": 60,
    # After a case change, its pages and widget are purged at the commit and once more this many
    # seconds later (run by the outbox sweeper), for copies a render in flight stored in between.
    "CASE_REPURGE_DELAY_SECONDS": 5,
}


class AppSettings:
    """Attribute access to the tracker's settings: the host's value, else the default above."""

    def __getattr__(self, name: str):
        if name not in DEFAULTS:
            raise AttributeError(f"legaltracker has no setting {name}")
        return getattr(settings, name, DEFAULTS[name])


app_settings = AppSettings()


def content_fragment_seconds(request) -> int:
    """How long a case page or the index may keep its rendered content; previews never do."""
    if getattr(request, "is_preview", False):
        return 0
    return app_settings.LEGALTRACKER_PAGE_FRAGMENT_SECONDS
