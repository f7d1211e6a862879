"""Frontend-cache purging for a case: its own URLs and every live page that embeds it."""

from urllib.parse import unquote, urlsplit

from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.utils import make_template_fragment_key
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import get_page_models

from legaltracker.hub import coverage
from legaltracker.models import CasePage

# The app's own views that show a case, by URL name; each takes the case's slug.
CASE_VIEWS = (
    "legaltracker:widget_json",
    "legaltracker:embed",
    "legaltracker:case_feed_rss",
    "legaltracker:case_feed_atom",
)


def pages_embedding(case: CasePage):
    """Live pages whose content refers to the case: the case page's own coverage list."""
    return coverage(case)


def case_urls(case: CasePage) -> list[str]:
    """Every URL that shows this case: the page, its widget JSON and embed page, pages embedding it, the index."""
    site = case.get_site()
    site_root = site.root_url if site else ""
    urls = []
    case_url = case.get_full_url()
    if case_url:
        urls.append(case_url)
    for name in CASE_VIEWS:
        urls.append(site_root + reverse(name, kwargs={"slug": case.slug}))
    urls.extend(url for url in (page.get_full_url() for page in pages_embedding(case)) if url)
    # Pages of any app that list recent case activity say so with `shows_recent_case_filings`.
    for model in get_page_models():
        if getattr(model, "shows_recent_case_filings", False):
            urls.extend(url for url in (page.get_full_url() for page in model.objects.live()) if url)
    index = case.get_parent()
    if index is not None and index.live and index.depth > 1:  # the case index shows every case's status
        index_url = index.get_full_url()
        if index_url:
            # Its exports and analytics too, when the index says it has them (get_cached_paths).
            paths = index.specific_deferred.get_cached_paths()
            urls.extend(index_url.rstrip("/") + "/" + path.lstrip("/") for path in paths)
    return urls


def purge_case_urls(case_id: int) -> list[str]:
    case = CasePage.objects.filter(pk=case_id).first()
    if case is None:
        return []
    urls = case_urls(case)
    purge_urls_from_cache(urls)
    forget_content_fragments(urls)
    return urls


def purge_case_pages_of(case_ids: list[int]) -> list[str]:
    """Purge the case pages themselves (their coverage list changed), not what embeds them."""
    urls = [url for url in (case.get_full_url() for case in CasePage.objects.filter(pk__in=case_ids)) if url]
    if urls:
        purge_urls_from_cache(urls)
        forget_content_fragments(urls)
    return urls


def forget_content_fragments(urls: list[str]) -> None:
    """Drop the rendered content the case page and index keep under their paths (see their templates)."""
    try:
        fragments = caches["template_fragments"]  # where Django's {% cache %} tag keeps them, if defined
    except InvalidCacheBackendError:
        fragments = caches["default"]
    paths = {unquote(urlsplit(url).path) for url in urls}
    fragments.delete_many([make_template_fragment_key("legaltracker-content", [path]) for path in paths])
