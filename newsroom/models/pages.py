"""Article and news index pages."""

from functools import cache

from django.core.paginator import InvalidPage, Paginator
from django.db import models
from django.db.models import Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from legaltracker.blocks import case_widget_payloads
from legaltracker.previews import label_draft_preview
from newsroom.blocks import ArticleBodyBlock
from newsroom.conf import app_settings as newsroom_settings
from newsroom.conf import template_context
from newsroom.panels import BylinePanel

ARTICLES_PER_PAGE = 10


class ArticleTopic(TaggedItemBase):
    content_object = ParentalKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePageQuerySet(PageQuerySet):
    def newest_first(self):
        return self.order_by(models.F("published_at").desc(nulls_last=True), "-first_published_at", "-pk")

    def related_to(self, page, limit: int):
        """The newest live articles sharing a topic with `page`, excluding `page` itself."""
        if page is None or page.pk is None:
            return self.none()
        shared_topics = ArticleTopic.objects.filter(content_object_id=page.pk).values("tag_id")
        matching = ArticleTopic.objects.filter(tag_id__in=Subquery(shared_topics)).values("content_object_id")
        return self.live().filter(pk__in=Subquery(matching)).exclude(pk=page.pk).newest_first()[:limit]


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class ArticlePage(Page):
    dek = models.CharField(
        "Subtitle", max_length=300, blank=True, help_text="One sentence under the headline (the dek)."
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The picture at the top of the story, also used when it is shared on social media.",
    )
    hero_alt_text = models.CharField(
        "Alt text", max_length=250, blank=True, help_text="Required with a hero image: what the image shows."
    )
    hero_caption = models.CharField(
        "Caption", max_length=300, blank=True, help_text="Shown under the image: what or who readers are looking at."
    )
    hero_credit = models.CharField(
        "Credit", max_length=200, blank=True, help_text="Who made the image, for example: Created by Ana Ruiz."
    )
    hero_source_name = models.CharField(
        "Source name",
        max_length=120,
        blank=True,
        help_text="Where the image comes from, when it is not ours: for example Reuters, or the court's docket. "
        "Readers see “Source: …” under the image.",
    )
    hero_source_url = models.URLField(
        "Source link",
        blank=True,
        help_text="The web address of the original, so readers can check it. The source name becomes this link.",
    )
    published_at = models.DateTimeField(
        "First published", null=True, blank=True, help_text="Shown to readers. Empty: the first publication time."
    )
    updated_at = models.DateTimeField(
        "Last updated", null=True, blank=True, help_text="Set when the story changes materially; shown to readers."
    )
    topics = ClusterTaggableManager(
        "Topics",
        through=ArticleTopic,
        blank=True,
        help_text="The names readers know, for example SEC, Binance, stablecoins. Topics are shown above the "
        "headline and pick the stories listed as related.",
    )
    body = StreamField(ArticleBodyBlock(), blank=True, help_text="The story, built from blocks: use + to add one.")
    disclaimer = models.ForeignKey(
        "newsroom.Disclaimer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The note at the foot of the story, for example for sponsored content. "
        "Empty: the site's default disclaimer (Settings > Newsroom settings).",
    )

    objects = ArticlePageManager()

    content_panels = [
        TitleFieldPanel("title", placeholder="Headline", help_text="The headline readers see."),
        FieldPanel("dek"),
        BylinePanel("article_authors", heading="Authors", label="Author", chooser_field_name="author", min_num=1),
        FieldPanel("topics"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_alt_text"),
                FieldPanel("hero_caption"),
                FieldPanel("hero_credit"),
                FieldPanel("hero_source_name"),
                FieldPanel("hero_source_url"),
            ],
            heading="Hero image",
        ),
        FieldPanel("body"),
        FieldPanel("disclaimer"),
        InlinePanel(
            "corrections",
            heading="Corrections",
            label="correction",
            help_text="Say what was wrong and what is right now; readers see every correction at the story's foot.",
        ),
    ]
    promote_panels = Page.promote_panels + [
        MultiFieldPanel([FieldPanel("published_at"), FieldPanel("updated_at")], heading="Dates shown to readers"),
    ]
    search_fields = Page.search_fields + [index.SearchField("dek"), index.SearchField("body")]
    search_type_label = "Article"  # site search labels results with it

    parent_page_types = ["newsroom.NewsIndexPage"]
    subpage_types: list[str] = []
    template = "newsroom/article_page.html"

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.hero_image_id and not self.hero_alt_text.strip():
            raise ValidationError({"hero_alt_text": "Describe the hero image for readers who cannot see it."})

    @classmethod
    def routing_queryset(cls):
        """How routing loads an article: without the body, which the render reads only when the
        article's fragment is not cached (a 20-block body costs more to fetch and decode than the rest)."""
        return cls.objects.defer("body")

    @property
    def display_published_at(self):
        return self.published_at or self.first_published_at or timezone.now()

    @property
    def display_updated_at(self):
        """The update time worth showing: only when it is later than the first publication."""
        if self.updated_at and self.updated_at > self.display_published_at:
            return self.updated_at
        return None

    def get_disclaimer(self, request=None):
        if self.disclaimer_id:
            return self.disclaimer
        from newsroom.models.settings import NewsroomSettings

        return NewsroomSettings.for_request(request).default_disclaimer if request else None

    def get_authors(self):
        return [link.author for link in self.article_authors.select_related("author", "author__photo")]

    def get_news_index(self):
        parent = getattr(self, "_cached_parent_obj", None)  # set when NewsIndexPage.route found us
        if isinstance(parent, NewsIndexPage):
            return parent if parent.live else None
        return NewsIndexPage.objects.live().ancestor_of(self).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(template_context())
        # Lazy, so a hit in the article's fragment cache (see article_page.html) costs no query.
        context["authors"] = SimpleLazyObject(self.get_authors)
        context["disclaimer"] = SimpleLazyObject(lambda: self.get_disclaimer(request))
        context["news_index"] = SimpleLazyObject(self.get_news_index)
        # The same lookup the case widgets in the body share, so the note costs no extra query.
        context["case_note"] = SimpleLazyObject(lambda: self.case_note(case_widget_payloads(self, request).values()))
        # Previews show unsaved content under the admin's URL: never read or fill the fragment cache.
        if not getattr(request, "is_preview", False) and newsroom_settings.NEWSROOM_PAGE_CACHE_ENABLED:
            context["fragment_cache_seconds"] = newsroom_settings.NEWSROOM_PAGE_CACHE_SECONDS
            context["fragment_cache_alias"] = newsroom_settings.NEWSROOM_PAGE_CACHE_ALIAS
        return context

    def cases_changed_since_publication(self, payloads) -> list[dict]:
        """Embedded cases whose latest significant event is later than this story's publication."""
        published = self.display_published_at.date().isoformat()
        return [p for p in payloads if p.get("last_event_date") and p["last_event_date"] > published]

    def case_note(self, payloads) -> dict:
        """The "since this story was published" note: rendered (hidden) whenever the story embeds a
        case, so widget.js can fill it in place when a case moves on while a reader has it open."""
        payloads = list(payloads)
        return {
            "embeds_cases": bool(payloads),
            "published_day": self.display_published_at.date().isoformat(),
            "updates": [
                {"slug": p["case"]["slug"], "sentence": p["status_sentence"]}
                for p in self.cases_changed_since_publication(payloads)
            ],
        }

    def serve_preview(self, request, mode_name):
        published = bool(self.pk and self.live)
        return label_draft_preview(super().serve_preview(request, mode_name), published, what="story")

    def save(self, *args, **kwargs):
        if self.live and self.published_at is None:
            self.published_at = self.first_published_at or timezone.now()
        super().save(*args, **kwargs)


class ArticleAuthor(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(
        "newsroom.Author",
        on_delete=models.CASCADE,
        related_name="article_links",
        help_text="Move authors up or down to set the byline order.",
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "author")]


class ArticleCorrection(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="corrections")
    date = models.DateField(default=timezone.localdate, help_text="The day the correction was made.")
    text = RichTextField(
        features=["bold", "italic", "link"], help_text="For example: An earlier version misstated the filing date."
    )

    panels = [FieldPanel("date"), FieldPanel("text")]


class NewsIndexPage(RoutablePageMixin, Page):
    intro = RichTextField(
        blank=True, features=["bold", "italic", "link"], help_text="A sentence or two above the list of stories."
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["newsroom.ArticlePage"]
    template = "newsroom/news_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(template_context())
        return context

    def articles(self):
        """Live articles below the index, newest first, with what a teaser shows."""
        return ArticlePage.objects.live().child_of(self).newest_first().select_related("hero_image")

    def route(self, request, path_components):
        """An article below the index in one query, already specific (see ArticlePage.routing_queryset)."""
        if len(path_components) == 1 and self.live:
            try:
                self.resolve_subpage(f"/{path_components[0]}/")  # routes (feed, authors) come first
            except Http404:
                article = ArticlePage.routing_queryset().child_of(self).filter(slug=path_components[0]).first()
                if article is not None:
                    article._cached_parent_obj = self
                    return article.route(request, [])
        return super().route(request, path_components)

    def get_cached_paths(self):
        """Purging the index purges its feed too: both list the newest articles."""
        return ["/", "/feed/"]

    @path("")
    def index_route(self, request):
        paginator = Paginator(self.articles(), ARTICLES_PER_PAGE)
        page_number = request.GET.get("page")
        if page_number:
            try:
                paginator.validate_number(page_number)
            except InvalidPage as exc:  # an out-of-range or garbage page number is a 404, not a 500
                raise Http404("No such page of articles.") from exc
        # Read when the template first asks (Django calls callables in a context): the list renders
        # inside a cached fragment, and a fragment hit must not pay for its queries.
        articles = cache(lambda: paginator.page(page_number or 1))
        return self.render(request, context_overrides={"articles": articles, "paginator": paginator})

    @path("feed/", name="feed")
    def feed_route(self, request):
        from newsroom.feeds import NewsFeed

        return NewsFeed(self)(request)

    @path("authors/<slug:slug>/", name="author")
    def author_route(self, request, slug):
        from newsroom.models.snippets import Author

        author = get_object_or_404(Author, slug=slug)
        articles = self.articles().filter(article_authors__author=author)
        return self.render(
            request,
            template="newsroom/author_page.html",
            context_overrides={"author": author, "articles": articles, "news_index": self},
        )
