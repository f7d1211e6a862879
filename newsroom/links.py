"""Absolute links to articles for canonical tags, Open Graph, feeds and emails.

They name the site's public address, whatever host a request came in on: for a single-site host
that is `WAGTAILADMIN_BASE_URL` (Wagtail's own setting for links in emails); on a multi-site host
each site's Site record. (`legaltracker.links` does the same for the tracker; each app stands alone.)
"""

from django.conf import settings
from wagtail.models import Site


def absolute_page_url(page, request=None) -> str:
    """The page's public URL, or "" when the page is not routable."""
    parts = page.get_url_parts(request)
    if parts is None:
        return ""
    site_id, root_url, path = parts
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    single_site = len({root.site_id for root in Site.get_site_root_paths()}) <= 1
    return ((base if base and single_site else root_url) or "").rstrip("/") + path
