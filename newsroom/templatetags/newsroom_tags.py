from django import template
from django.template.loader import render_to_string
from wagtail.images.shortcuts import get_rendition_or_not_found

from newsroom.conf import app_settings
from newsroom.links import absolute_page_url, absolute_url_on_site_of
from newsroom.seo import article_description, article_structured_data, json_ld_script, person_structured_data
from newsroom.site_sections import section_url as find_section_url

register = template.Library()


@register.simple_tag
def author_url(news_index, author) -> str:
    """The author's public page under the given news index."""
    return news_index.url + news_index.reverse_subpage("author", kwargs={"slug": author.slug})


@register.simple_tag
def feed_url(news_index) -> str:
    """The RSS feed of a news index."""
    return news_index.url + news_index.reverse_subpage("feed")


@register.simple_tag(takes_context=True)
def article_meta(context, page):
    """Description, canonical link, Open Graph tags and NewsArticle JSON-LD for an article."""
    request = context.get("request")
    image_url = None
    if page.hero_image:
        rendition = get_rendition_or_not_found(page.hero_image, "fill-1200x630")
        image_url = absolute_url_on_site_of(page, rendition.url, request)
    authors = context.get("authors", [])
    return render_to_string(
        "newsroom/includes/article_meta.html",
        {
            "page": page,
            "description": article_description(page),
            "canonical_url": absolute_page_url(page, request),
            "image_url": image_url,
            "structured_data": json_ld_script(article_structured_data(page, request, authors, image_url)),
        },
    )


@register.simple_tag(takes_context=True)
def section_url(context, page_type: str) -> str:
    """The URL of the site's section of this type ("newsroom.newsindexpage": a live page right
    below the root), or "" when the site has none."""
    return find_section_url(context.get("request"), page_type)


@register.simple_tag(takes_context=True)
def content_fragment(context) -> dict:
    """How long this render may keep its content as a fragment (seconds 0: not at all), and where.

    Fragments are keyed by the full path. A purge names a page's URL without a query, so a
    variant with a query string (?page=2) is kept no longer than a CDN keeps it (s-maxage).
    """
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False) or not app_settings.NEWSROOM_PAGE_CACHE_ENABLED:
        return {"seconds": 0}
    if request.META.get("QUERY_STRING"):
        seconds = app_settings.NEWSROOM_S_MAXAGE
    else:
        seconds = app_settings.NEWSROOM_PAGE_CACHE_SECONDS
    return {"seconds": seconds, "alias": app_settings.NEWSROOM_PAGE_CACHE_ALIAS}


@register.simple_tag(takes_context=True)
def author_json_ld(context, author, news_index=None):
    """Person JSON-LD for an author's page (the page URL only when there is a news index to put it under)."""
    request = context.get("request")
    page_url = image_url = ""
    if news_index:  # previews have none
        page_url = absolute_page_url(news_index, request) + news_index.reverse_subpage(
            "author", kwargs={"slug": author.slug}
        ).lstrip("/")
        if author.photo:
            rendition = get_rendition_or_not_found(author.photo, "fill-400x400")
            image_url = absolute_url_on_site_of(news_index, rendition.url, request)
    return json_ld_script(person_structured_data(author, request, page_url, image_url))
