"""Saved court data through `ingest_docket_data`, and CourtListener webhooks."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from legaltracker.models import CaseStatus, DocketEntry, WebhookEvent
from legaltracker.webhooks import process_event
from tests.factories import CourtFactory, make_case
from tests.samples import sample

pytestmark = pytest.mark.django_db

DOCKET = {
    "id": 4242,
    "court_id": "dcd",
    "docket_number": "1:23-cv-01599",
    "case_name": "SEC v. Binance Holdings Limited",
    "assigned_to_str": "Amy Berman Jackson",
    "referred_to_str": "Zia M. Faruqui",
    "date_filed": "2023-06-05",
    "date_terminated": None,
}
ENTRIES = [
    {
        "id": 1,
        "docket": 4242,
        "entry_number": 1,
        "date_filed": "2023-06-05",
        "description": "COMPLAINT filed.",
        "date_modified": "2023-06-05T10:00:00-07:00",
        "recap_documents": [],
    },
    {
        "id": 2,
        "docket": 4242,
        "entry_number": 2,
        "date_filed": "2023-08-16",
        "description": "MINUTE ORDER referring the motion to Magistrate Judge Zia M. Faruqui.",
        "date_modified": "2023-08-16T10:00:00-07:00",
        "recap_documents": [{"document_type": 1, "description": "Order", "absolute_url": "/docket/4242/2/order/"}],
    },
]


def write(tmp_path, name, data) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return str(path)


def snapshot():
    return sorted(DocketEntry.objects.values_list("source", "source_id", "description")), list(
        CaseStatus.objects.order_by("pk").values_list("version", "status")
    )


@pytest.fixture
def case(tree):
    return make_case(tree[2])


def test_courtlistener_docket_file_applies_once(tmp_path, case):
    path = write(tmp_path, "docket.json", {**DOCKET, "entries": ENTRIES})
    call_command("ingest_docket_data", "--source", "courtlistener-docket", path)
    first = snapshot()
    call_command("ingest_docket_data", "--source", "courtlistener-docket", path)

    assert snapshot() == first
    status = CaseStatus.objects.get(pk=case.pk)
    assert (status.judge, status.courtlistener_docket_id, status.status) == ("Amy Berman Jackson", 4242, "active")
    assert DocketEntry.objects.get(source_id="2").document_url == "https://www.courtlistener.com/docket/4242/2/order/"


def test_pacer_rss_file_applies_once(tmp_path, tree):
    court = CourtFactory(id="nysd", name="S.D.N.Y.")
    tracked = make_case(tree[2], slug="chau", court=court, docket_number="1:18-cv-03365")
    path = str(sample("pacer_rss/sdny_1.xml"))
    call_command("ingest_docket_data", "--source", "pacer-rss", "--court", "nysd", path)
    first = snapshot()
    call_command("ingest_docket_data", "--source", "pacer-rss", "--court", "nysd", path)

    assert snapshot() == first
    assert DocketEntry.objects.filter(case=tracked).exists()


def test_webhook_file_applies_once(tmp_path, case):
    CaseStatus.objects.filter(case=case).update(courtlistener_docket_id=4242)
    path = write(tmp_path, "hook.json", {"payload": {"results": ENTRIES}, "webhook": {"version": 2, "event_type": 1}})
    call_command("ingest_docket_data", "--source", "courtlistener-webhook", path)
    first = snapshot()
    call_command("ingest_docket_data", "--source", "courtlistener-webhook", path)
    assert snapshot() == first and DocketEntry.objects.count() == 2


@pytest.mark.parametrize(
    "source, content, problem",
    [
        ("courtlistener-docket", '{"id": 42', "not valid JSON"),
        ("courtlistener-docket", json.dumps({**DOCKET, "id": "x"}), "integer id"),
        (
            "courtlistener-docket",
            json.dumps({**DOCKET, "entries": [ENTRIES[0], {"description": "no id"}]}),
            "without an id",
        ),
        ("courtlistener-docket", json.dumps({**DOCKET, "id": 1, "docket_number": "1:99-cv-00001"}), "No tracked case"),
        ("courtlistener-webhook", json.dumps({"payload": {}}), "no 'webhook' object"),
        ("pacer-rss", "<?xml version='1.0'?><rss><channel><item><title>1:23-cv-01599", "truncated|parsed"),
    ],
)
def test_bad_files_are_refused_whole_with_one_line(tmp_path, case, source, content, problem):
    path = write(tmp_path, "bad.data", content)
    args = ["--source", source] + (["--court", "dcd"] if source == "pacer-rss" else []) + [path]
    with pytest.raises(CommandError, match=problem) as error:
        call_command("ingest_docket_data", *args)
    message = str(error.value)
    assert message.startswith(path) and "\n" not in message
    assert DocketEntry.objects.count() == 0


def test_missing_file_names_the_file(case):
    with pytest.raises(CommandError, match="nowhere.json: cannot read"):
        call_command("ingest_docket_data", "--source", "courtlistener-docket", "nowhere.json")


def test_webhook_receiver_stores_each_event_once(client, settings, case, django_capture_on_commit_callbacks):
    settings.WEBHOOK_SECRET = "s3cret-path"
    CaseStatus.objects.filter(case=case).update(courtlistener_docket_id=4242)
    body = json.dumps({"payload": {"results": ENTRIES}, "webhook": {"version": 2, "event_type": 1}})
    url = "/hooks/courtlistener/s3cret-path/"

    with django_capture_on_commit_callbacks(execute=False) as queued:
        first = client.post(url, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="3f0c-uuid")
    retry = client.post(url, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="3f0c-uuid")

    assert (first.status_code, retry.status_code) == (202, 200)
    assert retry.json()["duplicate"] is True
    assert WebhookEvent.objects.count() == 1 and len(queued) == 1  # one hand-off to Celery
    assert client.post("/hooks/courtlistener/wrong/", body, content_type="application/json").status_code == 404
    assert client.post(url, body, content_type="application/json").status_code == 400  # no Idempotency-Key

    result = process_event(WebhookEvent.objects.get().pk)
    assert result["cases"] == [case.pk]
    assert DocketEntry.objects.filter(case=case).count() == 2
    assert process_event(WebhookEvent.objects.get().pk)["skipped"] == "already processed"
