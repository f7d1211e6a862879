"""System checks: what a production site should set for the tracker to behave."""

from django.conf import settings
from django.core.checks import Warning, register

from legaltracker.conf import app_settings


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
