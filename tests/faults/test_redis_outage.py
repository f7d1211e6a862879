"""Redis (cache and broker) dies while readers load pages and CourtListener pushes webhooks."""

import time

import pytest

from legaltracker.models import DocketEntry, OutboxMessage, WebhookEvent
from tests.faults.conftest import Readers, deliver, reader_paths, record, wait_until

pytestmark = pytest.mark.django_db(transaction=True)


def processed_events() -> int:
    return WebhookEvent.objects.filter(processed_at__isnull=False).count()


def test_pages_stay_up_and_every_webhook_is_processed_once_across_a_redis_outage(site, web, redis_server, worker, beat):
    case = site["case"]
    with Readers(web.url, reader_paths(site)) as readers:
        before = [deliver(web.url, f"event-{n}", [n]) for n in range(1, 4)]
        wait_until(lambda: processed_events() == 3, 30, "events sent before the outage")

        redis_server.kill()  # mid-request: readers are loading pages right now
        during = [deliver(web.url, f"event-{n}", [n]) for n in range(4, 14)]
        # CourtListener retries some deliveries while we are still down: same key, same event.
        retried = [deliver(web.url, f"event-{n}", [n]) for n in (4, 5)]
        time.sleep(2)  # readers keep reading from the database alone
        assert processed_events() == 3  # nothing could be handed to a worker

        redis_server.start()
        retried += [deliver(web.url, f"event-{n}", [n]) for n in (6, 7)]  # a retry after the broker is back
        # Beat's outbox sweep sends what could not be queued during the outage.
        wait_until(lambda: processed_events() == 13, 60, "every event stored during the outage")
        # The widget reflects every entry: nothing cached during the outage outlives the changes.
        wait_until(lambda: readers_widget_has(web.url, case.slug, 13), 30, "the widget to show the newest docket entry")

    assert [status for status, _ in before + during] == [202] * 13
    assert [status for status, _ in retried] == [200] * 4
    assert max(seconds for _, seconds in during) < 5  # stored at once, no hang on the dead broker
    events = WebhookEvent.objects.all()
    assert events.count() == 13 and all(event.processed_at and not event.error for event in events)
    entries = list(DocketEntry.objects.filter(case=case).values_list("entry_number", flat=True))
    assert sorted(entries) == list(range(1, 14))  # none lost, none doubled
    # The second purge after each change is due a few seconds later; beat's sweep runs it too.
    wait_until(lambda: not OutboxMessage.objects.filter(done_at__isnull=True).exists(), 30, "the outbox to drain")
    assert readers.errors == 0, readers.failures
    record("Redis (cache + broker) killed and restarted, webhooks during", readers, 13 - processed_events())


def readers_widget_has(base_url: str, slug: str, number: int) -> bool:
    import requests

    data = requests.get(f"{base_url}/cases/{slug}/widget.json?entries=10", headers={"Host": "localhost"}).json()
    return any(entry["entry_number"] == number for entry in data["entries"])
