"""The origin page cache: whole public pages that anonymous readers share, kept in a Django cache.

A page is stored under its path, so a hit costs one cache read and no routing, no session and no
database query. Article pages also keep their rendered article and metadata as template fragments
under the same path, so rendering one for a request the page cache does not answer (a query
string, an editor) runs only the routing and the page shell.

Purging goes through Wagtail's frontend cache: `OriginPageCacheBackend` is one of its backends,
so every purge list (publish, unpublish, a case or snippet change) reaches this
cache and the CDN alike, and a page can never be purged from one and not the other.

The same cache keeps what every render reads (the route memo, site settings, section links)
through `read_through` and `forget`, so a cache that is down costs the database work, never a page.
"""

import hashlib
import logging
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.db import transaction
from django.http import HttpResponse
from wagtail.contrib.frontend_cache.backends import BaseBackend

from newsroom.conf import app_settings

logger = logging.getLogger(__name__)
KEY_PREFIX = "newsroom:page:"
# Template fragments kept under a page's path with Django's {% cache %} tag (article_page.html,
# and the listings through the content_fragment tag).
FRAGMENTS = ("newsroom-article", "newsroom-article-meta", "newsroom-content")
# A stored page never carries a reader's cookie (the middleware stores no page that sets one).
_NOT_STORED = {"set-cookie"}


def page_cache():
    return caches[app_settings.NEWSROOM_PAGE_CACHE_ALIAS]


def read_through(key: str, compute: Callable):
    """The value kept under `key`, else `compute()`, kept there for the page cache's lifetime."""
    try:
        found = page_cache().get(key)
    except Exception:  # a cache that is down costs the computing, not the page
        logger.warning("Could not read %s from the page cache", key, exc_info=True)
        return compute()
    if found is None:
        found = compute()
        try:
            page_cache().set(key, found, timeout=app_settings.NEWSROOM_PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("Could not keep %s in the page cache", key, exc_info=True)
    return found


def forget(*keys: str) -> None:
    """Drop values derived from rows being changed: now, and again once the change commits, so a
    request that read the old rows in between cannot keep what it stored."""

    def delete():
        try:
            page_cache().delete_many(list(keys))
        except Exception:
            logger.warning("Could not drop %s from the page cache", keys, exc_info=True)

    delete()
    transaction.on_commit(delete)


def page_key(host: str, path: str) -> str:
    """The cache key of the page at `path` (and `host`, when pages are kept per host)."""
    scope = host.lower() if app_settings.NEWSROOM_PAGE_CACHE_PER_HOST else ""
    return KEY_PREFIX + hashlib.md5(f"{scope}|{path}".encode()).hexdigest()


def keys_for_url(url: str) -> list[str]:
    """The page and its fragments, everything kept for the page at this URL."""
    parts = urlsplit(url)
    path = unquote(parts.path or "/")
    return [page_key(parts.netloc, path), *(make_template_fragment_key(name, [path]) for name in FRAGMENTS)]


def store(key: str, response) -> None:
    headers = [(name, value) for name, value in response.items() if name.lower() not in _NOT_STORED]
    try:
        page_cache().set(key, (response.content, headers), timeout=app_settings.NEWSROOM_PAGE_CACHE_SECONDS)
    except Exception:  # a cache that is down or not set up yet must not fail the reader's request
        logger.exception("Could not store a page in the origin page cache")


def fetch(key: str) -> HttpResponse | None:
    try:
        stored = page_cache().get(key)
    except Exception:  # the reader gets the page rendered, as if it had never been stored
        logger.exception("Could not read the origin page cache")
        return None
    if stored is None:
        return None
    content, headers = stored
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


class OriginPageCacheBackend(BaseBackend):
    """A `wagtail.contrib.frontend_cache` backend that drops pages from the origin page cache."""

    def purge(self, url) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        page_cache().delete_many([key for url in urls for key in keys_for_url(url)])
