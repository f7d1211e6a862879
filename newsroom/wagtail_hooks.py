"""Admin registration: snippet viewsets for authors and disclaimers."""

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
