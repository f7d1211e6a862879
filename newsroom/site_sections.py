"""The site's sections (the live pages right below its root page), for the header's navigation.

A section is found by its page type (the news index, the case index), so an editor can rename its
slug without breaking the link. Wagtail's `{% slugurl %}` costs a query per link on every render,
and matches by slug only. The sections change only when a
page is published, unpublished, moved, renamed or deleted, so their URLs are kept in the shared
cache and dropped on each of those events, and when a Site is saved or deleted.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from newsroom import page_cache


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
        request._newsroom_sections = known = page_cache.read_through(_key(site.pk), lambda: _sections(site, request))
    return known.get(page_type.lower(), "")


def _key(site_id: int) -> str:
    return f"newsroom:site-sections:{site_id}"


def forget_sections(*also_site_ids: int) -> None:
    site_ids = {*Site.objects.values_list("pk", flat=True), *also_site_ids}
    page_cache.forget(*(_key(site_id) for site_id in site_ids))


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
    if isinstance(instance, Page):
        forget_sections()
    elif isinstance(instance, Site):
        forget_sections(instance.pk)  # no longer listed, but its sections were kept
