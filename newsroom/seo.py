"""Metadata for search engines and social cards: description, Open Graph and schema.org NewsArticle."""

import json

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Site

from newsroom.links import absolute_page_url

# The characters that could end a <script> element or start markup, escaped inside JSON strings.
_SCRIPT_SAFE = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def article_description(page) -> str:
    return page.search_description or page.dek or strip_tags(str(page.title))


def publisher_name(request, newsroom_settings) -> str:
    """The publisher named in metadata: the site's Newsroom settings, else its Wagtail site name."""
    name = newsroom_settings.for_request(request).publisher_name if request else ""
    site = Site.find_for_request(request) if request else None
    return name or (site.site_name if site else "") or getattr(settings, "WAGTAIL_SITE_NAME", "")


def article_structured_data(page, request, authors, image_url: str | None) -> dict:
    """A schema.org NewsArticle for the article, with its authors, dates and publisher."""
    from newsroom.models import NewsroomSettings

    publisher = publisher_name(request, NewsroomSettings)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": article_description(page),
        "datePublished": page.display_published_at.isoformat(),
        "dateModified": (page.display_updated_at or page.display_published_at).isoformat(),
        "mainEntityOfPage": absolute_page_url(page, request),
        "author": [{"@type": "Person", "name": author.name} for author in authors],
        "publisher": {"@type": "Organization", "name": publisher},
    }
    if image_url:
        data["image"] = [image_url]
    return data


def json_ld_script(data: dict) -> SafeString:
    """A <script type="application/ld+json"> element that court or editor text cannot break out of."""
    payload = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


def person_structured_data(author, request, page_url: str, image_url: str | None) -> dict:
    """A schema.org Person for an author page: who they are, where else they are, who they write for."""
    from newsroom.models import NewsroomSettings

    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": author.name,
        "description": author.short_bio,
        "worksFor": {"@type": "Organization", "name": publisher_name(request, NewsroomSettings)},
    }
    if page_url:
        data["url"] = page_url
    if author.role:
        data["jobTitle"] = author.role
    if image_url:
        data["image"] = image_url
    same_as = [url for url in (author.x_url, author.linkedin_url, author.website) if url]
    if same_as:
        data["sameAs"] = same_as
    return data
