"""A quota shared by every worker for calls to a metered source (CourtListener).

Counters live in the default cache (Redis in production), one per fixed window (minute, hour,
day), so all workers on all machines draw from the same budget. A 429's Retry-After is stored
too, and no call is allowed before it has passed.
"""

import contextlib
import logging
import time
from dataclasses import dataclass

from django.core.cache import cache

from legaltracker.conf import app_settings
from legaltracker.sources.base import RateLimited

logger = logging.getLogger("legaltracker.quota")

WINDOWS = (("minute", 60), ("hour", 3600), ("day", 86400))


@dataclass
class QuotaUsage:
    window: str
    used: int
    limit: int


class SharedQuota:
    def __init__(self, name: str, limits: dict[str, int]):
        self.name = name
        self.limits = limits

    @classmethod
    def courtlistener(cls) -> "SharedQuota":
        return cls(
            "courtlistener",
            {
                "minute": app_settings.COURTLISTENER_LIMIT_PER_MINUTE,
                "hour": app_settings.COURTLISTENER_LIMIT_PER_HOUR,
                "day": app_settings.COURTLISTENER_LIMIT_PER_DAY,
            },
        )

    def _key(self, window: str, seconds: int, now: float) -> str:
        return f"quota:{self.name}:{window}:{int(now // seconds)}"

    def _blocked_key(self) -> str:
        return f"quota:{self.name}:blocked-until"

    def acquire(self) -> None:
        """Take one call from every window, or raise RateLimited with how long to wait."""
        now = time.time()
        blocked_until = cache.get(self._blocked_key())
        if blocked_until and blocked_until > now:
            raise RateLimited(f"{self.name}: waiting for Retry-After", retry_after=blocked_until - now)
        taken = []
        for window, seconds in WINDOWS:
            limit = self.limits.get(window)
            if not limit:
                continue
            key = self._key(window, seconds, now)
            cache.add(key, 0, timeout=seconds + 5)
            try:
                used = cache.incr(key)
            except ValueError as exc:  # the counter is gone or the cache unreachable: spend nothing uncounted
                for taken_key in taken:
                    with contextlib.suppress(ValueError):
                        cache.decr(taken_key)
                raise RateLimited(f"{self.name}: the shared quota cannot be counted now", retry_after=30) from exc
            taken.append(key)
            if used > limit:
                for taken_key in taken:
                    cache.decr(taken_key)
                wait = seconds - (now % seconds)
                logger.info(
                    "%s quota for this %s is spent (%s calls); next window in %.0fs", self.name, window, limit, wait
                )
                raise RateLimited(f"{self.name}: {limit} calls per {window} used", retry_after=wait)

    def block_for(self, seconds: float) -> None:
        """Honour a Retry-After: nobody calls the source until it has passed."""
        until = time.time() + max(seconds, 0)
        cache.set(self._blocked_key(), until, timeout=int(seconds) + 5)

    def usage(self) -> list[QuotaUsage]:
        now = time.time()
        return [
            QuotaUsage(window, cache.get(self._key(window, seconds, now)) or 0, self.limits.get(window, 0))
            for window, seconds in WINDOWS
        ]

    def reset(self) -> None:
        now = time.time()
        cache.delete_many([self._key(w, s, now) for w, s in WINDOWS] + [self._blocked_key()])
