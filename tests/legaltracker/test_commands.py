"""Operator commands."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from legaltracker.models import CaseIndexPage, CasePage, CaseStatus
from tests.factories import CourtFactory, make_case
from tests.samples import sample

pytestmark = pytest.mark.django_db


def test_track_case_on_a_fresh_site_creates_the_index_and_publishes(db, settings):
    settings.COURTLISTENER_TOKEN = ""
    call_command("track_case", "dcd", "1:23-cv-01599", title="SEC v. Binance")
    case = CasePage.objects.get()
    assert case.live and case.docket_number_normalised == "1:23-cv-01599"
    assert CaseIndexPage.objects.filter(live=True).count() == 1
    with pytest.raises(CommandError, match="Already tracked"):
        call_command("track_case", "dcd", "1:23-cv-1599-ABJ")


def test_demo_statuses_are_what_the_engine_derives_from_the_demo_dockets(db):
    call_command("load_demo")
    statuses = {s.case.slug: s for s in CaseStatus.objects.select_related("case", "status_entry")}
    assert {slug: s.status for slug, s in statuses.items()} == {
        "sec-v-binance": "dismissed",
        "sec-v-coinbase": "dismissed",
        "sec-v-ripple": "judgment",
        "us-v-bankman-fried": "appeal",
    }
    # Ripple's appeals were dismissed, so the final judgment stands, traced to the mandate.
    assert statuses["sec-v-ripple"].status_rule == "appeals court affirms" or statuses[
        "sec-v-ripple"
    ].status_entry.description.startswith("MANDATE")
    tracked = set(CasePage.objects.filter(tracking=True).values_list("slug", flat=True))
    assert tracked == {"us-v-bankman-fried"}


def test_demo_filing_adds_a_filing_without_inventing_a_ruling(db):
    call_command("load_demo")
    before = CaseStatus.objects.get(case__slug="us-v-bankman-fried")
    call_command("demo_filing", "us-v-bankman-fried")
    after = CaseStatus.objects.get(case__slug="us-v-bankman-fried")
    assert after.version == before.version + 1 and after.status == "appeal"
    newest = CasePage.objects.get(slug="us-v-bankman-fried").docket_entries.order_by("-pk").first()
    assert newest.description.startswith("LETTER")
    with pytest.raises(CommandError):
        call_command("demo_filing", "no-such-case")


def test_refresh_cases_due_from_cron_polls_each_due_feed_once_per_interval(httpserver, tree, settings):
    settings.COURTLISTENER_TOKEN = ""  # no lookups: the court feed alone keeps the case current
    court = CourtFactory(id="wvsd", name="S.D. W. Va.", pacer_rss_url=httpserver.url_for("/rss"))
    case = make_case(tree[2], slug="sigman-v-csx", title="Sigman v. CSX", court=court, docket_number="3:15-cv-13328")
    httpserver.expect_request("/rss").respond_with_data(
        sample("pacer_rss/wvsd.xml").read_bytes(), content_type="application/rss+xml"
    )

    call_command("refresh_cases", "--due")
    call_command("refresh_cases", "--due")  # the next cron run, inside the feed interval: nothing is due

    assert len(httpserver.log) == 1
    assert "Order Dismissing Case" in case.docket_entries.get().description
