"""Absolute links to the site's own pages: the site's base URL, not the host a request came in on.

Readers, oEmbed consumers and email clients follow these links from elsewhere, so they must name
the public address. A single-site host's public address is `WAGTAILADMIN_BASE_URL` (Wagtail's own
setting for links in emails); a multi-site host's sites each have their own Site record.
"""

from django.conf import settings
from django.urls import reverse
from wagtail.models import Site


def site_root_paths(request=None) -> list:
    """Wagtail's site root paths, read from the cache once per request: Wagtail keeps them on the
    request under this name as well, so page URLs built for the same request reuse them."""
    if request is None:
        return Site.get_site_root_paths()
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    return request._wagtail_cached_site_root_paths


def site_base_url(site_id: int | None = None, fallback: str = "", request=None) -> str:
    """The base URL (no trailing slash) of the site with `site_id`, or of the only site."""
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    site_ids = {root.site_id for root in site_root_paths(request)}
    if base and len(site_ids) <= 1:
        return base.rstrip("/")
    if fallback:
        return fallback.rstrip("/")
    site = Site.objects.filter(pk=site_id).first() if site_id else Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site else base).rstrip("/")


def absolute_page_url(page, request=None) -> str:
    """The page's public URL, or "" when the page is not routable."""
    parts = page.get_url_parts(request)
    if parts is None:
        return ""
    site_id, root_url, path = parts
    return site_base_url(site_id, fallback=root_url, request=request) + path


def absolute_url(view_name: str, site_id: int | None = None, request=None, **kwargs) -> str:
    """A reversed URL of one of the app's views, made absolute with the site's base URL."""
    return site_base_url(site_id, request=request) + reverse(view_name, kwargs=kwargs or None)
