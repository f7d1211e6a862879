"""Public endpoints: widget JSON, embed page, oEmbed, and the CourtListener webhook receiver."""

import hmac
import json
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.html import escape
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Site

from legaltracker.conf import app_settings
from legaltracker.models import CasePage
from legaltracker.selectors import WIDGET_MAX_ENTRIES, widget_document_for_slug, widget_payload

EMBED_WIDTH, EMBED_HEIGHT = 480, 420
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


def case_from_url(url: str) -> CasePage | None:
    """The live case page a URL points to (its page or its embed page), or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    path = parts.path.rstrip("/").removesuffix("/embed")
    case = CasePage.objects.live().filter(slug=path.rsplit("/", 1)[-1]).first()
    if case is None:
        return None
    # Host and path must both be the case's own: a foreign host with a matching path is not ours.
    own = urlsplit(case.full_url or "")
    if own.netloc.lower() != parts.netloc.lower() or own.path.rstrip("/") != path:
        return None
    return case


def oembed_for(case: CasePage, request=None, maxwidth: int | None = None, maxheight: int | None = None) -> dict:
    """oEmbed 1.0 `rich` response whose HTML is an iframe of the case's embed page."""
    width = min(EMBED_WIDTH, maxwidth) if maxwidth else EMBED_WIDTH
    height = min(EMBED_HEIGHT, maxheight) if maxheight else EMBED_HEIGHT
    site = Site.find_for_request(request) if request else case.get_site()
    root = site.root_url if site else ""
    src = f"{root}/cases/{case.slug}/embed/"
    return {
        "version": "1.0",
        "type": "rich",
        "title": case.title,
        "provider_name": settings.WAGTAIL_SITE_NAME,
        "provider_url": root + "/",
        "width": width,
        "height": height,
        "html": (
            f'<iframe src="{escape(src)}" width="{width}" height="{height}" '
            f'title="{escape("Live case tracker: " + case.title)}" '
            'style="border:0;max-width:100%" loading="lazy"></iframe>'
        ),
    }


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
    data = oembed_for(
        case, request, _positive_int(request.GET.get("maxwidth")), _positive_int(request.GET.get("maxheight"))
    )
    response = JsonResponse(data)
    response["Access-Control-Allow-Origin"] = "*"
    return response


@csrf_exempt
@require_POST
def courtlistener_webhook(request, secret: str):
    """Store the event under its Idempotency-Key, answer 2xx at once, and let the outbox do the work."""
    from legaltracker.webhooks import receive_event, valid_event_type

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
