"""The kinds of outbox message and what running each one does."""

from legaltracker.outbox import SendFailed, register
from legaltracker.sources.base import MalformedData


def _send_task(task, *args, **kwargs) -> None:
    try:
        task.apply_async(args, kwargs, ignore_result=True)
    except Exception as exc:  # any broker failure: the message waits for the broker
        raise SendFailed(f"could not queue {task.name}: {exc}") from exc


@register("case_changed", queued=False)
def case_changed(case_id: int) -> None:
    """Drop the case's cached widget and purge every page that shows it."""
    from legaltracker.invalidation import case_changed as invalidate

    invalidate(case_id)


@register("forget_widget", queued=False)
def forget_widget(case_id: int, slugs: list[str]) -> None:
    from legaltracker.invalidation import forget_widget as forget

    forget(case_id, *slugs)


@register("refresh_case", queued=False)
def refresh_case(case_id: int, with_docket: bool = True) -> None:
    """Queue a CourtListener refresh (the refresh task has its own retries and quota waits)."""
    from legaltracker.tasks import refresh_case as task

    _send_task(task, case_id, with_docket=with_docket)


@register("notify_authors", queued=True)
def notify_authors(case_id: int) -> None:
    from legaltracker.notifications import notify_authors_of_status_change

    notify_authors_of_status_change(case_id)


def _record_webhook_error(payload: dict, error: str, parked: bool) -> None:
    from legaltracker.models import WebhookEvent

    WebhookEvent.objects.filter(pk=payload["event_id"]).update(error=error[:300])


@register("webhook_event", queued=True, permanent=(MalformedData,), on_failure=_record_webhook_error)
def webhook_event(event_id: int) -> None:
    from legaltracker.webhooks import process_event

    process_event(event_id)
