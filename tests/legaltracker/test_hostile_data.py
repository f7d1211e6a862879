"""Hostile or malformed input at every boundary: webhook bodies, court links, oEmbed URLs, commands."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from legaltracker import outbox
from legaltracker.models import CasePage, CaseStatus, Court, DocketEntry, OutboxMessage, WebhookEvent
from tests.factories import make_case

pytestmark = pytest.mark.django_db

URL = "/hooks/courtlistener/s3cret-path/"


@pytest.fixture
def case(tree, settings):
    settings.WEBHOOK_SECRET = "s3cret-path"
    case = make_case(tree[2])
    CaseStatus.objects.filter(case=case).update(courtlistener_docket_id=4242)
    return case


def entry(**fields) -> dict:
    return {"id": 7, "docket": 4242, "entry_number": 7, "date_filed": "2024-02-01", "description": "ORDER.", **fields}


def deliver(client, key: str, results, event_type=1):
    body = {"payload": {"results": results}, "webhook": {"version": 2, "event_type": event_type}}
    return client.post(URL, json.dumps(body), content_type="application/json", HTTP_IDEMPOTENCY_KEY=key)


@pytest.mark.parametrize(
    "results, problem",
    [
        ("not a list", "results list"),
        ([entry(date_filed="2024-13-45")], "not a date"),
        ([entry(entry_number=2**40)], "entry_number"),
        ([entry(recap_documents="x")], "recap_documents"),
    ],
)
def test_a_poisoned_event_is_parked_with_its_error_and_never_retried_forever(client, case, results, problem):
    assert deliver(client, "poison", results).status_code == 202
    message = OutboxMessage.objects.get(kind="webhook_event")

    assert outbox.run(message.pk) == "parked"
    message.refresh_from_db()
    event = WebhookEvent.objects.get()
    assert message.parked_at and problem in message.last_error
    assert problem in event.error and event.processed_at is None
    assert outbox.sweep() == {} and DocketEntry.objects.count() == 0
    assert outbox.parked().count() == 1


@pytest.mark.parametrize("event_type", ["1", -1, 2**40, None, True])
def test_event_types_that_are_not_small_integers_are_refused_with_400(client, case, event_type):
    response = deliver(client, f"key-{event_type!r}", [entry()], event_type=event_type)
    assert response.status_code == 400 and "event_type" in response.json()["error"]
    assert WebhookEvent.objects.count() == 0


def test_long_idempotency_keys_are_kept_whole(client, case):
    prefix = "k" * 64
    assert deliver(client, prefix + "-first", [entry()]).status_code == 202
    assert deliver(client, prefix + "-second", [entry(id=8, entry_number=8)]).status_code == 202
    assert deliver(client, prefix + "-first", [entry()]).json()["duplicate"] is True
    assert WebhookEvent.objects.count() == 2


def test_court_links_are_kept_and_shown_only_for_http(client, case):
    hostile = [{"document_type": 1, "absolute_url": "javascript:alert(1)"}]
    elsewhere = [{"document_type": 1, "absolute_url": "//evil.example/doc.pdf"}]
    good = [{"document_type": 1, "absolute_url": "/docket/4242/9/order/"}]
    results = [
        entry(id=1, entry_number=1, recap_documents=hostile),
        entry(id=2, entry_number=2, recap_documents=elsewhere),
        entry(id=3, entry_number=3, recap_documents=good),
    ]
    deliver(client, "links", results)
    outbox.run(OutboxMessage.objects.get(kind="webhook_event").pk)
    # A row written before links were checked is not shown either.
    DocketEntry.objects.filter(source_id="2").update(document_url="javascript:alert(2)")

    page = client.get(case.url).content.decode()
    widget = client.get(f"/cases/{case.slug}/widget.json").json()
    assert "javascript:" not in page and "evil.example" not in page
    assert 'href="https://www.courtlistener.com/docket/4242/9/order/"' in page
    assert sorted(filter(None, (e["url"] for e in widget["entries"]))) == [
        "https://www.courtlistener.com/docket/4242/9/order/"
    ]


def test_oembed_answers_only_for_this_sites_host(client, case):
    assert client.get("/oembed/", {"url": case.full_url}).status_code == 200
    foreign = case.full_url.replace("://localhost", "://attacker.example")
    assert client.get("/oembed/", {"url": foreign}).status_code == 404


@pytest.mark.parametrize(
    "court, docket, problem",
    [("nowhere", "1:23-cv-01599", "Unknown court id"), ("dcd", "not a docket", "not a docket number")],
)
def test_track_case_refuses_bad_input_in_one_line_and_writes_nothing(tree, court, docket, problem):
    pages = CasePage.objects.count()
    with pytest.raises(CommandError, match=problem) as error:
        call_command("track_case", court, docket)
    assert "\n" not in str(error.value)
    assert CasePage.objects.count() == pages and not Court.objects.filter(pk=court).exists()


def test_track_case_names_a_known_court_from_the_shipped_list(tree, settings):
    call_command("track_case", "nysd", "1:22-cv-10503", title="Example v. Exchange")
    assert Court.objects.get(pk="nysd").name == "District Court, S.D. New York"


@pytest.mark.parametrize(
    "source, content, problem",
    [
        ("pacer-rss", "", "the file is empty"),
        ("pacer-rss", "<html><body>Service unavailable</body></html>", "Not an RSS or Atom feed"),
        ("courtlistener-docket", json.dumps({"id": 4242, "date_terminated": "2024-13-45"}), "not a date"),
        ("courtlistener-docket", json.dumps({"id": 4242, "entries": [["a list"]]}), "not an object"),
        (
            "courtlistener-webhook",
            json.dumps({"payload": {"results": [entry(entry_number=2**40)]}, "webhook": {"event_type": 1}}),
            "entry_number",
        ),
        ("courtlistener-webhook", "null", "no 'webhook' object"),
    ],
)
def test_malformed_ingest_files_are_one_line_errors(tmp_path, case, source, content, problem):
    path = tmp_path / "bad.data"
    path.write_text(content)
    args = ["--source", source] + (["--court", case.court_id] if source == "pacer-rss" else []) + [str(path)]
    with pytest.raises(CommandError, match=problem) as error:
        call_command("ingest_docket_data", *args)
    assert "\n" not in str(error.value) and DocketEntry.objects.count() == 0
