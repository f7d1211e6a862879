from django.urls import path

from legaltracker import views
from legaltracker.feeds import CaseAtomFeed, CaseFeed

app_name = "legaltracker"

urlpatterns = [
    path("cases/<slug:slug>/widget.json", views.widget_json, name="widget_json"),
    path("cases/<slug:slug>/embed/", views.embed, name="embed"),
    path("cases/<slug:slug>/feed/rss/", CaseFeed(), name="case_feed_rss"),
    path("cases/<slug:slug>/feed/atom/", CaseAtomFeed(), name="case_feed_atom"),
    path("oembed/", views.oembed, name="oembed"),
    path("hooks/courtlistener/<str:secret>/", views.courtlistener_webhook, name="courtlistener_webhook"),
]
