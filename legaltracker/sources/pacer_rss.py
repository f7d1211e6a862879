"""PACER RSS feeds: one request per court refreshes every tracked case in that court.

Feed items are partial (case number and name, a short description in brackets, an optional
document link) and guids repeat, so items are keyed by their content, and items that describe
one filing (same case, document and time) are merged the way CourtListener and juriscraper do.
"""

import hashlib
import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.sax import SAXException

import feedparser

from legaltracker.conf import app_settings
from legaltracker.docket_numbers import normalise_docket_number
from legaltracker.sources import http
from legaltracker.sources.base import EntryData, MalformedData
from legaltracker.statuses import Source

_DOCKET_IN_TITLE = re.compile(
    r"^\s*(?P<number>(?:\d{1,2}:)?\d{2}-[A-Za-z0-9~]{1,6}(?:-\d{1,6})?(?:-[A-Za-z0-9]+)*)\s*(?P<name>.*)$", re.S
)
_VALID_NUMBER = re.compile(r"^(?:\d{1,2}:)?\d{2}-(?:[a-z]{1,5}-)?\d{1,6}(?:-[A-Za-z0-9]+)*$", re.I)
_BRACKETED = re.compile(r"\[([^\[\]]*)\]")
_LINK = re.compile(r"<a\s[^>]*href\s*=\s*[\"']([^\"']+)[\"'][^>]*>(.*?)</a>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_CASE_ID = re.compile(r"DktRpt\.pl\?(\d+)")


@dataclass
class FeedEntry:
    docket_number: str
    case_name: str
    short_description: str
    document_url: str
    document_number: int | None
    published: datetime | None
    pacer_case_id: str = ""

    @property
    def normalised_docket_number(self) -> str:
        return normalise_docket_number(self.docket_number)

    def as_entry(self) -> EntryData:
        key = "|".join(
            [
                self.normalised_docket_number,
                self.document_url,
                str(self.document_number),
                self.published.isoformat() if self.published else "",
                self.short_description,
            ]
        )
        return EntryData(
            source=Source.PACER_RSS,
            source_id=hashlib.sha256(key.encode()).hexdigest()[:40],
            entry_number=self.document_number,
            date_filed=self.published.date() if self.published else None,
            description=self.short_description,
            document_url=self.document_url,
        )


@dataclass
class ParsedFeed:
    last_build: str
    items: int
    entries: list[FeedEntry]


def _text(value: str) -> str:
    """Court text as plain text: entities unescaped (some feeds escape twice), tags dropped."""
    value = html.unescape(html.unescape(value or ""))
    return " ".join(_TAG.sub(" ", value).split())


def _parse_item(item) -> FeedEntry | None:
    title = html.unescape(html.unescape(item.get("title", "")))
    match = _DOCKET_IN_TITLE.match(title)
    if not match or not _VALID_NUMBER.match(match["number"]):
        return None  # a malformed docket number cannot be matched to any case
    raw_description = html.unescape(item.get("summary", "") or item.get("description", ""))
    before_link = _LINK.split(raw_description, maxsplit=1)[0] if _LINK.search(raw_description) else raw_description
    bracketed = _BRACKETED.findall(_text(before_link))
    short = bracketed[-1].strip() if bracketed else _text(before_link)
    document_url, document_number = "", None
    link = _LINK.search(raw_description)
    if link:
        document_url = html.unescape(link.group(1))
        label = _text(link.group(2))
        document_number = int(label) if label.isdigit() else None
    published = None
    if item.get("published_parsed"):
        published = datetime(*item["published_parsed"][:6], tzinfo=UTC)
    case_id = _CASE_ID.search(item.get("link", "") or item.get("id", ""))
    name = " ".join(match["name"].split())
    return FeedEntry(
        docket_number=match["number"],
        case_name=name or "Unknown Case Title",
        short_description=short,
        document_url=document_url,
        document_number=document_number,
        published=published,
        pacer_case_id=case_id.group(1) if case_id else "",
    )


def parse_feed(content: bytes) -> ParsedFeed:
    """Parse a feed's bytes (ISO-8859-1 declared); raises MalformedData for a broken feed."""
    parsed = feedparser.parse(content)
    if parsed.bozo and not parsed.entries:
        raise MalformedData(f"Feed could not be parsed: {parsed.get('bozo_exception')!s}"[:200])
    if not parsed.get("version") and not parsed.entries:
        # An empty body or an HTML error page answered with 200 is not "no news".
        raise MalformedData("Not an RSS or Atom feed (empty or another kind of document).")
    if parsed.bozo and isinstance(parsed.get("bozo_exception"), SAXException):
        # feedparser recovers what it can from broken XML; a half-read feed must not pass as complete.
        raise MalformedData(f"Feed is truncated or not well-formed: {parsed.bozo_exception!s}"[:200])
    merged: dict[tuple, FeedEntry] = {}
    for item in parsed.entries:
        entry = _parse_item(item)
        if entry is None:
            continue
        key = (
            entry.normalised_docket_number,
            entry.pacer_case_id,
            entry.document_url,
            entry.document_number,
            entry.published,
        )
        if key in merged:
            previous = merged[key]
            parts = sorted(set(previous.short_description.split(" AND ")) | {entry.short_description})
            previous.short_description = " AND ".join(parts)
        else:
            merged[key] = entry
    return ParsedFeed(
        last_build=str(parsed.feed.get("updated", "")),
        items=len(parsed.entries),
        entries=list(merged.values()),
    )


def fetch_feed(url: str) -> bytes:
    session = http.session_with_agent(app_settings.LEGALTRACKER_USER_AGENT)
    response = http.get(session, url, timeout=app_settings.PACER_RSS_TIMEOUT)
    if response.status_code != 200:
        raise MalformedData(f"{response.status_code} from {url}")
    return response.content
