"""In real Chromium: widgets update in place when a case changes, and the embed works cross-origin."""

import pytest
from playwright.sync_api import expect

from tests.factories import file_entry, make_article, make_case, site_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_page(chromium):
    page = chromium.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return page, errors


def test_one_widget_changes_in_place_without_reload(live_server, settings, browser_page):
    settings.WIDGET_POLL_SECONDS = 1
    settings.WAGTAILFRONTENDCACHE = {}
    home, news, cases = site_tree()
    binance = make_case(cases)
    ripple = make_case(cases, slug="sec-v-ripple", title="SEC v. Ripple", docket_number="1:20-cv-10832")
    for case in (binance, ripple):
        file_entry(case, "1", "COMPLAINT filed.")
        file_entry(case, "1a", "SUMMONS issued as to every defendant.")
    article = make_article(
        news,
        title="Two cases",
        body=[
            ("case_widget", {"case": binance, "display": "full", "entries": 3}),
            ("case_widget", {"case": ripple, "display": "full", "entries": 3}),
        ],
    )
    page, errors = browser_page
    page.goto(live_server.url + article.url)
    widgets = page.locator("[data-case-widget]")
    assert widgets.nth(0).locator('[data-field="status_label"]').inner_text() == "ACTIVE"
    page.evaluate("window.__marker = 'no reload'")

    file_entry(binance, "2", "ORDER granting Motion to Stay. <script>alert(1)</script>")

    # expect() polls without eval, which the site's Content-Security-Policy rightly refuses.
    expect(widgets.nth(0).locator('[data-field="status_label"]')).to_have_text("Stayed", timeout=15000)
    assert page.evaluate("window.__marker") == "no reload"
    assert widgets.nth(1).locator('[data-field="status_label"]').inner_text() == "ACTIVE"
    assert "<script>alert(1)</script>" in widgets.nth(0).locator('[data-field="entries"]').inner_text()
    assert page.locator("script:text('alert(1)')").count() == 0
    assert errors == []


def test_embed_page_shows_inside_an_iframe_on_another_origin(live_server, browser_page, httpserver):
    home, news, cases = site_tree()
    case = make_case(cases)
    httpserver.expect_request("/partner").respond_with_data(
        f'<!doctype html><title>Partner</title><iframe id="w" src="{live_server.url}/cases/{case.slug}/embed/" '
        'width="480" height="420"></iframe>',
        content_type="text/html",
    )
    page, errors = browser_page
    page.goto(httpserver.url_for("/partner"))
    frame = page.frame_locator("#w")
    assert "SEC v. Binance" in frame.locator(".cw-title").inner_text(timeout=10000)


def test_history_still_loading_shows_until_the_backfill_is_done(live_server, settings, browser_page, httpserver):
    from legaltracker import services
    from legaltracker.models import CaseStatus
    from tests.legaltracker.standin import DOCKET_ID, DocketStandIn, SimulatedClock, make_entries

    settings.WIDGET_POLL_SECONDS = 1
    settings.WAGTAILFRONTENDCACHE = {}
    settings.COURTLISTENER_BASE_URL = httpserver.url_for("/api/rest/v4/")
    settings.COURTLISTENER_LIMIT_PER_MINUTE = settings.COURTLISTENER_LIMIT_PER_HOUR = 1000
    settings.LEGALTRACKER_TASK_SOFT_TIME_LIMIT = 0  # one page per refresh, as a quota-bound backfill goes
    home, news, cases = site_tree()
    case = make_case(cases, courtlistener_docket_id=DOCKET_ID)
    docket = {"id": DOCKET_ID, "court_id": "dcd", "docket_number": "1:23-cv-01599", "case_name": "SEC v. Binance"}
    DocketStandIn(httpserver, SimulatedClock(), make_entries(250), docket).install()
    services.refresh_case(case.pk)
    article = make_article(
        news, title="Loading", body=[("case_widget", {"case": case, "display": "full", "entries": 3})]
    )

    page, errors = browser_page
    page.goto(live_server.url + article.url)
    note = page.locator('[data-field="history-loading"]')
    assert note.is_visible() and note.inner_text() == "History still loading."

    while CaseStatus.objects.get(pk=case.pk).is_backfilling:
        services.refresh_case(case.pk)

    note.wait_for(state="hidden", timeout=15000)
    assert errors == []
