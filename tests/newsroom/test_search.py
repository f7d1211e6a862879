"""Site search across articles, cases and authors: labelled results, marked terms, nothing unescaped."""

import re

import pytest
from django.db import connection
from django.urls import reverse
from wagtail.search.backends import get_search_backend

from tests.factories import AuthorFactory, make_article, make_case

pytestmark = pytest.mark.django_db


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


def test_search_finds_articles_cases_and_authors_with_their_type_and_marked_terms(client, tree):
    home, news, cases = tree
    author = AuthorFactory(name="Dana Stablecoin", slug="dana", short_bio="Dana covers stablecoin regulation.")
    make_article(
        news,
        title="Judge weighs the stablecoin case",
        dek="A ruling could reshape how issuers operate.",
        body=[paragraph("Lawyers argued for hours about whether the stablecoin was a security.")],
        authors=[author],
    )
    case = make_case(cases, slug="sec-v-terraform", title="SEC v. Terraform", docket_number="1:23-cv-01346")
    case.summary = "<p>The SEC says Terraform sold an algorithmic stablecoin as a security.</p>"
    case.save_revision().publish()
    make_article(news, title="Unrelated market note", body=[paragraph("Bitcoin moved sideways.")])

    html = client.get(reverse("search") + "?q=stablecoin").content.decode()

    results = re.findall(r'<p class="result-type">(\w+)</p>\s*<h2><a href="([^"]+)">(.*?)</a></h2>', html)
    found = [(kind, url) for kind, url, _ in results]
    assert found[0] == ("Author", "/news/authors/dana/")  # authors first, then stories and cases by relevance
    assert set(found[1:]) == {
        ("Article", "/news/judge-weighs-the-stablecoin-case/"),
        ("Case", "/cases/sec-v-terraform/"),
    }
    assert "Unrelated market note" not in html
    assert "Judge weighs the <mark>stablecoin</mark> case" in html
    assert "sold an algorithmic <mark>stablecoin</mark> as a security" in html
    assert "3 results for “stablecoin”" in html


def test_what_readers_type_and_what_pages_say_is_escaped(client, tree):
    home, news, cases = tree
    make_article(news, title="Tokens & <b>courts</b>", body=[paragraph("About tokens &lt;script&gt; in court.")])
    html = client.get(reverse("search") + "?q=tokens+<script>alert(1)</script>").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<mark>Tokens</mark> &amp; &lt;b&gt;courts&lt;/b&gt;" in html


def test_results_are_paginated_and_keep_the_query(client, tree):
    home, news, cases = tree
    for n in range(12):
        make_article(news, title=f"Custody ruling {n}", slug=f"custody-{n}")
    first = client.get(reverse("search") + "?q=custody").content.decode()
    assert "Page 1 of 2" in first and 'href="?q=custody&amp;page=2"' in first
    second = client.get(reverse("search") + "?q=custody&page=2").content.decode()
    assert second.count('class="search-result"') == 2


def test_every_page_has_a_search_box_in_its_header(client, tree):
    html = client.get(tree[0].url).content.decode()
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    assert f'action="{reverse("search")}"' in header and 'name="q"' in header


def test_postgresql_full_text_search_backs_the_database_backend_on_postgresql():
    backend = get_search_backend()
    assert connection.vendor == "postgresql"
    assert type(backend).__name__ == "PostgresSearchBackend"
