"""Checks on values from court data before they reach the database or a page.

Upstream data is untrusted: a wrong type or an impossible value becomes a `MalformedData` error
naming the field (recorded on the event or the case), never a crash deep inside a write.
"""

from datetime import date, datetime
from urllib.parse import urlsplit

from django.utils.dateparse import parse_date, parse_datetime

from legaltracker.sources.base import MalformedData

# DocketEntry.entry_number is a PostgreSQL integer.
MAX_ENTRY_NUMBER = 2**31 - 1


def safe_url(value) -> str:
    """The URL if it is an absolute http(s) URL with a host, else "" (no javascript:, no //host)."""
    if not isinstance(value, str):
        return ""
    value = value.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    return value if parts.scheme in ("http", "https") and parts.netloc else ""


def site_path(value) -> str:
    """A path on the source's own site ("/docket/1/"), else "" (a protocol-relative //host is refused)."""
    if isinstance(value, str) and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return ""


def optional_date(item: dict, field: str) -> date | None:
    value = item.get(field)
    if value in (None, ""):
        return None
    try:
        parsed = parse_date(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise MalformedData(f"Docket entry {item.get('id')!r}: {field} {value!r} is not a date")
    return parsed


def optional_datetime(item: dict, field: str) -> datetime | None:
    value = item.get(field)
    if value in (None, ""):
        return None
    try:
        parsed = parse_datetime(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise MalformedData(f"Docket entry {item.get('id')!r}: {field} {value!r} is not a date and time")
    return parsed


def check_entry(item) -> None:
    """Raise MalformedData unless a CourtListener docket entry has the types and ranges we store."""
    if not isinstance(item, dict):
        raise MalformedData("Docket entry is not an object")
    entry_id = item.get("id")
    if isinstance(entry_id, bool) or not isinstance(entry_id, int | str) or entry_id in ("", None):
        raise MalformedData(f"Docket entry without an id (got {entry_id!r})")
    number = item.get("entry_number")
    if number is not None and (
        isinstance(number, bool) or not isinstance(number, int) or not 0 <= number <= MAX_ENTRY_NUMBER
    ):
        raise MalformedData(f"Docket entry {entry_id!r}: entry_number {number!r} is not a docket number")
    optional_date(item, "date_filed")
    optional_datetime(item, "date_modified")
    if not isinstance(item.get("description") or "", str):
        raise MalformedData(f"Docket entry {entry_id!r}: description is not text")
    documents = item.get("recap_documents")
    if documents is not None and (
        not isinstance(documents, list) or not all(isinstance(document, dict) for document in documents)
    ):
        raise MalformedData(f"Docket entry {entry_id!r}: recap_documents is not a list of documents")
