"""CourtListener webhooks: store each event once, then apply it through the services."""

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from legaltracker.models import CasePage, WebhookEvent
from legaltracker.sources.base import DocketUpdate
from legaltracker.sources.courtlistener import entry_from_json
from legaltracker.statuses import Source

DOCKET_ALERT = 1


def receive_event(idempotency_key: str, body: dict) -> bool:
    """Store a delivery; False when the same event (a retry) was already stored."""
    from legaltracker.tasks import process_webhook_event

    event_type = body.get("webhook", {}).get("event_type") if isinstance(body.get("webhook"), dict) else None
    try:
        with transaction.atomic():
            event = WebhookEvent.objects.create(
                idempotency_key=idempotency_key[:64], event_type=event_type, payload=body
            )
    except IntegrityError:
        return False
    transaction.on_commit(lambda: process_webhook_event.delay(event.pk))
    return True


def updates_from_docket_alert(payload: dict) -> dict[int, DocketUpdate]:
    """Docket-alert results grouped by CourtListener docket id."""
    updates: dict[int, DocketUpdate] = {}
    for item in payload.get("results") or []:
        if not isinstance(item, dict) or not isinstance(item.get("docket"), int) or "id" not in item:
            continue
        update = updates.setdefault(
            item["docket"], DocketUpdate(source=Source.COURTLISTENER, courtlistener_docket_id=item["docket"])
        )
        update.entries.append(entry_from_json(item))
    return updates


def process_event(event_id: int) -> dict:
    from legaltracker.services import apply_update

    event = WebhookEvent.objects.get(pk=event_id)
    if event.processed_at:
        return {"event": event_id, "skipped": "already processed"}
    applied = []
    if event.event_type == DOCKET_ALERT:
        for docket_id, update in updates_from_docket_alert(event.payload.get("payload") or {}).items():
            cases = CasePage.objects.filter(
                Q(courtlistener_docket_id=docket_id) | Q(status__courtlistener_docket_id=docket_id)
            ).values_list("pk", flat=True)
            for case_id in cases:
                apply_update(case_id, update, actor="webhook:courtlistener")
                applied.append(case_id)
    WebhookEvent.objects.filter(pk=event_id).update(processed_at=timezone.now())
    return {"event": event_id, "cases": applied}
