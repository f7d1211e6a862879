"""Site search: articles, cases and any other page type that names itself, plus authors.

Wagtail search does the matching (its database backend: PostgreSQL full-text search on
PostgreSQL, SQLite FTS on the embedded default). Pages take part by setting `search_type_label`,
so the newsroom finds cases without importing the tracker. Snippets of text come from each
result's own words, escaped, with the reader's terms marked.
"""

import re

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page, get_page_models
from wagtail.search.backends import get_search_backend

from newsroom.conf import template_context

RESULTS_PER_PAGE = 10
AUTHOR_RESULTS = 5
SNIPPET_CHARS = 240
MAX_QUERY_CHARS = 200


def searchable_page_types() -> list[type[Page]]:
    return [model for model in get_page_models() if getattr(model, "search_type_label", "")]


def query_terms(query: str) -> list[str]:
    """The words a reader typed, longest first so a longer match wins over a word inside it."""
    words = {word for word in re.findall(r"\w+", query) if len(word) > 1}
    return sorted(words, key=len, reverse=True)


def highlight(text: str, terms: list[str]) -> SafeString:
    """`text` escaped, with each term marked; nothing of `text` is ever treated as markup."""
    if not terms:
        return mark_safe(escape(text))
    pattern = re.compile("(" + "|".join(re.escape(term) for term in terms) + ")", re.IGNORECASE)
    pieces = pattern.split(text)
    # re.split with one group alternates plain text and matches.
    return mark_safe(
        "".join(f"<mark>{escape(piece)}</mark>" if n % 2 else escape(piece) for n, piece in enumerate(pieces))
    )


def snippet(text: str, terms: list[str]) -> SafeString:
    """A window of `text` around the first term found, highlighted; the start when none is."""
    text = " ".join(text.split())
    lowered = text.lower()
    hits = [lowered.find(term.lower()) for term in terms]
    first = min((hit for hit in hits if hit >= 0), default=0)
    start = max(0, first - SNIPPET_CHARS // 3)
    if start:
        start = text.find(" ", start) + 1 or start  # begin on a word
    window = text[start : start + SNIPPET_CHARS]
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_CHARS < len(text) else ""
    return mark_safe(escape(prefix) + highlight(window, terms) + escape(suffix))


def _strings(value) -> list[str]:
    """Readable strings inside a StreamField's raw data (ids, choices and URLs left out)."""
    if isinstance(value, str):
        text = strip_tags(value)
        return [text] if " " in text.strip() else []
    if isinstance(value, dict):
        return [s for key, item in value.items() if key not in ("id", "type", "url") for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def page_text(page) -> str:
    """The words a result's snippet is cut from: the page's own summary text, else its description."""
    if hasattr(page, "search_text"):
        return page.search_text()
    parts = [page.search_description, getattr(page, "dek", "")]
    body = getattr(page, "body", None)
    if body is not None:
        parts += _strings(body.raw_data)
    return " ".join(part for part in parts if part)


def search_view(request):
    """Results for `q`: matching authors first (on the first page), then articles and cases."""
    from newsroom.models import Author, NewsIndexPage

    query = request.GET.get("q", "").strip()[:MAX_QUERY_CHARS]
    terms = query_terms(query)
    context = {**template_context(), "query": query, "results": [], "result_page": None, "total": 0}
    if query:
        types = searchable_page_types()
        pages = Page.objects.live().public().type(*types).specific().search(query) if types else []
        paginator = Paginator(pages, RESULTS_PER_PAGE)
        try:
            found = paginator.page(request.GET.get("page") or 1)
        except InvalidPage as exc:
            raise Http404("No such page of results.") from exc
        news_index = NewsIndexPage.objects.live().first()  # author pages live under it
        authors = list(get_search_backend().search(query, Author)[:AUTHOR_RESULTS]) if news_index else []
        results = [
            {
                "type": "Author",
                "title": highlight(author.name, terms),
                "url": news_index.url + news_index.reverse_subpage("author", kwargs={"slug": author.slug}),
                "snippet": snippet(author.short_bio, terms),
            }
            for author in (authors if found.number == 1 else [])
        ]
        results += [
            {
                "type": page.search_type_label,
                "title": highlight(page.title, terms),
                "url": page.url,
                "snippet": snippet(page_text(page), terms),
            }
            for page in found
        ]
        context.update({"results": results, "result_page": found, "total": paginator.count + len(authors)})
    return render(request, "newsroom/search.html", context)
