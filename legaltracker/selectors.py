"""Read paths for case data: the widget payload, in bulk and per slug."""

import json
import time
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils.dateformat import format as date_format

from legaltracker.cache_keys import widget_cache_key, widget_cache_seconds, widget_slug_key
from legaltracker.conf import app_settings
from legaltracker.models import CasePage, CaseStatus, DocketEntry
from legaltracker.statuses import Status

WIDGET_MAX_ENTRIES = 10
LOCAL_MEMO_MAX = 2000
_local_documents: dict[str, tuple[float, "WidgetDocument"]] = {}


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _entry_json(entry: DocketEntry) -> dict:
    return {
        "entry_number": entry.entry_number,
        "date_filed": _iso(entry.date_filed),
        "description": entry.description,
        "url": entry.safe_document_url or None,
    }


def _safe_url(url: str) -> str | None:
    """Court data links are shown only when they are plain web links."""
    return url if url and url.lower().startswith(("https://", "http://")) else None


def status_source(status: CaseStatus | None) -> dict | None:
    """Where the status readers see came from: an editor's reason, a docket entry, or the docket record."""
    if status is None:
        return None
    if status.override_status:
        return {"kind": "editor", "text": f"Set by our editors: {status.override_reason}", "url": None}
    entry = status.status_entry
    if entry is not None:
        parts = [f"docket entry {entry.entry_number}" if entry.entry_number else "a docket entry"]
        if entry.date_filed:
            parts.append(f"filed {date_format(entry.date_filed, 'F j, Y')}")
        return {"kind": "entry", "text": "Source: " + ", ".join(parts) + ".", "url": _safe_url(entry.document_url)}
    if status.status_rule:
        return {"kind": "docket", "text": "Source: the court's docket record.", "url": None}
    return None


def _payload(case: CasePage, status: CaseStatus | None, entries: list[DocketEntry]) -> dict:
    refreshed = bool(status and status.last_checked)
    status_value = status.status if status else Status.FILED
    return {
        "case": {
            "slug": case.slug,
            "title": case.title,
            "court": case.court.name,
            "court_id": case.court_id,
            "docket_number": case.docket_number,
            "url": case.url,
        },
        "status": status_value,
        "status_label": Status(status_value).label,
        "overridden": bool(status and status.override_status),
        # An editor's override replaces the docket headline it contradicts.
        "headline": (status.override_reason if status.override_status else status.headline) if status else "",
        "status_source": status_source(status),
        "last_event_date": _iso(status.last_event_date) if status else None,
        "last_checked": _iso(status.last_checked) if status else None,
        "version": status.version if status else 0,
        "tracked": case.tracking,
        "refreshed": refreshed,
        "source_health": status.health if status else "ok",
        "source_message": status.health_message if status else "",
        "source_url": case.courtlistener_url or None,
        # The docket's history is still arriving page by page; the status may move as it does.
        "history_loading": bool(status and status.is_backfilling),
        "entries": [_entry_json(entry) for entry in entries],
        "widget_url": reverse("legaltracker:widget_json", kwargs={"slug": case.slug}),
    }


def _latest_entries(case_ids: list[int], limit: int) -> dict[int, list[DocketEntry]]:
    """The newest `limit` entries of each case, in one query."""
    ranked = DocketEntry.objects.filter(case_id__in=case_ids).annotate(
        rank=Window(
            RowNumber(),
            partition_by=[F("case_id")],
            order_by=[F("date_filed").desc(nulls_last=True), F("entry_number").desc(nulls_last=True), F("pk").desc()],
        )
    )
    grouped: dict[int, list[DocketEntry]] = {case_id: [] for case_id in case_ids}
    for entry in DocketEntry.objects.filter(pk__in=ranked.filter(rank__lte=limit).values("pk")).order_by(
        F("date_filed").desc(nulls_last=True), F("entry_number").desc(nulls_last=True), "-pk"
    ):
        grouped[entry.case_id].append(entry)
    return grouped


def widget_payloads(cases: list[CasePage]) -> dict[int, dict]:
    """Widget payloads for several cases: from the cache, the misses in a fixed number of queries."""
    cases = [case for case in cases if case is not None]
    keys = {widget_cache_key(case.pk): case for case in cases}
    found = cache.get_many(list(keys))
    payloads = {keys[key].pk: payload for key, payload in found.items()}
    missing = [case for case in cases if case.pk not in payloads]
    if missing:
        ids = [case.pk for case in missing]
        # The status (and the entry behind it) rides along in the same query: the payload reads it,
        # and so does courtlistener_url.
        with_court = CasePage.objects.select_related("court", "status", "status__status_entry").in_bulk(ids)
        missing = [with_court[case.pk] for case in missing if case.pk in with_court]
        statuses = {case.pk: getattr(case, "status", None) for case in missing}
        entries = _latest_entries(ids, WIDGET_MAX_ENTRIES)
        fresh = {}
        for case in missing:
            payloads[case.pk] = _payload(case, statuses.get(case.pk), entries.get(case.pk, []))
            fresh[widget_cache_key(case.pk)] = payloads[case.pk]
        cache.set_many(fresh, timeout=widget_cache_seconds())
    return payloads


def widget_payload(case: CasePage, entries: int = 5) -> dict:
    payload = dict(widget_payloads([case])[case.pk])
    payload["entries"] = payload["entries"][: max(0, min(entries, WIDGET_MAX_ENTRIES))]
    return payload


@dataclass
class WidgetDocument:
    """A case's widget payload plus its JSON encodings, built once and reused while memoised."""

    payload: dict
    bodies: dict[int, bytes] = field(default_factory=dict)

    def body(self, entries: int) -> bytes:
        """The JSON body with the first `entries` docket entries."""
        if entries not in self.bodies:
            visible = {**self.payload, "entries": self.payload["entries"][:entries]}
            self.bodies[entries] = json.dumps(visible, ensure_ascii=False).encode()
        return self.bodies[entries]


def widget_document_for_slug(slug: str) -> WidgetDocument | None:
    """The widget of the live case at `slug`, or None.

    Widgets poll often, so the document is memoised in this process for a couple of seconds in
    front of the shared cache (well inside the public max-age); a shared-cache hit costs no
    database query.
    """
    now = time.monotonic()
    memo = _local_documents.get(slug)
    if memo is not None and memo[0] > now:
        return memo[1]
    key = widget_slug_key(slug)
    payload = cache.get(key)
    if payload is None:
        case = CasePage.objects.live().filter(slug=slug).first()
        if case is None:
            return None
        payload = widget_payloads([case])[case.pk]
        cache.set(key, payload, timeout=widget_cache_seconds())
    if len(_local_documents) >= LOCAL_MEMO_MAX:
        _local_documents.clear()
    document = WidgetDocument(payload)
    _local_documents[slug] = (now + app_settings.WIDGET_LOCAL_CACHE_SECONDS, document)
    return document


def forget_local_payload(*slugs: str) -> None:
    for slug in slugs:
        _local_documents.pop(slug, None)
