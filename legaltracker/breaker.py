"""A per-source circuit breaker: after repeated failures, stop calling the source for a while."""

import time

from django.core.cache import cache

from legaltracker.conf import app_settings


class CircuitBreaker:
    def __init__(self, source: str, threshold: int | None = None, cooldown: int | None = None):
        self.source = source
        self.threshold = threshold or app_settings.LEGALTRACKER_BREAKER_THRESHOLD
        self.cooldown = cooldown or app_settings.LEGALTRACKER_BREAKER_COOLDOWN_SECONDS

    @property
    def _failures_key(self) -> str:
        return f"breaker:{self.source}:failures"

    @property
    def _open_key(self) -> str:
        return f"breaker:{self.source}:open-until"

    def is_open(self) -> bool:
        until = cache.get(self._open_key)
        return bool(until and until > time.time())

    def seconds_until_closed(self) -> float:
        until = cache.get(self._open_key) or 0
        return max(until - time.time(), 0)

    def record_failure(self) -> None:
        cache.add(self._failures_key, 0, timeout=self.cooldown * 2)
        try:
            failures = cache.incr(self._failures_key)
        except ValueError:  # the cache is unreachable: the failure cannot be counted, the task still retries
            return
        if failures >= self.threshold:
            cache.set(self._open_key, time.time() + self.cooldown, timeout=self.cooldown + 5)
            cache.delete(self._failures_key)

    def record_success(self) -> None:
        cache.delete_many([self._failures_key, self._open_key])
