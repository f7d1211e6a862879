"""Public pages: query counts, cache headers, 304s, the origin page cache, and who bypasses it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AuthorFactory, make_article, make_case, make_image
from tests.newsroom.test_article_rendering import every_block_body

pytestmark = pytest.mark.django_db

MAX_ARTICLE_QUERIES = 12


def twenty_blocks(image, stories, cases) -> list:
    """Every block type, twenty blocks in all, two of them live case widgets."""
    body = every_block_body(image, stories[0], cases[0])
    body += [
        ("case_widget", {"case": cases[1], "display": "compact", "entries": 3}),
        ("read_more", {"page": stories[1], "lead_in": "Background:"}),
        ("related_stories", {"title": "More like this", "pages": []}),
        ("image", dict(body[3][1], caption="Another image.")),
        ("embed", cases[1].full_url),
        ("paragraph", "<p>Another paragraph.</p>"),
        ("heading", {"text": "What comes next", "level": "h3"}),
        ("quote", {"quote": "Another quote.", "attribution": "", "source_url": ""}),
        ("related_stories", {"title": "Chosen stories", "pages": stories}),
    ]
    assert len(body) == 20
    return body


@pytest.fixture
def articles(tree):
    home, news, cases_index = tree
    stories = [make_article(news, title=f"Earlier story {n}", topics=["SEC"]) for n in range(3)]
    cases = [
        make_case(cases_index),
        make_case(cases_index, slug="sec-v-ripple", title="SEC v. Ripple", docket_number="1:20-cv-10832"),
    ]
    one = make_article(news, title="One block", body=[("paragraph", "<p>A brief.</p>")], topics=["SEC"])
    twenty = make_article(news, title="Twenty blocks", body=twenty_blocks(make_image(), stories, cases), topics=["SEC"])
    return one, twenty


def queries_for(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries]


def test_article_query_count_does_not_grow_with_blocks(client, articles):
    """Rendered for a request the page cache does not answer (a query string): the same queries for
    1 block as for 20 blocks of every type, within the budget."""
    one, twenty = articles
    for page in (one, twenty):
        client.get(page.url + "?utm_source=test")  # the first render fills the lower caches
    counts = {page.title: len(queries_for(client, page.url + "?utm_source=test")) for page in (one, twenty)}
    assert counts["One block"] == counts["Twenty blocks"] <= MAX_ARTICLE_QUERIES, counts


def test_cold_article_looks_blocks_up_in_bulk(client, articles):
    """With every cache empty, each kind of block costs a fixed number of queries, not one per block."""
    from django.core.cache import cache

    one, twenty = articles
    client.get(twenty.url)  # the first render ever stores the embeds' oEmbed answers
    cache.clear()
    cold = queries_for(client, twenty.url)
    widget_lookups = [sql for sql in cold if "legaltracker_casestatus" in sql]
    embed_lookups = [sql for sql in cold if "wagtailembeds_embed" in sql]
    assert len(widget_lookups) == 1 and len(embed_lookups) == 1, cold


def test_repeat_anonymous_reader_gets_the_stored_page_without_a_query(client, django_assert_num_queries, articles):
    one, twenty = articles
    first = client.get(twenty.url)
    with django_assert_num_queries(0):
        repeat = client.get(twenty.url)
    assert (first["X-Page-Cache"], repeat["X-Page-Cache"]) == ("miss", "hit")
    assert repeat.content == first.content and repeat["ETag"] == first["ETag"]


def test_public_pages_say_how_long_they_may_be_kept_and_never_vary_on_cookie(client, settings, articles, tree):
    home, news, cases_index = tree
    one, twenty = articles
    settings.NEWSROOM_S_MAXAGE, settings.NEWSROOM_STALE_WHILE_REVALIDATE = 900, 120
    author = twenty.article_authors.first().author
    for url in [home.url, news.url, news.url + "feed/", f"{news.url}authors/{author.slug}/", twenty.url]:
        for response in (client.get(url), client.get(url)):  # rendered, then from the page cache
            assert response.status_code == 200, url
            cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
            assert {"public", "s-maxage=900", "stale-while-revalidate=120"} <= cache_control, url
            assert response.has_header("ETag") and response.has_header("Last-Modified"), url
            assert "Cookie" not in response.get("Vary", ""), url
            assert not response.cookies, url
    for url in [cases_index.url, cases_index.get_children().first().url]:
        assert "s-maxage=900" in client.get(url)["Cache-Control"]


def test_conditional_requests_get_304(client, articles):
    one, twenty = articles
    first = client.get(twenty.url)
    by_etag = client.get(twenty.url, HTTP_IF_NONE_MATCH=first["ETag"])
    by_date = client.get(twenty.url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_etag.status_code == by_date.status_code == 304
    assert not by_etag.content
    rendered = client.get(twenty.url + "?page=1", HTTP_IF_NONE_MATCH=first["ETag"])
    assert rendered.status_code == 304  # the same article rendered again has the same ETag


def test_editors_neither_see_nor_fill_the_page_cache(client, admin_client, articles):
    one, twenty = articles
    as_editor = admin_client.get(twenty.url)
    assert as_editor["X-Page-Cache"] == "bypass" and "private" in as_editor["Cache-Control"]
    assert client.get(twenty.url)["X-Page-Cache"] == "miss"  # the editor's view was not stored
    assert client.get(twenty.url)["X-Page-Cache"] == "hit"
    again = admin_client.get(twenty.url)
    assert again["X-Page-Cache"] == "bypass" and "wagtail-userbar" in again.content.decode()


def test_preview_never_reads_the_cached_article(client, articles):
    one, twenty = articles
    client.get(one.url)
    one.title = "A changed headline in a draft"
    preview = one.make_preview_request().render().content.decode()
    assert "A changed headline in a draft" in preview
    assert "A changed headline" not in client.get(one.url).content.decode()


def test_publishing_shows_the_change_to_the_next_reader(client, articles, django_capture_on_commit_callbacks):
    from wagtail.models import ReferenceIndex

    one, twenty = articles
    ReferenceIndex.create_or_update_for_object(twenty)
    client.get(twenty.url)
    client.get(twenty.url + "?again")
    target = twenty.body[7].value["page"]  # the read-more block's story
    target.title = "A corrected headline"
    with django_capture_on_commit_callbacks(execute=True):
        target.save_revision().publish()
    response = client.get(twenty.url)
    assert response["X-Page-Cache"] == "miss" and "A corrected headline" in response.content.decode()


def test_author_page_lists_new_articles_after_publish(client, tree, django_capture_on_commit_callbacks):
    home, news, cases_index = tree
    author = AuthorFactory(slug="ana")
    url = f"{news.url}authors/ana/"
    assert "First story" not in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        make_article(news, title="First story", authors=[author])
    assert "First story" in client.get(url).content.decode()


def test_listings_show_a_new_article_at_once(client, tree, django_capture_on_commit_callbacks):
    home, news, cases_index = tree
    make_article(news, title="Yesterday's story")
    for url in (home.url, news.url, news.url + "?page=1"):
        client.get(url + ("&" if "?" in url else "?") + "warm=1")
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        make_article(news, title="Breaking ruling")
    assert "Breaking ruling" in client.get(home.url).content.decode()
    assert "Breaking ruling" in client.get(news.url).content.decode()
