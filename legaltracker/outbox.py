"""The transactional outbox: work that must happen after a commit, and is never dropped.

`enqueue` writes an `OutboxMessage` in the caller's transaction. On commit the message is sent:
kinds marked `queued` go to a Celery worker (or run here when the host has no Celery), the others
run in this process. A message that
could not be sent or whose handler failed stays pending; `sweep` (beat, or `manage.py
sweep_outbox`) retries it with backoff, and parks it with its error after too many failures.

Running a message locks its row (skipping rows another process holds) and commits the handler's
writes together with `done_at`, so a message's effects happen exactly once even when a worker
dies half-way or the sweeper and a worker reach it at the same time.

`schedule` records work for later that only the sweeper runs, such as the second purge after a
case change.
"""

import logging
import random
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from legaltracker.conf import app_settings
from legaltracker.dispatch import celery_configured
from legaltracker.models import OutboxMessage

logger = logging.getLogger("legaltracker.outbox")


class SendFailed(Exception):
    """The work could not be handed on (the broker is down): retried later without counting an attempt."""


@dataclass(frozen=True)
class Kind:
    handler: str  # dotted path: the handlers import this module, so it names them instead of importing
    queued: bool
    # Errors that retrying cannot fix (dotted paths): the message is parked at the first one.
    permanent: tuple[str, ...] = ()
    on_failure: str = ""

    def call(self, payload: dict) -> None:
        import_string(self.handler)(**payload)

    def is_permanent(self, exc: Exception) -> bool:
        return isinstance(exc, tuple(import_string(path) for path in self.permanent))


KINDS: dict[str, Kind] = {
    "case_changed": Kind("legaltracker.invalidation.case_changed", queued=False),
    "case_changed_again": Kind("legaltracker.invalidation.forget_and_purge", queued=False),
    "forget_widget": Kind("legaltracker.outbox_kinds.forget_widget", queued=False),
    "purge_case": Kind("legaltracker.purge.purge_case_urls", queued=False),
    "purge_coverage": Kind("legaltracker.outbox_kinds.purge_coverage", queued=False),
    "refresh_case": Kind("legaltracker.outbox_kinds.refresh_case", queued=False),
    # In the process that made the change, as the signal always was sent; retried when a subscriber fails.
    "announce_status_change": Kind("legaltracker.outbox_kinds.announce_status_change", queued=False),
    "webhook_event": Kind(
        "legaltracker.webhooks.process_event",
        queued=True,
        permanent=("legaltracker.sources.base.MalformedData",),
        on_failure="legaltracker.outbox_kinds.record_webhook_error",
    ),
}


def send_task(name: str, *args, **kwargs) -> None:
    """Queue a task by name on the current Celery app; SendFailed when the broker cannot take it."""
    from celery import current_app

    try:
        # No result is kept: the outbox row is the record, and a dead result store must not block sending.
        current_app.send_task(name, args=args, kwargs=kwargs, ignore_result=True)
    except Exception as exc:  # any broker failure: the message waits for the broker
        raise SendFailed(f"could not queue {name}: {exc}") from exc


def enqueue(kind: str, **payload) -> OutboxMessage:
    """Record work to do after the current transaction commits, and send it then."""
    # Due for the sweeper only after the grace period: until then the send at commit has it.
    message = schedule(kind, app_settings.OUTBOX_GRACE_SECONDS, **payload)
    transaction.on_commit(lambda: send(message.pk, kind))
    return message


def schedule(kind: str, delay_seconds: float, **payload) -> OutboxMessage:
    """Record work that the sweeper runs once it is due, `delay_seconds` from now (not sent at commit)."""
    if kind not in KINDS:
        raise ValueError(f"Unknown outbox kind {kind!r}")
    due = timezone.now() + timedelta(seconds=delay_seconds)
    return OutboxMessage.objects.create(kind=kind, payload=payload, next_attempt_at=due)


def send(message_id: int, kind: str) -> None:
    """Hand a committed message to a worker, or run it here; a failure leaves it for the sweeper."""
    # A host without Celery runs queued work here, after the commit (as `dispatch` does for it); the
    # message was recorded first, so a failure still leaves it for `sweep_outbox`.
    if not KINDS[kind].queued or not celery_configured():
        run(message_id)
        return
    try:
        send_task("legaltracker.tasks.run_outbox_message", message_id)
    except SendFailed as exc:  # the row stays pending and is swept
        logger.warning("event=outbox_send_failed message=%s kind=%s error=%r", message_id, kind, exc)
        OutboxMessage.objects.filter(pk=message_id, done_at__isnull=True).update(
            next_attempt_at=timezone.now(), last_error=f"Could not be queued: {exc}"[:2000]
        )


def run(message_id: int) -> str:
    """Run one message if it is still due: 'done', 'retry', 'parked', or 'skipped' (done, parked or busy)."""
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, done_at__isnull=True, parked_at__isnull=True)
            .first()
        )
        if message is None:
            return "skipped"
        kind = KINDS[message.kind]
        message.attempts += 1
        try:
            with transaction.atomic():
                kind.call(message.payload)
        except Exception as exc:  # recorded on the message, retried or parked: never lost
            return _failed(message, kind, exc)
        message.done_at = timezone.now()
        message.last_error = ""
        message.save(update_fields=["attempts", "done_at", "last_error"])
    return "done"


def _failed(message: OutboxMessage, kind: Kind, exc: Exception) -> str:
    error = f"{type(exc).__name__}: {exc}"[:2000]
    if isinstance(exc, SendFailed):
        message.attempts -= 1  # an outage of the broker is no fault of the message
    park = not isinstance(exc, SendFailed) and (
        kind.is_permanent(exc) or message.attempts >= app_settings.OUTBOX_MAX_ATTEMPTS
    )
    now = timezone.now()
    message.last_error = error
    if park:
        message.parked_at = now
    else:
        message.next_attempt_at = now + timedelta(seconds=backoff_seconds(message.attempts))
    message.save(update_fields=["attempts", "last_error", "parked_at", "next_attempt_at"])
    if kind.on_failure:
        import_string(kind.on_failure)(message.payload, error, park)
    log = logger.error if park else logger.warning
    log(
        "event=outbox_failed message=%s kind=%s attempts=%s parked=%s error=%r",
        message.pk,
        message.kind,
        message.attempts,
        park,
        error,
    )
    return "parked" if park else "retry"


def backoff_seconds(attempts: int) -> float:
    """Exponential backoff with jitter, capped at an hour."""
    base = app_settings.OUTBOX_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    return min(base, 3600) * random.uniform(0.5, 1.0)


def pending():
    return OutboxMessage.objects.filter(done_at__isnull=True, parked_at__isnull=True)


def parked():
    return OutboxMessage.objects.filter(done_at__isnull=True, parked_at__isnull=False)


def sweep(limit: int = 500) -> dict[str, int]:
    """Run every pending message that is due, oldest first; returns a count per outcome."""
    due = pending().filter(next_attempt_at__lte=timezone.now()).order_by("next_attempt_at", "pk")
    outcomes: dict[str, int] = {}
    for message_id in list(due.values_list("pk", flat=True)[:limit]):
        outcome = run(message_id)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    # Done messages are kept a week for tracing, then dropped so the table stays small.
    OutboxMessage.objects.filter(done_at__lt=timezone.now() - timedelta(days=7)).delete()
    return outcomes


def reprocess(message_id: int) -> None:
    """An operator sends a parked message again, with a fresh count of attempts."""
    message = OutboxMessage.objects.get(pk=message_id, done_at__isnull=True)
    OutboxMessage.objects.filter(pk=message_id).update(parked_at=None, attempts=0, next_attempt_at=timezone.now())
    transaction.on_commit(lambda: send(message_id, message.kind))
