"""The widget JSON, embed page and oEmbed endpoint, escaping of court text, and cache purging."""

import pytest

from legaltracker.purge import purge_case_urls
from tests.factories import file_entry, make_article, make_case

pytestmark = pytest.mark.django_db

HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


@pytest.fixture
def case(tree):
    return make_case(tree[2])


def test_widget_json_keys_types_and_headers(client, case):
    file_entry(case, "1", "COMPLAINT filed.", number=1)
    response = client.get(f"/cases/{case.slug}/widget.json")
    data = response.json()

    assert response.status_code == 200
    assert set(data["case"]) >= {"slug", "title", "court", "docket_number", "url"}
    assert data["status"] in {"filed", "active", "stayed", "settled", "dismissed", "judgment", "appeal", "closed"}
    assert isinstance(data["status_label"], str) and isinstance(data["version"], int)
    assert isinstance(data["headline"], str) and data["last_checked"]
    assert "last_event_date" in data and "source_url" in data
    assert data["entries"][0] == {
        "entry_number": 1,
        "date_filed": None,
        "date_text": "",
        "description": "COMPLAINT filed.",
        "url": None,
    }
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"] and "stale-while-revalidate=" in response["Cache-Control"]


def test_etag_changes_exactly_when_the_case_changes_and_304_on_match(client, case, django_capture_on_commit_callbacks):
    file_entry(case, "1", "COMPLAINT filed.")
    first = client.get(f"/cases/{case.slug}/widget.json")
    etag = first["ETag"]
    assert client.get(f"/cases/{case.slug}/widget.json", HTTP_IF_NONE_MATCH=etag).status_code == 304

    file_entry(case, "1", "COMPLAINT filed.")  # a replay changes nothing
    assert client.get(f"/cases/{case.slug}/widget.json")["ETag"] == etag

    with django_capture_on_commit_callbacks(execute=True):  # the cached payload is dropped after commit
        file_entry(case, "2", "ORDER granting Motion to Stay.")
    changed = client.get(f"/cases/{case.slug}/widget.json", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert changed.json()["status"] == "stayed"


def test_unknown_case_is_a_json_404_and_unrefreshed_case_says_so(client, case):
    missing = client.get("/cases/no-such-case/widget.json")
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    fresh = client.get(f"/cases/{case.slug}/widget.json").json()
    assert fresh["refreshed"] is False and fresh["status"] == "filed"


def test_court_text_is_escaped_everywhere(client, tree, case):
    home, news, cases = tree
    file_entry(case, "x1", HOSTILE[0], number=1)
    file_entry(case, "x2", HOSTILE[1], number=2)
    article = make_article(
        news, title="Hostile docket", body=[("case_widget", {"case": case, "display": "full", "entries": 5})]
    )

    for url in [article.url, case.url, f"/cases/{case.slug}/embed/"]:
        html = client.get(url).content.decode()
        for text in HOSTILE:
            assert text not in html, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, url
    data = client.get(f"/cases/{case.slug}/widget.json").json()
    assert {e["description"] for e in data["entries"]} >= set(
        HOSTILE
    )  # JSON carries text; widget.js writes it with textContent


def test_widget_renders_without_javascript_in_the_article(client, tree, case):
    home, news, cases = tree
    file_entry(case, "1", "MINUTE ORDER referring the motion to Magistrate Judge Zia M. Faruqui.")
    article = make_article(
        news, title="With widget", body=[("case_widget", {"case": case, "display": "compact", "entries": 3})]
    )
    html = client.get(article.url).content.decode()
    assert "data-case-widget" in html and 'aria-live="polite"' in html
    assert ">Active<" in html and "Magistrate Judge Zia M. Faruqui" in html
    assert f'href="{case.url}"' in html


def test_embed_page_may_be_framed_while_the_rest_of_the_site_may_not(client, tree, case, settings):
    settings.EMBED_FRAME_ANCESTORS = ["https://partner.example"]
    embed = client.get(f"/cases/{case.slug}/embed/")
    assert "frame-ancestors https://partner.example;" in embed["Content-Security-Policy"] + ";"
    assert "X-Frame-Options" not in embed
    assert client.get(case.url)["X-Frame-Options"] == "DENY"


def test_oembed(client, case):
    ok = client.get("/oembed/", {"url": case.full_url, "maxwidth": 300})
    data = ok.json()
    assert (data["version"], data["type"], data["width"]) == ("1.0", "rich", 300)
    assert f"/cases/{case.slug}/embed/" in data["html"] and data["html"].startswith("<iframe")
    assert client.get("/oembed/", {"url": "http://localhost/news/"}).status_code == 404
    assert client.get("/oembed/", {"url": case.full_url, "format": "xml"}).status_code == 501
    assert 'type="application/json+oembed"' in client.get(case.url).content.decode()


def test_change_purges_case_urls_and_pages_that_embed_it(
    httpserver, settings, tree, case, django_capture_on_commit_callbacks
):
    from wagtail.models import ReferenceIndex

    home, news, cases = tree
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": httpserver.url_for("/")}
    }
    embedding = make_article(
        news, title="Embeds the case", body=[("case_widget", {"case": case, "display": "compact", "entries": 3})]
    )
    make_article(news, title="Unrelated")
    ReferenceIndex.create_or_update_for_object(embedding)
    httpserver.expect_request("/", method="PURGE").respond_with_data("")
    httpserver.clear_log()  # publishing the articles above purged their own URLs

    with django_capture_on_commit_callbacks(execute=True):
        file_entry(case, "p1", "ORDER granting Motion to Stay.")

    purged = sorted(request.path for request, _ in httpserver.log if request.method == "PURGE")
    expected = [
        case.url,
        f"/cases/{case.slug}/widget.json",
        f"/cases/{case.slug}/embed/",
        f"/cases/{case.slug}/feed/rss/",
        f"/cases/{case.slug}/feed/atom/",
        embedding.url,
        cases.url,
    ]
    expected += [cases.url + "analytics/", cases.url + "export/csv/", cases.url + "export/json/"]  # the index's own
    expected += [home.url]  # the home page lists cases with new filings
    assert purged == sorted(expected)
    assert sorted(purge_case_urls(case.pk)) and "Unrelated" not in str(purged)


def test_cached_widget_json_costs_no_query(client, case, django_assert_num_queries):
    file_entry(case, "1", "COMPLAINT filed.")
    client.get(f"/cases/{case.slug}/widget.json")
    with django_assert_num_queries(0):
        assert client.get(f"/cases/{case.slug}/widget.json").status_code == 200


def test_renamed_or_unpublished_case_is_not_served_from_the_cache(client, case, django_capture_on_commit_callbacks):
    client.get(f"/cases/{case.slug}/widget.json")
    old_slug = case.slug
    case.slug = "sec-v-binance-holdings"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail announces slug changes after commit
        case.save_revision().publish()
    assert client.get(f"/cases/{old_slug}/widget.json").status_code == 404
    assert client.get("/cases/sec-v-binance-holdings/widget.json").json()["case"]["slug"] == "sec-v-binance-holdings"
    case.unpublish()
    assert client.get("/cases/sec-v-binance-holdings/widget.json").status_code == 404


@pytest.mark.parametrize(
    "query, shown",
    [("", 5), ("entries=2", 2), ("x=1&entries=0", 0), ("entries=99", 10), ("entries=-3", 5), ("entries=abc", 5)],
)
def test_entries_parameter(client, case, query, shown):
    for n in range(12):
        file_entry(case, f"n{n}", f"Entry {n}.", number=n + 1)
    data = client.get(f"/cases/{case.slug}/widget.json?{query}").json()
    assert len(data["entries"]) == shown


def test_widgets_are_found_under_any_name_and_nested_inside_other_blocks(tree):
    from wagtail import blocks

    from legaltracker.blocks import CaseWidgetBlock, cases_chosen_in

    first, second = make_case(tree[2]), make_case(tree[2], slug="second", docket_number="1:24-cv-00002")
    body = blocks.StreamBlock(
        [
            ("court_case", CaseWidgetBlock()),
            (
                "section",
                blocks.StructBlock([("heading", blocks.CharBlock()), ("cases", blocks.ListBlock(CaseWidgetBlock()))]),
            ),
        ]
    )
    value = body.to_python(
        [
            {"type": "court_case", "value": {"case": first.pk, "display": "compact", "entries": 3}},
            {
                "type": "section",
                "value": {"heading": "Also", "cases": [{"case": second.pk, "display": "full", "entries": 3}]},
            },
        ]
    )
    assert [case.pk for case in cases_chosen_in(body, value)] == [first.pk, second.pk]
