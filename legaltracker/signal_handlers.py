"""When an editor publishes, renames, unpublishes or saves a case: drop its cached widget, look its
docket up, and forget lookup failures the edit may have fixed.

Cache drops, purges and lookups go through the outbox: a cache or broker outage at publish time delays
them, never loses them. Without Celery the lookup waits for `refresh_cases`: it calls a metered
API and must not hold up the editor's publish.
"""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished

from legaltracker import outbox
from legaltracker.hub import cases_referenced_by
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


@receiver(pre_save, dispatch_uid="legaltracker-coverage-before-publish")
def note_cases_embedded_before_publish(sender, instance, update_fields=None, **kwargs):
    """Before a page is saved whole (a publish; drafts save a few fields), note which cases its
    live content embeds: Wagtail rewrites the page's reference index during the save."""
    if update_fields is None and isinstance(instance, Page) and not isinstance(instance, CasePage) and instance.pk:
        instance._cases_embedded_before_save = cases_referenced_by(instance)


@receiver(page_published)
@receiver(page_unpublished)
def purge_coverage_of_embedded_cases(sender, instance, **kwargs):
    """A story embedding a case went live or away, or changed which cases it embeds: the "Our
    coverage" list of each case it embeds now, and of each it embedded before, changed.

    The message runs after the commit and reads the cases the reference index holds then; the
    cases embedded before the publish were noted as the page was saved, so a case whose widget was
    just removed is purged too.
    """
    if not isinstance(instance, CasePage):
        previous = getattr(instance, "_cases_embedded_before_save", [])
        outbox.enqueue("purge_coverage", page_id=instance.pk, previous_case_ids=previous)
