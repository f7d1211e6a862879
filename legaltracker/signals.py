"""When an editor publishes a case, look its docket up in the background."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from legaltracker.models import CasePage, CaseStatus


@receiver(page_published, sender=CasePage)
def queue_refresh_on_publish(sender, instance, **kwargs):
    from legaltracker.tasks import refresh_case

    CaseStatus.objects.bulk_create([CaseStatus(case_id=instance.pk)], ignore_conflicts=True)
    if instance.tracking:
        transaction.on_commit(lambda: refresh_case.delay(instance.pk))
