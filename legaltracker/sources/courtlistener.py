"""CourtListener REST API v4: dockets and docket entries, within the account's shared quota."""

import logging
from collections.abc import Iterator
from datetime import date, datetime
from urllib.parse import urljoin

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
    SourceForbidden,
)
from legaltracker.sources.validation import check_entry, site_path
from legaltracker.statuses import Source

DOCKET_FIELDS = (
    "id,court_id,case_name,case_name_full,docket_number,date_filed,date_terminated,"
    "date_last_filing,assigned_to_str,referred_to_str,date_modified,absolute_url"
)
ENTRY_FIELDS = "id,entry_number,date_filed,description,date_modified,recap_documents"
MAX_PAGES = 50
logger = logging.getLogger("legaltracker.sources.courtlistener")  # a guard against a cursor that never ends


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
        """The docket for a court and docket number as CourtListener stores it."""
        results = list(
            self._paginate("dockets/", {"court": court_id, "docket_number": docket_number, "fields": DOCKET_FIELDS})
        )
        if not results:
            raise DocketNotFound(f"CourtListener has no docket {docket_number} in court {court_id}")
        return results[0]

    def get_docket(self, docket_id: int) -> dict:
        return self._get_json(urljoin(self.base_url, f"dockets/{docket_id}/"), {"fields": DOCKET_FIELDS})

    def iter_entries(self, docket_id: int, modified_after: datetime | None) -> Iterator[dict]:
        # Document text can run to megabytes per entry; the tracker never needs it.
        params = {
            "docket": docket_id,
            "order_by": "date_modified",
            "fields": ENTRY_FIELDS,
            "omit": "recap_documents__plain_text",
        }
        if modified_after:
            params["date_modified__gt"] = modified_after.isoformat()
        return self._paginate("docket-entries/", params)

    def docket_update(
        self,
        court_id: str,
        docket_number: str,
        docket_id: int | None,
        since: datetime | None,
        with_parties: bool = False,
    ) -> DocketUpdate:
        """Docket metadata and the entries modified since `since`; metadata only if entries are closed to us.

        `with_parties` also asks for the parties (one more call, made on a case's first lookup).
        """
        docket = self.get_docket(docket_id) if docket_id else self.find_docket(court_id, docket_number)
        update = update_from_docket(docket, court_id, docket_number)
        self._add_entries_since(update, since)
        if with_parties:
            update.parties = self.parties(update.courtlistener_docket_id)
        return update

    def entries_update(self, docket_id: int, since: datetime | None) -> DocketUpdate:
        """Only the entries modified since `since`: one call when the docket's metadata is already known."""
        update = DocketUpdate(source=Source.COURTLISTENER, courtlistener_docket_id=docket_id)
        self._add_entries_since(update, since)
        return update

    def _add_entries_since(self, update: DocketUpdate, since: datetime | None) -> None:
        """Add the docket's entries modified since `since`, or note that the account may not read them."""
        update.entries_watermark = since
        try:
            add_entries(update, self.iter_entries(update.courtlistener_docket_id, since))
            update.entries_access = "ok"
        except SourceForbidden:
            update.entries_access = "forbidden"

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
