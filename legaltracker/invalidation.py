"""What happens after a case's data changes and the transaction has committed."""

from django.core.cache import cache


def widget_cache_key(case_id: int) -> str:
    return f"legaltracker:widget:{case_id}"


def case_changed(case_id: int) -> None:
    """Drop the cached widget payload; purge the frontend cache of every page that shows the case."""
    cache.delete(widget_cache_key(case_id))
    from legaltracker.purge import purge_case_urls

    purge_case_urls(case_id)
