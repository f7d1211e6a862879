"""The outbox: work after a commit is written with the change, retried with backoff, parked, reprocessed."""

import socket

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from legaltracker import outbox
from legaltracker.models import OutboxMessage
from tests.factories import AuthorFactory, file_entry, make_article, make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(tree):
    return make_case(tree[2])


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_follow_up_work_of_a_change_is_written_with_it_or_not_at_all(case):
    OutboxMessage.objects.all().delete()
    file_entry(case, "1", "ORDER granting a stay.")
    assert set(OutboxMessage.objects.values_list("kind", flat=True)) == {"case_changed", "announce_status_change"}

    OutboxMessage.objects.all().delete()
    with pytest.raises(RuntimeError), transaction.atomic():
        file_entry(case, "2", "ORDER dismissing the case.")
        raise RuntimeError("the change fails after writing")
    assert not OutboxMessage.objects.exists()


def test_a_failing_email_is_retried_with_backoff_then_parked_and_reprocessed(
    tree, case, settings, admin_client, django_capture_on_commit_callbacks
):
    # A real SMTP connection to a port nobody listens on.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    settings.OUTBOX_MAX_ATTEMPTS = 3
    make_article(
        tree[1],
        body=[("case_widget", {"case": case, "display": "compact", "entries": 3})],
        authors=[AuthorFactory(email="reporter@example.com")],
    )
    OutboxMessage.objects.all().delete()
    file_entry(case, "1", "ORDER granting a stay.")
    message = OutboxMessage.objects.get(kind="announce_status_change")

    assert outbox.run(message.pk) == "retry"
    message.refresh_from_db()
    assert (
        message.attempts == 1
        and message.next_attempt_at > timezone.now()
        and "Connection refused" in message.last_error
    )
    assert outbox.sweep() == {}  # not due yet
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
    assert outbox.sweep() == {"retry": 1}
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
    assert outbox.sweep() == {"parked": 1}

    dashboard = admin_client.get("/admin/").content.decode()
    assert "announce_status_change" in dashboard and "Connection refused" in dashboard and "Reprocess" in dashboard

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=False):
        admin_client.post(f"/admin/outbox/{message.pk}/reprocess/")
    assert outbox.run(message.pk) == "done"
    from django.core import mail

    assert [m.to for m in mail.outbox] == [["reporter@example.com"]]
    assert outbox.parked().count() == 0


def test_sweep_outbox_command_reports_what_it_did(case, capsys):
    OutboxMessage.objects.update(next_attempt_at=timezone.now())
    call_command("sweep_outbox")
    assert "Outbox:" in capsys.readouterr().out and outbox.pending().filter(kind="case_changed").count() == 0
