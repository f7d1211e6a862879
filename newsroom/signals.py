"""Purges after editorial changes: every page that shows the changed thing, and no other.

Purges go through wagtail.contrib.frontend_cache, whose backends are the origin page cache and the
CDN, so both forget the same pages. Wagtail's own handlers purge a page when it is published or
unpublished; the receivers here add the other pages that show it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_slug_changed, page_unpublished

from newsroom.models import ArticlePage, Author, Disclaimer, NewsIndexPage, NewsroomSettings


def pages_showing(snippet):
    """Live articles that show this author or disclaimer (the default disclaimer shows on many)."""
    if isinstance(snippet, Author):
        pages = ArticlePage.objects.live().filter(article_authors__author=snippet)
    else:
        pages = ArticlePage.objects.live().filter(disclaimer=snippet)
        if NewsroomSettings.objects.filter(default_disclaimer=snippet).exists():
            pages = pages | ArticlePage.objects.live().filter(disclaimer__isnull=True)
    return pages.distinct()


def author_page_urls(authors) -> list[str]:
    """The public page of each author under every live news index (it lists their articles)."""
    urls = []
    for index in NewsIndexPage.objects.live():
        root = index.get_full_url()
        if root:
            urls += [root + index.reverse_subpage("author", kwargs={"slug": a.slug}).lstrip("/") for a in authors]
    return urls


def _has_automatic_related_stories(article: ArticlePage) -> bool:
    return any(
        block.get("type") == "related_stories" and not (block.get("value") or {}).get("pages")
        for block in article.body.raw_data
    )


def pages_showing_article(article: ArticlePage) -> list[Page]:
    """Live pages other than the article that show its title or link: listings above it, pages that
    chose it (read-more, related stories) and articles that pick it as a related story by topic."""
    ancestors = list(Page.objects.ancestor_of(article).live().filter(depth__gt=1))
    page_type = ContentType.objects.get_for_model(Page)
    choosing = ReferenceIndex.get_references_to(article).filter(base_content_type=page_type)
    chosen_by = list(
        Page.objects.live().filter(pk__in=[int(pk) for pk in choosing.values_list("object_id", flat=True)])
    )
    topics = article.tagged_items.values("tag_id")
    sharing = ArticlePage.objects.live().filter(tagged_items__tag_id__in=topics).exclude(pk=article.pk).distinct()
    by_topic = [page for page in sharing if _has_automatic_related_stories(page)]
    return [page for page in ancestors + chosen_by + by_topic if page.pk != article.pk]


def purge_pages_showing_article(article: ArticlePage) -> set[str]:
    batch = PurgeBatch()
    batch.add_pages(pages_showing_article(article))
    batch.add_urls(author_page_urls([link.author for link in article.article_authors.select_related("author")]))
    batch.purge()
    return batch.urls


@receiver(page_published, sender=ArticlePage)
@receiver(page_unpublished, sender=ArticlePage)
def purge_after_article_change(sender, instance, **kwargs):
    transaction.on_commit(lambda: purge_pages_showing_article(instance))


@receiver(page_slug_changed)
def purge_old_url(sender, instance, instance_before, **kwargs):
    """The old URL of a renamed page must stop answering from the caches (pages below it are not
    purged: they expire after NEWSROOM_PAGE_CACHE_SECONDS at the origin and s-maxage at a CDN)."""
    old_url = instance_before.get_full_url()
    if old_url:
        transaction.on_commit(lambda: PurgeBatch([old_url]).purge())


@receiver(post_save, sender=Author)
@receiver(post_save, sender=Disclaimer)
def purge_pages_showing_snippet(sender, instance, **kwargs):
    def purge():
        batch = PurgeBatch()
        batch.add_pages(pages_showing(instance))
        if isinstance(instance, Author):
            batch.add_urls(author_page_urls([instance]))
        batch.purge()

    transaction.on_commit(purge)


@receiver(post_save, sender=NewsroomSettings)
def purge_site_after_settings_change(sender, instance, **kwargs):
    """The publisher's name is in every page's title and the default disclaimer under most
    articles: a change to the settings purges every live page of the site."""

    def purge():
        batch = PurgeBatch()
        batch.add_pages(Page.objects.live().descendant_of(instance.site.root_page, inclusive=True))
        batch.purge()

    transaction.on_commit(purge)
