"""The demo site's home page: the lead story, the latest stories, cases with new filings, topic sections."""

from datetime import timedelta
from functools import cache

from django.db import models
from django.db.models import Count, Max, Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from legaltracker.models import CasePage
from newsroom.models import ArticlePage, ArticleTopic

LATEST_STORY_COUNT = 6
TOPIC_SECTION_COUNT = 3
STORIES_PER_TOPIC = 3
RECENT_FILING_DAYS = 7
RECENT_CASE_COUNT = 6


class HomePage(Page):
    lead = models.CharField(max_length=300, blank=True)
    lead_story = models.ForeignKey(
        "newsroom.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Lead story",
        help_text="The story at the top of the home page. Empty, or not published: the newest story leads.",
    )

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("lead_story")]
    max_count = 1
    template = "demo/home_page.html"
    # The tracker purges this page with every case change: it lists cases with new filings.
    shows_recent_case_filings = True

    def articles(self):
        return ArticlePage.objects.live().descendant_of(self).newest_first().select_related("hero_image")

    def lead_and_latest(self) -> list:
        """The lead story (the editors' choice while it is live, else the newest), then the latest."""
        newest = list(self.articles()[: LATEST_STORY_COUNT + 1])
        chosen = self.articles().filter(pk=self.lead_story_id).first() if self.lead_story_id else None
        if chosen is None:
            return newest
        return [chosen, *[story for story in newest if story.pk != chosen.pk][:LATEST_STORY_COUNT]]

    def topic_sections(self, exclude_ids) -> list[dict]:
        """The topics with the most live stories, each with its newest stories not shown above."""
        live_ids = self.articles().values("pk")
        topics = (
            ArticleTopic.objects.filter(content_object_id__in=live_ids)
            .values("tag__name", "tag__slug", "tag_id")
            .annotate(stories=Count("content_object_id"))
            .order_by("-stories", "tag__name")[:TOPIC_SECTION_COUNT]
        )
        sections = []
        for topic in topics:
            stories = self.articles().filter(tagged_items__tag_id=topic["tag_id"]).exclude(pk__in=exclude_ids)
            stories = list(stories[:STORIES_PER_TOPIC])
            if stories:
                sections.append({"name": topic["tag__name"], "slug": topic["tag__slug"], "stories": stories})
        return sections

    def cases_with_new_filings(self):
        """Live cases with a docket entry filed in the last week, most recent filing first."""
        since = timezone.localdate() - timedelta(days=RECENT_FILING_DAYS)
        recent = Q(docket_entries__date_filed__gte=since)
        return (
            CasePage.objects.live()
            .descendant_of(self)
            .filter(recent)
            .annotate(
                latest_filing=Max("docket_entries__date_filed"), new_filings=Count("docket_entries", filter=recent)
            )
            .select_related("court", "status")
            .order_by("-latest_filing", "title")[:RECENT_CASE_COUNT]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read when the template first asks (Django calls callables in a context): the listings
        # render inside a cached fragment (home_page.html), and a hit must not pay for their queries.
        stories = cache(lambda: self.lead_and_latest())
        context.update(
            {
                "lead_story": lambda: stories()[0] if stories() else None,
                "stories": lambda: stories()[1:],
                "recent_cases": self.cases_with_new_filings(),
                "topic_sections": cache(lambda: self.topic_sections([story.pk for story in stories()])),
            }
        )
        return context
