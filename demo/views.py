"""The demo site's robots.txt: crawl everything public, and here are the sitemaps."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control

from newsroom.links import site_root_url


def robots_txt(request):
    base = site_root_url(request)
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /search/",
        "",
        f"Sitemap: {base}{reverse('sitemap')}",
        f"Sitemap: {base}{reverse('news_sitemap')}",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=3600)
    return response
