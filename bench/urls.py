from django.http import JsonResponse
from django.urls import include, path


def bare_json(request):
    """The baseline: a Django view returning a small JSON body, through the same middleware."""
    return JsonResponse({"status": "active", "version": 1, "headline": "A small body for comparison."})


urlpatterns = [path("bench/bare.json", bare_json), path("", include("config.urls"))]
