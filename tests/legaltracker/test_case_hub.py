"""The case page as the hub for a case, and what readers are (and are not) told about freshness."""

import re
from datetime import date

import pytest
from wagtail.models import ReferenceIndex

from legaltracker import services
from legaltracker.models import CaseStatus, Court
from legaltracker.statuses import Health
from tests import purge_recorder
from tests.factories import file_entry, make_article, make_case

pytestmark = pytest.mark.django_db

OPERATOR_WORDS = ["COURTLISTENER_TOKEN", "lookups are off", "check the docket number"]


def reader_pages(client, case, article):
    return {
        "case page": client.get(case.url).content.decode(),
        "embed": client.get(f"/cases/{case.slug}/embed/").content.decode(),
        "article": client.get(article.url).content.decode(),
        "widget.json": client.get(f"/cases/{case.slug}/widget.json").content.decode(),
    }


def test_a_case_whose_lookups_are_off_tells_readers_nothing_false(client, tree, settings):
    settings.COURTLISTENER_TOKEN = ""
    case = make_case(tree[2])
    article = make_article(tree[1], title="Story", body=[("case_widget", {"case": case, "display": "full"})])
    services.refresh_case(case.pk)  # skipped: no token
    status = CaseStatus.objects.get(pk=case.pk)
    assert "COURTLISTENER_TOKEN" in status.health_message and status.last_checked is None  # operators still know

    for name, html in reader_pages(client, case, article).items():
        for words in OPERATOR_WORDS + ["may be out of date"]:
            assert words not in html, (name, words)
    for name in ("case page", "embed", "article"):
        html = reader_pages(client, case, article)[name]
        assert "Not yet checked against the court record" in html, name
        # The default status is not shown as a fact, and nothing claims a check happened.
        assert re.search(r'<span class="cw-badge" data-field="status_label" hidden>', html), name
        assert re.search(r'data-field="last-checked-row" hidden', html), name


def test_a_failing_source_gives_readers_a_plain_note_only(client, tree):
    case = make_case(tree[2])
    article = make_article(tree[1], title="Story", body=[("case_widget", {"case": case, "display": "full"})])
    file_entry(case, "1", "COMPLAINT filed.", date(2023, 6, 5), number=1)
    services.record_refresh_failure(case.pk, services.scheduling.RefreshFailure.NOT_FOUND, "HTTP 404")
    checked = CaseStatus.objects.get(pk=case.pk).last_checked

    for name, html in reader_pages(client, case, article).items():
        assert "This information may be out of date." in html, name
        assert "Docket not found" not in html and "HTTP 404" not in html, name
    assert CaseStatus.objects.get(pk=case.pk).last_checked == checked  # a failed lookup checked nothing


def test_dates_document_links_and_the_last_filing_read_as_the_site_writes(client, tree):
    case = make_case(tree[2])
    from legaltracker.sources.base import DocketUpdate, EntryData
    from legaltracker.statuses import Source

    entries = [
        EntryData(
            Source.MANUAL,
            "1",
            "COMPLAINT against Binance filed by Securities and Exchange Commission.",
            entry_number=1,
            date_filed=date(2023, 6, 5),
            document_url="https://storage.courtlistener.com/recap/1.pdf",
        ),
        EntryData(
            Source.MANUAL,
            "2",
            "STIPULATION of Dismissal by Securities and Exchange Commission.",
            entry_number=2,
            date_filed=date(2025, 5, 29),
            document_url="javascript:alert(1)",
        ),
    ]
    services.apply_update(case.pk, DocketUpdate(source=Source.MANUAL, entries=entries), actor="test")
    article = make_article(
        tree[1], title="Story", body=[("case_widget", {"case": case, "display": "full", "entries": 5})]
    )

    for name, html in reader_pages(client, case, article).items():
        assert "2025-05-29)" not in html and "Commission.," not in html, name
        assert "javascript:alert" not in html, name
    for name in ("case page", "embed", "article"):
        html = reader_pages(client, case, article)[name]
        assert "(May 29, 2025)" in html and "Last filing" in html, name
        assert 'href="https://storage.courtlistener.com/recap/1.pdf"' in html, name
    data = client.get(f"/cases/{case.slug}/widget.json?entries=5").json()
    assert data["last_filing_date_text"] == "May 29, 2025"
    assert [e["url"] for e in data["entries"]] == [None, "https://storage.courtlistener.com/recap/1.pdf"]


def test_a_new_case_page_shows_its_title_once(client, tree):
    case = make_case(tree[2])
    main = client.get(case.url).content.decode().split('<main id="main"', 1)[1]
    assert main.count(">SEC v. Binance<") == 1


def test_case_page_is_the_hub_chart_status_source_dates_and_feeds(client, tree):
    case = make_case(tree[2], date_filed=date(2023, 6, 5))
    file_entry(case, "1", "COMPLAINT filed.", date(2023, 6, 5), number=1)
    file_entry(case, "2", "SUMMONS issued.", date(2023, 6, 20), number=2)
    file_entry(case, "3", "ORDER granting Motion to Stay.", date(2024, 2, 13), number=3)

    response = client.get(case.url)
    html = response.content.decode()
    assert 'role="img" aria-labelledby="docket-chart-title docket-chart-desc"' in html
    assert '<title id="docket-chart-title">Docket filings per month in SEC v. Binance</title>' in html
    assert "3 dated filings from June 2023 to February 2024" in html
    assert '<th scope="row">June 2023</th><td>2</td>' in html  # the chart's data, as a table
    assert "Feb. 13, 2024</time>: Now stayed" in html  # the status change, marked and listed
    assert "Source: docket entry 3, filed February 13, 2024." in html
    assert "<dt>Filed</dt>" in html and "<dt>Last filing</dt>" in html
    assert html.index("docket-chart-svg") < html.index("timeline-list")
    assert 'type="application/rss+xml" href="/cases/sec-v-binance/feed/rss/"' in html
    assert 'type="application/atom+xml" href="/cases/sec-v-binance/feed/atom/"' in html

    rss = client.get("/cases/sec-v-binance/feed/rss/")
    atom = client.get("/cases/sec-v-binance/feed/atom/")
    assert rss["Content-Type"].startswith("application/rss+xml") and atom["Content-Type"].startswith("application/atom")
    for feed in (rss.content.decode(), atom.content.decode()):
        assert "ORDER granting Motion to Stay." in feed and "Status now stayed" in feed
    assert client.get("/cases/no-such-case/feed/rss/").status_code == 404


def test_coverage_lists_live_embedding_stories_newest_first_and_is_purged(
    client, tree, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "origin": {"BACKEND": "newsroom.page_cache.OriginPageCacheBackend"},
        "cdn": {"BACKEND": "tests.purge_recorder.RecordingBackend"},
    }
    home, news, cases = tree
    case = make_case(cases)
    older = make_article(news, title="First look", body=[("case_widget", {"case": case, "display": "compact"})])
    newer = make_article(news, title="Second look", body=[("case_widget", {"case": case, "display": "compact"})])
    make_article(news, title="Unrelated story")
    for page in (older, newer):
        ReferenceIndex.create_or_update_for_object(page)

    html = client.get(case.url).content.decode()
    assert "Our coverage of this case" in html and "Unrelated story" not in html
    assert html.index("Second look") < html.index("First look")

    purge_recorder.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        newer.unpublish()
    assert any(url.endswith(case.url) for url in purge_recorder.purged)
    assert "Second look" not in client.get(case.url).content.decode()


def test_removing_a_widget_from_a_live_story_drops_it_from_the_case_coverage_at_once(
    client, tree, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"origin": {"BACKEND": "newsroom.page_cache.OriginPageCacheBackend"}}
    home, news, cases = tree
    binance = make_case(cases)
    ripple = make_case(cases, slug="sec-v-ripple", title="SEC v. Ripple", docket_number="1:20-cv-10832")
    with django_capture_on_commit_callbacks(execute=True):
        story = make_article(news, title="Both cases", body=[("case_widget", {"case": binance, "display": "compact"})])
    assert "Both cases" in client.get(binance.url).content.decode()
    assert client.get(binance.url)["X-Page-Cache"] == "hit"

    story.body = [("case_widget", {"case": ripple, "display": "compact"})]
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert "Both cases" not in client.get(binance.url).content.decode()
    assert "Both cases" in client.get(ripple.url).content.decode()


def test_home_page_named_like_the_site_is_not_named_twice(client, tree):
    home = tree[0]
    home.title = "The Docket Desk"
    home.save_revision().publish()
    assert "<title>The Docket Desk</title>" in client.get(home.url).content.decode()


def test_dashboard_never_says_ok_for_a_feed_never_polled(admin_client, tree):
    Court.objects.create(
        id="nysd", name="Southern District of New York", pacer_rss_url="https://ecf.nysd.uscourts.gov/rss"
    )
    html = admin_client.get("/admin/").content.decode()
    row = html[html.index("Southern District of New York") :].split("</tr>", 1)[0]
    assert "Not polled yet" in row and ">OK<" not in row and "never" in row
    services.mark_court_feed("nysd", Health.OK)
    html = admin_client.get("/admin/").content.decode()
    assert "<td>OK</td>" in html[html.index("Southern District of New York") :].split("</tr>", 1)[0]


def test_a_case_page_preview_says_it_is_a_draft_and_the_published_page_does_not(client, admin_user, tree, rf):
    from legaltracker.models import CasePage

    home, news, cases = tree
    case = make_case(cases)
    request = rf.get("/")
    request.user = admin_user
    html = case.make_preview_request(request, case.default_preview_mode).content.decode()
    assert "Draft preview." in html and "Readers see the published version until you publish" in html
    assert re.search(r'<main[^>]*>\s*<p class="editor-warning draft-preview-notice"', html)
    assert "Draft preview" not in client.get(case.url).content.decode()

    draft = CasePage(title="SEC v. Nobody", slug="sec-v-nobody", court=case.court, docket_number="1:24-cv-00001")
    cases.add_child(instance=draft)
    draft.unpublish()
    html = draft.make_preview_request(request, draft.default_preview_mode).content.decode()
    assert "This case page is not published; readers cannot see it yet." in html
