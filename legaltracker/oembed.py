"""oEmbed for case pages: which case a URL shows, and the iframe other sites embed."""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils.html import escape

from legaltracker.links import absolute_page_url, absolute_url, site_base_url
from legaltracker.models import CasePage

EMBED_WIDTH, EMBED_HEIGHT = 480, 420


def case_from_url(url: str) -> CasePage | None:
    """The live case a URL points to (its page or its embed page), or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    try:
        match = resolve(parts.path)
    except Resolver404:
        match = None
    if match is not None and match.view_name == "legaltracker:embed":
        case = CasePage.objects.live().filter(slug=match.kwargs["slug"]).first()
        own = urlsplit(absolute_page_url(case)) if case else None
    else:
        path = parts.path.rstrip("/")
        case = CasePage.objects.live().filter(slug=path.rsplit("/", 1)[-1]).first()
        own = urlsplit(absolute_page_url(case)) if case else None
        if own is not None and own.path.rstrip("/") != path:
            return None
    if case is None:
        return None
    # The host must be the case's own site's (its public base URL or its Wagtail Site record): a
    # foreign host with a matching path is not ours.
    hosts = {own.netloc.lower(), urlsplit(case.full_url or "").netloc.lower()}
    return case if parts.netloc.lower() in hosts else None


def oembed_for(case: CasePage, maxwidth: int | None = None, maxheight: int | None = None) -> dict:
    """oEmbed 1.0 `rich` response whose HTML is an iframe of the case's embed page."""
    width = min(EMBED_WIDTH, maxwidth) if maxwidth else EMBED_WIDTH
    height = min(EMBED_HEIGHT, maxheight) if maxheight else EMBED_HEIGHT
    parts = case.get_url_parts()
    site_id = parts[0] if parts else None
    src = absolute_url("legaltracker:embed", site_id, slug=case.slug)
    return {
        "version": "1.0",
        "type": "rich",
        "title": case.title,
        "provider_name": getattr(settings, "WAGTAIL_SITE_NAME", "") or "",
        "provider_url": site_base_url(site_id) + "/",
        "width": width,
        "height": height,
        "html": (
            f'<iframe src="{escape(src)}" width="{width}" height="{height}" '
            f'title="{escape("Live case tracker: " + case.title)}" '
            'style="border:0;max-width:100%" loading="lazy"></iframe>'
        ),
    }
