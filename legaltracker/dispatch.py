"""Handing work to the host's Celery workers, and doing without them when the host runs none.

A host that configured Celery (any broker URL) gets tasks on its own app: `shared_task` resolves
them there. A host without Celery still publishes, tracks and ingests: work that is local and
cheap runs in this process, and refreshes wait for `manage.py refresh_cases` (run it from cron).
A broker that cannot be reached is logged, never raised: by then the caller's data has committed.
"""

import logging
from collections.abc import Callable

from celery import current_app
from django.db import transaction

logger = logging.getLogger("legaltracker.dispatch")


def celery_configured() -> bool:
    """True when the host configured a Celery app with a broker; the fallback app has none."""
    return bool(current_app.conf.broker_url)


def enqueue(task, *args, here: Callable | None = None) -> None:
    """Queue `task(*args)` on the host's Celery; without Celery, call `here(*args)` if given."""
    if celery_configured():
        try:
            task.apply_async(args=args)
        except Exception:  # the broker is down or misconfigured: the sweep or the next cron run catches up
            logger.exception("Could not queue %s%r; it will be picked up by the next scheduled run", task.name, args)
        return
    if here is None:
        return
    try:
        here(*args)
    except Exception:
        logger.exception("Running %s%r in this process failed", getattr(here, "__name__", here), args)


def enqueue_on_commit(task, *args, here: Callable | None = None) -> None:
    """`enqueue` once the current transaction has committed, so workers see the rows it wrote."""
    transaction.on_commit(lambda: enqueue(task, *args, here=here))
