"""Absolute links for canonical tags, Open Graph, JSON-LD, feeds and emails.

They name the site's public address, whatever host a request came in on: for a single-site host
that is `WAGTAILADMIN_BASE_URL` (Wagtail's own setting for links in emails); on a multi-site host
each site's Site record. (`legaltracker.links` does the same for the tracker; each app stands alone.)
"""

from django.conf import settings
from wagtail.models import Site


def _site_count(request=None) -> int:
    # Wagtail keeps the root paths on the request under this name too, so they are read once.
    if request is None:
        return len({root.site_id for root in Site.get_site_root_paths()})
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    return len({root.site_id for root in request._wagtail_cached_site_root_paths})


def _base_url(root_url: str, request=None) -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    single_site = _site_count(request) <= 1
    return ((base if base and single_site else root_url) or "").rstrip("/")


def absolute_page_url(page, request=None) -> str:
    """The page's public URL, or "" when the page is not routable."""
    parts = page.get_url_parts(request)
    if parts is None:
        return ""
    site_id, root_url, path = parts
    return _base_url(root_url, request) + path


def absolute_url_on_site_of(page, url: str, request=None) -> str:
    """`url` (such as an image rendition's) made absolute on the page's site; absolute URLs are kept."""
    if not url.startswith("/") or url.startswith("//"):
        return url
    parts = page.get_url_parts(request)
    return _base_url(parts[1] if parts else "", request) + url


def site_root_url(request=None) -> str:
    """The public base URL (no trailing slash) of the request's site, else of the default site."""
    site = (Site.find_for_request(request) if request else None) or Site.objects.filter(is_default_site=True).first()
    return _base_url(site.root_url if site else "", request)
