"""The case index page: the list of tracked cases readers filter, export and analyse.

Its own module so `models.py` stays readable; `legaltracker.models` re-exports it. The filtering,
exports and figures live in `case_index.py` and `analytics.py`.
"""

from django.apps import apps
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from legaltracker import case_index
from legaltracker.conf import app_settings, content_fragment_seconds


class CaseIndexPage(RoutablePageMixin, Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["legaltracker.CasePage"]
    template = "legaltracker/case_index_page.html"

    def route(self, request, path_components):
        """A case below the index in one query: specific, with the court and status its page shows."""
        # Looked up by name: models.py imports this module, so importing it back would make a cycle.
        found = apps.get_model("legaltracker", "CasePage").routing_queryset().child_of(self)
        case = found.filter(slug=path_components[0]).first() if len(path_components) == 1 and self.live else None
        if case is None:
            return super().route(request, path_components)
        case._cached_parent_obj = self
        return case.route(request, [])

    def get_cached_paths(self):
        """Purging the index purges its exports and analytics too: all are computed from the cases."""
        return ["/", "/analytics/", "/export/csv/", "/export/json/"]

    def get_sitemap_urls(self, request=None):
        """The analytics page is a page of its own for search engines; exports and filters are not."""
        urls = super().get_sitemap_urls(request)
        if urls:
            urls.append({**urls[0], "location": urls[0]["location"] + self.reverse_subpage("analytics")})
        return urls

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["legaltracker_base_template"] = app_settings.LEGALTRACKER_BASE_TEMPLATE
        context["fragment_seconds"] = content_fragment_seconds(request)
        return context

    @path("")
    def index_route(self, request):
        return self.render(request, context_overrides=case_index.index_context(self, request))

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        return case_index.csv_response(self, request)

    @path("export/json/", name="export_json")
    def export_json(self, request):
        return case_index.json_response(self, request)

    @path("analytics/", name="analytics")
    def analytics_route(self, request):
        from legaltracker.analytics import analytics_context

        return self.render(
            request,
            template="legaltracker/case_analytics_page.html",
            context_overrides=analytics_context(case_index.tracked_cases(self)),
        )
