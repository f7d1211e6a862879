"""What happens after a case's data changes and the transaction has committed."""

from django.core.cache import cache

from legaltracker.cache_keys import widget_cache_key, widget_slug_key
from legaltracker.models import CasePage
from legaltracker.purge import purge_case_urls
from legaltracker.selectors import forget_local_payload


def forget_widget(case_id: int, *slugs: str) -> None:
    """Drop the cached widget payload of a case, under its id and under each slug it is served at."""
    if not slugs:
        slugs = tuple(CasePage.objects.filter(pk=case_id).values_list("slug", flat=True))
    cache.delete_many([widget_cache_key(case_id), *(widget_slug_key(slug) for slug in slugs)])
    forget_local_payload(*slugs)


def case_changed(case_id: int) -> None:
    """Drop the cached widget payload; purge the frontend cache of every page that shows the case."""
    forget_widget(case_id)
    purge_case_urls(case_id)
