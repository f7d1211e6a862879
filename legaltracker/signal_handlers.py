"""When an editor publishes a case, look its docket up in the background."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_slug_changed, page_unpublished

from legaltracker.dispatch import enqueue_on_commit
from legaltracker.invalidation import forget_widget
from legaltracker.models import CasePage
from legaltracker.purge import purge_case_urls
from legaltracker.services import ensure_case_status, reset_refresh_failures
from legaltracker.tasks import refresh_case


@receiver(page_published, sender=CasePage)
def queue_refresh_on_publish(sender, instance, **kwargs):
    ensure_case_status(instance.pk)
    forget_widget(instance.pk, instance.slug)
    # Its title, court and docket number show on the index and in every article embedding it.
    transaction.on_commit(lambda: purge_case_urls(instance.pk))
    if instance.tracking:
        # Without Celery the lookup waits for `refresh_cases`: it calls a metered API and must not
        # hold up the editor's publish.
        enqueue_on_commit(refresh_case, instance.pk)


@receiver(page_unpublished, sender=CasePage)
def forget_unpublished_case(sender, instance, **kwargs):
    forget_widget(instance.pk, instance.slug)
    transaction.on_commit(lambda: purge_case_urls(instance.pk))


@receiver(page_slug_changed, sender=CasePage)
def forget_old_slug(sender, instance, instance_before, **kwargs):
    forget_widget(instance.pk, instance_before.slug, instance.slug)


@receiver(post_save, sender=CasePage)
def retry_failed_lookups_on_save(sender, instance, **kwargs):
    # Workers never save pages, so a save is an editor (or a command) who may have fixed the docket
    # number or the court: earlier "not found" or "refused" failures no longer hold.
    reset_refresh_failures(instance.pk)
