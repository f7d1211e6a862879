"""CourtListener webhooks: store each event once, then apply it through the services."""

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from legaltracker.models import CasePage, WebhookEvent
from legaltracker.sources.base import DocketUpdate, MalformedData
from legaltracker.sources.courtlistener import add_entries
from legaltracker.statuses import Source

DOCKET_ALERT = 1


def receive_event(idempotency_key: str, body: dict) -> int | None:
    """Store a delivery and return its id; None when the same event (a retry) was already stored."""
    event_type = body.get("webhook", {}).get("event_type") if isinstance(body.get("webhook"), dict) else None
    try:
        with transaction.atomic():
            event = WebhookEvent.objects.create(
                idempotency_key=idempotency_key[:64], event_type=event_type, payload=body
            )
    except IntegrityError:
        return None
    return event.pk


def updates_from_docket_alert(payload: dict) -> dict[int, DocketUpdate]:
    """Docket-alert results grouped by CourtListener docket id."""
    if not isinstance(payload, dict) or not isinstance(payload.get("results"), list):
        raise MalformedData("Docket alert payload without a results list")
    updates: dict[int, DocketUpdate] = {}
    for item in payload["results"]:
        if not isinstance(item, dict) or not isinstance(item.get("docket"), int):
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
    event = WebhookEvent.objects.get(pk=event_id)
    if event.processed_at:
        return {"event": event_id, "skipped": "already processed"}
    try:
        applied = apply_webhook_body(event.payload, actor="webhook:courtlistener")
    except MalformedData as exc:
        WebhookEvent.objects.filter(pk=event_id).update(error=str(exc)[:300], processed_at=timezone.now())
        return {"event": event_id, "error": str(exc)}
    WebhookEvent.objects.filter(pk=event_id).update(processed_at=timezone.now())
    return {"event": event_id, "cases": applied}
