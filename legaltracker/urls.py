from django.urls import path

from legaltracker import views

app_name = "legaltracker"

urlpatterns = [
    path("cases/<slug:slug>/widget.json", views.widget_json, name="widget_json"),
    path("cases/<slug:slug>/embed/", views.embed, name="embed"),
    path("oembed/", views.oembed, name="oembed"),
    path("hooks/courtlistener/<str:secret>/", views.courtlistener_webhook, name="courtlistener_webhook"),
]
