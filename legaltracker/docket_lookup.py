"""Looking a docket up on CourtListener for an editor creating a case from its number alone.

A read, not a write: the editor's form fills itself in from the answer and the editor saves it.
Every failure becomes one sentence an editor can act on.
"""

import logging
import re
from dataclasses import asdict, dataclass, field

from django.core.cache import cache

from legaltracker.breaker import CircuitBreaker
from legaltracker.docket_numbers import normalise_docket_number
from legaltracker.sources.base import DocketNotFound, RateLimited, SourceError, SourceForbidden
from legaltracker.sources.courtlistener import CourtListenerClient, update_from_docket
from legaltracker.statuses import Source

LOOKUP_CACHE_SECONDS = 600
logger = logging.getLogger("legaltracker.docket_lookup")
# The agencies reporters name by their initials in headlines.
SHORT_NAMES = {
    "securities and exchange commission": "SEC",
    "commodity futures trading commission": "CFTC",
    "federal trade commission": "FTC",
    "united states of america": "United States",
}
_SHORT_NAME_PATTERN = re.compile("|".join(re.escape(name) for name in SHORT_NAMES), re.I)


class LookupFailed(Exception):
    """The lookup gave nothing to fill in; the message tells the editor what to do."""


@dataclass
class DocketDetails:
    docket_id: int
    title: str
    caption: str
    parties: list[dict] = field(default_factory=list)


def short_title(case_name: str) -> str:
    """CourtListener's case name with agencies as reporters write them: "SEC v. Binance Holdings"."""
    text = _SHORT_NAME_PATTERN.sub(lambda match: SHORT_NAMES[match.group(0).lower()], case_name)
    return " ".join(text.split())[:255]


def _cache_key(court_id: str, docket_number: str) -> str:
    return f"legaltracker:docket-lookup:{court_id}:{normalise_docket_number(docket_number)}"


def look_up_docket(court_id: str, docket_number: str, client: CourtListenerClient | None = None) -> DocketDetails:
    """Title, caption and parties of a docket: the docket search (one call) and its parties (one more).

    An answer is kept for a few minutes, so saving again after fixing another field costs nothing.
    """
    remembered = cache.get(_cache_key(court_id, docket_number))
    if remembered:
        return DocketDetails(**remembered)
    details = _ask_courtlistener(court_id, docket_number, client or CourtListenerClient())
    cache.set(_cache_key(court_id, docket_number), asdict(details), timeout=LOOKUP_CACHE_SECONDS)
    return details


def _ask_courtlistener(court_id: str, docket_number: str, client: CourtListenerClient) -> DocketDetails:
    if not client.configured:
        raise LookupFailed("Enter a title: CourtListener lookups are off (the site has no COURTLISTENER_TOKEN).")
    breaker = CircuitBreaker(Source.COURTLISTENER)
    if breaker.is_open():
        raise LookupFailed("Enter a title: CourtListener kept failing, so lookups are paused for a few minutes.")
    try:
        docket = client.find_docket(court_id, docket_number)
        update = update_from_docket(docket, court_id, docket_number)
    except DocketNotFound as exc:
        raise LookupFailed(
            f"CourtListener has no docket {docket_number} in court {court_id}; check the number, "
            "or enter a title to save the case anyway."
        ) from exc
    except RateLimited as exc:
        wait = f" in {int(exc.retry_after)} seconds" if exc.retry_after else " later"
        raise LookupFailed(
            f"Enter a title, or try again{wait}: the site has used its CourtListener allowance for now."
        ) from exc
    except SourceForbidden as exc:
        raise LookupFailed(
            "Enter a title: CourtListener refused the lookup; ask an operator to check the token."
        ) from exc
    except SourceError as exc:
        breaker.record_failure()
        logger.info("Docket lookup of %s in %s failed: %s", docket_number, court_id, exc)
        raise LookupFailed("Enter a title, or try again in a minute: CourtListener did not answer.") from exc
    breaker.record_success()
    return DocketDetails(
        docket_id=update.courtlistener_docket_id,
        title=short_title(str(docket.get("case_name") or update.caption)),
        caption=update.caption,
        parties=client.parties(update.courtlistener_docket_id),
    )
