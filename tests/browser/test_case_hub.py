"""In real Chromium: the case page as the hub for a case, at phone width, and pages that pass axe."""

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.factories import AuthorFactory, file_entry, make_article, make_case, make_image, site_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def axe_violations(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"]]


def test_case_hub_at_phone_width(live_server, settings, phone):
    settings.WIDGET_POLL_SECONDS = 1
    settings.WAGTAILFRONTENDCACHE = {}
    home, news, cases = site_tree()
    case = make_case(cases, caption="Securities and Exchange Commission v. Binance Holdings Limited et al.")
    file_entry(case, "1", "COMPLAINT against Binance Holdings Limited.", date(2023, 6, 5), number=1)
    file_entry(case, "2", "SUMMONS issued as to every defendant.", date(2023, 6, 6), number=2)
    article = make_article(
        news,
        title="The SEC sues Binance",
        authors=[AuthorFactory(name="Maya Ortiz", photo=make_image("Maya Ortiz"))],
        body=[("case_widget", {"case": case, "display": "full", "entries": 3})],
    )
    page, errors = phone

    page.goto(live_server.url + case.url)
    chart = page.get_by_role("img", name="Docket filings per month in SEC v. Binance")
    assert chart.is_visible()
    coverage = page.locator(".case-coverage")
    assert coverage.get_by_role("link", name="The SEC sues Binance").is_visible()
    status = page.locator(".case-hub-status [data-field=status_label]")
    assert status.inner_text() == "ACTIVE"
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert axe_violations(page) == []
    page.evaluate("window.__marker = 'no reload'")

    file_entry(case, "3", "ORDER granting Motion to Stay.", date(2024, 2, 13), number=3)

    expect(status).to_have_text("Stayed", timeout=15000)  # the page's CSP forbids eval'd predicates
    assert page.evaluate("window.__marker") == "no reload"
    assert "Feb. 13, 2024" in page.locator(".case-hub-status [data-field=last_event_date]").inner_text()
    assert errors == []

    page.goto(live_server.url + article.url)
    photo = page.locator(".author-bio .author-photo").bounding_box()
    assert photo["width"] == photo["height"]  # a round photo, not an oval
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert axe_violations(page) == []
    assert errors == []


def test_article_note_appears_in_place_when_the_case_moves_on(live_server, settings, phone):
    from datetime import UTC, datetime

    settings.WIDGET_POLL_SECONDS = 1
    settings.WAGTAILFRONTENDCACHE = {}
    home, news, cases = site_tree()
    case = make_case(cases)
    file_entry(case, "1", "COMPLAINT filed.", date(2023, 6, 5), number=1)
    article = make_article(
        news,
        title="The SEC sues Binance",
        published_at=datetime(2023, 6, 7, tzinfo=UTC),
        body=[("case_widget", {"case": case, "display": "compact"})],
    )
    page, errors = phone
    page.goto(live_server.url + article.url)
    note = page.locator("[data-case-update-note]")
    assert note.is_hidden()

    file_entry(case, "2", "ORDER granting Motion to Stay until 5:00 p.m.", date(2024, 2, 13), number=2)

    note.wait_for(state="visible", timeout=15000)
    assert note.inner_text() == (
        "Since this story was published: SEC v. Binance is now stayed "
        "(ORDER granting Motion to Stay until 5:00 p.m., Feb. 13, 2024). The live case tracker below is current."
    )
    assert errors == []
