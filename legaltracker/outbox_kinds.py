"""Outbox handlers that adapt a message's payload to the code it calls (named in `outbox.KINDS`)."""

from legaltracker.dispatch import celery_configured
from legaltracker.hub import cases_referenced_by
from legaltracker.invalidation import forget_widget as forget
from legaltracker.models import WebhookEvent
from legaltracker.outbox import send_task
from legaltracker.purge import purge_case_pages_of
from legaltracker.services.updates import announce_status_change as announce


def forget_widget(case_id: int, slugs: list[str]) -> None:
    forget(case_id, *slugs)


def refresh_case(case_id: int, with_docket: bool = True) -> None:
    """Queue a CourtListener refresh (the refresh task has its own retries and quota waits).

    Without Celery there is nothing to queue: `refresh_cases`, run from cron, finds the case due.
    """
    if celery_configured():
        send_task("legaltracker.tasks.refresh_case", case_id, with_docket=with_docket)


def announce_status_change(case_id: int) -> None:
    """Send `case_status_changed` (newsroom emails the authors); a subscriber's failure is retried."""
    announce(case_id, strict=True)


def record_webhook_error(payload: dict, error: str, parked: bool) -> None:
    WebhookEvent.objects.filter(pk=payload["event_id"]).update(error=error[:300])


def purge_coverage(page_id: int, previous_case_ids: list[int] = ()) -> None:
    """Purge the case pages whose coverage list shows this page now or showed it before the change."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    now = cases_referenced_by(page) if page is not None else []
    purge_case_pages_of(sorted(set(now) | set(previous_case_ids)))
