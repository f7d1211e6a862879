"""CourtListener REST API v4: dockets and docket entries, within the account's shared quota."""

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urljoin, urlsplit

from django.utils.dateparse import parse_date, parse_datetime

from legaltracker.conf import app_settings
from legaltracker.quota import SharedQuota
from legaltracker.sources import http
from legaltracker.sources.base import (
    DocketNotFound,
    DocketUpdate,
    EntryData,
    MalformedData,
    RateLimited,
    SourceError,
)
from legaltracker.sources.validation import check_entry, site_path
from legaltracker.statuses import Source

DOCKET_FIELDS = (
    "id,court_id,case_name,case_name_full,docket_number,date_filed,date_terminated,"
    "date_last_filing,assigned_to_str,referred_to_str,date_modified,absolute_url"
)
ENTRY_FIELDS = "id,entry_number,date_filed,description,date_modified,recap_documents"
MAX_PAGES = 50  # a guard against a cursor that never ends (parties)
logger = logging.getLogger("legaltracker.sources.courtlistener")


@dataclass
class EntryPage:
    """One page of docket entries as an update, with the links CourtListener gave beside it."""

    update: DocketUpdate
    next_url: str | None
    count_url: str | None


def _date(value) -> date | None:
    try:
        return parse_date(value) if isinstance(value, str) and value else None
    except ValueError as exc:  # well formed but impossible, such as 2024-13-45
        raise MalformedData(f"{value!r} is not a date") from exc


def _datetime(value) -> datetime | None:
    try:
        return parse_datetime(value) if isinstance(value, str) and value else None
    except ValueError as exc:
        raise MalformedData(f"{value!r} is not a date and time") from exc


def entry_from_json(item: dict) -> EntryData:
    """A CourtListener docket entry (REST or webhook flavour) as plain data."""
    documents = item.get("recap_documents") or []
    main = next((d for d in documents if d.get("document_type") in (1, None)), documents[0] if documents else {})
    description = item.get("description") or main.get("description") or ""
    document_url = ""
    # Links are built only from plain paths on CourtListener's own hosts: never javascript: or //elsewhere.
    if isinstance(main.get("filepath_local"), str) and site_path("/" + main["filepath_local"].lstrip("/")):
        document_url = f"https://storage.courtlistener.com/{main['filepath_local'].lstrip('/')}"
    elif site_path(main.get("absolute_url")):
        document_url = urljoin("https://www.courtlistener.com", main["absolute_url"])
    return EntryData(
        source=Source.COURTLISTENER,
        source_id=str(item["id"]),
        entry_number=item.get("entry_number") if isinstance(item.get("entry_number"), int) else None,
        date_filed=_date(item.get("date_filed")),
        description=str(description),
        document_url=document_url,
        short_description=str(main.get("description") or "")[:200] if item.get("description") else "",
    )


class CourtListenerClient:
    def __init__(self, base_url: str | None = None, token: str | None = None, quota: SharedQuota | None = None):
        self.base_url = (base_url or app_settings.COURTLISTENER_BASE_URL).rstrip("/") + "/"
        self.token = app_settings.COURTLISTENER_TOKEN if token is None else token
        self.quota = quota or SharedQuota.courtlistener()
        self.session = http.session_with_agent(
            app_settings.LEGALTRACKER_USER_AGENT,
            {"Accept": "application/json", **({"Authorization": f"Token {self.token}"} if self.token else {})},
        )

    @property
    def configured(self) -> bool:
        return bool(self.token)

    def _get_json(self, url: str, params: dict | None = None) -> dict:
        self.quota.acquire()
        try:
            response = http.get(self.session, url, params=params, timeout=app_settings.COURTLISTENER_TIMEOUT)
        except RateLimited as exc:
            self.quota.block_for(exc.retry_after or 60)
            raise
        if response.status_code == 404:
            raise DocketNotFound(f"404 from {url}")
        if response.status_code >= 400:
            raise MalformedData(f"{response.status_code} from {url}: {response.text[:200]}")
        try:
            data = response.json()
        except ValueError as exc:
            raise MalformedData(f"Response from {url} is not valid JSON") from exc
        if not isinstance(data, dict):
            raise MalformedData(f"Response from {url} is not a JSON object")
        return data

    def _paginate(self, path: str, params: dict) -> Iterator[dict]:
        url, query = urljoin(self.base_url, path), params
        for _ in range(MAX_PAGES):
            data = self._get_json(url, query)
            results = data.get("results")
            if not isinstance(results, list):
                raise MalformedData(f"No results list in the response from {url}")
            yield from results
            url, query = data.get("next"), None  # `next` carries the cursor; follow it as given
            if not url:
                return

    def find_docket(self, court_id: str, docket_number: str) -> dict:
        """The docket for a court and docket number as CourtListener stores it: one call.

        Only the first page is read: a court and docket number name one docket, and further pages
        would spend the quota on near matches.
        """
        url = urljoin(self.base_url, "dockets/")
        data = self._get_json(url, {"court": court_id, "docket_number": docket_number, "fields": DOCKET_FIELDS})
        results = data.get("results")
        if not isinstance(results, list):
            raise MalformedData(f"No results list in the response from {url}")
        if not results:
            raise DocketNotFound(f"CourtListener has no docket {docket_number} in court {court_id}")
        return results[0]

    def get_docket(self, docket_id: int) -> dict:
        return self._get_json(urljoin(self.base_url, f"dockets/{docket_id}/"), {"fields": DOCKET_FIELDS})

    def docket(self, court_id: str, docket_number: str, docket_id: int | None) -> DocketUpdate:
        """The docket's metadata as a DocketUpdate without entries: one call."""
        docket = self.get_docket(docket_id) if docket_id else self.find_docket(court_id, docket_number)
        return update_from_docket(docket, court_id, docket_number)

    def entry_page(self, docket_id: int, since: datetime | None, cursor: str | None = None) -> EntryPage:
        """One page of the docket's entries, oldest modification first: one call.

        With `cursor` (a `next` URL from an earlier page) the walk goes on where it stopped; without
        it a walk starts after `since`, or at the beginning of the docket.
        """
        if cursor:
            data = self._get_json(self._entries_url(cursor))
        else:
            # Document text can run to megabytes per entry; the tracker never needs it.
            params = {
                "docket": docket_id,
                "order_by": "date_modified",
                "page_size": app_settings.COURTLISTENER_ENTRIES_PAGE_SIZE,
                "fields": ENTRY_FIELDS,
                "omit": "recap_documents__plain_text",
            }
            if since:
                params["date_modified__gt"] = since.isoformat()
            data = self._get_json(urljoin(self.base_url, "docket-entries/"), params)
        results, next_url, count_url = data.get("results"), data.get("next"), data.get("count")
        if not isinstance(results, list) or not isinstance(next_url, str | None):
            raise MalformedData("A page of docket entries without a results list or a usable next link")
        update = DocketUpdate(source=Source.COURTLISTENER, courtlistener_docket_id=docket_id, entries_access="ok")
        add_entries(update, results)
        return EntryPage(update, next_url or None, count_url if isinstance(count_url, str) else None)

    def _entries_url(self, link: str) -> str:
        """A `next` or `count` link with its query kept as given, sent to the configured API only.

        The token goes with every request, so it never follows a link to another host; and a base
        URL written differently (a proxy, no "www") still resumes the same cursor.
        """
        return urljoin(self.base_url, "docket-entries/") + "?" + urlsplit(link).query

    def entry_count(self, count_url: str) -> int | None:
        """How many entries a walk covers, from the `count` URL of a cursor page: one call."""
        count = self._get_json(self._entries_url(count_url)).get("count")
        return count if isinstance(count, int) and count >= 0 else None

    def parties(self, docket_id: int) -> list[dict]:
        """Parties as {"name", "role"}; an empty list when the account may not read them."""
        try:
            items = list(self._paginate("parties/", {"docket": docket_id, "fields": "name,party_types"}))
        except SourceError as exc:  # parties are a nicety: never lose the docket and entries over them
            logger.info("Parties of docket %s not available: %s", docket_id, exc)
            return []
        parties = []
        for item in items:
            roles = [t.get("name", "") for t in item.get("party_types") or [] if isinstance(t, dict)]
            if item.get("name"):
                parties.append({"name": str(item["name"])[:300], "role": ", ".join(r for r in roles if r)[:60]})
        return parties


def update_from_docket(docket: dict, court_id: str = "", docket_number: str = "") -> DocketUpdate:
    """A v4 docket object as a DocketUpdate without entries."""
    if not isinstance(docket, dict) or not isinstance(docket.get("id"), int):
        raise MalformedData("Docket without an integer id")
    return DocketUpdate(
        source=Source.COURTLISTENER,
        court_id=str(docket.get("court_id") or court_id),
        docket_number=str(docket.get("docket_number") or docket_number),
        courtlistener_docket_id=docket["id"],
        caption=str(docket.get("case_name_full") or docket.get("case_name") or "")[:500],
        judge=str(docket.get("assigned_to_str") or "")[:200],
        referred_judge=str(docket.get("referred_to_str") or "")[:200],
        date_filed=_date(docket.get("date_filed")),
        date_terminated=_date(docket.get("date_terminated")),
        date_last_filing=_date(docket.get("date_last_filing")),
    )


def add_entries(update: DocketUpdate, items) -> None:
    """Append docket entries (REST or webhook flavour) and move the date_modified watermark forward."""
    for item in items:
        check_entry(item)
        update.entries.append(entry_from_json(item))
        modified = _datetime(item.get("date_modified"))
        if modified and (update.entries_watermark is None or modified > update.entries_watermark):
            update.entries_watermark = modified
