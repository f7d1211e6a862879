"""Middleware for public pages: cache headers, the origin page cache, and sessionless anonymous readers."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

from newsroom import page_cache
from newsroom.conf import app_settings

# Set by the on_serve_page hook (newsroom.wagtail_hooks) on every response a Wagtail page serves.
SERVED_BY_PAGE = "newsroom_served_by_page"


def is_anonymous_reader(request) -> bool:
    """No session cookie: nobody is logged in, no preview is open, and the session need not be read."""
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def _shareable(response) -> bool:
    """The same for every anonymous reader: a plain 200 that sets no cookie and varies on nothing."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Vary")
    )


def mark_page_response(request, response) -> bool:
    """Say who may keep a page and for how long; True when anonymous readers may share it."""
    if not (is_anonymous_reader(request) and _shareable(response)):
        # An editor's view, a password form or a redirect: never kept by a CDN or the origin cache.
        patch_cache_control(response, private=True, no_cache=True)
        return False
    if "private" in response.get("Cache-Control", ""):
        return False
    patch_cache_control(
        response,
        public=True,
        max_age=app_settings.NEWSROOM_MAX_AGE,
        s_maxage=app_settings.NEWSROOM_S_MAXAGE,
        stale_while_revalidate=app_settings.NEWSROOM_STALE_WHILE_REVALIDATE,
    )
    # The time of rendering: any later change purges the page, so no newer version exists before it.
    response["Last-Modified"] = http_date()
    if not response.has_header("ETag"):
        set_response_etag(response)  # stored with the page, so a hit needs no hashing
    return True


class PageCacheMiddleware:
    """Cache headers on every Wagtail page; the origin page cache for anonymous readers.

    Sits above the session, CSRF and authentication middleware, so a hit touches none of them.
    Django's ConditionalGetMiddleware above it answers 304s from the stored ETag and Last-Modified.
    Requests with a query string (pagination, filters, tracking parameters) are rendered every
    time, so a purge of a page's URL covers everything stored for it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (
            request.method in ("GET", "HEAD")
            and not request.META.get("QUERY_STRING")
            and app_settings.NEWSROOM_PAGE_CACHE_ENABLED
            and is_anonymous_reader(request)
            # Wagtail's previews and moderation views run a page through the middleware this way.
            and not getattr(request, "is_dummy", False)
        ):
            response = self.get_response(request)
            if getattr(response, SERVED_BY_PAGE, False):
                mark_page_response(request, response)
                response["X-Page-Cache"] = "bypass"
            return response
        host = request.get_host() if app_settings.NEWSROOM_PAGE_CACHE_PER_HOST else ""
        key = page_cache.page_key(host, request.path)
        response = page_cache.fetch(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if getattr(response, SERVED_BY_PAGE, False):
            if mark_page_response(request, response):
                page_cache.store(key, response)
            response["X-Page-Cache"] = "miss"
        return response


class AnonymousReaderMiddleware:
    """Give requests without a session cookie a plain AnonymousUser, after AuthenticationMiddleware.

    Django's lazy user reads the session on first use (Wagtail's user bar asks for it on every
    page), and reading the session adds `Vary: Cookie`, which stops a CDN from sharing the page.
    Without a session cookie there is no logged-in user to find, so there is nothing to read.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_anonymous_reader(request):
            request.user = AnonymousUser()
        return self.get_response(request)
