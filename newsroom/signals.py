"""Editing an author bio or a disclaimer purges the cached pages that show it."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

from newsroom.models import ArticlePage, Author, Disclaimer, NewsroomSettings


def pages_showing(snippet):
    """Live articles that show this author or disclaimer (the default disclaimer shows on many)."""
    if isinstance(snippet, Author):
        pages = ArticlePage.objects.live().filter(article_authors__author=snippet)
    else:
        pages = ArticlePage.objects.live().filter(disclaimer=snippet)
        if NewsroomSettings.objects.filter(default_disclaimer=snippet).exists():
            pages = pages | ArticlePage.objects.live().filter(disclaimer__isnull=True)
    return pages.distinct()


@receiver(post_save, sender=Author)
@receiver(post_save, sender=Disclaimer)
def purge_pages_showing_snippet(sender, instance, **kwargs):
    transaction.on_commit(lambda: purge_pages_from_cache(pages_showing(instance)))
