"""CourtListener webhooks: store each event once, then apply it through the services."""

import hashlib

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from legaltracker import outbox
from legaltracker.models import CasePage, WebhookEvent
from legaltracker.sources.base import DocketUpdate, MalformedData
from legaltracker.sources.courtlistener import add_entries
from legaltracker.statuses import Source

DOCKET_ALERT = 1
KEY_LENGTH = 64
MAX_EVENT_TYPE = 32767  # WebhookEvent.event_type is a small integer


def storage_key(idempotency_key: str) -> str:
    """The key as stored: itself when it fits, else its SHA-256, so long keys never collide on a prefix."""
    if len(idempotency_key) <= KEY_LENGTH:
        return idempotency_key
    return hashlib.sha256(idempotency_key.encode()).hexdigest()


def valid_event_type(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_EVENT_TYPE


def receive_event(idempotency_key: str, body: dict) -> bool:
    """Store a delivery and its processing in one transaction; False when the event was already stored.

    A retried delivery also sends the stored event's pending work again, so an event stored while
    the broker was down is processed as soon as either the sender or the sweeper tries again.
    """
    key = storage_key(idempotency_key)
    event_type = body["webhook"].get("event_type")
    try:
        with transaction.atomic():
            event = WebhookEvent.objects.create(idempotency_key=key, event_type=event_type, payload=body)
            outbox.enqueue("webhook_event", event_id=event.pk)
    except IntegrityError:
        event = WebhookEvent.objects.filter(idempotency_key=key).first()
        if event is None:
            raise
        for message in pending_messages(event.pk):
            outbox.send(message.pk, message.kind)
        return False
    return True


def pending_messages(event_id: int):
    return outbox.pending().filter(kind="webhook_event", payload__event_id=event_id)


def updates_from_docket_alert(payload: dict) -> dict[int, DocketUpdate]:
    """Docket-alert results grouped by CourtListener docket id."""
    if not isinstance(payload, dict) or not isinstance(payload.get("results"), list):
        raise MalformedData("Docket alert payload without a results list")
    updates: dict[int, DocketUpdate] = {}
    for item in payload["results"]:
        if not isinstance(item, dict) or not isinstance(item.get("docket"), int) or isinstance(item["docket"], bool):
            raise MalformedData("Docket alert entry without an integer docket id")
        update = updates.setdefault(
            item["docket"], DocketUpdate(source=Source.COURTLISTENER, courtlistener_docket_id=item["docket"])
        )
        add_entries(update, [item])
    return updates


def cases_for_docket(docket_id: int) -> list[int]:
    return list(
        CasePage.objects.filter(Q(courtlistener_docket_id=docket_id) | Q(status__courtlistener_docket_id=docket_id))
        .values_list("pk", flat=True)
        .distinct()
    )


def apply_webhook_body(body: dict, actor: str) -> list[int]:
    """Apply a webhook body (envelope with `payload` and `webhook`) to the cases it concerns."""
    from legaltracker.services import apply_update

    if not isinstance(body, dict) or not isinstance(body.get("webhook"), dict):
        raise MalformedData("Not a CourtListener webhook body: no 'webhook' object")
    if body["webhook"].get("event_type") != DOCKET_ALERT:
        return []
    applied = []
    for docket_id, update in updates_from_docket_alert(body.get("payload")).items():
        for case_id in cases_for_docket(docket_id):
            apply_update(case_id, update, actor=actor)
            applied.append(case_id)
    return applied


def process_event(event_id: int) -> dict:
    """Apply a stored event once. Raises MalformedData (or any other error) for the outbox to record."""
    event = WebhookEvent.objects.get(pk=event_id)
    if event.processed_at:
        return {"event": event_id, "skipped": "already processed"}
    applied = apply_webhook_body(event.payload, actor="webhook:courtlistener")
    WebhookEvent.objects.filter(pk=event_id).update(processed_at=timezone.now(), error="")
    return {"event": event_id, "cases": applied}
