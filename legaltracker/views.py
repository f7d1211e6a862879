"""Public endpoints: widget JSON, embed page, oEmbed, and the CourtListener webhook receiver."""

import hmac
import json
import re

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from legaltracker.conf import app_settings
from legaltracker.models import CasePage
from legaltracker.oembed import case_from_url, oembed_for
from legaltracker.selectors import WIDGET_MAX_ENTRIES, widget_document_for_slug, widget_payload
from legaltracker.webhooks import receive_event, valid_event_type

_ENTRIES_PARAM = re.compile(r"(?:^|&)entries=(\d{1,3})(?:&|$)")


def _live_case(slug: str) -> CasePage:
    case = CasePage.objects.live().select_related("court").filter(slug=slug).first()
    if case is None:
        raise Http404("No such case.")
    return case


@require_GET
def widget_json(request, slug: str):
    document = widget_document_for_slug(slug)
    if document is None:
        response = JsonResponse({"error": "not_found", "detail": f"No case with slug {slug!r}."}, status=404)
        response["Access-Control-Allow-Origin"] = "*"
        return response
    # Widgets poll this constantly: read the raw query string and header instead of building
    # request.GET and request.headers (a QueryDict costs more than the rest of this view).
    match = _ENTRIES_PARAM.search(request.META.get("QUERY_STRING", ""))
    entries = min(int(match.group(1)), WIDGET_MAX_ENTRIES) if match else 5
    shown = min(entries, len(document.payload["entries"]))
    etag = f'"case-{slug}-v{document.payload["version"]}-n{shown}"'
    if etag in request.META.get("HTTP_IF_NONE_MATCH", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(document.body(shown), content_type="application/json")
    response["ETag"] = etag
    response["Cache-Control"] = _WIDGET_CACHE_CONTROL.format(
        max_age=app_settings.WIDGET_MAX_AGE, swr=app_settings.WIDGET_STALE_WHILE_REVALIDATE
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag"
    return response


_WIDGET_CACHE_CONTROL = "public, max-age={max_age}, stale-while-revalidate={swr}"


@require_GET
@xframe_options_exempt
def embed(request, slug: str):
    case = _live_case(slug)
    payload = widget_payload(case, 5)
    response = render(
        request,
        "legaltracker/embed.html",
        {"widget": payload, "display": "full", "entries_limit": 5, "poll_seconds": app_settings.WIDGET_POLL_SECONDS},
    )
    ancestors = " ".join(app_settings.EMBED_FRAME_ANCESTORS) or "'none'"
    response["Content-Security-Policy"] = f"frame-ancestors {ancestors}"
    return response


def _positive_int(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


@require_GET
def oembed(request):
    if request.GET.get("format", "json") != "json":
        return HttpResponse("Only format=json is supported.", status=501, content_type="text/plain")
    case = case_from_url(request.GET.get("url", ""))
    if case is None:
        return JsonResponse({"error": "not_found", "detail": "That URL is not a case page on this site."}, status=404)
    data = oembed_for(case, _positive_int(request.GET.get("maxwidth")), _positive_int(request.GET.get("maxheight")))
    response = JsonResponse(data)
    response["Access-Control-Allow-Origin"] = "*"
    return response


@csrf_exempt
@require_POST
def courtlistener_webhook(request, secret: str):
    """Store the event under its Idempotency-Key, answer 2xx at once, and let the outbox do the work.

    Without Celery the event is applied right after this request's commit: it is local work, a few
    rows per case. Either way it is recorded first, so a failure leaves it for the sweeper.
    """
    expected = app_settings.WEBHOOK_SECRET
    # Constant-time comparison: the secret path is the webhook's only credential.
    if not expected or not hmac.compare_digest(secret.encode(), expected.encode()):
        raise Http404
    key = request.headers.get("Idempotency-Key", "").strip()
    try:
        body = json.loads(request.body)
    except ValueError:
        return JsonResponse({"error": "Body is not JSON."}, status=400)
    if not key or not isinstance(body, dict) or "payload" not in body or not isinstance(body.get("webhook"), dict):
        return JsonResponse({"error": "Expected a CourtListener webhook with an Idempotency-Key."}, status=400)
    if not valid_event_type(body["webhook"].get("event_type")):
        return JsonResponse({"error": "webhook.event_type must be a small non-negative integer."}, status=400)
    created = receive_event(key, body)
    return JsonResponse({"received": True, "duplicate": not created}, status=202 if created else 200)
