"""The site's sections (the live pages right below its root page), for the header's navigation.

A section is found by its page type (the news index, the case index), so an editor can rename its
slug without breaking the link. Wagtail's `{% slugurl %}` costs a query per link on every render,
and matches by slug only. The sections change only when a
page is published, unpublished, moved, renamed or deleted, so their URLs are kept in the shared
cache and dropped on each of those events, and when a Site is saved or deleted.
"""

import logging

from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from newsroom.conf import app_settings

logger = logging.getLogger(__name__)
CACHE_KEY = "newsroom:site-sections"


def _cache():
    return caches[app_settings.NEWSROOM_PAGE_CACHE_ALIAS]


def _sections(site: Site, request) -> dict[str, str]:
    """Page type ("app_label.modelname") -> URL of the first live page of that type below the root."""
    root = site.root_page
    children = Page.objects.live().filter(depth=root.depth + 1, path__startswith=root.path).order_by("-path")
    # Reversed, so the first child of each type (in the admin's order) is the one kept.
    return {
        child.specific_class._meta.label_lower: child.get_url(request=request, current_site=site) for child in children
    }


def section_url(request, page_type: str) -> str:
    """The URL of the site's first section of this page type ("newsroom.newsindexpage"), or ""."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return ""
    known = getattr(request, "_newsroom_sections", None)  # the header asks once per section
    if known is None:
        request._newsroom_sections = known = _known_sections(request, site)
    return known.get(site.pk, {}).get(page_type.lower(), "")


def _known_sections(request, site: Site) -> dict:
    """Site id -> its sections, with the request's site's computed and stored when missing."""
    try:
        known = _cache().get(CACHE_KEY) or {}
    except Exception:  # a cache that is down costs the queries, not the page
        logger.warning("Could not read the cached site sections", exc_info=True)
        return {site.pk: _sections(site, request)}
    if site.pk not in known:
        known = {**known, site.pk: _sections(site, request)}
        try:
            _cache().set(CACHE_KEY, known, timeout=app_settings.NEWSROOM_PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("Could not cache the site sections", exc_info=True)
    return known


def forget_sections() -> None:
    def forget():
        try:
            _cache().delete(CACHE_KEY)
        except Exception:
            logger.warning("Could not drop the cached site sections", exc_info=True)

    forget()
    transaction.on_commit(forget)  # again, in case a request cached the old tree before the commit


@receiver(page_published, dispatch_uid="newsroom-sections-published")
@receiver(page_unpublished, dispatch_uid="newsroom-sections-unpublished")
@receiver(page_slug_changed, dispatch_uid="newsroom-sections-slug")
@receiver(post_page_move, dispatch_uid="newsroom-sections-move")
def _page_changed(sender, **kwargs):
    forget_sections()


@receiver(post_save, sender=Site, dispatch_uid="newsroom-sections-site")
def _site_changed(sender, **kwargs):
    forget_sections()


@receiver(post_delete, dispatch_uid="newsroom-sections-delete")
def _page_or_site_deleted(sender, instance, **kwargs):
    if isinstance(instance, (Page, Site)):
        forget_sections()
