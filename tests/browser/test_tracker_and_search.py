"""In real Chromium: tracker filters combine, search finds stories and cases, pages fit a phone, under the CSP."""

from datetime import date

import pytest

from legaltracker.models import Allegation, CaseParty
from tests.factories import AuthorFactory, CourtFactory, file_entry, make_article, make_case, site_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def newsroom_site(settings):
    settings.WAGTAILFRONTENDCACHE = {}
    home, news, cases = site_tree()
    sec = CaseParty.objects.create(name="SEC", slug="sec")
    doj = CaseParty.objects.create(name="DOJ", slug="doj")
    fraud = Allegation.objects.create(name="Fraud", slug="fraud")
    nysd = CourtFactory(id="nysd", name="U.S. District Court for the Southern District of New York")
    specs = [
        ("sec-v-binance", "SEC v. Binance", None, "1:23-cv-01599", date(2023, 6, 5), [sec]),
        ("sec-v-ripple", "SEC v. Ripple", nysd, "1:20-cv-10832", date(2020, 12, 22), [sec]),
        ("us-v-sbf", "United States v. Bankman-Fried", nysd, "1:22-cr-00673", date(2022, 12, 9), [doj]),
    ]
    made = {}
    for slug, title, court, number, filed, bringers in specs:
        case = make_case(cases, slug=slug, title=title, court=court, docket_number=number, date_filed=filed)
        case.brought_by.set(bringers)
        case.allegations.set([fraud])
        case.summary = f"<p>{title} turns on whether a stablecoin or token was sold as a security.</p>"
        case.save_revision().publish()
        made[slug] = case
    file_entry(made["sec-v-ripple"], "1", "ORDER approving settlement; case closed.", date(2025, 5, 1))
    article = make_article(
        news,
        title="What the stablecoin rulings mean",
        dek="Three courts, one question about stablecoin issuers.",
        body=[("paragraph", "<p>Judges keep asking whether a stablecoin is a security.</p>")],
        authors=[AuthorFactory(name="Ana Ruiz", slug="ana-ruiz")],
    )
    return {"home": home, "news": news, "cases": cases, "article": article, **made}


def test_tracker_filters_combine_and_the_count_follows(live_server, chromium, newsroom_site):
    page = chromium.new_page()
    page.goto(live_server.url + newsroom_site["cases"].url)
    assert page.locator(".case-count").inner_text() == "3 cases tracked"

    page.select_option("select[name=brought_by]", "sec")
    page.click("button:text('Show cases')")
    page.wait_for_url("**brought_by=sec**")
    assert page.locator(".case-count").inner_text().startswith("2 of the tracked cases match")

    page.select_option("select[name=court]", "nysd")
    page.click("button:text('Show cases')")
    page.wait_for_url("**court=nysd**")
    assert page.locator(".case-count").inner_text().startswith("1 of the tracked cases match")
    assert page.locator("h2.case-title").all_inner_texts() == ["SEC v. Ripple"]
    assert page.locator("select[name=brought_by]").input_value() == "sec"  # the first filter held

    page.select_option("select[name=brought_by]", "doj")
    page.select_option("select[name=status]", "settled")
    page.click("button:text('Show cases')")
    page.wait_for_url("**status=settled**")
    assert "No cases match these filters" in page.locator(".empty-state").inner_text()
    page.click("text=Clear the filters")
    page.wait_for_url(live_server.url + newsroom_site["cases"].url)
    assert page.locator("h2.case-title").count() == 3


def test_search_from_the_header_finds_an_article_and_a_case_with_highlights(live_server, chromium, newsroom_site):
    page = chromium.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(live_server.url + newsroom_site["home"].url)
    page.fill("header input[name=q]", "stablecoin")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search/?q=stablecoin")

    results = page.locator(".search-result")
    found = {
        (results.nth(n).locator(".result-type").inner_text().lower(), results.nth(n).locator("h2").inner_text())
        for n in range(results.count())
    }
    assert ("article", "What the stablecoin rulings mean") in found
    assert ("case", "SEC v. Binance") in found
    assert {text.lower() for text in page.locator("mark").all_inner_texts()} == {"stablecoin"}
    page.click("text=SEC v. Binance")
    page.wait_for_url("**/cases/sec-v-binance/")
    assert errors == []


def test_pages_fit_a_390_pixel_phone_without_sideways_scrolling(live_server, chromium, newsroom_site):
    phone = chromium.new_page(viewport={"width": 390, "height": 844})
    errors = []  # a Content-Security-Policy violation shows here too
    phone.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    cases = newsroom_site["cases"]
    for path in (
        newsroom_site["home"].url,
        cases.url,
        cases.url + "?brought_by=sec&court=nysd",
        cases.url + cases.reverse_subpage("analytics"),
        "/search/?q=stablecoin",
        newsroom_site["article"].url,
        newsroom_site["news"].url + "authors/ana-ruiz/",
    ):
        phone.goto(live_server.url + path)
        overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    assert errors == []
