"""The demo site's home page: the newest stories, then the case tracker."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from newsroom.models import ArticlePage

HOME_STORY_COUNT = 6


class HomePage(Page):
    lead = models.CharField(max_length=300, blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead")]
    max_count = 1
    template = "demo/home_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = (
            ArticlePage.objects.live()
            .descendant_of(self)
            .newest_first()
            .select_related("hero_image")[:HOME_STORY_COUNT]
        )
        return context
