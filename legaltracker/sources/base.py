"""What every source produces: plain values, no models, no I/O."""

from dataclasses import dataclass, field
from datetime import date, datetime


class SourceError(Exception):
    """A source could not answer. `retry_after` is set when waiting will help."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class SourceUnavailable(SourceError):
    """5xx, timeout or connection failure: retry with backoff."""


class RateLimited(SourceError):
    """The source or our own quota says wait."""


class SourceForbidden(SourceError):
    """The account may not read this endpoint (for example docket entries on a free account)."""


class MalformedData(SourceError):
    """The source answered with something we cannot parse."""


class DocketNotFound(SourceError):
    """No docket matches the court and docket number."""


@dataclass(frozen=True)
class EntryData:
    source: str
    source_id: str
    description: str
    entry_number: int | None = None
    date_filed: date | None = None
    document_url: str = ""
    # The court's name for the kind of document ("Motion to Dismiss", "Judgment"), when the source gives it.
    short_description: str = ""


@dataclass
class DocketUpdate:
    """Docket metadata plus entries from one source. Empty fields mean "the source did not say"."""

    source: str
    court_id: str = ""
    docket_number: str = ""
    courtlistener_docket_id: int | None = None
    caption: str = ""
    judge: str = ""
    referred_judge: str = ""
    date_filed: date | None = None
    date_terminated: date | None = None
    date_last_filing: date | None = None
    parties: list[dict] = field(default_factory=list)
    entries: list[EntryData] = field(default_factory=list)
    entries_watermark: datetime | None = None
    entries_access: str = ""
