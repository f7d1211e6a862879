"""Admin registration: courts and vocabularies as snippets, a read-only audit trail, status overrides
and docket entries added by editors."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from legaltracker import admin_views
from legaltracker.models import Allegation, CaseParty, Court, StatusChange


class CourtViewSet(SnippetViewSet):
    model = Court
    icon = "site"
    list_display = ["name", "id", "feed_health", "feed_checked_at"]
    search_fields = ["name", "id"]


class CasePartyViewSet(SnippetViewSet):
    model = CaseParty
    icon = "group"
    menu_label = "Brought by"


class AllegationViewSet(SnippetViewSet):
    model = Allegation
    icon = "tag"


class LegalTrackerSnippets(SnippetViewSetGroup):
    menu_label = "Case tracker"
    menu_icon = "clipboard-list"
    menu_order = 210
    items = (CourtViewSet, CasePartyViewSet, AllegationViewSet)


register_snippet(LegalTrackerSnippets)


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Anyone who may use the admin can read the audit trail; nobody can write it by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.has_perm("wagtailadmin.access_admin")

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(StatusChange, ReadOnlyPolicy(StatusChange))


class StatusChangeViewSet(ModelViewSet):
    model = StatusChange
    icon = "history"
    menu_label = "Status history"
    add_to_admin_menu = True
    menu_order = 220
    list_display = [
        "case",
        "from_status",
        "to_status",
        "rule",
        "cause_entry",
        "source",
        "actor",
        "reason",
        "created_at",
    ]
    list_filter = ["to_status", "rule", "source", "case"]
    inspect_view_enabled = True
    form_fields = ["reason"]  # required by ModelViewSet; the read-only policy never offers the form


@hooks.register("register_admin_viewset")
def register_status_history():
    return StatusChangeViewSet("legaltracker_statuschange")


@hooks.register("register_admin_urls")
def register_case_admin_urls():
    return [
        path("cases/<int:case_id>/status/", admin_views.override_status_view, name="legaltracker_override"),
        path("cases/<int:case_id>/entries/", admin_views.docket_entry_view, name="legaltracker_docket_entry"),
        path(
            "cases/<int:case_id>/entries/<int:entry_id>/",
            admin_views.docket_entry_view,
            name="legaltracker_correct_docket_entry",
        ),
        path(
            "outbox/<int:message_id>/reprocess/",
            admin_views.reprocess_outbox_view,
            name="legaltracker_outbox_reprocess",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_court_data_panel(request, panels):
    from legaltracker.dashboard import CourtDataPanel

    if request.user.is_superuser:
        panels.append(CourtDataPanel())
