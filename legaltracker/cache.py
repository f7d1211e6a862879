"""A Redis cache that degrades to a miss when Redis is unreachable, so readers are served from the database.

Every page and widget can be rebuilt from PostgreSQL, so a lost cache costs time, never correctness:
reads become misses, writes become no-ops, `add` answers False (a lock that cannot be taken is
not taken, so nothing runs twice). Sockets time out quickly, and after a failure the cache is not
asked again for `RETRY_AFTER` seconds, so a dead Redis costs each request nothing, not a timeout per call.

Configure it in CACHES like Django's RedisCache:
    {"BACKEND": "legaltracker.cache.ResilientRedisCache", "LOCATION": "redis://host:6379/2",
     "OPTIONS": {"RETRY_AFTER": 5, "socket_connect_timeout": 0.25, "socket_timeout": 0.5}}
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("legaltracker.cache")


def _unreachable_errors() -> tuple[type[Exception], ...]:
    # A host without Redis has no redis package; it never uses this backend, but imports this module.
    try:
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError
    except ImportError:
        return (OSError,)
    return (RedisConnectionError, RedisTimeoutError, OSError)


UNREACHABLE = _unreachable_errors()


class CacheUnavailable(ValueError):
    """The cache could not be reached. A ValueError, as Django raises for `incr` of a missing key."""


class ResilientRedisCache(RedisCache):
    # Django keeps one backend instance per thread; the circuit is shared by all of a process's threads.
    _down_until: dict[str, float] = {}
    _lock = threading.Lock()

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        options.setdefault("socket_connect_timeout", 0.25)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, {**params, "OPTIONS": options})
        self._circuit_key = str(server)

    def is_available(self) -> bool:
        return self._down_until.get(self._circuit_key, 0) <= time.monotonic()

    def _failed(self, operation: str, exc: Exception) -> None:
        with self._lock:
            was_up = self.is_available()
            self._down_until[self._circuit_key] = time.monotonic() + self.retry_after
        if was_up:
            logger.warning(
                "event=cache_unreachable operation=%s error=%r retry_in=%ss", operation, exc, self.retry_after
            )

    def _call(self, operation: str, default, *args, **kwargs):
        if not self.is_available():
            return default
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except UNREACHABLE as exc:
            self._failed(operation, exc)
            return default

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", [], data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", None)

    def incr(self, key, delta=1, version=None):
        value = self._call("incr", CacheUnavailable, key, delta, version)
        if value is CacheUnavailable:
            raise CacheUnavailable(f"cache unreachable: cannot count {key!r}")
        return value

    def delete_many_strict(self, keys, version=None) -> None:
        """Delete or raise CacheUnavailable: for invalidation, which must be retried rather than lost."""
        if not self.is_available():
            raise CacheUnavailable("cache unreachable: invalidation must be retried")
        try:
            super().delete_many(keys, version)
        except UNREACHABLE as exc:
            self._failed("delete_many", exc)
            raise CacheUnavailable(f"cache unreachable: {exc}") from exc


def cache_reachable(alias: str = "default") -> bool:
    """False while the resilient cache is resting after a failure; always True for other backends."""
    from django.core.cache import caches

    return getattr(caches[alias], "is_available", lambda: True)()
