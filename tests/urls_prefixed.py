"""A host that mounts the tracker's URLs under a prefix of its own."""

from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [
    path("tracker/", include("legaltracker.urls")),
    path("", include(wagtail_urls)),
]
