"""Admin registration: snippet viewsets for authors and disclaimers; cache headers on served pages."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from newsroom.models import Author, Disclaimer


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    list_display = ["name", "role", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class DisclaimerViewSet(SnippetViewSet):
    model = Disclaimer
    icon = "warning"
    menu_label = "Disclaimers"
    list_display = ["name", "kind"]
    list_filter = ["kind"]


class NewsroomSnippets(SnippetViewSetGroup):
    menu_label = "Newsroom"
    menu_icon = "doc-full-inverse"
    menu_order = 200
    items = (AuthorViewSet, DisclaimerViewSet)


register_snippet(NewsroomSnippets)


@hooks.register("on_serve_page")
def add_cache_headers(serve_page):
    """Flag what Wagtail pages serve; PageCacheMiddleware adds the headers once it is rendered."""
    from newsroom.middleware import SERVED_BY_PAGE

    def serve_with_cache_headers(page, request, args, kwargs):
        response = serve_page(page, request, args, kwargs)
        setattr(response, SERVED_BY_PAGE, True)
        return response

    return serve_with_cache_headers
