"""What readers see on an article: every block, links that stay current, authors and disclaimers."""

import pytest

from newsroom.models import ArticlePage, NewsroomSettings
from tests.factories import AuthorFactory, DisclaimerFactory, make_article, make_case, make_image

pytestmark = pytest.mark.django_db


def every_block_body(image, target, case):
    return [
        ("paragraph", "<p>Opening paragraph about the motion.</p>"),
        ("heading", {"text": "What the order says", "level": "h2"}),
        ("key_takeaways", {"title": "Key takeaways", "points": ["First point", "Second point"]}),
        (
            "image",
            {
                "image": image,
                "alt_text": "A courthouse at dusk",
                "caption": "The courthouse.",
                "credit": "Created by Ana Ruiz",
                "source_name": "Example Photos",
                "source_url": "https://example.org/p",
            },
        ),
        (
            "document_image",
            {
                "image": image,
                "alt_text": "First page of the order",
                "caption": "The order.",
                "source_name": "CourtListener",
                "source_url": "https://www.courtlistener.com/docket/1/",
            },
        ),
        ("quote", {"quote": "A ruling that matters.", "attribution": "A lawyer", "source_url": ""}),
        ("callout", {"kind": "flipside", "title": "", "points": ["The regulator disagrees."], "text": ""}),
        ("read_more", {"page": target, "lead_in": "Read this to learn more:"}),
        ("related_stories", {"title": "Related stories", "pages": [target]}),
        ("case_widget", {"case": case, "display": "full", "entries": 3}),
        ("embed", case.full_url),
    ]


def test_every_block_renders_its_fields(client, tree):
    home, news, cases = tree
    target = make_article(news, title="Earlier story")
    case = make_case(cases)
    page = make_article(news, title="Binance fights discovery", body=every_block_body(make_image(), target, case))

    html = client.get(page.url).content.decode()

    for expected in [
        "Opening paragraph about the motion.",
        "What the order says",
        "First point",
        "Second point",
        'alt="A courthouse at dusk"',
        "The courthouse.",
        "Created by Ana Ruiz",
        "Example Photos",
        'alt="First page of the order"',
        'Source: <a href="https://www.courtlistener.com/docket/1/"',
        "A ruling that matters.",
        "A lawyer",
        "On the flipside",
        "The regulator disagrees.",
        "Read this to learn more:",
        f'href="{target.url}">Earlier story</a>',
        "Related stories",
        "Live case tracker",
        "SEC v. Binance",
        f'<iframe src="http://testserver/cases/{case.slug}/embed/"',  # the site's base URL, not the request's host
    ]:
        assert expected in html, expected


def test_read_more_follows_rename_and_disappears_when_unpublished(client, tree, django_capture_on_commit_callbacks):
    home, news, cases = tree
    target = make_article(news, title="Original headline")
    page = make_article(news, title="Story", body=[("read_more", {"page": target, "lead_in": "Read more:"})])

    target.title = "Corrected headline"
    target.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Corrected headline" in html and "Original headline" not in html

    with django_capture_on_commit_callbacks(execute=True):  # purges the cached pages that link to it
        target.unpublish()
    html = client.get(page.url).content.decode()
    assert "Corrected headline" not in html and "Read more:" not in html


def test_editor_preview_warns_about_unpublished_read_more(client, tree):
    home, news, cases = tree
    target = make_article(news, title="Soon gone")
    page = make_article(news, title="Story", body=[("read_more", {"page": target, "lead_in": "Read more:"})])
    target.unpublish()

    preview = page.make_preview_request()
    public = client.get(page.url)

    assert "unpublished or deleted" in preview.render().content.decode()
    assert "unpublished or deleted" not in public.content.decode()


def test_site_default_disclaimer_and_per_article_override(client, tree):
    home, news, cases = tree
    default = DisclaimerFactory(name="Site default", text="<p>Default words for every story.</p>")
    own = DisclaimerFactory(name="Own", kind="conflict", text="<p>The author holds XRP.</p>")
    site_settings = NewsroomSettings.for_site(home.get_site())
    site_settings.default_disclaimer = default
    site_settings.save()

    plain = make_article(news, title="Plain story")
    special = make_article(news, title="Special story", disclaimer=own)

    plain_html = client.get(plain.url).content.decode()
    special_html = client.get(special.url).content.decode()
    assert "Default words for every story." in plain_html
    assert "The author holds XRP." in special_html and "Default words" not in special_html
    assert "Conflict of interest" in special_html


def test_authors_appear_in_the_chosen_order_with_bio_boxes(client, tree):
    home, news, cases = tree
    first, second = AuthorFactory(name="Zoe Zed", slug="zoe"), AuthorFactory(name="Adam Ant", slug="adam")
    page = make_article(news, title="Two bylines", authors=[first, second])

    html = client.get(page.url).content.decode()
    byline = html[html.index('class="byline"') :]
    assert byline.index("Zoe Zed") < byline.index("Adam Ant")
    assert html.count('class="author-bio"') == 2
    assert first.short_bio in html and second.short_bio in html


def test_author_page_lists_their_articles(client, tree):
    home, news, cases = tree
    author = AuthorFactory(name="Maya Test", slug="maya-test")
    make_article(news, title="Her first story", authors=[author])
    make_article(news, title="Someone else's story")

    response = client.get(news.url + "authors/maya-test/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Her first story" in html and "Someone else" not in html
    assert client.get(news.url + "authors/nobody/").status_code == 404


def test_related_stories_fall_back_to_shared_topics(client, tree):
    home, news, cases = tree
    make_article(news, title="Ripple news", topics=["Ripple"])
    make_article(news, title="Binance news", topics=["Binance"])
    page = make_article(
        news,
        title="Another Ripple story",
        topics=["Ripple"],
        body=[("related_stories", {"title": "More like this", "pages": []})],
    )

    html = client.get(page.url).content.decode()
    related = html[html.index("More like this") :]
    assert "Ripple news" in related and "Binance news" not in related
    assert "Another Ripple story</a>" not in related


def test_news_index_lists_newest_first_and_paginates(client, tree):
    from datetime import timedelta

    from django.utils import timezone

    home, news, cases = tree
    now = timezone.now()
    for n in range(12):
        make_article(news, title=f"Story number {n}", published_at=now - timedelta(days=n))
    first_page = client.get(news.url).content.decode()
    assert first_page.index("Story number 0") < first_page.index("Story number 1")
    assert "Story number 11" not in first_page
    assert "Story number 11" in client.get(news.url + "?page=2").content.decode()
    assert client.get(news.url + "?page=99").status_code == 404


def test_article_metadata_for_search_and_social(client, tree):
    home, news, cases = tree
    page = make_article(
        news,
        title="Metadata story",
        dek="A dek </script><script>alert(1)</script>",
        hero_image=make_image(),
        hero_alt_text="Hero",
    )
    # Asked for on an internal host name, the page still names its public address (WAGTAILADMIN_BASE_URL).
    html = client.get(page.url, HTTP_HOST="web-3.internal:8000").content.decode()
    assert '<script type="application/ld+json">' in html
    assert '"@type": "NewsArticle"' in html
    assert "<script>alert(1)</script>" not in html
    assert '<meta property="og:image" content="http://testserver/' in html
    assert f'<link rel="canonical" href="http://testserver{page.url}">' in html
    assert f'"mainEntityOfPage": "http://testserver{page.url}"' in html
    assert "web-3.internal" not in html


def test_news_feed_lists_articles_newest_first(client, tree):
    from datetime import timedelta

    from django.utils import timezone

    home, news, cases = tree
    author = AuthorFactory(name="Feed Writer")
    now = timezone.now()
    make_article(news, title="Older story", authors=[author], published_at=now - timedelta(days=2), topics=["SEC"])
    make_article(news, title="Newer story", dek="What changed today.", authors=[author], published_at=now)

    response = client.get(news.url + "feed/")
    xml = response.content.decode()

    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    assert xml.index("Newer story") < xml.index("Older story")
    assert "What changed today." in xml and "Feed Writer" in xml and "<category>SEC</category>" in xml
    assert f"<link>http://testserver{news.url}newer-story/</link>" in xml
    # The news index and its articles advertise the feed in the head, whatever base template the site has.
    discovery = f'<link rel="alternate" type="application/rss+xml" title="News" href="{news.url}feed/">'
    assert discovery in client.get(news.url).content.decode().split("</head>")[0]
    newer = ArticlePage.objects.get(title="Newer story")
    assert discovery in client.get(newer.url).content.decode().split("</head>")[0]
