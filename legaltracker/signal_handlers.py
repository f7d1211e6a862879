"""When an editor publishes, renames, unpublishes or saves a case: drop its cached widget, look its
docket up, and forget lookup failures the edit may have fixed.

Cache drops, purges and lookups go through the outbox: a cache or broker outage at publish time delays
them, never loses them. Without Celery the lookup waits for `refresh_cases`: it calls a metered
API and must not hold up the editor's publish.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_slug_changed, page_unpublished

from legaltracker import outbox
from legaltracker.invalidation import forget_widget
from legaltracker.models import CasePage
from legaltracker.services import ensure_case_status, reset_refresh_failures


def _forget(case_id: int, *slugs: str) -> None:
    # At once (best effort), so this very request already reads the change; and through the outbox
    # after commit, so a cache outage now cannot keep the old payload alive.
    forget_widget(case_id, *slugs, strict=False)
    outbox.enqueue("forget_widget", case_id=case_id, slugs=list(slugs))


@receiver(page_published, sender=CasePage)
def queue_refresh_on_publish(sender, instance, **kwargs):
    ensure_case_status(instance.pk)
    _forget(instance.pk, instance.slug)
    # Its title, court and docket number show on the index and in every article embedding it.
    outbox.enqueue("purge_case", case_id=instance.pk)
    if instance.tracking:
        outbox.enqueue("refresh_case", case_id=instance.pk, with_docket=True)


@receiver(page_unpublished, sender=CasePage)
def forget_unpublished_case(sender, instance, **kwargs):
    _forget(instance.pk, instance.slug)
    outbox.enqueue("purge_case", case_id=instance.pk)


@receiver(page_slug_changed, sender=CasePage)
def forget_old_slug(sender, instance, instance_before, **kwargs):
    _forget(instance.pk, instance_before.slug, instance.slug)


@receiver(post_save, sender=CasePage)
def retry_failed_lookups_on_save(sender, instance, **kwargs):
    # Workers never save pages, so a save is an editor (or a command) who may have fixed the docket
    # number or the court: earlier "not found" or "refused" failures no longer hold.
    reset_refresh_failures(instance.pk)
