"""Remember where Wagtail routed each public path, so rendering a page again costs one query, not five.

Wagtail routes every request from the top: it finds the site (a query whose CASE expression Django
compiles anew each time), loads the root page and makes it specific, then loads each level's child
and makes that specific too, and before serving it reads the view restrictions of every ancestor.
Between two edits the answer never changes. `RouteMemoMiddleware` keeps it in the shared cache, per
host, port and path: the site, which page answered (its type, id and url_path), the path left for
the page's own sub-routes, and whether any view restriction applies. The next request loads that
page with one query and gives it to Wagtail as the route, so the page's own `route()` (the live
check, a routable page's sub-routes) and everything after it run as before.

Entries need no purging, because one is used only while it still describes the page:
- the page is loaded by id and must still have the stored url_path (a move, a new slug anywhere
  above it, or a deletion changes or removes it) and must still route (an unpublished page does not);
- saving or deleting a Site or a view restriction replaces the generation token every entry carries.
Anything else falls back to Wagtail's routing from the top, and the entry is written anew.
"""

import hashlib
import logging
import uuid

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import Http404
from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site

from newsroom import page_cache
from newsroom.conf import app_settings

logger = logging.getLogger(__name__)
KEY_PREFIX = "newsroom:route:"
GENERATION_KEY = "newsroom:route-generation"
SITE_FIELDS = ("id", "hostname", "port", "site_name", "root_page_id", "is_default_site")


def _route_key(hostname: str, port: str, path: str) -> str:
    return KEY_PREFIX + hashlib.md5(f"{hostname}|{port}|{path}".encode()).hexdigest()


def _no_view_restrictions():
    return PageViewRestriction.objects.none()


def routing_queryset(model):
    """How a routed page of this type is loaded: the model may defer or join what its render needs."""
    make = getattr(model, "routing_queryset", None)
    return make() if make else model._default_manager.all()


def _components(path: str) -> list[str]:
    return [component for component in path.split("/") if component]


def describe_route(path: str, site: Site, route) -> dict | None:
    """The entry that lets the next request skip routing, or None when this route cannot be replayed.

    Only routes to the page at the requested path (or a sub-route below it) are kept: a page whose
    route() answers with some other page decides that at request time, so it is asked every time.
    """
    page, _args, _kwargs = route
    root = site.root_page
    if not page.url_path.startswith(root.url_path):
        return None
    own = _components(page.url_path[len(root.url_path) :])
    requested = _components(path)
    if requested[: len(own)] != own:
        return None
    return {
        "site": {name: getattr(site, name) for name in SITE_FIELDS},
        "model": type(page)._meta.label,
        "page": page.pk,
        "url_path": page.url_path,
        "remaining": requested[len(own) :],
        "restricted": page.get_view_restrictions().exists(),
    }


def replay(request, entry: dict):
    """The route the entry describes, if it still holds; None sends the request through Wagtail."""
    try:
        model = apps.get_model(entry["model"])
    except LookupError:  # the page type was removed since
        return None
    page = routing_queryset(model).filter(pk=entry["page"]).first()
    if page is None or page.url_path != entry["url_path"]:
        return None
    try:
        route = page.route(request, list(entry["remaining"]))
    except Http404:  # unpublished, or the sub-route is gone: Wagtail decides what the reader gets
        return None
    if route is None or route[0].pk != page.pk:
        return None
    if not entry["restricted"]:
        # Wagtail's serve hook asks every page for its restrictions: two queries that are known
        # to find nothing until a restriction is saved, which replaces the generation token.
        page.get_view_restrictions = _no_view_restrictions
    return route


class RouteMemoMiddleware:
    """Answer Wagtail's routing for page requests from the shared cache when the answer still holds.

    Add it anywhere in MIDDLEWARE; it acts only on requests Django resolved to Wagtail's serve view.
    Sites with internationalisation enabled route by language and are left to Wagtail.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            view_func is not wagtail_views.serve
            or request.method not in ("GET", "HEAD")
            or getattr(settings, "WAGTAIL_I18N_ENABLED", False)
        ):
            return None
        # Wagtail's URL pattern passes the path positionally; a host's own pattern may name it.
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail reads it
        key = _route_key(hostname, request.get_port(), path)
        try:
            stored = page_cache.page_cache().get_many([GENERATION_KEY, key])
        except Exception:  # a cache that is down leaves routing to Wagtail
            logger.warning("Could not read the route memo", exc_info=True)
            return None
        generation = stored.get(GENERATION_KEY)
        entry = stored.get(key)
        if entry is not None and generation is not None and entry.get("generation") == generation:
            route = replay(request, entry)
            if route is not None:
                request._wagtail_site = Site(**entry["site"])
                request._wagtail_route_for_request = route
                return None
        self.remember(request, path, key, generation)
        return None

    def remember(self, request, path: str, key: str, generation: str | None) -> None:
        """Route the request the usual way (Wagtail keeps the result on the request) and store it."""
        route = Page.route_for_request(request, path)
        site = getattr(request, "_wagtail_site", None)
        if route is None or site is None:
            return
        entry = describe_route(path, site, route)
        if entry is None:
            return
        try:
            if generation is None:
                generation = uuid.uuid4().hex
                if not page_cache.page_cache().add(GENERATION_KEY, generation, timeout=None):
                    return  # another request set a token just now; the next request stores the entry
            entry["generation"] = generation
            page_cache.page_cache().set(key, entry, timeout=app_settings.NEWSROOM_PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("Could not store a route in the route memo", exc_info=True)


def forget_all_routes() -> None:
    """Invalidate every stored route: a site or a view restriction changed."""

    def replace_token():
        try:
            page_cache.page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        except Exception:
            logger.warning("Could not replace the route memo's generation token", exc_info=True)

    replace_token()
    # Again after the commit, so a request that read the old rows meanwhile cannot keep its entry.
    transaction.on_commit(replace_token)


@receiver([post_save, post_delete], sender=Site, dispatch_uid="newsroom-routes-site")
@receiver([post_save, post_delete], sender=PageViewRestriction, dispatch_uid="newsroom-routes-restriction")
def _forget_routes(sender, **kwargs):
    forget_all_routes()
