"""Reading configuration from environment variables, with the demo's safe defaults."""

import os
from urllib.parse import urlsplit, urlunsplit


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def redis_db_url(base_url: str, db: int) -> str:
    """The same Redis server as `base_url`, on database number `db`.

    Broker, results, cache and quota counters live on separate databases so that
    flushing one (for example the cache) never drops queued tasks.
    """
    parts = urlsplit(base_url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{db}", parts.query, ""))
