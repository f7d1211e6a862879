"""What search engines read: the Google News sitemap, robots.txt, and Person JSON-LD on author pages."""

import json
import re
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from tests.factories import AuthorFactory, make_article

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "news": "http://www.google.com/schemas/sitemap-news/0.9"}


def test_news_sitemap_lists_only_articles_of_the_last_two_days(client, tree):
    home, news, cases = tree
    now = timezone.now()
    make_article(news, title="Court & crypto: a fresh ruling", published_at=now - timedelta(hours=3))
    make_article(news, title="Last week's story", published_at=now - timedelta(days=3))

    response = client.get("/news-sitemap.xml")

    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    urls = root.findall("s:url", NS)
    assert [u.findtext("s:loc", namespaces=NS) for u in urls] == ["http://testserver/news/court-crypto-a-fresh-ruling/"]
    item = urls[0].find("news:news", NS)
    assert item.findtext("news:title", namespaces=NS) == "Court & crypto: a fresh ruling"
    assert item.findtext("news:publication/news:name", namespaces=NS) == "The Docket Desk"
    assert item.findtext("news:publication/news:language", namespaces=NS) == "en"
    published = item.findtext("news:publication_date", namespaces=NS)
    assert published.startswith((now - timedelta(hours=3)).strftime("%Y-%m-%dT%H"))


def test_robots_txt_names_both_sitemaps(client, tree):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Sitemap: http://testserver/news-sitemap.xml" in text
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/cases/analytics/</loc>" in sitemap  # the tracker's analytics is a page too


def test_author_page_describes_the_author_as_a_person(client, tree):
    home, news, cases = tree
    author = AuthorFactory(
        name="Ana Ruiz",
        slug="ana-ruiz",
        role="Senior legal reporter",
        short_bio="Ana covers </script> enforcement.",
        x_url="https://x.com/anaruiz",
    )
    make_article(news, title="A story", authors=[author])

    html = client.get(f"{news.url}authors/ana-ruiz/").content.decode()

    blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    person = next(b for b in blocks if b["@type"] == "Person")
    assert person["name"] == "Ana Ruiz" and person["jobTitle"] == "Senior legal reporter"
    assert person["url"] == "http://testserver/news/authors/ana-ruiz/"
    assert person["sameAs"] == ["https://x.com/anaruiz"]
    assert person["description"] == "Ana covers </script> enforcement."
    assert person["worksFor"] == {"@type": "Organization", "name": "The Docket Desk"}
