"""Names of the tracker's entries in the default cache, and how long widget payloads may live there.

Kept apart from the readers and writers of those entries so that both can import it.
"""

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache

from legaltracker.conf import app_settings


def widget_cache_key(case_id: int) -> str:
    return f"legaltracker:widget:{case_id}"


def widget_slug_key(slug: str) -> str:
    return f"legaltracker:widget-slug:{slug}"


def cache_is_shared() -> bool:
    """False when each process keeps its own cache, so a change made elsewhere cannot invalidate it."""
    # `caches`, not the `cache` proxy: isinstance needs the backend object itself.
    return not isinstance(caches["default"], LocMemCache | DummyCache)


def widget_cache_seconds() -> int:
    """A shared cache is invalidated on every change and may keep payloads long; a per-process one may not."""
    if cache_is_shared():
        return app_settings.WIDGET_CACHE_SECONDS
    return min(app_settings.WIDGET_CACHE_SECONDS, app_settings.WIDGET_UNSHARED_CACHE_SECONDS)
