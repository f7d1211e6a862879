"""The cache on a Redis nobody answers: misses and no-ops, a lock that is not taken, invalidation that raises."""

import socket

import pytest

from legaltracker import services
from legaltracker.cache import CacheUnavailable, cache_reachable
from legaltracker.sources.base import SourceUnavailable
from tests.factories import make_case


@pytest.fixture
def dead_redis(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "legaltracker.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"RETRY_AFTER": 60},
        },
    }
    from django.core.cache import cache

    yield cache
    cache._down_until.clear()


def test_a_dead_redis_is_a_miss_and_a_no_op(dead_redis):
    assert dead_redis.get("widget") is None and dead_redis.get_many(["a", "b"]) == {}
    assert dead_redis.add("lock", 1) is False and dead_redis.set("k", 1) is None
    assert not cache_reachable()
    with pytest.raises(CacheUnavailable):
        dead_redis.incr("quota")
    with pytest.raises(CacheUnavailable):
        dead_redis.delete_many_strict(["widget"])


@pytest.mark.django_db
def test_pages_and_widgets_are_served_and_a_refresh_waits_for_its_lock(client, tree, httpserver, settings, dead_redis):
    case = make_case(tree[2])
    settings.COURTLISTENER_BASE_URL = httpserver.url_for("/api/rest/v4/")

    assert client.get(case.url).status_code == 200
    assert client.get(f"/cases/{case.slug}/widget.json").status_code == 200
    with pytest.raises(SourceUnavailable, match="shared cache is unreachable"):
        services.refresh_case(case.pk)
    assert httpserver.log == []  # without the lock nothing is fetched, so nothing can run twice
