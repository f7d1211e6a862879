"""A quota shared by every worker for calls to a metered source (CourtListener).

Each window (minute, hour, day) is a moving window: a call is allowed when fewer than `limit`
calls were made in the last 60 s, 3600 s or 86400 s, so there is no burst of twice the limit
around the turn of a calendar minute. The counts live in shared storage, so every web process
and worker on every machine draws from one budget:

- on Redis, the `limits` library's moving-window strategy (atomic Lua scripts);
- on any other Django cache (the embedded default's database cache), a small sliding log kept
  in the cache itself, see `_CacheSlidingLog`.

A 429's Retry-After is stored too, and no call is allowed before it has passed.
"""

import logging
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.utils.module_loading import import_string
from limits import RateLimitItemPerDay, RateLimitItemPerHour, RateLimitItemPerMinute
from limits.storage import RedisStorage
from limits.strategies import MovingWindowRateLimiter

from legaltracker.cache import UNREACHABLE, CacheUnavailable
from legaltracker.conf import app_settings
from legaltracker.sources.base import RateLimited

logger = logging.getLogger("legaltracker.quota")

WINDOWS = (("minute", 60), ("hour", 3600), ("day", 86400))
# Redis down (limits' own connection) or the resilient cache resting after a failure.
STORAGE_UNREACHABLE = (*UNREACHABLE, CacheUnavailable)
_ITEMS = {"minute": RateLimitItemPerMinute, "hour": RateLimitItemPerHour, "day": RateLimitItemPerDay}
Clock = Callable[[], float]


@dataclass
class QuotaUsage:
    window: str
    used: int
    limit: int


@lru_cache(maxsize=8)
def _connection_pool(uri: str):
    # One pool per process and server, as Django's Redis cache keeps, not a connection per quota
    # object. Imported here: a site on the database cache needs no Redis client at all.
    import redis

    # Short timeouts, as the resilient cache has: a dead Redis must not hold a worker for long.
    return redis.ConnectionPool.from_url(uri, socket_connect_timeout=0.5, socket_timeout=2)


class _ClockedRedisStorage(RedisStorage):
    """limits' Redis storage, with timestamps from the quota's clock instead of time.time().

    The moving-window Lua scripts are limits' own; only where "now" comes from changes, so tests
    can walk a quota through simulated minutes without sleeping.
    """

    def __init__(self, uri: str, key_prefix: str, clock: Clock):
        super().__init__(uri, connection_pool=_connection_pool(uri), key_prefix=key_prefix)
        self.clock = clock

    def acquire_entry(self, key: str, limit: int, expiry: int, amount: int = 1) -> bool:
        return bool(self.lua_acquire_moving_window([self.prefixed_key(key)], [self.clock(), limit, expiry, amount]))

    def get_moving_window(self, key: str, limit: int, expiry: int) -> tuple[float, int]:
        now = self.clock()
        window = self.lua_moving_window([self.prefixed_key(key)], [now - expiry, limit])
        return (float(window[0]), int(window[1])) if window else (now, 0)


class _RedisMovingWindows:
    def __init__(self, name: str, limits: dict[str, int], uri: str, key_prefix: str, clock: Clock):
        self.name = name
        self.clock = clock
        self.items = [(window, _ITEMS[window](limit)) for window, _ in WINDOWS if (limit := limits.get(window))]
        self.limiter = MovingWindowRateLimiter(_ClockedRedisStorage(uri, key_prefix, clock))

    def acquire(self) -> None:
        # Test every window before taking from any, so a spent day does not also eat a minute slot.
        # Between test and hit another worker may take the last slot; hit() is atomic, so the
        # worst case is one slot of a shorter window taken without a call: never one call too many.
        for window, item in self.items:
            if not self.limiter.test(item, self.name):
                raise self._spent(window, item)
        for window, item in self.items:
            if not self.limiter.hit(item, self.name):
                raise self._spent(window, item)

    def _spent(self, window: str, item) -> RateLimited:
        stats = self.limiter.get_window_stats(item, self.name)
        wait = max(stats.reset_time - self.clock(), 1.0)
        return RateLimited(f"{self.name}: {item.amount} calls per {window} used", retry_after=wait)

    def used(self) -> dict[str, int]:
        return {
            window: item.amount - self.limiter.get_window_stats(item, self.name).remaining
            for window, item in self.items
        }

    def reset(self) -> None:
        for _, item in self.items:
            self.limiter.clear(item, self.name)


class _CacheSlidingLog:
    """The timestamps of the last day's calls, kept in a Django cache under a short mutex.

    `limits` has no database storage, and its memory storage counts per process, while the
    embedded default runs web, worker and beat as separate processes that share only the database
    (and its cache table). So the log lives in that cache. The database cache has no atomic
    increment, hence the mutex: `cache.add` is an INSERT on the key, which only one process wins.
    """

    MUTEX_SECONDS = 5

    def __init__(self, name: str, limits: dict[str, int], cache, clock: Clock):
        self.name = name
        self.limits = {window: limit for window, limit in limits.items() if limit}
        self.cache = cache
        self.clock = clock
        self.key = f"quota:{name}:log"

    def acquire(self) -> None:
        with self._mutex():
            now = self.clock()
            log = self._recent(now)
            for window, seconds in WINDOWS:
                limit = self.limits.get(window)
                in_window = [t for t in log if t > now - seconds]
                if limit and len(in_window) >= limit:
                    wait = max(min(in_window) + seconds - now, 1.0)
                    raise RateLimited(f"{self.name}: {limit} calls per {window} used", retry_after=wait)
            log.append(now)
            self.cache.set(self.key, log, timeout=WINDOWS[-1][1] + 60)

    def _recent(self, now: float) -> list[float]:
        return [t for t in self.cache.get(self.key) or [] if t > now - WINDOWS[-1][1]]

    @contextmanager
    def _mutex(self):
        key = f"{self.key}:mutex"
        deadline = time.monotonic() + self.MUTEX_SECONDS
        while not self.cache.add(key, 1, timeout=self.MUTEX_SECONDS):
            if time.monotonic() > deadline:
                raise RateLimited(f"{self.name}: quota storage busy", retry_after=1)
            time.sleep(0.01)
        try:
            yield
        finally:
            self.cache.delete(key)

    def used(self) -> dict[str, int]:
        now = self.clock()
        log = self._recent(now)
        return {window: sum(1 for t in log if t > now - seconds) for window, seconds in WINDOWS}

    def reset(self) -> None:
        self.cache.delete(self.key)


@lru_cache(maxsize=8)
def _redis_location(alias: str) -> str | None:
    config = settings.CACHES.get(alias, {})
    backend = config.get("BACKEND")
    # Django's Redis cache or a subclass of it (such as legaltracker.cache.ResilientRedisCache).
    if not backend or not issubclass(import_string(backend), RedisCache):
        return None
    location = config["LOCATION"]
    if isinstance(location, str):
        location = location.split(",")
    return location[0]  # the first server is the one Django's Redis cache writes to


class SharedQuota:
    def __init__(self, name: str, limits: dict[str, int], clock: Clock | None = None, cache_alias: str | None = None):
        self.name = name
        self.limits = limits
        self.clock = clock or time.time
        alias = cache_alias or app_settings.LEGALTRACKER_QUOTA_CACHE
        self.cache = caches[alias]
        redis_uri = _redis_location(alias)
        if redis_uri:
            prefix = f"{settings.CACHES[alias].get('KEY_PREFIX', '')}:legaltracker-quota"
            self.windows = _RedisMovingWindows(name, limits, redis_uri, prefix, self.clock)
        else:
            self.windows = _CacheSlidingLog(name, limits, self.cache, self.clock)

    @classmethod
    def courtlistener(cls, clock: Clock | None = None) -> "SharedQuota":
        return cls(
            "courtlistener",
            {
                "minute": app_settings.COURTLISTENER_LIMIT_PER_MINUTE,
                "hour": app_settings.COURTLISTENER_LIMIT_PER_HOUR,
                "day": app_settings.COURTLISTENER_LIMIT_PER_DAY,
            },
            clock=clock,
        )

    def _blocked_key(self) -> str:
        return f"quota:{self.name}:blocked-until"

    def acquire(self) -> None:
        """Take one call from every window, or raise RateLimited with how long to wait."""
        blocked_until = self.cache.get(self._blocked_key())
        now = self.clock()
        if blocked_until and blocked_until > now:
            raise RateLimited(f"{self.name}: waiting for Retry-After", retry_after=blocked_until - now)
        try:
            self.windows.acquire()
        except RateLimited as exc:
            logger.info("%s quota spent: %s; next call allowed in %.0fs", self.name, exc, exc.retry_after)
            raise
        except STORAGE_UNREACHABLE as exc:
            # Fail safe: a call the shared budget cannot count is not made; the task waits and retries.
            logger.warning("event=quota_unreachable quota=%s error=%r", self.name, exc)
            raise RateLimited(f"{self.name}: the shared quota cannot be counted now", retry_after=30) from exc

    def block_for(self, seconds: float) -> None:
        """Honour a Retry-After: nobody calls the source until it has passed."""
        until = self.clock() + max(seconds, 0)
        self.cache.set(self._blocked_key(), until, timeout=int(seconds) + 5)

    def usage(self) -> list[QuotaUsage]:
        """Calls made in the last minute, hour and day, against each limit (none known while unreachable)."""
        try:
            used = self.windows.used()
        except STORAGE_UNREACHABLE as exc:
            logger.warning("event=quota_unreachable quota=%s error=%r", self.name, exc)
            used = {}
        return [QuotaUsage(window, used.get(window, 0), self.limits.get(window, 0)) for window, _ in WINDOWS]

    def remaining(self) -> int | None:
        """Calls allowed right now before some window is spent; None when nothing is limited."""
        blocked_until = self.cache.get(self._blocked_key())
        if blocked_until and blocked_until > self.clock():
            return 0  # a 429's Retry-After: beat hands out nothing until it has passed
        left = [usage.limit - usage.used for usage in self.usage() if usage.limit]
        return max(min(left), 0) if left else None

    def reset(self) -> None:
        self.windows.reset()
        self.cache.delete(self._blocked_key())
