"""The pages the page benchmark requests: a 1-block and a 20-block article beside the demo content.

The 20-block article uses every block type, two live case widgets, both kinds of related stories
and two embeds, so a block type that costs a query per block shows up as a difference from the
1-block article.
"""

from wagtail.images.models import Image

from legaltracker.models import CaseIndexPage, CasePage
from newsroom.models import ArticleAuthor, ArticlePage, Author, NewsIndexPage

SLUG_ONE, SLUG_TWENTY = "bench-article-1-block", "bench-article-20-blocks"


def twenty_blocks(images: list, stories: list, cases: list) -> list:
    """Twenty blocks of every type, with two live case widgets."""
    para = "<p>The judge's order narrows the discovery fight; both sides have two weeks to answer.</p>" * 3
    first, second = cases
    return [
        ("key_takeaways", {"title": "Key takeaways", "points": ["One", "Two", "Three"]}),
        ("paragraph", para),
        ("case_widget", {"case": first, "display": "compact", "entries": 3}),
        ("heading", {"text": "What the order says", "level": "h2"}),
        ("paragraph", para),
        ("image", {"image": images[0], "alt_text": "A courthouse", "caption": "The court.", "credit": "Desk"}),
        (
            "document_image",
            {"image": images[1], "alt_text": "The order", "source_name": "CourtListener", "source_url": first.full_url},
        ),
        ("quote", {"quote": "A ruling that matters.", "attribution": "A lawyer", "source_url": ""}),
        ("read_more", {"page": stories[0], "lead_in": "Read more:"}),
        ("callout", {"kind": "flipside", "title": "", "points": ["The regulator disagrees."], "text": ""}),
        ("paragraph", para),
        ("embed", first.full_url),
        ("heading", {"text": "What comes next", "level": "h3"}),
        ("case_widget", {"case": second, "display": "full", "entries": 3}),
        ("image", {"image": images[2], "alt_text": "Lawyers", "caption": "Outside court.", "credit": "Desk"}),
        ("read_more", {"page": stories[1], "lead_in": "Background:"}),
        ("related_stories", {"title": "Related stories", "pages": stories[2:5]}),
        ("paragraph", para),
        ("embed", second.full_url),
        ("related_stories", {"title": "More on this", "pages": []}),
    ]


def ensure_bench_articles() -> dict[str, str]:
    """Create (once) and return the paths of the pages the benchmark requests."""
    news = NewsIndexPage.objects.get(slug="news")
    stories = list(ArticlePage.objects.live().child_of(news).exclude(slug__startswith="bench-").order_by("pk")[:5])
    cases = list(CasePage.objects.live().order_by("pk")[:2])
    images = list(Image.objects.order_by("pk")[:3])
    author = Author.objects.order_by("pk").first()
    bodies = {
        SLUG_ONE: [("paragraph", "<p>A one-paragraph brief on the ruling.</p>")],
        SLUG_TWENTY: twenty_blocks(images, stories, cases),
    }
    for slug, body in bodies.items():
        if ArticlePage.objects.filter(slug=slug).exists():
            continue
        page = ArticlePage(title=f"Bench article: {slug}", slug=slug, dek="A benchmark article.", hero_image=images[0])
        page.hero_alt_text = "A courthouse"
        page.article_authors = [ArticleAuthor(author=author, sort_order=0)]
        page.body = body
        news.add_child(instance=page)
        page.topics.add("SEC", "Binance")
        page.save_revision().publish()
    return {
        "article, 20 blocks": ArticlePage.objects.get(slug=SLUG_TWENTY).url,
        "article, 1 block": ArticlePage.objects.get(slug=SLUG_ONE).url,
        "home": news.get_parent().url,
        "news index": news.url,
        "case page": cases[0].url,
        "case index": CaseIndexPage.objects.first().url,
    }
