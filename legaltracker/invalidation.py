"""What happens after a case's data changes and the transaction has committed."""

from django.core.cache import cache

from legaltracker import outbox
from legaltracker.cache_keys import widget_cache_key, widget_slug_key
from legaltracker.conf import app_settings
from legaltracker.models import CasePage
from legaltracker.purge import purge_case_urls
from legaltracker.selectors import forget_local_payload


def forget_widget(case_id: int, *slugs: str, strict: bool = True) -> None:
    """Drop the cached widget payload of a case, under its id and under each slug it is served at."""
    if not slugs:
        slugs = tuple(CasePage.objects.filter(pk=case_id).values_list("slug", flat=True))
    forget_local_payload(*slugs)
    # Raise when the cache is unreachable (the resilient backend would otherwise skip the delete),
    # so the outbox retries: a payload cached before a blip must not outlive the change.
    delete = getattr(cache, "delete_many_strict", cache.delete_many) if strict else cache.delete_many
    delete([widget_cache_key(case_id), *(widget_slug_key(slug) for slug in slugs)])


def case_changed(case_id: int) -> None:
    """Drop the cached widget payload; purge the frontend cache of every page that shows the case.

    A reader whose render read the case just before the commit can store what it read just after
    this purge, and that copy would last until it expires (an hour). So the same purge runs once
    more, `CASE_REPURGE_DELAY_SECONDS` later (when the outbox sweeper next runs, every minute by
    default), which bounds how long such a copy lives.
    """
    forget_and_purge(case_id)
    outbox.schedule("case_changed_again", app_settings.CASE_REPURGE_DELAY_SECONDS, case_id=case_id)


def forget_and_purge(case_id: int) -> None:
    """Drop the case's widget payload and purge every page that shows it (run twice per change)."""
    forget_widget(case_id)
    purge_case_urls(case_id)
