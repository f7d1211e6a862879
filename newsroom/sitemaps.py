"""The Google News sitemap: articles published in the last two days, with their publication.

Google News reads only recent stories from it (older ones belong in the ordinary sitemap), so it
stays small and is fetched often: browsers and CDNs may keep it for NEWSROOM_MAX_AGE only.
"""

from datetime import timedelta

from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from newsroom.conf import app_settings
from newsroom.links import absolute_page_url
from newsroom.seo import publisher_name

NEWS_WINDOW = timedelta(days=2)
NEWS_SITEMAP_LIMIT = 1000  # Google's ceiling for one news sitemap


def recent_articles(now=None):
    from newsroom.models import ArticlePage

    since = (now or timezone.now()) - NEWS_WINDOW
    published_recently = Q(published_at__gte=since) | Q(published_at__isnull=True, first_published_at__gte=since)
    return ArticlePage.objects.live().public().filter(published_recently).newest_first()[:NEWS_SITEMAP_LIMIT]


def news_sitemap(request):
    from newsroom.models import NewsroomSettings

    language = (get_language() or "en").split("-")[0]
    items = [
        {"url": absolute_page_url(article, request), "title": article.title, "published": article.display_published_at}
        for article in recent_articles()
    ]
    response = render(
        request,
        "newsroom/news_sitemap.xml",
        {
            "items": [item for item in items if item["url"]],
            "publication": publisher_name(request, NewsroomSettings),
            "language": language,
        },
        content_type="application/xml; charset=utf-8",
    )
    patch_cache_control(response, public=True, max_age=app_settings.NEWSROOM_MAX_AGE)
    return response
