"""The editor screens load and do what editors expect."""

import pytest
from django.core.management import call_command

from legaltracker.models import CasePage, CaseStatus, StatusChange
from newsroom.models import ArticlePage, Author, Disclaimer

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo")


def test_editor_screens_load(admin_client, demo, settings):
    settings.COURTLISTENER_TOKEN = ""
    article = ArticlePage.objects.first()
    case = CasePage.objects.get(slug="sec-v-binance")
    urls = [
        "/admin/",
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/{case.pk}/edit/",
        f"/admin/pages/add/legaltracker/casepage/{case.get_parent().pk}/",
        f"/admin/snippets/newsroom/author/edit/{Author.objects.first().pk}/",
        f"/admin/snippets/newsroom/disclaimer/edit/{Disclaimer.objects.first().pk}/",
        "/admin/snippets/legaltracker/court/",
        f"/admin/cases/{case.pk}/status/",
        "/admin/legaltracker_statuschange/",
        "/admin/settings/newsroom/newsroomsettings/",
    ]
    for url in urls:
        response = admin_client.get(url, follow=True)
        assert response.status_code == 200, url
    case_edit = admin_client.get(f"/admin/pages/{case.pk}/edit/").content.decode()
    assert "CourtListener lookups are off" in case_edit and "Dismissed" in case_edit
    # The editor can trace the status to the rule and the docket entry that set it.
    assert "“case dismissed”" in case_edit and "STIPULATION of Dismissal with prejudice" in case_edit
    history = admin_client.get("/admin/legaltracker_statuschange/?case=" + str(case.pk)).content.decode()
    assert "case dismissed" in history


def test_override_reason_replaces_the_contradicted_headline_for_readers(
    client, demo, admin_user, django_capture_on_commit_callbacks
):
    from legaltracker import services

    case = CasePage.objects.get(slug="sec-v-binance")
    reason = "The SEC and Binance agreed terms; the court has not ruled."
    client.get(f"/cases/{case.slug}/widget.json")  # cached before the change, as readers would have it
    with django_capture_on_commit_callbacks(execute=True):
        services.override_status(case.pk, "settled", reason, admin_user)
    data = client.get(f"/cases/{case.slug}/widget.json").json()
    assert data["status"] == "settled" and data["overridden"]
    assert data["headline"] == reason
    assert data["status_source"]["text"] == f"Set by our editors: {reason}"
    with django_capture_on_commit_callbacks(execute=True):
        services.clear_override(case.pk, admin_user)
    data = client.get(f"/cases/{case.slug}/widget.json").json()
    assert data["status"] == "dismissed"
    assert data["status_source"] == {
        "kind": "entry",
        "text": "Source: a docket entry, filed May 29, 2025.",
        "url": None,
    }


def test_editor_overrides_and_clears_a_status_in_the_admin(admin_client, demo, admin_user):
    case = CasePage.objects.get(slug="us-v-bankman-fried")
    url = f"/admin/cases/{case.pk}/status/"

    refused = admin_client.post(url, {"status": "settled", "reason": ""})
    assert refused.status_code == 200 and CaseStatus.objects.get(pk=case.pk).status == "appeal"

    admin_client.post(url, {"status": "closed", "reason": "The appeal was withdrawn in open court."})
    assert CaseStatus.objects.get(pk=case.pk).status == "closed"
    history = admin_client.get("/admin/legaltracker_statuschange/").content.decode()
    assert "The appeal was withdrawn in open court." in history

    admin_client.post(url, {"clear": "1"})
    assert CaseStatus.objects.get(pk=case.pk).status == "appeal"
    assert StatusChange.objects.filter(case=case, reason="Override cleared").exists()


def test_status_history_is_read_only(admin_client, demo):
    change = StatusChange.objects.first()
    assert admin_client.get("/admin/legaltracker_statuschange/new/").status_code in (302, 403)
    assert admin_client.post(f"/admin/legaltracker_statuschange/edit/{change.pk}/", {"reason": "x"}).status_code in (
        302,
        403,
    )
    assert admin_client.post(f"/admin/legaltracker_statuschange/delete/{change.pk}/").status_code in (302, 403)
    assert StatusChange.objects.filter(pk=change.pk, reason=change.reason).exists()


def test_dashboard_shows_quota_use_and_source_health(admin_client, demo, settings):
    from legaltracker.quota import SharedQuota

    settings.COURTLISTENER_TOKEN = "set"
    SharedQuota.courtlistener().acquire()
    SharedQuota.courtlistener().acquire()
    html = admin_client.get("/admin/").content.decode()
    assert "Court data sources" in html and "token set" in html
    assert "<td>Last minute</td><td>2</td><td>5</td>" in html
    assert "U.S. District Court for the District of Columbia" in html
