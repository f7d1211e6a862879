"""Operator commands."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from legaltracker.models import CaseIndexPage, CasePage, CaseStatus

pytestmark = pytest.mark.django_db


def test_track_case_on_a_fresh_site_creates_the_index_and_publishes(db, settings):
    settings.COURTLISTENER_TOKEN = ""
    call_command("track_case", "dcd", "1:23-cv-01599", title="SEC v. Binance")
    case = CasePage.objects.get()
    assert case.live and case.docket_number_normalised == "1:23-cv-01599"
    assert CaseIndexPage.objects.filter(live=True).count() == 1
    with pytest.raises(CommandError, match="Already tracked"):
        call_command("track_case", "dcd", "1:23-cv-1599-ABJ")


def test_demo_filing_changes_the_case_through_the_service(db):
    call_command("load_demo")
    before = CaseStatus.objects.get(case__slug="us-v-bankman-fried")
    call_command("demo_filing", "us-v-bankman-fried")
    after = CaseStatus.objects.get(case__slug="us-v-bankman-fried")
    assert after.version == before.version + 1 and after.status == "stayed"
    with pytest.raises(CommandError):
        call_command("demo_filing", "no-such-case")
