"""Every change purges exactly the pages that show it, from the origin page cache and the CDN."""

import pytest
from wagtail.models import ReferenceIndex

from newsroom.models import NewsroomSettings
from tests import purge_recorder
from tests.factories import AuthorFactory, DisclaimerFactory, file_entry, make_article, make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "origin": {"BACKEND": "newsroom.page_cache.OriginPageCacheBackend"},
        "cdn": {"BACKEND": "tests.purge_recorder.RecordingBackend"},
    }
    purge_recorder.purged.clear()
    yield purge_recorder.purged
    purge_recorder.purged.clear()


@pytest.fixture
def newsroom(tree):
    """A case, stories that show each other in every way a page can, and one that shows nothing."""
    home, news, cases_index = tree
    writer = AuthorFactory(slug="writer")
    case = make_case(cases_index)
    story = make_article(news, title="The story", authors=[writer], topics=["SEC"])
    linking = make_article(news, title="Links it", body=[("read_more", {"page": story, "lead_in": "Read:"})])
    related = make_article(
        news, title="Related by topic", topics=["SEC"], body=[("related_stories", {"title": "More", "pages": []})]
    )
    embedding = make_article(
        news, title="Embeds the case", body=[("case_widget", {"case": case, "display": "compact", "entries": 3})]
    )
    unrelated = make_article(news, title="Unrelated", topics=["Ripple"])
    for page in (linking, related, embedding):
        ReferenceIndex.create_or_update_for_object(page)
    return {
        "home": home,
        "news": news,
        "cases": cases_index,
        "case": case,
        "writer": writer,
        "story": story,
        "linking": linking,
        "related": related,
        "embedding": embedding,
        "unrelated": unrelated,
    }


def paths(urls) -> set[str]:
    from urllib.parse import urlsplit

    return {urlsplit(url).path for url in urls}


def test_publish_and_unpublish_purge_the_story_and_every_page_that_shows_it(
    client, cdn, newsroom, django_capture_on_commit_callbacks
):
    n = newsroom
    expected = {
        n["story"].url,
        n["news"].url,
        n["news"].url + "feed/",
        n["home"].url,
        f"{n['news'].url}authors/writer/",
        n["linking"].url,
        n["related"].url,
    }
    client.get(n["linking"].url)
    client.get(n["unrelated"].url)
    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        n["story"].save_revision().publish()
    assert paths(cdn) == expected
    assert client.get(n["linking"].url)["X-Page-Cache"] == "miss"  # the origin cache forgot it too
    assert client.get(n["unrelated"].url)["X-Page-Cache"] == "hit"

    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        n["story"].unpublish()
    assert paths(cdn) == expected


def test_case_change_purges_the_case_its_widget_the_index_and_embedding_articles(
    client, cdn, newsroom, django_capture_on_commit_callbacks
):
    n = newsroom
    case = n["case"]
    client.get(n["embedding"].url)
    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        file_entry(case, "p1", "ORDER granting Motion to Stay.")
    assert paths(cdn) == {
        case.url,
        f"/cases/{case.slug}/widget.json",
        f"/cases/{case.slug}/embed/",
        f"/cases/{case.slug}/feed/rss/",
        f"/cases/{case.slug}/feed/atom/",
        n["cases"].url,
        n["cases"].url + "analytics/",
        n["cases"].url + "export/csv/",
        n["cases"].url + "export/json/",
        n["embedding"].url,
        n["home"].url,  # it lists cases with new filings
    }
    response = client.get(n["embedding"].url)
    assert response["X-Page-Cache"] == "miss" and "Stayed" in response.content.decode()


def test_editing_an_author_or_disclaimer_purges_the_articles_and_author_page_that_show_it(
    cdn, newsroom, django_capture_on_commit_callbacks
):
    n = newsroom
    default, own = DisclaimerFactory(name="Default"), DisclaimerFactory(name="Own")
    site_settings = NewsroomSettings.for_site(n["home"].get_site())
    site_settings.default_disclaimer = default
    site_settings.save()
    uses_own = make_article(n["news"], title="Uses own", disclaimer=own)

    def purged_after(snippet):
        cdn.clear()
        with django_capture_on_commit_callbacks(execute=True):
            snippet.save()
        return paths(cdn)

    assert purged_after(n["writer"]) == {n["story"].url, f"{n['news'].url}authors/writer/"}
    assert purged_after(own) == {uses_own.url}
    assert uses_own.url not in purged_after(default) and n["unrelated"].url in purged_after(default)


def test_a_new_slug_purges_the_old_url(client, cdn, newsroom, django_capture_on_commit_callbacks):
    story = newsroom["story"]
    old_url = story.url
    assert client.get(old_url).status_code == 200
    story.slug = "the-story-renamed"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert old_url in paths(cdn)
    moved = client.get(old_url)  # Wagtail's redirects app sends readers on, instead of the stale copy
    assert moved.status_code == 301 and moved["Location"] == "/news/the-story-renamed/"


def test_case_page_and_index_show_a_change_at_once(client, newsroom, django_capture_on_commit_callbacks):
    n = newsroom
    for url in (n["case"].url, n["cases"].url):
        client.get(url + "?warm=1")
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        file_entry(n["case"], "p9", "ORDER granting Motion to Stay.")
    assert "ORDER granting Motion to Stay." in client.get(n["case"].url + "?fresh=1").content.decode()
    assert "Stayed" in client.get(n["case"].url).content.decode()
    assert "Stayed" in client.get(n["cases"].url).content.decode()


def test_a_settings_change_purges_every_live_page_of_the_site(
    client, cdn, newsroom, django_capture_on_commit_callbacks
):
    """The publisher's name is in every title and the default disclaimer under most stories."""
    n = newsroom
    assert client.get(n["story"].url)["X-Page-Cache"] in ("miss", "hit")
    assert client.get(n["story"].url)["X-Page-Cache"] == "hit"
    site_settings = NewsroomSettings.for_site(n["home"].get_site())
    site_settings.publisher_name = "Courtside Crypto"
    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        site_settings.save()
    purged = paths(cdn)
    live_pages = {n[name].url for name in ("home", "news", "cases", "case", "story", "linking", "related", "unrelated")}
    assert live_pages | {n["news"].url + "feed/", n["cases"].url + "analytics/"} <= purged
    response = client.get(n["story"].url)
    assert response["X-Page-Cache"] == "miss" and "| Courtside Crypto</title>" in response.content.decode()


def test_a_copy_stored_by_a_render_that_read_the_case_before_the_change_is_purged_again(
    client, cdn, newsroom, django_capture_on_commit_callbacks
):
    """A reader's render that read the case just before the commit may store its page just after the
    purge; the second purge, run by the outbox sweeper once due, drops that copy."""
    from django.utils import timezone

    from legaltracker import outbox
    from legaltracker.models import OutboxMessage
    from newsroom import page_cache

    n = newsroom
    url = n["embedding"].url
    before_the_change = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        file_entry(n["case"], "p1", "ORDER granting Motion to Stay.")
    page_cache.store(page_cache.page_key("", url), before_the_change)  # the render in flight finishes
    assert "Stayed" not in client.get(url).content.decode()

    second = OutboxMessage.objects.get(kind="case_changed_again", done_at__isnull=True)
    assert second.next_attempt_at > timezone.now()  # not yet: the sweeper leaves it until it is due
    OutboxMessage.objects.filter(pk=second.pk).update(next_attempt_at=timezone.now())
    cdn.clear()
    outbox.sweep()
    assert n["embedding"].url in paths(cdn)
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss" and "Stayed" in response.content.decode()
