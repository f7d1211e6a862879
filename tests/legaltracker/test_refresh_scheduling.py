"""When refreshes run again: failures back off and stop, a spent quota waits for beat, locks expire with tasks."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from config.celery import app
from legaltracker import services, tasks
from legaltracker.conf import app_settings
from legaltracker.models import CasePage, CaseStatus
from legaltracker.quota import SharedQuota
from legaltracker.sources.base import RateLimited
from legaltracker.statuses import Health
from tests.factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def courtlistener(courtlistener, settings):
    settings.LEGALTRACKER_FAILURE_MAX_TRIES = 3
    return courtlistener


def hours_until_next_try(case) -> float:
    status = CaseStatus.objects.get(pk=case.pk)
    return (status.next_refresh_at - timezone.now()).total_seconds() / 3600


def test_a_docket_not_found_is_retried_after_1_4_hours_then_stops_until_an_editor_saves(
    courtlistener, tree, admin_client
):
    case = make_case(tree[2], slug="typo", docket_number="1:23-cv-99999")
    courtlistener.expect_request("/api/rest/v4/dockets/").respond_with_json({"next": None, "results": []})

    services.refresh_case(case.pk)
    assert 0.98 < hours_until_next_try(case) <= 1
    services.refresh_case(case.pk)
    assert 3.98 < hours_until_next_try(case) <= 4
    assert case.pk not in services.due_case_ids(10)

    services.refresh_case(case.pk)
    status = CaseStatus.objects.get(pk=case.pk)
    assert status.failure_count == 3 and status.next_refresh_at is None
    assert status.health == Health.FAILING and "check the docket number" in status.health_message
    assert case.pk not in services.due_case_ids(10)  # stopped: no more calls on its own
    dashboard = admin_client.get("/admin/").content.decode()
    assert "check the docket number" in dashboard and "stopped" in dashboard

    CasePage.objects.get(pk=case.pk).save_revision().publish()  # the editor fixes and saves the case
    assert CaseStatus.objects.get(pk=case.pk).failure_count == 0
    assert case.pk in services.due_case_ids(10)


def test_refresh_cases_for_one_case_forgives_earlier_failures(courtlistener, tree):
    case = make_case(tree[2], slug="typo", docket_number="1:23-cv-99999")
    courtlistener.expect_request("/api/rest/v4/dockets/").respond_with_json({"next": None, "results": []})
    for _ in range(3):
        services.refresh_case(case.pk)
    calls = len(courtlistener.log)

    out = StringIO()
    call_command("refresh_cases", "--case", "typo", stdout=out, stderr=StringIO())

    assert len(courtlistener.log) == calls + 1  # it asked CourtListener again
    assert CaseStatus.objects.get(pk=case.pk).failure_count == 1  # and counts from one again
    assert "check the docket number" in out.getvalue()


def test_a_refused_docket_is_flagged_with_the_token_to_check(courtlistener, tree, admin_client):
    case = make_case(tree[2], courtlistener_docket_id=4242)
    courtlistener.expect_request("/api/rest/v4/dockets/4242/").respond_with_json({"detail": "no"}, status=403)

    result = services.refresh_case(case.pk)

    assert "check COURTLISTENER_TOKEN" in result.skipped
    assert 0.98 < hours_until_next_try(case) <= 1
    assert "check COURTLISTENER_TOKEN" in admin_client.get("/admin/").content.decode()
    assert "check COURTLISTENER_TOKEN" in admin_client.get(f"/admin/pages/{case.pk}/edit/").content.decode()


def test_a_task_that_meets_a_spent_hour_stops_and_leaves_the_case_due(courtlistener, tree, settings):
    settings.COURTLISTENER_LIMIT_PER_HOUR = 1
    case = make_case(tree[2], courtlistener_docket_id=4242)
    CaseStatus.objects.filter(pk=case.pk).update(next_refresh_at=timezone.now() - timedelta(minutes=5))
    SharedQuota.courtlistener().acquire()  # another worker spent this hour's only call

    result = tasks.refresh_case(case.pk)  # returns instead of retrying an hour later from the broker

    assert "quota spent" in result["skipped"] and not courtlistener.log
    assert case.pk in services.due_case_ids(10)


def test_a_task_that_meets_a_spent_minute_retries_after_the_short_wait(courtlistener, tree, settings):
    settings.COURTLISTENER_LIMIT_PER_MINUTE = 1
    case = make_case(tree[2], courtlistener_docket_id=4242)
    SharedQuota.courtlistener().acquire()

    # Called outside a worker, Celery's retry re-raises the error that asked for it.
    with pytest.raises(RateLimited) as waiting:
        tasks.refresh_case(case.pk)
    assert 0 < waiting.value.retry_after < app_settings.LEGALTRACKER_QUOTA_SHORT_WAIT_SECONDS


def test_a_refresh_lock_expires_with_the_task_time_limit(tree):
    case = make_case(tree[2])
    assert services.refresh_lock(case.pk)
    key = cache.make_and_validate_key(f"legaltracker:refresh-lock:{case.pk}")
    ttl = cache._cache.get_client(key).ttl(key)  # what Redis will do if the worker is killed now

    assert tasks.refresh_case.time_limit - 2 <= ttl <= tasks.refresh_case.time_limit
    assert not services.refresh_lock(case.pk)


def test_the_broker_keeps_a_waiting_task_longer_than_any_countdown_and_run():
    visibility = app.conf.broker_transport_options["visibility_timeout"]
    short_quota_wait = app_settings.LEGALTRACKER_QUOTA_SHORT_WAIT_SECONDS + tasks.JITTER_SECONDS
    longest_wait = max(tasks.longest_countdown(), short_quota_wait, tasks.backoff_seconds(99))
    for task in (tasks.refresh_case, tasks.refresh_court_feed, tasks.schedule_due_refreshes):
        assert visibility > longest_wait + task.time_limit


def test_manage_py_check_warns_when_the_broker_would_redeliver_waiting_tasks(settings):
    from legaltracker.checks import broker_keeps_waiting_tasks

    assert broker_keeps_waiting_tasks(None) == []
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 600}
    [warning] = broker_keeps_waiting_tasks(None)
    assert warning.id == "legaltracker.W010" and "CELERY_VISIBILITY_TIMEOUT" in warning.hint
