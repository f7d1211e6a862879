"""System checks (`manage.py check`): what a production site should set for the tracker.

The tracker works with none of these; each warning says what is degraded until it is set.
Silence one with SILENCED_SYSTEM_CHECKS if the trade-off is deliberate.
"""

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from legaltracker.cache_keys import cache_is_shared
from legaltracker.conf import app_settings
from legaltracker.dispatch import celery_configured


@register("legaltracker")
def check_production_settings(app_configs=None, **kwargs):
    problems = []
    if not cache_is_shared():
        problems.append(
            Warning(
                "The default cache is kept per process, so processes cannot see each other's changes.",
                hint=(
                    "Widgets may lag a change by WIDGET_UNSHARED_CACHE_SECONDS, and the CourtListener quota, "
                    "circuit breaker and refresh locks are counted per process. Point CACHES['default'] at a "
                    "cache every process shares: Redis, Memcached or the database cache."
                ),
                id="legaltracker.W001",
            )
        )
    if not celery_configured():
        problems.append(
            Warning(
                "No Celery broker is configured: cases are looked up only when `manage.py refresh_cases` runs.",
                hint=(
                    "Run `manage.py refresh_cases --due` from cron every few minutes, or configure a Celery app with "
                    "CELERY_BROKER_URL and run a worker and beat (legaltracker.tasks.schedule_due_refreshes)."
                ),
                id="legaltracker.W002",
            )
        )
    if not app_settings.WEBHOOK_SECRET:
        problems.append(
            Warning(
                "WEBHOOK_SECRET is empty: the CourtListener webhook URL answers 404 and docket alerts are lost.",
                hint="Set WEBHOOK_SECRET to a long random string and give CourtListener the URL that contains it.",
                id="legaltracker.W003",
            )
        )
    if not getattr(settings, "WAGTAILADMIN_BASE_URL", ""):
        problems.append(
            Warning(
                "WAGTAILADMIN_BASE_URL is not set: oEmbed answers and embed iframes name the host in the Wagtail "
                "Site record (often http://localhost).",
                hint="Set WAGTAILADMIN_BASE_URL to the site's public address, for example https://news.example.com.",
                id="legaltracker.W004",
            )
        )
    try:
        get_template(app_settings.LEGALTRACKER_BASE_TEMPLATE)
    except TemplateDoesNotExist:
        problems.append(
            Error(
                f"Case pages extend {app_settings.LEGALTRACKER_BASE_TEMPLATE!r}, which no template loader finds.",
                hint="Create that template or set LEGALTRACKER_BASE_TEMPLATE to the site's base template.",
                id="legaltracker.E001",
            )
        )
    return problems


@register()
def broker_keeps_waiting_tasks(app_configs, **kwargs):
    """Redis redelivers an unacknowledged task after its visibility timeout, and a task waiting on a
    countdown is unacknowledged: a timeout shorter than the longest wait runs the task twice."""
    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", None) or {}
    visibility = options.get("visibility_timeout")
    if not str(getattr(settings, "CELERY_BROKER_URL", "")).startswith("redis") or visibility is None:
        return []
    needed = (
        max(app_settings.LEGALTRACKER_MAX_RETRY_COUNTDOWN_SECONDS, app_settings.LEGALTRACKER_QUOTA_SHORT_WAIT_SECONDS)
        + app_settings.LEGALTRACKER_TASK_TIME_LIMIT
    )
    if visibility > needed:
        return []
    return [
        Warning(
            f"The broker's visibility_timeout ({visibility}s) is not above the longest retry countdown plus the "
            f"task time limit ({needed}s); Redis would hand waiting refreshes to a second worker.",
            hint="Raise CELERY_VISIBILITY_TIMEOUT or lower LEGALTRACKER_MAX_RETRY_COUNTDOWN_SECONDS.",
            id="legaltracker.W010",
        )
    ]
