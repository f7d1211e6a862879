"""The route memo, cached settings and section links: fewer queries, and never a stale answer.

Every request here carries a query string, so the origin page cache never answers it and each
one is routed and rendered: what the memo must get right is what readers see after a change.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from newsroom.models import NewsroomSettings
from tests.factories import AuthorFactory, make_article, make_case

pytestmark = pytest.mark.django_db
FRESH = "?reader=fresh"  # the origin page cache keeps no page requested with a query string


def sql_for(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return [query["sql"] for query in queries]


@pytest.fixture
def site(tree):
    home, news, cases = tree
    writer = AuthorFactory(slug="writer")
    story = make_article(news, title="The ruling", authors=[writer])
    case = make_case(cases)
    return {"home": home, "news": news, "cases": cases, "story": story, "case": case}


def test_a_repeat_render_of_every_public_page_runs_one_query(client, site):
    """Routing, view restrictions, site settings and the header's links all come from the shared
    cache, and the listings' queries run only when their fragment is rendered: one query is left,
    the page itself."""
    story, case, news, cases = site["story"], site["case"], site["news"], site["cases"]
    pages = {
        "article": story.url,
        "news index": news.url,
        "home": site["home"].url,
        "case page": case.url,
        "case index": cases.url,
    }
    for url in pages.values():
        client.get(url + FRESH)
    counts = {name: sql_for(client, url + FRESH) for name, url in pages.items()}
    assert all(len(sql) == 1 for sql in counts.values()), counts


def test_a_memoised_route_to_an_unpublished_article_is_404(client, site):
    story = site["story"]
    assert client.get(story.url + FRESH).status_code == 200
    story.unpublish()
    assert client.get(story.url + FRESH).status_code == 404


def test_a_renamed_article_answers_at_its_new_address_only(client, site):
    story = site["story"]
    old_url = story.url
    client.get(old_url + FRESH)
    story.slug = "the-ruling-explained"
    story.save_revision().publish()
    story.refresh_from_db()
    assert client.get(old_url + FRESH).status_code == 404
    assert b"The ruling" in client.get(story.url + FRESH).content


def test_renaming_the_news_index_moves_the_articles_below_it(client, site):
    news, story = site["news"], site["story"]
    old_url = story.url
    client.get(old_url + FRESH)
    news.slug = "stories"
    news.save_revision().publish()
    story.refresh_from_db()
    assert client.get(old_url + FRESH).status_code == 404
    assert client.get(story.url + FRESH).status_code == 200
    assert story.url.startswith("/stories/")


def test_a_password_added_above_a_memoised_article_is_asked_for(client, site):
    story = site["story"]
    assert b"The ruling" in client.get(story.url + FRESH).content
    PageViewRestriction.objects.create(page=site["news"], restriction_type="password", password="s3cret")
    response = client.get(story.url + FRESH)
    assert response.status_code == 200 and b'name="password"' in response.content
    assert b"The ruling</h1>" not in response.content
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_a_site_pointed_at_another_root_routes_from_it(client, site):
    """After the site's root moves to the news index, /news/<story>/ is gone and /<story>/ answers."""
    story = site["story"]
    client.get(story.url + FRESH)
    Site.objects.filter(is_default_site=True).update(root_page=site["news"])
    Site.objects.get(is_default_site=True).save()  # update() sends no signal; an editor's save does
    assert client.get(f"/news/{story.slug}/{FRESH}").status_code == 404
    assert client.get(f"/{story.slug}/{FRESH}").status_code == 200


def test_sub_routes_of_routable_pages_still_answer_from_the_memo(client, site):
    news = site["news"]
    for _ in range(2):
        assert b"<rss" in client.get(news.url + "feed/" + FRESH).content
        assert b"writer" in client.get(news.url + "authors/writer/" + FRESH).content
        assert client.get(news.url + "authors/nobody/" + FRESH).status_code == 404


def test_a_new_publisher_name_shows_on_the_next_render(client, site):
    settings = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    settings.publisher_name = "The Docket Desk"
    settings.save()
    assert b"| The Docket Desk</title>" in client.get(site["story"].url + FRESH).content
    settings.publisher_name = "Courtside Crypto"
    settings.save()
    assert b"| Courtside Crypto</title>" in client.get(site["story"].url + FRESH).content


def test_the_header_links_follow_the_sections_when_they_are_renamed_or_unpublished(client, site):
    home, cases = site["home"], site["cases"]
    assert b'href="/cases/">Case tracker' in client.get(home.url + FRESH).content
    cases.slug = "tracker"
    cases.save_revision().publish()
    assert b'href="/tracker/">Case tracker' in client.get(home.url + FRESH).content
    cases.unpublish()
    assert b"Case tracker" not in client.get(home.url + FRESH).content


def test_pages_render_when_the_shared_cache_is_unreachable(client, settings, site):
    """The memo, the settings and the section links live in the page cache's alias; with its Redis
    down (the production backend, which turns errors into misses), routing falls back to Wagtail
    and readers still get every page."""
    settings.CACHES = {
        **settings.CACHES,
        "unreachable": {
            "BACKEND": "legaltracker.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        },
    }
    settings.NEWSROOM_PAGE_CACHE_ALIAS = "unreachable"
    for page in (site["story"], site["news"], site["home"], site["case"], site["cases"]):
        assert client.get(page.url + FRESH).status_code == 200, page.url


def test_each_host_keeps_its_own_routes(client, site):
    """Two sites: the same path answers with each site's own page, before and after the memo fills."""
    Site.objects.create(hostname="courts.example", port=80, root_page=site["cases"])
    for _ in range(2):
        home = client.get("/" + FRESH, HTTP_HOST="localhost")
        tracker = client.get("/" + FRESH, HTTP_HOST="courts.example")
        assert b"<h1>Home</h1>" in home.content and b"<h1>Cases</h1>" in tracker.content
        assert client.get(f"/{site['case'].slug}/{FRESH}", HTTP_HOST="courts.example").status_code == 200
        assert client.get(f"/{site['case'].slug}/{FRESH}", HTTP_HOST="localhost").status_code == 404
